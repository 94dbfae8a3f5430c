import { createHmac, generateKeyPairSync, sign as rsaSign } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { signAccessToken, verifyAccessToken } from './access-token.ts';
import { newRefreshToken } from './refresh-token.ts';

const key = Buffer.alloc(32, 7);
const settings = { key, issuer: 'https://coach.example', ttlSeconds: 900 };
const now = new Date('2026-03-01T12:00:00Z');
const input = { userId: '0b6f5a3e-1d2c-4e5f-8a9b-0c1d2e3f4a5b', sessionId: '1c7e6b4f-2e3d-4f60-9bac-1d2e3f4a5b6c', plan: 'FREE' as const, role: 'USER' as const };

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const hs256 = (signingInput: string, k = key) => createHmac('sha256', k).update(signingInput).digest('base64url');
function forge(header: object, payload: object, signer: (input: string) => string = (i) => hs256(i)): string {
  const signingInput = `${b64(header)}.${b64(payload)}`;
  return `${signingInput}.${signer(signingInput)}`;
}
const claims = (overrides: Record<string, unknown> = {}) => {
  const iat = Math.floor(now.getTime() / 1000);
  return { sub: input.userId, sid: input.sessionId, plan: 'FREE', role: 'USER', typ: 'access', iat, exp: iat + 900, iss: settings.issuer, aud: 'resume-coach-api', ...overrides };
};

describe('access tokens', () => {
  it('verifies a token it signed, with every claim', () => {
    const { token, expiresAt } = signAccessToken(settings, input, now);
    const result = verifyAccessToken(settings, token, now);
    expect(result).toEqual({ ok: true, claims: expect.objectContaining({ sub: input.userId, sid: input.sessionId, plan: 'FREE', role: 'USER', typ: 'access', iss: settings.issuer, aud: 'resume-coach-api' }) });
    expect(expiresAt.getTime() - now.getTime()).toBe(900_000);
  });

  it('accepts a hand-made HS256 token with the same claims (the forging helper is sound)', () => {
    expect(verifyAccessToken(settings, forge({ alg: 'HS256', typ: 'JWT' }, claims()), now).ok).toBe(true);
  });

  it('refuses alg none, with or without a signature', () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`;
    expect(verifyAccessToken(settings, unsigned, now)).toEqual({ ok: false, reason: expect.stringMatching(/ALGORITHM|MALFORMED/) });
    expect(verifyAccessToken(settings, forge({ alg: 'none' }, claims()), now)).toEqual({ ok: false, reason: 'ALGORITHM' });
    expect(verifyAccessToken(settings, forge({ alg: 'None' }, claims()), now)).toEqual({ ok: false, reason: 'ALGORITHM' });
  });

  it('refuses another algorithm, even correctly signed with it', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rs = forge({ alg: 'RS256', typ: 'JWT' }, claims(), (i) => rsaSign('sha256', Buffer.from(i), privateKey).toString('base64url'));
    expect(verifyAccessToken(settings, rs, now)).toEqual({ ok: false, reason: 'ALGORITHM' });
    expect(verifyAccessToken(settings, forge({ alg: 'HS512' }, claims()), now)).toEqual({ ok: false, reason: 'ALGORITHM' });
  });

  it('refuses a changed payload', () => {
    const { token } = signAccessToken(settings, input, now);
    const [h, , s] = token.split('.');
    const promoted = `${h}.${b64(claims({ role: 'ADMIN', plan: 'PRO' }))}.${s}`;
    expect(verifyAccessToken(settings, promoted, now)).toEqual({ ok: false, reason: 'SIGNATURE' });
  });

  it('refuses a flipped signature byte', () => {
    const { token } = signAccessToken(settings, input, now);
    const [h, p, s] = token.split('.') as [string, string, string];
    const bytes = Buffer.from(s, 'base64url');
    for (const index of [0, bytes.length - 1]) {
      const flipped = Buffer.from(bytes);
      flipped[index] = flipped[index]! ^ 0x01;
      expect(verifyAccessToken(settings, `${h}.${p}.${flipped.toString('base64url')}`, now)).toEqual({ ok: false, reason: 'SIGNATURE' });
    }
  });

  it('refuses a token signed with another key', () => {
    const { token } = signAccessToken({ ...settings, key: Buffer.alloc(32, 8) }, input, now);
    expect(verifyAccessToken(settings, token, now)).toEqual({ ok: false, reason: 'SIGNATURE' });
  });

  it('requires exp, and refuses an expired token', () => {
    const { exp: _exp, ...withoutExp } = claims();
    expect(verifyAccessToken(settings, forge({ alg: 'HS256' }, withoutExp), now)).toEqual({ ok: false, reason: 'CLAIMS' });
    const { token } = signAccessToken(settings, input, now);
    expect(verifyAccessToken(settings, token, new Date(now.getTime() + 900_000))).toEqual({ ok: false, reason: 'EXPIRED' });
    expect(verifyAccessToken(settings, token, new Date(now.getTime() + 899_000)).ok).toBe(true);
  });

  it('refuses a wrong issuer or audience', () => {
    expect(verifyAccessToken(settings, forge({ alg: 'HS256' }, claims({ iss: 'https://evil.example' })), now)).toEqual({ ok: false, reason: 'ISSUER' });
    expect(verifyAccessToken(settings, forge({ alg: 'HS256' }, claims({ aud: 'another-api' })), now)).toEqual({ ok: false, reason: 'AUDIENCE' });
    expect(verifyAccessToken(settings, forge({ alg: 'HS256' }, claims({ aud: ['another-api', 'resume-coach-api'] })), now).ok).toBe(true);
  });

  it('refuses tokens of another type, issued in the future, or with claims of the wrong shape', () => {
    expect(verifyAccessToken(settings, forge({ alg: 'HS256' }, claims({ typ: 'refresh' })), now)).toEqual({ ok: false, reason: 'TYPE' });
    expect(verifyAccessToken(settings, forge({ alg: 'HS256' }, claims({ iat: Math.floor(now.getTime() / 1000) + 3600, exp: Math.floor(now.getTime() / 1000) + 7200 })), now)).toEqual({ ok: false, reason: 'NOT_YET_VALID' });
    expect(verifyAccessToken(settings, forge({ alg: 'HS256' }, claims({ role: 'ROOT' })), now)).toEqual({ ok: false, reason: 'CLAIMS' });
    expect(verifyAccessToken(settings, forge({ alg: 'HS256' }, claims({ exp: '9999999999' })), now)).toEqual({ ok: false, reason: 'CLAIMS' });
  });

  it('refuses a refresh token presented as an access token, and garbage', () => {
    const refresh = newRefreshToken(input.sessionId);
    expect(verifyAccessToken(settings, refresh.token, now)).toEqual({ ok: false, reason: 'MALFORMED' });
    for (const junk of ['', 'a.b', 'a.b.c', '...', 'x'.repeat(5000), `${b64({ alg: 'HS256' })}.not-json.${hs256('x')}`]) {
      expect(verifyAccessToken(settings, junk, now).ok).toBe(false);
    }
  });
});
