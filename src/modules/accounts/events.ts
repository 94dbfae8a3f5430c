import { z } from 'zod';
import { defineEvent, type EventOf } from '../../platform/event-store/index.ts';

// Every fact the accounts module records. Streams:
//   user-<userId>         the account: registration, profile, password, plan, role, deletion, guest claims
//   email-<lookupHash>    one per normalised e-mail address: who holds it (uniqueness under concurrency)
//   session-<familyId>    one refresh-token family: start, rotations, end, reuse detection
//   guest-<guestId>       a visitor without an account: start, free analysis, conversion, expiry
//   security-<userId>     sign-in audit trail (security-unknown for addresses without an account)
// No event holds a plaintext e-mail address, name, password hash, IP address or token: personal
// fields are sealed with the user's data key (personal-data.ts), tokens and addresses are hashed.

const at = z.iso.datetime({ offset: true });
const sealed = z.string().regex(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/).max(2048);
const hash = z.string().min(16).max(128);
const plan = z.enum(['FREE', 'PRO']);
const role = z.enum(['USER', 'SUPPORT', 'ADMIN']);
const clientInfo = { ipHash: z.string().max(64), uaFamily: z.string().max(64) };

export const UserRegistered = defineEvent('UserRegistered', z.object({
  userId: z.uuid(),
  emailHash: hash,
  email: sealed,
  passwordHash: sealed,
  displayName: sealed.nullable(),
  plan,
  role,
  at,
}));
export const ProfileUpdated = defineEvent('ProfileUpdated', z.object({ userId: z.uuid(), displayName: sealed.nullable(), at }));
export const PasswordChanged = defineEvent('PasswordChanged', z.object({ userId: z.uuid(), passwordHash: sealed, at, ...clientInfo }));
export const PlanChanged = defineEvent('PlanChanged', z.object({ userId: z.uuid(), plan, reason: z.string().max(200), at }));
export const RoleChanged = defineEvent('RoleChanged', z.object({ userId: z.uuid(), role, at }));
export const UserDeleted = defineEvent('UserDeleted', z.object({ userId: z.uuid(), at }));
/** The guest's drafts now belong to the user: the drafts module re-owns them. */
export const GuestClaimed = defineEvent('GuestClaimed', z.object({ guestId: z.uuid(), userId: z.uuid(), at }));

export const EmailReserved = defineEvent('EmailReserved', z.object({ userId: z.uuid(), at }));
export const EmailReleased = defineEvent('EmailReleased', z.object({ userId: z.uuid(), reason: z.enum(['deleted', 'registration-failed', 'orphaned']), at }));

export const SessionStarted = defineEvent('SessionStarted', z.object({
  sessionId: z.uuid(),
  userId: z.uuid(),
  tokenHash: hash,
  expiresAt: at,
  method: z.enum(['register', 'login', 'password-change']),
  at,
  ...clientInfo,
}));
export const SessionRefreshed = defineEvent('SessionRefreshed', z.object({ sessionId: z.uuid(), userId: z.uuid(), tokenHash: hash, at }));
export const SessionEnded = defineEvent('SessionEnded', z.object({
  sessionId: z.uuid(),
  userId: z.uuid(),
  reason: z.enum(['logout', 'expired', 'idle', 'password-changed', 'account-deleted', 'reuse-detected', 'revoked']),
  at,
}));
/** A rotated refresh token came back after the grace window: the family is ended. */
export const RefreshTokenReused = defineEvent('RefreshTokenReused', z.object({ sessionId: z.uuid(), userId: z.uuid(), at, ...clientInfo }));

export const LoginSucceeded = defineEvent('LoginSucceeded', z.object({ userId: z.uuid(), sessionId: z.uuid(), at, ...clientInfo }));
export const LoginFailed = defineEvent('LoginFailed', z.object({
  userId: z.uuid().nullable(),
  reason: z.enum(['wrong-password', 'unknown-account', 'rate-limited']),
  at,
  ...clientInfo,
}));

export const GuestStarted = defineEvent('GuestStarted', z.object({ guestId: z.uuid(), expiresAt: at, at }));
export const GuestFreeAnalysisUsed = defineEvent('GuestFreeAnalysisUsed', z.object({ guestId: z.uuid(), reference: z.string().max(200), at }));
export const GuestConverted = defineEvent('GuestConverted', z.object({ guestId: z.uuid(), userId: z.uuid(), at }));
/** The guest's 72 hours are over: its data is purged (the drafts module deletes the guest's drafts). */
export const GuestExpired = defineEvent('GuestExpired', z.object({ guestId: z.uuid(), at }));

/** Every definition, for the event catalog the lead builds (createEventCatalog([...accountEvents, …])). */
export const accountEvents = [
  UserRegistered, ProfileUpdated, PasswordChanged, PlanChanged, RoleChanged, UserDeleted, GuestClaimed,
  EmailReserved, EmailReleased,
  SessionStarted, SessionRefreshed, SessionEnded, RefreshTokenReused,
  LoginSucceeded, LoginFailed,
  GuestStarted, GuestFreeAnalysisUsed, GuestConverted, GuestExpired,
] as const;

export type UserEvent =
  | EventOf<typeof UserRegistered> | EventOf<typeof ProfileUpdated> | EventOf<typeof PasswordChanged> | EventOf<typeof PlanChanged>
  | EventOf<typeof RoleChanged> | EventOf<typeof UserDeleted> | EventOf<typeof GuestClaimed>;
export type EmailEvent = EventOf<typeof EmailReserved> | EventOf<typeof EmailReleased>;
export type SessionEvent = EventOf<typeof SessionStarted> | EventOf<typeof SessionRefreshed> | EventOf<typeof SessionEnded> | EventOf<typeof RefreshTokenReused>;
export type SecurityEvent = EventOf<typeof LoginSucceeded> | EventOf<typeof LoginFailed>;
export type GuestEvent = EventOf<typeof GuestStarted> | EventOf<typeof GuestFreeAnalysisUsed> | EventOf<typeof GuestConverted> | EventOf<typeof GuestExpired>;

export const streams = {
  user: (userId: string) => `user-${userId}`,
  email: (lookupHash: string) => `email-${lookupHash}`,
  session: (sessionId: string) => `session-${sessionId}`,
  guest: (guestId: string) => `guest-${guestId}`,
  security: (userId: string | null) => (userId ? `security-${userId}` : 'security-unknown'),
};

/** The data of each account event type, for projections: `AccountEventData['UserRegistered']`. */
export type AccountEventData = { [D in (typeof accountEvents)[number] as D['type']]: z.output<D['schema']> };
