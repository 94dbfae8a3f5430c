import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../platform/errors.ts';

/** What a local download link grants: one key, under one saved name, until one moment. */
export interface DownloadGrant {
  key: string;
  fileName: string;
  expiresAt: Date;
}

interface TokenPayload {
  k: string;
  n: string;
  e: number;
}

export function signDownloadToken(grant: DownloadGrant, secret: string): string {
  const payload: TokenPayload = { k: grant.key, n: grant.fileName, e: Math.floor(grant.expiresAt.getTime() / 1000) };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(body, secret)}`;
}

/**
 * Checks the signature before reading anything in the token, then the expiry. A forged or altered
 * token answers DOWNLOAD_LINK_INVALID, an old one DOWNLOAD_LINK_EXPIRED (so the app can offer a fresh link).
 */
export function verifyDownloadToken(token: string, secret: string, now: Date = new Date()): DownloadGrant {
  const [body, signature, extra] = token.split('.');
  if (body === undefined || signature === undefined || extra !== undefined) throw new AppError('DOWNLOAD_LINK_INVALID');
  const expected = Buffer.from(mac(body, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError('DOWNLOAD_LINK_INVALID');
  const payload = parsePayload(body);
  const expiresAt = new Date(payload.e * 1000);
  if (expiresAt.getTime() <= now.getTime()) throw new AppError('DOWNLOAD_LINK_EXPIRED');
  return { key: payload.k, fileName: payload.n, expiresAt };
}

function mac(body: string, secret: string): string {
  if (secret.length < 32) throw new Error('The download signing secret must be at least 32 characters.');
  return createHmac('sha256', secret).update(body).digest('base64url');
}

function parsePayload(body: string): TokenPayload {
  try {
    const value: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (isPayload(value)) return value;
  } catch {
    // fall through: a signed but unreadable payload is still an invalid link
  }
  throw new AppError('DOWNLOAD_LINK_INVALID');
}

function isPayload(value: unknown): value is TokenPayload {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.k === 'string' && typeof record.n === 'string' && typeof record.e === 'number';
}
