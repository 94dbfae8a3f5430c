import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Middleware } from 'koa';
import { AppError } from '../../platform/errors.ts';
import { readCookie, setCookie, type CookiePolicy } from './cookies.ts';

// CSRF defence in two layers, for every unsafe method but the signed webhook:
// 1. the request must come from our origin: an Origin header, when sent, must be the public
//    origin (or a configured one); without Origin, Sec-Fetch-Site must not say cross-site;
// 2. signed double submit: the `x-csrf-token` header must equal the CSRF cookie, and the value
//    must carry our HMAC (a cookie planted by someone without the key is worthless).
// SameSite=Lax cookies and JSON-only bodies (415 otherwise, in the HTTP layer) close the rest.

export const csrfHeader = 'x-csrf-token';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function newCsrfToken(key: Buffer): string {
  const nonce = randomBytes(24).toString('base64url');
  return `${nonce}.${createHmac('sha256', key).update(nonce).digest('base64url')}`;
}

export function isValidCsrfToken(key: Buffer, token: string | undefined): boolean {
  if (!token || token.length > 128) return false;
  const [nonce, mac, extra] = token.split('.');
  if (!nonce || !mac || extra !== undefined) return false;
  const expected = createHmac('sha256', key).update(nonce).digest();
  const given = Buffer.from(mac, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export type CsrfRequest = {
  method: string;
  path: string;
  origin: string | undefined;
  secFetchSite: string | undefined;
  cookieToken: string | undefined;
  headerToken: string | undefined;
};

export type CsrfSettings = { key: Buffer; allowedOrigins: ReadonlySet<string>; exemptPaths: readonly string[] };

export type CsrfVerdict = { ok: true } | { ok: false; reason: 'ORIGIN' | 'TOKEN' };

/** The pure decision: is this request allowed through? */
export function checkCsrf(settings: CsrfSettings, request: CsrfRequest): CsrfVerdict {
  if (!unsafeMethods.has(request.method.toUpperCase())) return { ok: true };
  if (settings.exemptPaths.includes(request.path)) return { ok: true };
  if (request.origin !== undefined) {
    if (!settings.allowedOrigins.has(request.origin)) return { ok: false, reason: 'ORIGIN' };
  } else if (request.secFetchSite !== undefined && request.secFetchSite !== 'same-origin' && request.secFetchSite !== 'none') {
    return { ok: false, reason: 'ORIGIN' };
  }
  const { cookieToken, headerToken } = request;
  if (!cookieToken || !headerToken || !sameText(cookieToken, headerToken) || !isValidCsrfToken(settings.key, cookieToken)) {
    return { ok: false, reason: 'TOKEN' };
  }
  return { ok: true };
}

export function originOf(url: string): string {
  return new URL(url).origin;
}

const checked = Symbol('csrf-checked');
const issued = Symbol('csrf-issued');

/** The token this request's answer already sets as the cookie, if any: a route must hand out the same one. */
export function issuedCsrfToken(ctx: { state: unknown }): string | undefined {
  return (ctx.state as Record<symbol, string | undefined>)[issued];
}

/**
 * Koa middleware: refuses unsafe requests that fail the check with 403 CSRF_FAILED, and hands out
 * the CSRF cookie on safe requests that lack a valid one. Safe to mount twice (it runs once).
 */
export function csrfMiddleware(settings: CsrfSettings, cookies: CookiePolicy): Middleware {
  return async (ctx, next) => {
    const state = ctx.state as Record<symbol, unknown>;
    if (state[checked]) {
      await next();
      return;
    }
    state[checked] = true;
    const cookieToken = readCookie(ctx, cookies.names.csrf);
    const verdict = checkCsrf(settings, {
      method: ctx.method,
      path: ctx.path,
      origin: ctx.get('origin') || undefined,
      secFetchSite: ctx.get('sec-fetch-site') || undefined,
      cookieToken,
      headerToken: ctx.get(csrfHeader) || undefined,
    });
    if (!verdict.ok) {
      throw new AppError('CSRF_FAILED', {
        message: verdict.reason === 'ORIGIN' ? 'This request did not come from this site.' : 'The security token is missing or invalid. Reload the page and try again.',
        details: { reason: verdict.reason },
      });
    }
    if (!unsafeMethods.has(ctx.method) && !isValidCsrfToken(settings.key, cookieToken)) {
      const token = newCsrfToken(settings.key);
      setCookie(ctx, cookies, cookies.names.csrf, token, { httpOnly: false });
      state[issued] = token;
    }
    await next();
  };
}
