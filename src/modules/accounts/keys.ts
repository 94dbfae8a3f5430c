import { hkdfSync } from 'node:crypto';
import type { ResolvedAccountsOptions } from './options.ts';

// One secret per concern in the environment; each use gets its own subkey (HKDF-SHA256), so a
// token signature can never be replayed as a CSRF token, an IP hash or a data key.

export type AccountKeys = {
  accessToken: Buffer;
  csrf: Buffer;
  auditHash: Buffer;
  guestCookie: Buffer;
  emailLookup: Buffer;
  /** Wraps the per-user data keys (key-encryption key), version 1. */
  keyWrapping: Buffer;
};

function subkey(secret: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.from('resume-coach/accounts', 'utf8'), Buffer.from(info, 'utf8'), 32));
}

export function deriveKeys(options: Pick<ResolvedAccountsOptions, 'authSecret' | 'guestSecret' | 'personalDataKey'>): AccountKeys {
  return {
    accessToken: subkey(options.authSecret, 'access-token/hs256'),
    csrf: subkey(options.authSecret, 'csrf/hmac'),
    auditHash: subkey(options.authSecret, 'audit/ip-hash'),
    guestCookie: subkey(options.guestSecret, 'guest-cookie/hmac'),
    emailLookup: subkey(options.personalDataKey, 'email-lookup/hmac'),
    keyWrapping: subkey(options.personalDataKey, 'data-key-wrapping/v1'),
  };
}
