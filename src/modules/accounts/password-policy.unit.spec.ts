import { describe, expect, it } from '@jest/globals';
import { checkPassword, commonPasswords } from './password-policy.ts';

describe('password policy', () => {
  it('ships a real common-password list', () => {
    expect(commonPasswords().size).toBeGreaterThan(30_000);
    expect(commonPasswords().has('password')).toBe(true);
  });

  it('asks for 10 to 128 characters, counted as people count them', () => {
    expect(checkPassword('short pw')).toEqual(['TOO_SHORT']);
    expect(checkPassword('a'.repeat(129))).toEqual(['TOO_LONG']);
    expect(checkPassword('kettle drum 42')).toEqual([]);
    expect(checkPassword('🐢🐢🐢🐢🐢🐢🐢🐢🐢')).toEqual(['TOO_SHORT']); // 9 characters, 18 UTF-16 units
    expect(checkPassword('🐢🐢🐢🐢🐢🐢🐢🐢🐢🐢')).toEqual([]);
  });

  it('refuses common passwords whatever their case', () => {
    expect(checkPassword('1234567890')).toEqual(['COMMON']);
    expect(checkPassword('qwertyuiop')).toEqual(['COMMON']);
    expect(checkPassword('QwertyUiop')).toEqual(['COMMON']);
    expect(checkPassword('1qaz2wsx3edc')).toEqual(['COMMON']);
  });

  it('imposes no composition rules', () => {
    expect(checkPassword('correct horse battery staple')).toEqual([]);
    expect(checkPassword('allinlowercaseletters')).toEqual([]);
  });

  it('refuses the account e-mail address as password', () => {
    expect(checkPassword('Ada@Example.org', { email: 'ada@example.org' })).toEqual(['SAME_AS_EMAIL']);
  });
});
