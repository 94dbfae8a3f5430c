import type { Decider } from '../../platform/command/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { GuestEvent } from './events.ts';

// A visitor without an account: one free analysis, converted when they sign up or in, expired
// (and purged) after the retention window.

export type GuestState = {
  status: 'none' | 'active' | 'converted' | 'expired';
  guestId: string;
  startedAt: string;
  freeAnalysisReference: string | null;
  convertedTo: string | null;
};

export type GuestCommand =
  | { type: 'Start'; guestId: string; expiresAt: string; at: string }
  | { type: 'UseFreeAnalysis'; reference: string; at: string }
  | { type: 'Convert'; userId: string; at: string }
  | { type: 'Expire'; at: string };

export const initialGuestState: GuestState = { status: 'none', guestId: '', startedAt: '', freeAnalysisReference: null, convertedTo: null };

export function evolveGuest(state: GuestState, event: GuestEvent): GuestState {
  switch (event.type) {
    case 'GuestStarted': return { ...state, status: 'active', guestId: event.data.guestId, startedAt: event.data.at };
    case 'GuestFreeAnalysisUsed': return { ...state, freeAnalysisReference: event.data.reference };
    case 'GuestConverted': return { ...state, status: 'converted', convertedTo: event.data.userId };
    case 'GuestExpired': return { ...state, status: 'expired' };
    default: return state;
  }
}

export function decideGuest(command: GuestCommand, state: GuestState): GuestEvent[] {
  switch (command.type) {
    case 'Start':
      return state.status === 'none' ? [{ type: 'GuestStarted', data: { guestId: command.guestId, expiresAt: command.expiresAt, at: command.at } }] : [];
    case 'UseFreeAnalysis':
      if (state.status !== 'active') throw new AppError('NOT_FOUND');
      if (state.freeAnalysisReference === command.reference) return [];
      if (state.freeAnalysisReference !== null) throw new AppError('FREE_ANALYSIS_USED');
      return [{ type: 'GuestFreeAnalysisUsed', data: { guestId: state.guestId, reference: command.reference, at: command.at } }];
    case 'Convert':
      if (state.status === 'converted' && state.convertedTo === command.userId) return [];
      if (state.status !== 'active') throw new AppError('NOT_FOUND');
      return [{ type: 'GuestConverted', data: { guestId: state.guestId, userId: command.userId, at: command.at } }];
    case 'Expire':
      return state.status === 'active' ? [{ type: 'GuestExpired', data: { guestId: state.guestId, at: command.at } }] : [];
  }
}

export const guestDecider: Decider<GuestCommand, GuestState, GuestEvent> = { initialState: initialGuestState, evolve: evolveGuest, decide: decideGuest };
