import type { Context } from 'koa';

// Cookie names and attributes in one place. Outside local http every cookie is Secure and carries
// a prefix the browser enforces: `__Host-` (Secure, Path=/, no Domain: a sibling subdomain cannot
// plant or overwrite it) for the access, CSRF and guest cookies; `__Secure-` for the refresh
// cookie, because `__Host-` forbids the narrow Path it needs (it is sent to the refresh endpoint
// only). Set-Cookie headers are written here rather than through Koa's cookie jar, which refuses
// Secure cookies when TLS ends at a proxy Koa was not told to trust.

export const refreshPath = '/api/auth/refresh';

export type CookieNames = { access: string; refresh: string; csrf: string; guest: string };
export type CookiePolicy = { secure: boolean; names: CookieNames };

/** Local http (http://localhost:3000 in development) gets plain names without Secure. */
export function cookiePolicy(publicUrl: string): CookiePolicy {
  const secure = new URL(publicUrl).protocol === 'https:';
  return {
    secure,
    names: secure
      ? { access: '__Host-access', refresh: '__Secure-refresh', csrf: '__Host-csrf', guest: '__Host-guest' }
      : { access: 'access', refresh: 'refresh', csrf: 'csrf', guest: 'guest' },
  };
}

export type CookieOptions = { httpOnly: boolean; path?: string; maxAgeSeconds?: number };

export function serialiseCookie(policy: CookiePolicy, name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${value}`, `Path=${options.path ?? '/'}`, 'SameSite=Lax'];
  if (options.maxAgeSeconds !== undefined) {
    parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`);
    if (options.maxAgeSeconds <= 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  }
  if (options.httpOnly) parts.push('HttpOnly');
  if (policy.secure) parts.push('Secure');
  return parts.join('; ');
}

export function setCookie(ctx: Pick<Context, 'append'>, policy: CookiePolicy, name: string, value: string, options: CookieOptions): void {
  ctx.append('Set-Cookie', serialiseCookie(policy, name, value, options));
}

export function clearCookie(ctx: Pick<Context, 'append'>, policy: CookiePolicy, name: string, options: Omit<CookieOptions, 'maxAgeSeconds'>): void {
  ctx.append('Set-Cookie', serialiseCookie(policy, name, '', { ...options, maxAgeSeconds: 0 }));
}

/** A cookie's value from the request; undefined when absent or empty. */
export function readCookie(ctx: Pick<Context, 'get'>, name: string): string | undefined {
  const header = ctx.get('cookie');
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq === -1) continue;
    if (pair.slice(0, eq).trim() === name) {
      const value = pair.slice(eq + 1).trim();
      return value === '' ? undefined : value;
    }
  }
  return undefined;
}
