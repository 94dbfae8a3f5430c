import type { Context, Middleware } from 'koa';
import type { DatabasePool } from 'slonik';
import type { EventStore } from '../../platform/event-store/index.ts';
import type { Router } from '../../platform/http/index.ts';
import { createRateLimiter, rateLimitTableSql, type RateLimiter } from '../../platform/rate-limit/index.ts';
import { createPositionWaiter, type PositionWaiter } from '../../projections/index.ts';
import { accountReadModels } from '../../projections/users-read-models.ts';
import { createActorTools, type GuestActor, type RequestActor, type UserActor } from './actor.ts';
import { cookiePolicy } from './cookies.ts';
import { csrfMiddleware, originOf } from './csrf.ts';
import type { EntitlementName, EntitlementTable, Entitlements } from './entitlements.ts';
import { createKeyVault, prepareAccountStorage } from './key-vault.ts';
import { deriveKeys } from './keys.ts';
import type { ResolvedAccountsOptions } from './options.ts';
import { createPasswordHasher } from './passwords.ts';
import { defaultRateRules, type AccountRateRules } from './rate-rules.ts';
import { createReadModels } from './read-models.ts';
import { createAccountsRouter } from './routes.ts';
import { createAccountsService, type AccountsService, type SecurityLog } from './service.ts';
import type { Role } from './access-token.ts';

// Wires the accounts module from its dependencies: what the API process mounts and what other
// modules call. See docs/accounts.md for the HTTP API and the security model.

export type AccountsDeps = {
  pool: DatabasePool;
  /** Built with a catalog that includes `accountEvents`. */
  eventStore: EventStore;
  options: ResolvedAccountsOptions;
  logger?: SecurityLog;
  /** The API's read-your-writes waiter; one is made from the pool when absent. */
  positionWaiter?: PositionWaiter;
  readYourWritesTimeoutMs?: number;
  rateLimiter?: RateLimiter;
  rateRules?: Partial<AccountRateRules>;
  now?: () => Date;
};

export type AccountsModule = {
  router: Router;
  middleware: { actor: Middleware; csrf: Middleware };
  requireUser: Middleware;
  requireRole(...roles: Role[]): Middleware;
  requireEntitlement(name: EntitlementName): Middleware;
  /** The caller's owner for a new draft: the user, or a guest created on first use (sets the cookie). */
  ensureActor(ctx: Context): Promise<UserActor | GuestActor>;
  entitlements: { table: EntitlementTable; of(actor: RequestActor): Entitlements | undefined };
  service: AccountsService;
  rateLimiter: RateLimiter;
  rateRules: AccountRateRules;
  /** Temporal activities (register them on a worker; see docs/accounts.md for the schedule). */
  activities: { purgeExpiredGuests(): Promise<{ expired: number }>; purgeRateLimitWindows(): Promise<{ deleted: number }> };
  /** Creates the module's own tables (key vault, rate-limit windows) when missing. Run once at start. */
  prepare(): Promise<void>;
  close(): void;
};

const silentLog: SecurityLog = { info: () => undefined, warn: () => undefined };

export function createAccountsModule(deps: AccountsDeps): AccountsModule {
  const { pool, eventStore, options } = deps;
  const now = deps.now ?? (() => new Date());
  const keys = deriveKeys(options);
  const cookies = cookiePolicy(options.publicUrl);
  const ownWaiter = deps.positionWaiter ? undefined : createPositionWaiter(pool, { defaultTimeoutMs: deps.readYourWritesTimeoutMs ?? 2_000 });
  const waiter = deps.positionWaiter ?? ownWaiter!;
  const limiter = deps.rateLimiter ?? createRateLimiter(pool, { now });
  const rules: AccountRateRules = { ...defaultRateRules, ...deps.rateRules };
  const readModels = createReadModels(pool);
  const service = createAccountsService({
    eventStore, options, keys, limiter, rules, readModels, now,
    vault: createKeyVault(pool, keys.keyWrapping),
    hasher: createPasswordHasher(),
    waitForPosition: (names, position) => waiter.waitForPosition(names, position, deps.readYourWritesTimeoutMs),
    log: deps.logger ?? silentLog,
  });
  const tools = createActorTools({ options, keys, cookies, readModels, service, now });
  const allowedOrigins = new Set([originOf(options.publicUrl), ...options.trustedOrigins.map((o) => o.replace(/\/+$/, ''))]);
  const csrf = csrfMiddleware({ key: keys.csrf, allowedOrigins, exemptPaths: options.csrfExemptPaths }, cookies);
  const router = createAccountsRouter({ service, tools, csrf, cookies, keys, now });

  return {
    router,
    middleware: { actor: tools.actorMiddleware, csrf },
    requireUser: tools.requireUser,
    requireRole: tools.requireRole,
    requireEntitlement: tools.requireEntitlement,
    ensureActor: tools.ensureActor,
    entitlements: { table: service.entitlementTable, of: tools.entitlementsOf },
    service,
    rateLimiter: limiter,
    rateRules: rules,
    activities: {
      purgeExpiredGuests: () => service.purgeExpiredGuests(),
      purgeRateLimitWindows: async () => ({ deleted: await limiter.purgeExpired(3600) }),
    },
    prepare: () => prepareAccountStorage(pool, [rateLimitTableSql]),
    close: () => ownWaiter?.close(),
  };
}

/** The accounts read models, for the projector's registry (src/projections/index.ts). */
export const accountProjections = accountReadModels;
