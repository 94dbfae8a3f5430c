import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

// The guest cookie: `<guestId>.<expires, unix seconds>.<HMAC>`. Signed so nobody can take over a
// guest's drafts by guessing or changing the id; it carries its own expiry so an old cookie dies
// even if a browser keeps it.

const pattern = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

function mac(key: Buffer, guestId: string, expires: number): Buffer {
  return createHmac('sha256', key).update(`guest:${guestId}:${expires}`).digest();
}

export function signGuestCookie(key: Buffer, guestId: string, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${guestId}.${expires}.${mac(key, guestId, expires).toString('base64url')}`;
}

export function newGuest(key: Buffer, now: Date, ttlHours: number): { guestId: string; cookie: string; expiresAt: Date } {
  const guestId = randomUUID();
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  return { guestId, cookie: signGuestCookie(key, guestId, expiresAt), expiresAt };
}

/** The guest id of a valid, unexpired cookie; undefined otherwise. */
export function verifyGuestCookie(key: Buffer, value: string | undefined, now: Date): { guestId: string; expiresAt: Date } | undefined {
  if (!value) return undefined;
  const match = pattern.exec(value);
  if (!match) return undefined;
  const [, guestId, expiresText, signature] = match as unknown as [string, string, string, string];
  const expires = Number(expiresText);
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(key, guestId, expires);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  if (expires * 1000 <= now.getTime()) return undefined;
  return { guestId, expiresAt: new Date(expires * 1000) };
}
