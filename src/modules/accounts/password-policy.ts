import { dictionary } from '@zxcvbn-ts/language-common';
import { normaliseEmail } from './personal-data.ts';

// NIST SP 800-63B: a length window and a block-list of passwords known from breaches, nothing
// else (no "one digit, one symbol" rules). The list is zxcvbn-ts's common-password dictionary
// (≈49,000 entries from leaked-password corpora), shipped as data by the npm package.

export const passwordMinLength = 10;
export const passwordMaxLength = 128;

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'COMMON' | 'SAME_AS_EMAIL';

let common: ReadonlySet<string> | undefined;

/** The block-list, lower-cased; built on first use. */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/** The form a password is hashed and checked in: Unicode NFC (the same letters typed on any device hash alike). */
export function normalisePassword(password: string): string {
  return password.normalize('NFC');
}

/** Length in characters as a person counts them (code points), not UTF-16 units. */
function lengthOf(text: string): number {
  return [...text].length;
}

/** The problems with a new password; empty when it is acceptable. */
export function checkPassword(password: string, context: { email?: string } = {}): PasswordProblem[] {
  const normalised = normalisePassword(password);
  const length = lengthOf(normalised);
  if (length < passwordMinLength) return ['TOO_SHORT'];
  if (length > passwordMaxLength) return ['TOO_LONG'];
  const problems: PasswordProblem[] = [];
  const lower = normalised.toLowerCase();
  if (commonPasswords().has(lower)) problems.push('COMMON');
  if (context.email && lower === normaliseEmail(context.email)) problems.push('SAME_AS_EMAIL');
  return problems;
}
