import { createHash, randomBytes } from 'node:crypto';

// The refresh token: opaque to the client, 256 random bits. The session family it belongs to
// travels in front of it (`<familyId>.<secret>`) so a refresh finds its stream without a read
// model lookup; only the SHA-256 of the whole token is ever stored (in the session's events).

const pattern = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

export function newRefreshToken(familyId: string): { token: string; hash: string } {
  const token = `${familyId}.${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** The family a token claims to belong to, or undefined when it is not shaped like one of ours. */
export function parseRefreshToken(token: string | undefined): { familyId: string; hash: string } | undefined {
  if (!token) return undefined;
  const match = pattern.exec(token);
  if (!match) return undefined;
  return { familyId: match[1]!, hash: hashRefreshToken(token) };
}
