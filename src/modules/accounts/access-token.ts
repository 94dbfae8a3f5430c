import { createHmac, timingSafeEqual } from 'node:crypto';
import { createJWTSignatureMessage, encodeJWT, parseJWT } from '@oslojs/jwt';
import { z } from 'zod';

// The access token: a JWT signed with HS256 and nothing else. Verification pins the algorithm in
// the header (alg "none", RS256 or anything but HS256 is refused before the signature is looked
// at), checks the signature in constant time, and requires typ, iss, aud, iat and exp. Pure: the
// key and the clock come in as arguments.

export const accessTokenType = 'access';
export const accessTokenAudience = 'resume-coach-api';
const clockSkewSeconds = 30;

export const Plan = z.enum(['FREE', 'PRO']);
export type Plan = z.infer<typeof Plan>;
export const Role = z.enum(['USER', 'SUPPORT', 'ADMIN']);
export type Role = z.infer<typeof Role>;

const Claims = z.object({
  sub: z.uuid(),
  sid: z.uuid(),
  plan: Plan,
  role: Role,
  typ: z.literal(accessTokenType),
  iat: z.number().int().nonnegative(),
  exp: z.number().int().positive(),
  iss: z.string().min(1),
  aud: z.union([z.string(), z.array(z.string())]),
});
export type AccessClaims = z.infer<typeof Claims>;

export type AccessTokenInput = { userId: string; sessionId: string; plan: Plan; role: Role };
export type AccessTokenSettings = { key: Buffer; issuer: string; ttlSeconds: number };

const header = JSON.stringify({ alg: 'HS256', typ: 'JWT' });

function sign(key: Buffer, message: Uint8Array): Buffer {
  return createHmac('sha256', key).update(message).digest();
}

export function signAccessToken(settings: AccessTokenSettings, input: AccessTokenInput, now: Date): { token: string; expiresAt: Date } {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + settings.ttlSeconds;
  const claims: AccessClaims = {
    sub: input.userId, sid: input.sessionId, plan: input.plan, role: input.role, typ: accessTokenType,
    iat, exp, iss: settings.issuer, aud: accessTokenAudience,
  };
  const payload = JSON.stringify(claims);
  const token = encodeJWT(header, payload, sign(settings.key, createJWTSignatureMessage(header, payload)));
  return { token, expiresAt: new Date(exp * 1000) };
}

export type VerifyFailure = 'MALFORMED' | 'ALGORITHM' | 'SIGNATURE' | 'CLAIMS' | 'EXPIRED' | 'NOT_YET_VALID' | 'ISSUER' | 'AUDIENCE' | 'TYPE';
export type VerifyResult = { ok: true; claims: AccessClaims } | { ok: false; reason: VerifyFailure };

export function verifyAccessToken(settings: Pick<AccessTokenSettings, 'key' | 'issuer'>, token: string, now: Date): VerifyResult {
  if (typeof token !== 'string' || token.length > 4096) return { ok: false, reason: 'MALFORMED' };
  let parts: ReturnType<typeof parseJWT>;
  try {
    parts = parseJWT(token);
  } catch {
    return { ok: false, reason: 'MALFORMED' };
  }
  const [head, payload, signature, message] = parts;
  // The algorithm is ours to choose, never the token's: anything but exactly HS256 is refused.
  if ((head as { alg?: unknown }).alg !== 'HS256' || 'crit' in head) return { ok: false, reason: 'ALGORITHM' };
  const expected = sign(settings.key, message);
  if (signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), expected)) return { ok: false, reason: 'SIGNATURE' };
  const parsed = Claims.safeParse(payload);
  if (!parsed.success) {
    const typ = (payload as { typ?: unknown }).typ;
    return { ok: false, reason: typ !== undefined && typ !== accessTokenType ? 'TYPE' : 'CLAIMS' };
  }
  const claims = parsed.data;
  const seconds = Math.floor(now.getTime() / 1000);
  if (claims.exp <= seconds) return { ok: false, reason: 'EXPIRED' };
  if (claims.iat > seconds + clockSkewSeconds) return { ok: false, reason: 'NOT_YET_VALID' };
  if (claims.iss !== settings.issuer) return { ok: false, reason: 'ISSUER' };
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(accessTokenAudience)) return { ok: false, reason: 'AUDIENCE' };
  return { ok: true, claims };
}
