import { describe, expect, it } from '@jest/globals';
import { AppError } from '../../platform/errors.ts';
import { decideEmail, evolveEmail, initialEmailState } from './email-decider.ts';
import { decideGuest, evolveGuest, initialGuestState, type GuestState } from './guest-decider.ts';
import { decideUser, evolveUser, initialUserState, type UserState } from './user-decider.ts';

const a = '0b6f5a3e-1d2c-4e5f-8a9b-0c1d2e3f4a5b';
const b = '2d8f7c5a-3f4e-4a71-8cbd-2e3f4a5b6c7d';
const g = '3e9a8d6b-4a5f-4b82-9dce-3f4a5b6c7d8e';
const at = '2026-03-01T12:00:00.000Z';
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as AppError).code;
  }
  return undefined;
};

describe('email reservation', () => {
  it('lets one user hold an address and refuses the next', () => {
    const held = decideEmail({ type: 'Reserve', userId: a, at }, initialEmailState).reduce(evolveEmail, initialEmailState);
    expect(held.holder).toBe(a);
    expect(codeOf(() => decideEmail({ type: 'Reserve', userId: b, at }, held))).toBe('EMAIL_TAKEN');
    expect(decideEmail({ type: 'Reserve', userId: a, at }, held)).toEqual([]);
  });

  it('frees the address on release, and a reclaim replaces only the stale holder', () => {
    const held = evolveEmail(initialEmailState, { type: 'EmailReserved', data: { userId: a, at } });
    const released = decideEmail({ type: 'Release', userId: a, reason: 'deleted', at }, held).reduce(evolveEmail, held);
    expect(released.holder).toBeNull();
    const reclaimed = decideEmail({ type: 'Reclaim', staleHolder: a, userId: b, at }, held);
    expect(reclaimed.map((e) => e.type)).toEqual(['EmailReleased', 'EmailReserved']);
    expect(reclaimed.reduce(evolveEmail, held).holder).toBe(b);
    expect(codeOf(() => decideEmail({ type: 'Reclaim', staleHolder: g, userId: b, at }, held))).toBe('EMAIL_TAKEN');
  });
});

describe('user decider', () => {
  const registered: UserState = decideUser(
    { type: 'Register', userId: a, emailHash: 'h'.repeat(64), email: 'v1.a.b.c', passwordHash: 'v1.a.b.c', displayName: null, at },
    initialUserState,
  ).reduce(evolveUser, initialUserState);

  it('registers every user on FREE with the USER role', () => {
    expect(registered).toEqual(expect.objectContaining({ exists: true, plan: 'FREE', role: 'USER' }));
  });

  it('records a password change as the instant earlier sessions end', () => {
    const changed = decideUser({ type: 'ChangePassword', passwordHash: 'v1.x.y.z', at, ipHash: 'i', uaFamily: 'u' }, registered).reduce(evolveUser, registered);
    expect(changed.sessionsValidAfter).toBe(at);
  });

  it('changes plan and role only when they differ', () => {
    expect(decideUser({ type: 'ChangePlan', plan: 'FREE', reason: 'x', at }, registered)).toEqual([]);
    expect(decideUser({ type: 'ChangePlan', plan: 'PRO', reason: 'subscription', at }, registered).map((e) => e.type)).toEqual(['PlanChanged']);
    expect(decideUser({ type: 'ChangeRole', role: 'ADMIN', at }, registered).map((e) => e.type)).toEqual(['RoleChanged']);
  });

  it('refuses changes to a deleted account and claims a guest once', () => {
    const deleted = decideUser({ type: 'Delete', at }, registered).reduce(evolveUser, registered);
    expect(codeOf(() => decideUser({ type: 'UpdateProfile', displayName: null, at }, deleted))).toBe('NOT_FOUND');
    expect(decideUser({ type: 'Delete', at }, deleted)).toEqual([]);
    const claimed = decideUser({ type: 'ClaimGuest', guestId: g, at }, registered).reduce(evolveUser, registered);
    expect(decideUser({ type: 'ClaimGuest', guestId: g, at }, claimed)).toEqual([]);
  });
});

describe('guest decider', () => {
  const started: GuestState = decideGuest({ type: 'Start', guestId: g, expiresAt: at, at }, initialGuestState).reduce(evolveGuest, initialGuestState);

  it('grants one free analysis, idempotent per reference', () => {
    const used = decideGuest({ type: 'UseFreeAnalysis', reference: 'draft-1', at }, started).reduce(evolveGuest, started);
    expect(decideGuest({ type: 'UseFreeAnalysis', reference: 'draft-1', at }, used)).toEqual([]);
    expect(codeOf(() => decideGuest({ type: 'UseFreeAnalysis', reference: 'draft-2', at }, used))).toBe('FREE_ANALYSIS_USED');
  });

  it('converts once, and an expired or converted guest is not expired again', () => {
    const converted = decideGuest({ type: 'Convert', userId: a, at }, started).reduce(evolveGuest, started);
    expect(decideGuest({ type: 'Convert', userId: a, at }, converted)).toEqual([]);
    expect(codeOf(() => decideGuest({ type: 'Convert', userId: b, at }, converted))).toBe('NOT_FOUND');
    expect(decideGuest({ type: 'Expire', at }, converted)).toEqual([]);
    expect(decideGuest({ type: 'Expire', at }, started).map((e) => e.type)).toEqual(['GuestExpired']);
  });
});
