import { hash, verify } from '@node-rs/argon2';
import { normalisePassword } from './password-policy.ts';

// Argon2id with the library's defaults (m=19456 KiB, t=2, p=1: OWASP's minimum). Login checks an
// unknown account against a dummy hash made with the same parameters, so the answer takes as long
// whether or not the address has an account.

export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(storedHash: string, password: string): Promise<boolean>;
  /** Spends the time of one verification and answers false. */
  verifyDummy(password: string): Promise<boolean>;
};

export function createPasswordHasher(): PasswordHasher {
  let dummy: Promise<string> | undefined;
  const safeVerify = async (storedHash: string, password: string) => {
    try {
      return await verify(storedHash, normalisePassword(password));
    } catch {
      return false;
    }
  };
  return {
    hash: (password) => hash(normalisePassword(password)),
    verify: safeVerify,
    async verifyDummy(password) {
      dummy ??= hash('dummy password for unknown accounts');
      await safeVerify(await dummy, password);
      return false;
    },
  };
}
