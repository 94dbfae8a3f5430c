import type { Context, Middleware } from 'koa';
import { z } from 'zod';
import { createRouter, requestBody, validate, type Router } from '../../platform/http/index.ts';
import { parseMinPosition } from '../../projections/index.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, chain, problemOf, requestInfo, type ActorTools, type UserActor } from './actor.ts';
import { clearCookie, readCookie, refreshPath, setCookie, type CookiePolicy } from './cookies.ts';
import { issuedCsrfToken, isValidCsrfToken, newCsrfToken } from './csrf.ts';
import { verifyGuestCookie } from './guest-cookie.ts';
import type { AccountKeys } from './keys.ts';
import type { AccountsService, IssuedTokens } from './service.ts';

// /api/auth: validate, call the service, set cookies, shape the answer. Tokens only ever travel in
// HttpOnly cookies: never in a body, a URL or a log line.

const email = z.string().trim().max(254);
const password = z.string().max(4096);
const displayName = z.string().trim().min(1).max(100);

// Unknown keys (role, plan, id, …) are dropped by zod: nothing can be mass-assigned.
export const RegisterBody = z.object({ email: z.string().trim().max(254).pipe(z.email()), password, displayName: displayName.optional() });
export const LoginBody = z.object({ email, password });
export const ProfileBody = z.object({ displayName: displayName.nullable().optional() });
export const PasswordBody = z.object({ currentPassword: password, newPassword: password });
export const DeleteBody = z.object({ password });
export const SessionParams = z.object({ id: z.uuid() });

export type RouteDeps = {
  service: AccountsService;
  tools: ActorTools;
  csrf: Middleware;
  cookies: CookiePolicy;
  keys: AccountKeys;
  now(): Date;
};

export function createAccountsRouter(deps: RouteDeps): Router {
  const { service, tools, cookies, keys } = deps;
  const router = createRouter();
  const names = cookies.names;
  const unsafe = (...rest: Middleware[]) => chain(deps.csrf, tools.actorMiddleware, ...rest);
  const user = (ctx: Context) => actorOf(ctx) as UserActor;

  const setSessionCookies = (ctx: Context, tokens: IssuedTokens) => {
    const now = deps.now().getTime();
    setCookie(ctx, cookies, names.access, tokens.accessToken, { httpOnly: true, maxAgeSeconds: (tokens.accessExpiresAt.getTime() - now) / 1000 });
    if (tokens.refresh) {
      setCookie(ctx, cookies, names.refresh, tokens.refresh.token, { httpOnly: true, path: refreshPath, maxAgeSeconds: (tokens.refresh.expiresAt.getTime() - now) / 1000 });
    }
  };
  const clearSessionCookies = (ctx: Context) => {
    clearCookie(ctx, cookies, names.access, { httpOnly: true });
    clearCookie(ctx, cookies, names.refresh, { httpOnly: true, path: refreshPath });
  };
  const guestOf = (ctx: Context) => verifyGuestCookie(keys.guestCookie, readCookie(ctx, names.guest), deps.now())?.guestId;
  const afterSignIn = (ctx: Context, tokens: IssuedTokens, hadGuest: boolean) => {
    setSessionCookies(ctx, tokens);
    // The guest's drafts now belong to the account: the guest cookie has done its job.
    if (hadGuest) clearCookie(ctx, cookies, names.guest, { httpOnly: true });
  };

  router.get('/api/auth/csrf', deps.csrf, async (ctx) => {
    let token = issuedCsrfToken(ctx) ?? readCookie(ctx, names.csrf);
    if (!isValidCsrfToken(keys.csrf, token)) {
      token = newCsrfToken(keys.csrf);
      setCookie(ctx, cookies, names.csrf, token, { httpOnly: false });
    }
    ctx.body = { csrfToken: token, header: 'x-csrf-token' };
  });

  router.post('/api/auth/register', unsafe(), async (ctx) => {
    const body = validate(RegisterBody, requestBody(ctx));
    const guestId = guestOf(ctx);
    const result = await service.register(requestInfo(ctx), body, guestId);
    afterSignIn(ctx, result.tokens, guestId !== undefined);
    const profile = await service.profile(result.tokens.userId, result.position);
    ctx.status = 201;
    ctx.body = { user: profile, position: result.position };
  });

  router.post('/api/auth/login', unsafe(), async (ctx) => {
    const body = validate(LoginBody, requestBody(ctx));
    const guestId = guestOf(ctx);
    const result = await service.login(requestInfo(ctx), body, guestId);
    afterSignIn(ctx, result.tokens, guestId !== undefined);
    ctx.body = { user: await service.profile(result.tokens.userId, result.position), position: result.position };
  });

  router.post('/api/auth/refresh', unsafe(), async (ctx) => {
    try {
      const tokens = await service.refresh(requestInfo(ctx), readCookie(ctx, names.refresh));
      setSessionCookies(ctx, tokens);
      ctx.body = { accessExpiresAt: tokens.accessExpiresAt.toISOString(), rotated: tokens.refresh !== undefined };
    } catch (error) {
      // The cookies are dead: tell the browser to drop them with the 401.
      if (error instanceof AppError && error.status === 401) clearSessionCookies(ctx);
      throw error;
    }
  });

  router.post('/api/auth/logout', unsafe(), async (ctx) => {
    const actor = actorOf(ctx);
    if (actor?.kind === 'user') await service.logout(requestInfo(ctx), actor.userId, actor.sessionId);
    clearSessionCookies(ctx);
    ctx.status = 204;
  });

  // The app's "who is here" on every load: always 200, so an anonymous visit logs no error.
  // `reason: 'expired'` tells the app to refresh the session before anything else.
  router.get('/api/auth/session', tools.actorMiddleware, async (ctx) => {
    const actor = actorOf(ctx);
    if (actor?.kind === 'user') {
      ctx.body = { user: await service.profile(actor.userId), guest: false };
      return;
    }
    ctx.body = { user: null, guest: actor?.kind === 'guest', reason: problemOf(ctx) };
  });

  router.get('/api/auth/me', tools.requireUser, async (ctx) => {
    const minPosition = parseMinPosition(ctx.get('x-min-position') || undefined);
    if (minPosition === 'invalid') throw new AppError('BAD_REQUEST', { message: 'x-min-position must be a position.' });
    ctx.body = await service.profile(user(ctx).userId, minPosition);
  });

  router.patch('/api/auth/me', unsafe(tools.requireUser), async (ctx) => {
    const body = validate(ProfileBody, requestBody(ctx) ?? {});
    const { position } = await service.updateProfile(requestInfo(ctx), user(ctx).userId, body);
    ctx.body = { user: await service.profile(user(ctx).userId, position), position };
  });

  router.post('/api/auth/password', unsafe(tools.requireUser), async (ctx) => {
    const body = validate(PasswordBody, requestBody(ctx));
    const result = await service.changePassword(requestInfo(ctx), user(ctx).userId, body);
    setSessionCookies(ctx, result.tokens);
    ctx.body = { position: result.position };
  });

  router.delete('/api/auth/me', unsafe(tools.requireUser), async (ctx) => {
    const body = validate(DeleteBody, requestBody(ctx));
    await service.deleteAccount(requestInfo(ctx), user(ctx).userId, body);
    clearSessionCookies(ctx);
    ctx.status = 204;
  });

  router.get('/api/auth/sessions', tools.requireUser, async (ctx) => {
    ctx.body = { sessions: await service.sessions(user(ctx).userId, user(ctx).sessionId) };
  });

  router.delete('/api/auth/sessions/:id', unsafe(tools.requireUser), async (ctx) => {
    const params = SessionParams.safeParse(ctx.params);
    if (!params.success) throw new AppError('NOT_FOUND');
    await service.revokeSession(requestInfo(ctx), user(ctx).userId, params.data.id);
    ctx.status = 204;
  });

  return router;
}
