import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { accountsOptionsFromEnv } from './options.ts';

const base = { publicUrl: 'https://coach.example', DATA_DIR: '' };
const secrets = { AUTH_SECRET: 'a'.repeat(40), GUEST_SECRET: 'g'.repeat(40), PERSONAL_DATA_KEY: 'p'.repeat(40) };

describe('accounts options', () => {
  it('requires every secret in production and names the missing ones', () => {
    expect(() => accountsOptionsFromEnv({ ...base, NODE_ENV: 'production', DATA_DIR: mkdtempSync(join(tmpdir(), 'acc-')), AUTH_SECRET: 'a'.repeat(40) }))
      .toThrow('accounts: GUEST_SECRET, PERSONAL_DATA_KEY must be set in production');
    expect(() => accountsOptionsFromEnv({ ...base, NODE_ENV: 'production', ...secrets, AUTH_SECRET: 'short' })).toThrow(/at least 32/);
    const options = accountsOptionsFromEnv({ ...base, NODE_ENV: 'production', ...secrets, PRICE_PER_ANALYSIS: '299', CURRENCY: 'USD' });
    expect(options).toEqual(expect.objectContaining({ pricePerAnalysis: 299, currency: 'USD', authSecret: secrets.AUTH_SECRET }));
  });

  it('generates development secrets once per install, private to the owner', () => {
    const dir = mkdtempSync(join(tmpdir(), 'acc-'));
    const first = accountsOptionsFromEnv({ ...base, NODE_ENV: 'development', DATA_DIR: dir });
    const second = accountsOptionsFromEnv({ ...base, NODE_ENV: 'development', DATA_DIR: dir });
    expect(second.authSecret).toBe(first.authSecret);
    expect(first.authSecret).not.toBe(first.guestSecret);
    const file = join(dir, 'secrets', 'accounts.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(expect.objectContaining({ AUTH_SECRET: first.authSecret }));
    expect(first).toEqual(expect.objectContaining({ pricePerAnalysis: 499, currency: 'EUR' }));
  });
});
