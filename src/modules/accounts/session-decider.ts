import type { Decider } from '../../platform/command/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { SessionEvent } from './events.ts';

// One refresh-token family per sign-in. Every refresh rotates the token; the family remembers
// every hash it ever handed out. A rotated token that comes back within the grace window (two tabs
// refreshing at once) gets an access token but no new refresh token, so the family keeps exactly
// one live refresh token; after the window it is treated as stolen: the family ends and the reuse
// is recorded. Pure: the clock and the user's state arrive on the command.

export type SessionState = {
  status: 'none' | 'active' | 'ended';
  sessionId: string;
  userId: string;
  startedAt: string;
  lastUsedAt: string;
  expiresAt: string;
  currentHash: string;
  previousHash: string | null;
  rotatedAt: string | null;
  /** Every hash this family ever issued, oldest first. */
  issuedHashes: readonly string[];
};

export type SessionUserView = { live: boolean; sessionsValidAfter: string | null };

export type SessionCommand =
  | { type: 'Start'; sessionId: string; userId: string; tokenHash: string; expiresAt: string; method: 'register' | 'login' | 'password-change'; at: string; ipHash: string; uaFamily: string }
  | { type: 'Refresh'; presentedHash: string; newHash: string; at: string; idleSeconds: number; graceSeconds: number; user: SessionUserView; ipHash: string; uaFamily: string }
  | { type: 'End'; reason: 'logout' | 'revoked'; at: string };

export const initialSessionState: SessionState = {
  status: 'none', sessionId: '', userId: '', startedAt: '', lastUsedAt: '', expiresAt: '', currentHash: '', previousHash: null, rotatedAt: null, issuedHashes: [],
};

export function evolveSession(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'SessionStarted': {
      const d = event.data;
      return { ...state, status: 'active', sessionId: d.sessionId, userId: d.userId, startedAt: d.at, lastUsedAt: d.at, expiresAt: d.expiresAt, currentHash: d.tokenHash, issuedHashes: [d.tokenHash] };
    }
    case 'SessionRefreshed':
      return { ...state, previousHash: state.currentHash, currentHash: event.data.tokenHash, rotatedAt: event.data.at, lastUsedAt: event.data.at, issuedHashes: [...state.issuedHashes, event.data.tokenHash] };
    case 'SessionEnded': return { ...state, status: 'ended' };
    default: return state;
  }
}

const ms = (iso: string) => Date.parse(iso);

/** Why a live session must end now, or undefined when it may go on. */
export function endReason(state: SessionState, at: string, idleSeconds: number, user: SessionUserView): 'expired' | 'idle' | 'password-changed' | 'account-deleted' | undefined {
  if (!user.live) return 'account-deleted';
  if (user.sessionsValidAfter !== null && ms(state.startedAt) < ms(user.sessionsValidAfter)) return 'password-changed';
  if (ms(at) >= ms(state.expiresAt)) return 'expired';
  if (ms(at) - ms(state.lastUsedAt) > idleSeconds * 1000) return 'idle';
  return undefined;
}

export function decideSession(command: SessionCommand, state: SessionState): SessionEvent[] {
  switch (command.type) {
    case 'Start': {
      if (state.status !== 'none') throw new AppError('CONFLICT');
      const { sessionId, userId, tokenHash, expiresAt, method, at, ipHash, uaFamily } = command;
      return [{ type: 'SessionStarted', data: { sessionId, userId, tokenHash, expiresAt, method, at, ipHash, uaFamily } }];
    }
    case 'Refresh': {
      if (state.status !== 'active') throw new AppError('SESSION_EXPIRED');
      const { sessionId, userId } = state;
      const { presentedHash, at } = command;
      if (presentedHash === state.currentHash) {
        const ending = endReason(state, at, command.idleSeconds, command.user);
        if (ending) return [{ type: 'SessionEnded', data: { sessionId, userId, reason: ending, at } }];
        return [{ type: 'SessionRefreshed', data: { sessionId, userId, tokenHash: command.newHash, at } }];
      }
      const inGrace = presentedHash === state.previousHash && state.rotatedAt !== null && ms(at) - ms(state.rotatedAt) <= command.graceSeconds * 1000;
      if (inGrace && !endReason(state, at, command.idleSeconds, command.user)) return [];
      if (state.issuedHashes.includes(presentedHash)) {
        return [
          { type: 'RefreshTokenReused', data: { sessionId, userId, at, ipHash: command.ipHash, uaFamily: command.uaFamily } },
          { type: 'SessionEnded', data: { sessionId, userId, reason: 'reuse-detected', at } },
        ];
      }
      // Not a token this family ever issued: refused, but nobody can end a family by guessing its id.
      throw new AppError('SESSION_EXPIRED');
    }
    case 'End':
      return state.status === 'active' ? [{ type: 'SessionEnded', data: { sessionId: state.sessionId, userId: state.userId, reason: command.reason, at: command.at } }] : [];
  }
}

export const sessionDecider: Decider<SessionCommand, SessionState, SessionEvent> = { initialState: initialSessionState, evolve: evolveSession, decide: decideSession };
