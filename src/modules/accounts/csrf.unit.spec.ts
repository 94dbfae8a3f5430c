import { describe, expect, it } from '@jest/globals';
import { checkCsrf, isValidCsrfToken, newCsrfToken, type CsrfRequest } from './csrf.ts';

const key = Buffer.alloc(32, 3);
const settings = { key, allowedOrigins: new Set(['https://coach.example']), exemptPaths: ['/api/payments/webhook'] };
const token = newCsrfToken(key);
const request = (overrides: Partial<CsrfRequest> = {}): CsrfRequest => ({
  method: 'POST', path: '/api/auth/login', origin: 'https://coach.example', secFetchSite: 'same-origin', cookieToken: token, headerToken: token, ...overrides,
});

describe('CSRF check', () => {
  it('lets safe methods through untouched', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(checkCsrf(settings, request({ method, cookieToken: undefined, headerToken: undefined, origin: 'https://evil.example' }))).toEqual({ ok: true });
  });

  it('accepts a same-origin request with matching signed tokens', () => {
    expect(checkCsrf(settings, request())).toEqual({ ok: true });
    expect(checkCsrf(settings, request({ origin: undefined, secFetchSite: undefined }))).toEqual({ ok: true });
  });

  it('refuses every unsafe method without the header token', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(checkCsrf(settings, request({ method, headerToken: undefined }))).toEqual({ ok: false, reason: 'TOKEN' });
  });

  it('refuses a header that differs from the cookie, and a cookie we did not sign', () => {
    expect(checkCsrf(settings, request({ headerToken: newCsrfToken(key) }))).toEqual({ ok: false, reason: 'TOKEN' });
    const planted = 'attacker-chosen.value';
    expect(checkCsrf(settings, request({ cookieToken: planted, headerToken: planted }))).toEqual({ ok: false, reason: 'TOKEN' });
    const otherKey = newCsrfToken(Buffer.alloc(32, 4));
    expect(checkCsrf(settings, request({ cookieToken: otherKey, headerToken: otherKey }))).toEqual({ ok: false, reason: 'TOKEN' });
  });

  it('refuses a foreign Origin even with valid tokens', () => {
    expect(checkCsrf(settings, request({ origin: 'https://evil.example' }))).toEqual({ ok: false, reason: 'ORIGIN' });
    expect(checkCsrf(settings, request({ origin: 'null' }))).toEqual({ ok: false, reason: 'ORIGIN' });
    expect(checkCsrf(settings, request({ origin: 'http://coach.example' }))).toEqual({ ok: false, reason: 'ORIGIN' });
  });

  it('refuses cross-site and same-site fetches when no Origin is sent', () => {
    expect(checkCsrf(settings, request({ origin: undefined, secFetchSite: 'cross-site' }))).toEqual({ ok: false, reason: 'ORIGIN' });
    expect(checkCsrf(settings, request({ origin: undefined, secFetchSite: 'same-site' }))).toEqual({ ok: false, reason: 'ORIGIN' });
  });

  it('leaves the Stripe webhook to its signature', () => {
    expect(checkCsrf(settings, request({ path: '/api/payments/webhook', origin: undefined, cookieToken: undefined, headerToken: undefined }))).toEqual({ ok: true });
  });

  it('signs tokens', () => {
    expect(isValidCsrfToken(key, token)).toBe(true);
    expect(isValidCsrfToken(key, `${token}x`)).toBe(false);
    expect(isValidCsrfToken(key, undefined)).toBe(false);
    expect(isValidCsrfToken(key, 'a.b.c')).toBe(false);
  });
});
