import { describe, expect, it } from '@jest/globals';
import { AppError } from '../../platform/errors.ts';
import type { SessionEvent } from './events.ts';
import { decideSession, evolveSession, initialSessionState, type SessionCommand, type SessionState, type SessionUserView } from './session-decider.ts';

const sessionId = '1c7e6b4f-2e3d-4f60-9bac-1d2e3f4a5b6c';
const userId = '0b6f5a3e-1d2c-4e5f-8a9b-0c1d2e3f4a5b';
const t0 = Date.parse('2026-03-01T12:00:00Z');
const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();
const liveUser: SessionUserView = { live: true, sessionsValidAfter: null };
const client = { ipHash: 'iphash', uaFamily: 'Firefox/Linux' };

function run(state: SessionState, command: SessionCommand): { events: SessionEvent[]; state: SessionState } {
  const events = decideSession(command, state);
  return { events, state: events.reduce(evolveSession, state) };
}
const started = run(initialSessionState, {
  type: 'Start', sessionId, userId, tokenHash: 'hash-0-xxxxxxxxxxxx', expiresAt: at(30 * 86_400), method: 'login', at: at(0), ...client,
}).state;
const refresh = (presentedHash: string, newHash: string, seconds: number, user = liveUser): SessionCommand => ({
  type: 'Refresh', presentedHash, newHash, at: at(seconds), idleSeconds: 7 * 86_400, graceSeconds: 10, user, ...client,
});
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as AppError).code;
  }
  return undefined;
};

describe('session decider', () => {
  it('rotates the current token', () => {
    const { events, state } = run(started, refresh('hash-0-xxxxxxxxxxxx', 'hash-1-xxxxxxxxxxxx', 60));
    expect(events.map((e) => e.type)).toEqual(['SessionRefreshed']);
    expect(state.currentHash).toBe('hash-1-xxxxxxxxxxxx');
    expect(state.previousHash).toBe('hash-0-xxxxxxxxxxxx');
  });

  it('gives a just-rotated token an access token only, within the grace window', () => {
    const rotated = run(started, refresh('hash-0-xxxxxxxxxxxx', 'hash-1-xxxxxxxxxxxx', 60)).state;
    expect(decideSession(refresh('hash-0-xxxxxxxxxxxx', 'hash-2-xxxxxxxxxxxx', 70), rotated)).toEqual([]);
  });

  it('ends the family when a rotated token comes back after the grace window', () => {
    const rotated = run(started, refresh('hash-0-xxxxxxxxxxxx', 'hash-1-xxxxxxxxxxxx', 60)).state;
    const { events, state } = run(rotated, refresh('hash-0-xxxxxxxxxxxx', 'hash-2-xxxxxxxxxxxx', 71));
    expect(events.map((e) => e.type)).toEqual(['RefreshTokenReused', 'SessionEnded']);
    expect(state.status).toBe('ended');
    expect(codeOf(() => decideSession(refresh('hash-1-xxxxxxxxxxxx', 'hash-3-xxxxxxxxxxxx', 72), state))).toBe('SESSION_EXPIRED');
  });

  it('treats an older token than the previous one as reuse, even inside the window', () => {
    let state = run(started, refresh('hash-0-xxxxxxxxxxxx', 'hash-1-xxxxxxxxxxxx', 60)).state;
    state = run(state, refresh('hash-1-xxxxxxxxxxxx', 'hash-2-xxxxxxxxxxxx', 62)).state;
    expect(decideSession(refresh('hash-0-xxxxxxxxxxxx', 'hash-3-xxxxxxxxxxxx', 63), state).map((e) => e.type)).toEqual(['RefreshTokenReused', 'SessionEnded']);
  });

  it('refuses a token the family never issued without ending it', () => {
    expect(codeOf(() => decideSession(refresh('guessed-xxxxxxxxxxxx', 'hash-1-xxxxxxxxxxxx', 60), started))).toBe('SESSION_EXPIRED');
  });

  it('ends sessions that idled, outlived their absolute lifetime, or predate a password change', () => {
    const idle = decideSession(refresh('hash-0-xxxxxxxxxxxx', 'n-xxxxxxxxxxxxxxxxxx', 7 * 86_400 + 1), started);
    expect(idle).toEqual([expect.objectContaining({ type: 'SessionEnded', data: expect.objectContaining({ reason: 'idle' }) })]);
    let state = started;
    for (let day = 1; day <= 30; day += 1) state = run(state, refresh(state.currentHash, `hash-day-${day}-xxxxxxxxx`, day * 86_400 - 1)).state;
    expect(decideSession(refresh(state.currentHash, 'late-xxxxxxxxxxxxxxx', 30 * 86_400 + 1), state)[0]).toEqual(expect.objectContaining({ data: expect.objectContaining({ reason: 'expired' }) }));
    const changed = decideSession(refresh('hash-0-xxxxxxxxxxxx', 'n-xxxxxxxxxxxxxxxxxx', 60, { live: true, sessionsValidAfter: at(30) }), started);
    expect(changed[0]).toEqual(expect.objectContaining({ data: expect.objectContaining({ reason: 'password-changed' }) }));
    const deleted = decideSession(refresh('hash-0-xxxxxxxxxxxx', 'n-xxxxxxxxxxxxxxxxxx', 60, { live: false, sessionsValidAfter: at(30) }), started);
    expect(deleted[0]).toEqual(expect.objectContaining({ data: expect.objectContaining({ reason: 'account-deleted' }) }));
  });

  it('ends once on logout and ignores a second logout', () => {
    const { events, state } = run(started, { type: 'End', reason: 'logout', at: at(5) });
    expect(events.map((e) => e.type)).toEqual(['SessionEnded']);
    expect(decideSession({ type: 'End', reason: 'logout', at: at(6) }, state)).toEqual([]);
    expect(codeOf(() => decideSession(refresh('hash-0-xxxxxxxxxxxx', 'n-xxxxxxxxxxxxxxxxxx', 7), state))).toBe('SESSION_EXPIRED');
  });
});
