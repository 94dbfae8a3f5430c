import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

// Personal data in events is never plaintext. The e-mail address is found by a keyed hash
// (HMAC-SHA256 of the normalised address under a server key: a leaked event store cannot be
// brute-forced from a list of addresses without that key) and stored encrypted with the user's own
// data key (AES-256-GCM, the user id and field name as associated data). Data keys live wrapped in
// an erasable table; deleting a user's key makes every copy of their address, name and password
// hash in old events unreadable (crypto-shredding). docs/accounts.md explains the choice.

/** The form two addresses are compared in: trimmed, NFC, lower-cased (the local part included). */
export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

export function emailLookupHash(key: Buffer, email: string): string {
  return createHmac('sha256', key).update(normaliseEmail(email), 'utf8').digest('hex');
}

const version = 'v1';

/** `v1.<iv>.<ciphertext>.<tag>` (base64url): AES-256-GCM with a 96-bit random IV. */
export function encryptField(dataKey: Buffer, aad: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [version, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** The plaintext, or undefined when the value is not ours, was tampered with or the key is wrong. */
export function decryptField(dataKey: Buffer, aad: string, sealed: string): string | undefined {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== version) return undefined;
  try {
    const [, iv, ciphertext, tag] = parts as [string, string, string, string];
    const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}

/** A data key sealed under the key-encryption key, bound to its user id. */
export function wrapDataKey(keyWrapping: Buffer, userId: string, dataKey: Buffer): string {
  return encryptField(keyWrapping, `data-key:${userId}`, dataKey.toString('base64url'));
}

export function unwrapDataKey(keyWrapping: Buffer, userId: string, wrapped: string): Buffer | undefined {
  const opened = decryptField(keyWrapping, `data-key:${userId}`, wrapped);
  return opened === undefined ? undefined : Buffer.from(opened, 'base64url');
}

/** Associated data of a personal field: a ciphertext moved to another user or field fails to open. */
export function fieldAad(userId: string, field: 'email' | 'displayName' | 'passwordHash'): string {
  return `user:${userId}:${field}`;
}
