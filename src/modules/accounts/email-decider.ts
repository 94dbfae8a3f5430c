import type { Decider } from '../../platform/command/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { EmailEvent } from './events.ts';

// One stream per normalised address hash. Two registrations racing for one address both find the
// stream empty and append expecting 'no_stream': the store lets exactly one through, the other
// retries, finds the holder and is refused EMAIL_TAKEN.

export type EmailState = { holder: string | null; reservedAt: string | null };
export type EmailCommand =
  | { type: 'Reserve'; userId: string; at: string }
  | { type: 'Release'; userId: string; reason: 'deleted' | 'registration-failed'; at: string }
  /** Takes over an address whose holder never finished registering, or was deleted. */
  | { type: 'Reclaim'; staleHolder: string; userId: string; at: string };

export const initialEmailState: EmailState = { holder: null, reservedAt: null };

export function evolveEmail(state: EmailState, event: EmailEvent): EmailState {
  switch (event.type) {
    case 'EmailReserved': return { holder: event.data.userId, reservedAt: event.data.at };
    case 'EmailReleased': return state.holder === event.data.userId ? { holder: null, reservedAt: null } : state;
    default: return state;
  }
}

export function decideEmail(command: EmailCommand, state: EmailState): EmailEvent[] {
  switch (command.type) {
    case 'Reserve':
      if (state.holder === command.userId) return [];
      if (state.holder !== null) throw new AppError('EMAIL_TAKEN');
      return [{ type: 'EmailReserved', data: { userId: command.userId, at: command.at } }];
    case 'Release':
      return state.holder === command.userId ? [{ type: 'EmailReleased', data: { userId: command.userId, reason: command.reason, at: command.at } }] : [];
    case 'Reclaim':
      if (state.holder === null) return [{ type: 'EmailReserved', data: { userId: command.userId, at: command.at } }];
      if (state.holder !== command.staleHolder) throw new AppError('EMAIL_TAKEN');
      return [
        { type: 'EmailReleased', data: { userId: command.staleHolder, reason: 'orphaned', at: command.at } },
        { type: 'EmailReserved', data: { userId: command.userId, at: command.at } },
      ];
  }
}

export const emailDecider: Decider<EmailCommand, EmailState, EmailEvent> = { initialState: initialEmailState, evolve: evolveEmail, decide: decideEmail };
