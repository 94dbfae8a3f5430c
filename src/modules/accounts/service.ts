import { randomUUID } from 'node:crypto';
import { fold, handleCommand } from '../../platform/command/index.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import type { Actor, CommandContext, EventStore } from '../../platform/event-store/index.ts';
import { enforce, rateLimitedError, type RateLimiter } from '../../platform/rate-limit/index.ts';
import { signAccessToken, type Plan, type Role } from './access-token.ts';
import { hashIp, userAgentFamily } from './client-info.ts';
import { emailDecider } from './email-decider.ts';
import { seedEntitlements, type EntitlementTable, type Entitlements } from './entitlements.ts';
import { streams } from './events.ts';
import { guestDecider } from './guest-decider.ts';
import type { AccountKeys } from './keys.ts';
import type { KeyVault } from './key-vault.ts';
import type { ResolvedAccountsOptions } from './options.ts';
import { checkPassword } from './password-policy.ts';
import type { PasswordHasher } from './passwords.ts';
import { decryptField, emailLookupHash, encryptField, fieldAad, normaliseEmail } from './personal-data.ts';
import type { AccountRateRules } from './rate-rules.ts';
import type { AccountReadModels } from './read-models.ts';
import { newRefreshToken, parseRefreshToken } from './refresh-token.ts';
import { sessionDecider } from './session-decider.ts';
import { userDecider, type UserState } from './user-decider.ts';

// The accounts service: load → decide → append for every account command, and the queries the
// routes answer from the read models. Secrets never leave it except as cookie values the routes
// set; nothing here logs a token, an address or a password.

export type RequestInfo = { requestId: string; ip: string | undefined; userAgent: string | undefined };

export type IssuedTokens = {
  userId: string;
  sessionId: string;
  plan: Plan;
  role: Role;
  accessToken: string;
  accessExpiresAt: Date;
  /** Absent when a just-rotated token was presented within the grace window: keep the cookie you have. */
  refresh?: { token: string; expiresAt: Date };
};

export type Profile = {
  id: string;
  email: string;
  displayName: string | null;
  plan: Plan;
  role: Role;
  createdAt: string;
  entitlements: Entitlements;
};

export type SessionSummary = { id: string; current: boolean; method: string; device: string | null; startedAt: string; lastUsedAt: string; expiresAt: string };

export type SecurityLog = { warn(details: Record<string, unknown>, message: string): void; info(details: Record<string, unknown>, message: string): void };

export type AccountsServiceDeps = {
  eventStore: EventStore;
  options: ResolvedAccountsOptions;
  keys: AccountKeys;
  vault: KeyVault;
  hasher: PasswordHasher;
  limiter: RateLimiter;
  rules: AccountRateRules;
  readModels: AccountReadModels;
  /** Waits until the named projections have passed a position (read-your-writes); false on timeout. */
  waitForPosition(projections: readonly string[], position: number): Promise<boolean>;
  log: SecurityLog;
  now(): Date;
};

/** An address that was reserved by a registration that never finished may be taken over after this. */
const orphanReservationMs = 60_000;

export type AccountsService = ReturnType<typeof createAccountsService>;

export function createAccountsService(deps: AccountsServiceDeps) {
  const { eventStore, options, keys, vault, hasher, limiter, rules, readModels, log } = deps;
  const entitlementTable: EntitlementTable = seedEntitlements({ amount: options.pricePerAnalysis, currency: options.currency });
  const issuer = new URL(options.publicUrl).origin;
  const tokenSettings = { key: keys.accessToken, issuer, ttlSeconds: options.accessTokenTtlSeconds };

  const context = (req: RequestInfo, actor: Actor, now = deps.now()): CommandContext => ({
    commandId: randomUUID(), correlationId: req.requestId || randomUUID(), actor, now,
  });
  const client = (req: RequestInfo) => ({ ipHash: hashIp(keys.auditHash, req.ip), uaFamily: userAgentFamily(req.userAgent) });
  const loadUser = async (userId: string): Promise<UserState> => fold(await eventStore.readStream(streams.user(userId)), userDecider);

  async function audit(req: RequestInfo, userId: string | null, event: { type: 'LoginSucceeded'; sessionId: string } | { type: 'LoginFailed'; reason: 'wrong-password' | 'unknown-account' | 'rate-limited' }): Promise<void> {
    const now = deps.now();
    const data = event.type === 'LoginSucceeded'
      ? { userId: userId!, sessionId: event.sessionId, at: now.toISOString(), ...client(req) }
      : { userId, reason: event.reason, at: now.toISOString(), ...client(req) };
    try {
      await eventStore.append(streams.security(userId), [{ type: event.type, data }], {
        expectedRevision: 'any',
        command: context(req, userId ? { kind: 'user', id: userId } : { kind: 'system', id: 'accounts' }, now),
      });
    } catch (error) {
      // The audit trail must never turn a sign-in into an error; the log says it was lost.
      log.warn({ err: (error as Error).message, type: event.type }, 'security event not recorded');
    }
  }

  async function startSession(req: RequestInfo, user: { userId: string; plan: Plan; role: Role }, method: 'register' | 'login' | 'password-change'): Promise<IssuedTokens & { position: number }> {
    const now = deps.now();
    const sessionId = randomUUID();
    const refresh = newRefreshToken(sessionId);
    const expiresAt = new Date(now.getTime() + options.refreshAbsoluteDays * 86_400_000);
    const written = await handleCommand(eventStore, streams.session(sessionId), {
      type: 'Start', sessionId, userId: user.userId, tokenHash: refresh.hash, expiresAt: expiresAt.toISOString(), method, at: now.toISOString(), ...client(req),
    }, sessionDecider, context(req, { kind: 'user', id: user.userId }, now));
    const access = signAccessToken(tokenSettings, { userId: user.userId, sessionId, plan: user.plan, role: user.role }, now);
    return {
      userId: user.userId, sessionId, plan: user.plan, role: user.role,
      accessToken: access.token, accessExpiresAt: access.expiresAt, refresh: { token: refresh.token, expiresAt }, position: written.position,
    };
  }

  /** Moves a guest's drafts to the user (GuestClaimed on the user stream); a guest already claimed or gone is skipped. */
  /** Position 0 when there was nothing to claim; else where the claim was written (read-your-writes). */
  async function claimGuest(req: RequestInfo, guestId: string, userId: string): Promise<number> {
    const actor: Actor = { kind: 'user', id: userId };
    let converted: number;
    try {
      converted = (await handleCommand(eventStore, streams.guest(guestId), { type: 'Convert', userId, at: deps.now().toISOString() }, guestDecider, context(req, actor))).position;
    } catch (error) {
      if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'CONFLICT')) return 0;
      throw error;
    }
    const claimed = await handleCommand(eventStore, streams.user(userId), { type: 'ClaimGuest', guestId, at: deps.now().toISOString() }, userDecider, context(req, actor));
    return Math.max(converted, claimed.position);
  }

  async function reserveEmail(req: RequestInfo, emailHash: string, userId: string): Promise<void> {
    const actor: Actor = { kind: 'user', id: userId };
    try {
      await handleCommand(eventStore, streams.email(emailHash), { type: 'Reserve', userId, at: deps.now().toISOString() }, emailDecider, context(req, actor));
      return;
    } catch (error) {
      if (!isAppError(error) || error.code !== 'EMAIL_TAKEN') throw error;
    }
    // Taken: unless the holder never finished registering (a crash between the two appends) or
    // has deleted their account, in which case the address is free again.
    const holding = fold(await eventStore.readStream(streams.email(emailHash)), emailDecider);
    if (holding.holder === null) return reserveEmail(req, emailHash, userId);
    const holder = await loadUser(holding.holder);
    const abandoned = !holder.exists && holding.reservedAt !== null && deps.now().getTime() - Date.parse(holding.reservedAt) > orphanReservationMs;
    if (!holder.deleted && !abandoned) throw new AppError('EMAIL_TAKEN');
    await handleCommand(eventStore, streams.email(emailHash), { type: 'Reclaim', staleHolder: holding.holder, userId, at: deps.now().toISOString() }, emailDecider, context(req, actor));
  }

  function weakPassword(password: string, email?: string): void {
    const problems = checkPassword(password, { email });
    if (problems.length > 0) throw new AppError('WEAK_PASSWORD', { details: { problems } });
  }

  async function checkCurrentPassword(req: RequestInfo, state: UserState, password: string): Promise<void> {
    await enforce(limiter, rules.passwordChecksPerUser, state.userId);
    const key = await vault.get(state.userId);
    const stored = key ? decryptField(key, fieldAad(state.userId, 'passwordHash'), state.passwordHash) : undefined;
    const ok = stored !== undefined && (await hasher.verify(stored, password));
    if (!ok) {
      log.warn({ userId: state.userId, ...client(req) }, 'current password check failed');
      throw new AppError('PASSWORD_MISMATCH');
    }
    await limiter.refund(rules.passwordChecksPerUser, state.userId);
  }

  async function liveUser(userId: string): Promise<UserState> {
    const state = await loadUser(userId);
    if (!state.exists || state.deleted) throw new AppError('UNAUTHENTICATED');
    return state;
  }

  return {
    entitlementTable,

    entitlementsFor(plan: Plan | 'GUEST'): Entitlements {
      return entitlementTable[plan];
    },

    async register(req: RequestInfo, input: { email: string; password: string; displayName?: string | null }, guestId?: string) {
      const ipKey = hashIp(keys.auditHash, req.ip);
      await enforce(limiter, rules.registrationsPerIp, ipKey);
      weakPassword(input.password, input.email);
      const userId = randomUUID();
      const emailHash = emailLookupHash(keys.emailLookup, input.email);
      const passwordHash = await hasher.hash(input.password);
      await reserveEmail(req, emailHash, userId);
      let position: number;
      try {
        const dataKey = await vault.create(userId);
        const now = deps.now();
        const written = await handleCommand(eventStore, streams.user(userId), {
          type: 'Register', userId, emailHash,
          email: encryptField(dataKey, fieldAad(userId, 'email'), normaliseEmail(input.email)),
          passwordHash: encryptField(dataKey, fieldAad(userId, 'passwordHash'), passwordHash),
          displayName: input.displayName ? encryptField(dataKey, fieldAad(userId, 'displayName'), input.displayName) : null,
          at: now.toISOString(),
        }, userDecider, context(req, { kind: 'user', id: userId }, now));
        position = written.position;
      } catch (error) {
        await handleCommand(eventStore, streams.email(emailHash), { type: 'Release', userId, reason: 'registration-failed', at: deps.now().toISOString() }, emailDecider, context(req, { kind: 'user', id: userId }))
          .catch(() => undefined);
        await vault.shred(userId).catch(() => undefined);
        throw error;
      }
      const session = await startSession(req, { userId, plan: 'FREE', role: 'USER' }, 'register');
      // The answer's position covers the claim too: a list read with it shows the guest's drafts.
      const claimedAt = guestId ? await claimGuest(req, guestId, userId) : 0;
      log.info({ userId, sessionId: session.sessionId, ...client(req) }, 'account registered');
      return { tokens: session, position: Math.max(position, session.position, claimedAt), claimedGuest: claimedAt > 0 };
    },

    async login(req: RequestInfo, input: { email: string; password: string }, guestId?: string) {
      const ipKey = hashIp(keys.auditHash, req.ip);
      const emailHash = emailLookupHash(keys.emailLookup, input.email);
      // Attempts count against both keys before the password is checked, so parallel guesses are
      // bounded too; a success gives its attempt back.
      const byIp = await limiter.hit(rules.loginFailuresPerIp, ipKey);
      const byAccount = await limiter.hit(rules.loginFailuresPerAccount, emailHash);
      if (!byIp.allowed || !byAccount.allowed) {
        const [decision, rule] = !byIp.allowed ? [byIp, rules.loginFailuresPerIp] : [byAccount, rules.loginFailuresPerAccount];
        log.warn({ limit: rule.name, ...client(req) }, 'sign-in rate limited');
        throw rateLimitedError(decision, rule);
      }
      const holding = fold(await eventStore.readStream(streams.email(emailHash)), emailDecider);
      // An unknown address takes the same path as a known one: a user stream and a key are read
      // and one Argon2 verification runs, so neither the answer nor its timing tells them apart.
      const userId = holding.holder ?? randomUUID();
      const state = await loadUser(userId);
      const key = await vault.get(userId);
      const stored = state.exists && !state.deleted && key ? decryptField(key, fieldAad(userId, 'passwordHash'), state.passwordHash) : undefined;
      const ok = stored === undefined ? await hasher.verifyDummy(input.password) : await hasher.verify(stored, input.password);
      if (!ok) {
        await audit(req, stored === undefined ? null : userId, { type: 'LoginFailed', reason: stored === undefined ? 'unknown-account' : 'wrong-password' });
        throw new AppError('INVALID_CREDENTIALS');
      }
      await Promise.all([limiter.reset(rules.loginFailuresPerAccount, emailHash), limiter.refund(rules.loginFailuresPerIp, ipKey)]);
      const session = await startSession(req, { userId, plan: state.plan, role: state.role }, 'login');
      await audit(req, userId, { type: 'LoginSucceeded', sessionId: session.sessionId });
      const claimedAt = guestId ? await claimGuest(req, guestId, userId) : 0;
      return { tokens: session, position: Math.max(session.position, claimedAt), claimedGuest: claimedAt > 0 };
    },

    /** Rotates the refresh token; see session-decider.ts for reuse detection and the grace window. */
    async refresh(req: RequestInfo, refreshToken: string | undefined): Promise<IssuedTokens> {
      const parsed = parseRefreshToken(refreshToken);
      if (!parsed) throw new AppError('SESSION_EXPIRED');
      const now = deps.now();
      const sessionHistory = await eventStore.readStream(streams.session(parsed.familyId));
      const session = fold(sessionHistory, sessionDecider);
      if (session.status !== 'active') throw new AppError('SESSION_EXPIRED');
      const user = await loadUser(session.userId);
      const next = newRefreshToken(parsed.familyId);
      const result = await handleCommand(eventStore, streams.session(parsed.familyId), {
        type: 'Refresh', presentedHash: parsed.hash, newHash: next.hash, at: now.toISOString(),
        idleSeconds: options.refreshIdleDays * 86_400, graceSeconds: options.refreshGraceSeconds,
        user: { live: user.exists && !user.deleted, sessionsValidAfter: user.sessionsValidAfter }, ...client(req),
      }, sessionDecider, context(req, { kind: 'user', id: session.userId }, now));
      if (result.events.some((e) => e.type === 'RefreshTokenReused')) {
        log.warn({ userId: session.userId, sessionId: parsed.familyId, ...client(req) }, 'refresh token reuse detected: session family revoked');
        throw new AppError('SESSION_REVOKED');
      }
      if (result.events.some((e) => e.type === 'SessionEnded')) throw new AppError('SESSION_EXPIRED');
      const rotated = result.events.some((e) => e.type === 'SessionRefreshed');
      const access = signAccessToken(tokenSettings, { userId: session.userId, sessionId: parsed.familyId, plan: user.plan, role: user.role }, now);
      return {
        userId: session.userId, sessionId: parsed.familyId, plan: user.plan, role: user.role,
        accessToken: access.token, accessExpiresAt: access.expiresAt,
        ...(rotated ? { refresh: { token: next.token, expiresAt: new Date(session.expiresAt) } } : {}),
      };
    },

    async logout(req: RequestInfo, userId: string, sessionId: string): Promise<void> {
      await handleCommand(eventStore, streams.session(sessionId), { type: 'End', reason: 'logout', at: deps.now().toISOString() }, sessionDecider, context(req, { kind: 'user', id: userId }));
    },

    /** The caller's profile from the read model; waits (bounded) for a write the caller just made. */
    async profile(userId: string, minPosition?: number): Promise<Profile> {
      let caughtUp = minPosition === undefined || (await deps.waitForPosition(['users'], minPosition));
      let row = await readModels.user(userId);
      if (!row) {
        // Just registered and the projector has not caught up yet: wait for what is written now.
        caughtUp = (await deps.waitForPosition(['users'], await eventStore.headPosition())) && caughtUp;
        row = await readModels.user(userId);
      }
      // Written but not yet readable (the projector is restarting): "try again", never "no such user".
      if (!row && !caughtUp) throw new AppError('NOT_READY');
      if (!row) throw new AppError('NOT_FOUND');
      const key = await vault.get(userId);
      const email = key ? decryptField(key, fieldAad(userId, 'email'), row.email_sealed) : undefined;
      if (!key || email === undefined) throw new AppError('NOT_FOUND');
      const displayName = row.display_name_sealed ? (decryptField(key, fieldAad(userId, 'displayName'), row.display_name_sealed) ?? null) : null;
      return { id: row.user_id, email, displayName, plan: row.plan, role: row.role, createdAt: new Date(row.created_at).toISOString(), entitlements: entitlementTable[row.plan] };
    },

    async updateProfile(req: RequestInfo, userId: string, input: { displayName?: string | null }): Promise<{ position: number }> {
      if (input.displayName === undefined) return { position: 0 };
      const key = await vault.get(userId);
      if (!key) throw new AppError('NOT_FOUND');
      const displayName = input.displayName === null ? null : encryptField(key, fieldAad(userId, 'displayName'), input.displayName);
      const written = await handleCommand(eventStore, streams.user(userId), { type: 'UpdateProfile', displayName, at: deps.now().toISOString() }, userDecider, context(req, { kind: 'user', id: userId }));
      return { position: written.position };
    },

    /** Changes the password, ends every session started before (this one included) and starts a fresh one here. */
    async changePassword(req: RequestInfo, userId: string, input: { currentPassword: string; newPassword: string }) {
      const state = await liveUser(userId);
      const key = await vault.get(userId);
      if (!key) throw new AppError('UNAUTHENTICATED');
      await checkCurrentPassword(req, state, input.currentPassword);
      const email = decryptField(key, fieldAad(userId, 'email'), state.email);
      weakPassword(input.newPassword, email);
      const sealed = encryptField(key, fieldAad(userId, 'passwordHash'), await hasher.hash(input.newPassword));
      const now = deps.now();
      const written = await handleCommand(eventStore, streams.user(userId), { type: 'ChangePassword', passwordHash: sealed, at: now.toISOString(), ...client(req) }, userDecider, context(req, { kind: 'user', id: userId }, now));
      log.info({ userId, ...client(req) }, 'password changed; earlier sessions ended');
      const session = await startSession(req, { userId, plan: state.plan, role: state.role }, 'password-change');
      return { tokens: session, position: Math.max(written.position, session.position) };
    },

    /** Deletes the account: UserDeleted, the address released, the data key shredded. */
    async deleteAccount(req: RequestInfo, userId: string, input: { password: string }): Promise<{ position: number }> {
      const state = await liveUser(userId);
      await checkCurrentPassword(req, state, input.password);
      const actor: Actor = { kind: 'user', id: userId };
      const written = await handleCommand(eventStore, streams.user(userId), { type: 'Delete', at: deps.now().toISOString() }, userDecider, context(req, actor));
      await handleCommand(eventStore, streams.email(state.emailHash), { type: 'Release', userId, reason: 'deleted', at: deps.now().toISOString() }, emailDecider, context(req, actor));
      await vault.shred(userId);
      log.info({ userId }, 'account deleted; personal data key shredded');
      return { position: written.position };
    },

    async sessions(userId: string, currentSessionId: string): Promise<SessionSummary[]> {
      const rows = await readModels.liveSessions(userId, deps.now());
      return rows.map((row) => ({
        id: row.session_id, current: row.session_id === currentSessionId, method: row.method, device: row.ua_family,
        startedAt: new Date(row.started_at).toISOString(), lastUsedAt: new Date(row.last_used_at).toISOString(), expiresAt: new Date(row.expires_at).toISOString(),
      }));
    },

    /** Ends one of the caller's own sessions; someone else's (or an unknown id) is 404. */
    async revokeSession(req: RequestInfo, userId: string, sessionId: string): Promise<void> {
      const state = fold(await eventStore.readStream(streams.session(sessionId)), sessionDecider);
      if (state.status === 'none' || state.userId !== userId) throw new AppError('NOT_FOUND');
      await handleCommand(eventStore, streams.session(sessionId), { type: 'End', reason: 'revoked', at: deps.now().toISOString() }, sessionDecider, context(req, { kind: 'user', id: userId }));
    },

    /** Records a new guest (the cookie is set by the caller). */
    async startGuest(req: RequestInfo, guestId: string, expiresAt: Date): Promise<void> {
      await handleCommand(eventStore, streams.guest(guestId), { type: 'Start', guestId, expiresAt: expiresAt.toISOString(), at: deps.now().toISOString() }, guestDecider, context(req, { kind: 'guest', id: guestId }));
    },

    /** Spends the guest's one free analysis (idempotent per reference, e.g. the draft id); FREE_ANALYSIS_USED after that. */
    async useGuestFreeAnalysis(req: RequestInfo, guestId: string, reference: string): Promise<{ position: number }> {
      const written = await handleCommand(eventStore, streams.guest(guestId), { type: 'UseFreeAnalysis', reference, at: deps.now().toISOString() }, guestDecider, context(req, { kind: 'guest', id: guestId }));
      return { position: written.position };
    },

    claimGuest,

    /** Expires guests that never signed up and came more than the retention window ago (GuestExpired each). */
    async purgeExpiredGuests(limit = 500): Promise<{ expired: number }> {
      const now = deps.now();
      const cutoff = new Date(now.getTime() - options.guestRetentionHours * 3_600_000);
      const ids = await readModels.guestsToPurge(cutoff, limit);
      let expired = 0;
      for (const guestId of ids) {
        const req: RequestInfo = { requestId: `guest-purge-${now.toISOString()}`, ip: undefined, userAgent: undefined };
        const result = await handleCommand(eventStore, streams.guest(guestId), { type: 'Expire', at: deps.now().toISOString() }, guestDecider, {
          ...context(req, { kind: 'system', id: 'guest-purge' }),
          // One id per guest and cutoff: a retried activity appends nothing twice.
          commandId: `guest-purge:${guestId}`,
        });
        if (result.events.length > 0 && !result.alreadyHandled) expired += 1;
      }
      return { expired };
    },

    /** Support's "find a user by e-mail": through the keyed lookup hash, never a scan of addresses. */
    async userIdByEmail(email: string): Promise<string | null> {
      const holding = fold(await eventStore.readStream(streams.email(emailLookupHash(keys.emailLookup, email))), emailDecider);
      return holding.holder;
    },

    /** For the payments module (subscription) and admins. */
    async changePlan(req: RequestInfo, actor: Actor, userId: string, plan: Plan, reason: string): Promise<{ position: number }> {
      const written = await handleCommand(eventStore, streams.user(userId), { type: 'ChangePlan', plan, reason, at: deps.now().toISOString() }, userDecider, context(req, actor));
      return { position: written.position };
    },

    async changeRole(req: RequestInfo, actor: Actor, userId: string, role: Role): Promise<{ position: number }> {
      const written = await handleCommand(eventStore, streams.user(userId), { type: 'ChangeRole', role, at: deps.now().toISOString() }, userDecider, context(req, actor));
      return { position: written.position };
    },
  };
}
