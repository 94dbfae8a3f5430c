import type { Context, Middleware, Next } from 'koa';
import { AppError } from '../../platform/errors.ts';
import { isApiPath, requestIdOf } from '../../platform/http/index.ts';
import { verifyAccessToken, type Plan, type Role } from './access-token.ts';
import { readCookie, setCookie, type CookiePolicy } from './cookies.ts';
import { grants, type EntitlementName, type Entitlements } from './entitlements.ts';
import { newGuest, verifyGuestCookie } from './guest-cookie.ts';
import type { AccountKeys } from './keys.ts';
import type { ResolvedAccountsOptions } from './options.ts';
import type { AccountReadModels } from './read-models.ts';
import type { AccountsService, RequestInfo } from './service.ts';

// Who is calling: `ctx.state.actor` is the signed-in user (a valid access token whose session has
// not ended), else the guest of a valid guest cookie, else undefined. Route guards build on it.

export type UserActor = { kind: 'user'; userId: string; role: Role; plan: Plan; sessionId: string };
export type GuestActor = { kind: 'guest'; guestId: string };
export type RequestActor = UserActor | GuestActor | undefined;

/** Why there is no signed-in user, for the 401's details (the web app refreshes on 'expired'). */
export type AuthProblem = 'missing' | 'expired' | 'invalid' | 'ended';

const resolved = Symbol('actor-resolved');
const problemKey = Symbol('auth-problem');

type StateBag = Record<string | symbol, unknown>;

function bag(ctx: Pick<Context, 'state'>): StateBag {
  return ctx.state;
}

export function problemOf(ctx: Pick<Context, 'state'>): AuthProblem {
  return (bag(ctx)[problemKey] as AuthProblem | undefined) ?? 'missing';
}

export function actorOf(ctx: Pick<Context, 'state'>): RequestActor {
  return bag(ctx).actor as RequestActor;
}

export function requestInfo(ctx: Context): RequestInfo {
  return { requestId: requestIdOf(ctx), ip: ctx.ip || undefined, userAgent: ctx.get('user-agent') || undefined };
}

/** Runs middlewares in order, then `next`. */
export function chain(...middlewares: Middleware[]): Middleware {
  return (ctx, next: Next) => {
    const run = (index: number): Promise<unknown> => {
      const middleware = middlewares[index];
      return middleware ? Promise.resolve(middleware(ctx, () => run(index + 1))) : Promise.resolve(next());
    };
    return run(0) as Promise<void>;
  };
}

export type ActorDeps = {
  options: ResolvedAccountsOptions;
  keys: AccountKeys;
  cookies: CookiePolicy;
  readModels: AccountReadModels;
  service: AccountsService;
  now(): Date;
};

export function createActorTools(deps: ActorDeps) {
  const { keys, cookies, readModels } = deps;
  const issuer = new URL(deps.options.publicUrl).origin;

  async function resolve(ctx: Context): Promise<void> {
    const state = bag(ctx);
    if (state[resolved]) return;
    state[resolved] = true;
    const now = deps.now();
    let actor: RequestActor;
    let problem: AuthProblem = 'missing';
    const access = readCookie(ctx, cookies.names.access);
    if (access) {
      const verdict = verifyAccessToken({ key: keys.accessToken, issuer }, access, now);
      if (verdict.ok) {
        const { claims } = verdict;
        // A logout, a password change or a deletion ends the session before the token expires.
        // 'unknown' is a session the projector has not seen yet (just signed in): its token is valid.
        if ((await readModels.sessionStatus(claims.sid)) === 'ended') problem = 'ended';
        else actor = { kind: 'user', userId: claims.sub, role: claims.role, plan: claims.plan, sessionId: claims.sid };
      } else {
        problem = verdict.reason === 'EXPIRED' ? 'expired' : 'invalid';
      }
    }
    if (!actor) {
      const guest = verifyGuestCookie(keys.guestCookie, readCookie(ctx, cookies.names.guest), now);
      if (guest) actor = { kind: 'guest', guestId: guest.guestId };
    }
    state.actor = actor;
    state[problemKey] = problem;
  }

  /**
   * Global middleware: sets ctx.state.actor on /api requests (static files and the web app never
   * pay for the session check). Idempotent: resolves once per request.
   */
  const actorMiddleware: Middleware = async (ctx, next) => {
    if (isApiPath(ctx.path)) await resolve(ctx);
    await next();
  };

  const userOnly: Middleware = async (ctx, next) => {
    const actor = actorOf(ctx);
    if (actor?.kind !== 'user') {
      throw new AppError('UNAUTHENTICATED', { details: { reason: problemOf(ctx) } });
    }
    await next();
  };

  /** 401 UNAUTHENTICATED unless a user is signed in. */
  const requireUser: Middleware = chain(actorMiddleware, userOnly);

  /** 401 without a user, 403 FORBIDDEN unless the user has one of the roles. */
  function requireRole(...roles: Role[]): Middleware {
    return chain(requireUser, async (ctx, next) => {
      const actor = actorOf(ctx) as UserActor;
      if (!roles.includes(actor.role)) throw new AppError('FORBIDDEN');
      await next();
    });
  }

  function entitlementsOf(actor: RequestActor): Entitlements | undefined {
    if (!actor) return undefined;
    return deps.service.entitlementsFor(actor.kind === 'guest' ? 'GUEST' : actor.plan);
  }

  /** 401 for nobody, 403 PLAN_UPGRADE_REQUIRED when the caller's plan (or guest status) lacks it. */
  function requireEntitlement(name: EntitlementName): Middleware {
    return chain(actorMiddleware, async (ctx, next) => {
      const entitlements = entitlementsOf(actorOf(ctx));
      if (!entitlements) throw new AppError('UNAUTHENTICATED', { details: { reason: problemOf(ctx) } });
      if (!grants(entitlements, name)) throw new AppError('PLAN_UPGRADE_REQUIRED', { details: { entitlement: name, plan: entitlements.plan } });
      await next();
    });
  }

  /**
   * The owner of a change: the signed-in user, or the guest — created on first use (GuestStarted,
   * and a signed guest cookie for `guestCookieHours`). Call it where a draft is first created.
   */
  async function ensureActor(ctx: Context): Promise<UserActor | GuestActor> {
    await resolve(ctx);
    const actor = actorOf(ctx);
    if (actor) return actor;
    // A signed-in person whose access token just expired must refresh, not become a guest.
    const problem = problemOf(ctx);
    if (problem !== 'missing') throw new AppError('UNAUTHENTICATED', { details: { reason: problem } });
    const guest = newGuest(keys.guestCookie, deps.now(), deps.options.guestCookieHours);
    await deps.service.startGuest(requestInfo(ctx), guest.guestId, guest.expiresAt);
    setCookie(ctx, cookies, cookies.names.guest, guest.cookie, { httpOnly: true, maxAgeSeconds: deps.options.guestCookieHours * 3600 });
    const created: GuestActor = { kind: 'guest', guestId: guest.guestId };
    bag(ctx).actor = created;
    return created;
  }

  return { resolve, actorMiddleware, requireUser, requireRole, requireEntitlement, ensureActor, entitlementsOf };
}

export type ActorTools = ReturnType<typeof createActorTools>;

/** Who owns what a request creates (drafts, jobs, payments): a user or a guest, by id. */
export function ownerOfActor(actor: UserActor | GuestActor): { kind: 'user' | 'guest'; id: string } {
  return actor.kind === 'user' ? { kind: 'user', id: actor.userId } : { kind: 'guest', id: actor.guestId };
}
