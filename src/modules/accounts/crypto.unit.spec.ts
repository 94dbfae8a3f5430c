import { describe, expect, it } from '@jest/globals';
import { hashIp, userAgentFamily } from './client-info.ts';
import { cookiePolicy, readCookie, serialiseCookie } from './cookies.ts';
import { newGuest, signGuestCookie, verifyGuestCookie } from './guest-cookie.ts';
import { deriveKeys } from './keys.ts';
import { decryptField, emailLookupHash, encryptField, fieldAad, newDataKey, unwrapDataKey, wrapDataKey } from './personal-data.ts';
import { hashRefreshToken, newRefreshToken, parseRefreshToken } from './refresh-token.ts';

const keys = deriveKeys({ authSecret: 'a'.repeat(32), guestSecret: 'g'.repeat(32), personalDataKey: 'p'.repeat(32) });
const userId = '0b6f5a3e-1d2c-4e5f-8a9b-0c1d2e3f4a5b';

describe('personal data', () => {
  it('finds an address by a keyed hash of its normalised form', () => {
    expect(emailLookupHash(keys.emailLookup, ' Ada@Example.ORG ')).toBe(emailLookupHash(keys.emailLookup, 'ada@example.org'));
    expect(emailLookupHash(keys.emailLookup, 'ada@example.org')).not.toBe(emailLookupHash(keys.auditHash, 'ada@example.org'));
    expect(emailLookupHash(keys.emailLookup, 'ada@example.org')).not.toContain('ada');
  });

  it('seals fields so only the right key, user and field open them', () => {
    const key = newDataKey();
    const sealed = encryptField(key, fieldAad(userId, 'email'), 'ada@example.org');
    expect(sealed).not.toContain('ada');
    expect(decryptField(key, fieldAad(userId, 'email'), sealed)).toBe('ada@example.org');
    expect(decryptField(newDataKey(), fieldAad(userId, 'email'), sealed)).toBeUndefined();
    expect(decryptField(key, fieldAad(userId, 'displayName'), sealed)).toBeUndefined();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(decryptField(key, fieldAad(userId, 'email'), tampered)).toBeUndefined();
  });

  it('wraps data keys under the key-encryption key, bound to the user', () => {
    const key = newDataKey();
    const wrapped = wrapDataKey(keys.keyWrapping, userId, key);
    expect(unwrapDataKey(keys.keyWrapping, userId, wrapped)?.equals(key)).toBe(true);
    expect(unwrapDataKey(keys.keyWrapping, '2d8f7c5a-3f4e-4a71-8cbd-2e3f4a5b6c7d', wrapped)).toBeUndefined();
  });
});

describe('refresh tokens', () => {
  it('carry 256 random bits after the family id and are stored hashed', () => {
    const familyId = '1c7e6b4f-2e3d-4f60-9bac-1d2e3f4a5b6c';
    const { token, hash } = newRefreshToken(familyId);
    expect(Buffer.from(token.split('.')[1]!, 'base64url')).toHaveLength(32);
    expect(parseRefreshToken(token)).toEqual({ familyId, hash });
    expect(hash).toBe(hashRefreshToken(token));
    expect(hash).not.toContain(token.split('.')[1]);
    expect(parseRefreshToken('eyJhbGciOiJIUzI1NiJ9.e30.x')).toBeUndefined();
  });
});

describe('guest cookie', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  it('is signed and expires', () => {
    const guest = newGuest(keys.guestCookie, now, 24);
    expect(verifyGuestCookie(keys.guestCookie, guest.cookie, now)?.guestId).toBe(guest.guestId);
    expect(verifyGuestCookie(keys.guestCookie, guest.cookie, new Date(now.getTime() + 24 * 3_600_000))).toBeUndefined();
    expect(verifyGuestCookie(keys.accessToken, guest.cookie, now)).toBeUndefined();
    const other = '2d8f7c5a-3f4e-4a71-8cbd-2e3f4a5b6c7d';
    expect(verifyGuestCookie(keys.guestCookie, guest.cookie.replace(guest.guestId, other), now)).toBeUndefined();
    const extended = signGuestCookie(keys.accessToken, guest.guestId, new Date(now.getTime() + 1e10));
    expect(verifyGuestCookie(keys.guestCookie, extended, now)).toBeUndefined();
  });
});

describe('cookies', () => {
  it('are __Host-/__Secure-, Secure, HttpOnly and Lax outside local http', () => {
    const secure = cookiePolicy('https://coach.example');
    expect(secure.names).toEqual({ access: '__Host-access', refresh: '__Secure-refresh', csrf: '__Host-csrf', guest: '__Host-guest' });
    expect(serialiseCookie(secure, secure.names.access, 'v', { httpOnly: true, maxAgeSeconds: 900 })).toBe('__Host-access=v; Path=/; SameSite=Lax; Max-Age=900; HttpOnly; Secure');
    expect(serialiseCookie(secure, secure.names.refresh, 'v', { httpOnly: true, path: '/api/auth/refresh' })).toBe('__Secure-refresh=v; Path=/api/auth/refresh; SameSite=Lax; HttpOnly; Secure');
    const local = cookiePolicy('http://localhost:3000');
    expect(local.secure).toBe(false);
    expect(serialiseCookie(local, local.names.csrf, 'v', { httpOnly: false })).toBe('csrf=v; Path=/; SameSite=Lax');
  });

  it('reads one cookie out of the header', () => {
    expect(readCookie({ get: () => 'a=1; access=tok; b=' }, 'access')).toBe('tok');
    expect(readCookie({ get: () => 'a=1; b=' }, 'b')).toBeUndefined();
    expect(readCookie({ get: () => '' }, 'a')).toBeUndefined();
  });
});

describe('audit client info', () => {
  it('hashes IP addresses with a key and keeps only the browser family', () => {
    expect(hashIp(keys.auditHash, '203.0.113.9')).toBe(hashIp(keys.auditHash, '203.0.113.9'));
    expect(hashIp(keys.auditHash, '203.0.113.9')).not.toContain('203');
    expect(userAgentFamily('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36')).toBe('Chrome/Windows');
    expect(userAgentFamily('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1')).toBe('Safari/iOS');
    expect(userAgentFamily('curl/8.5.0')).toBe('curl');
    expect(userAgentFamily(undefined)).toBe('unknown');
  });
});
