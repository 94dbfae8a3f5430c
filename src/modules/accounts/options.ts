import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

// The accounts module's own options, validated once. The lead maps the environment onto them
// (docs/accounts.md lists the variables). Secrets are at least 32 characters of high-entropy text
// (`openssl rand -base64 32`); production must set them, development and test fall back to values
// generated once per install into DATA_DIR/secrets/accounts.json (mode 0600).

const secret = z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)');

export const AccountsOptions = z.object({
  nodeEnv: z.enum(['development', 'test', 'production']),
  /** The origin people open (PUBLIC_URL): token issuer, CSRF origin check, cookie security. */
  publicUrl: z.url(),
  /** Extra origins trusted by the CSRF origin check (CORS_ORIGINS). */
  trustedOrigins: z.array(z.string()).default([]),
  /** AUTH_SECRET: signs access tokens and CSRF tokens, keys the IP hashes of audit events. */
  authSecret: secret,
  /** GUEST_SECRET: signs guest cookies. */
  guestSecret: secret,
  /** PERSONAL_DATA_KEY: keys the e-mail lookup hash and wraps the per-user data keys. Never rotate
   *  without re-keying: lookups of existing e-mail addresses depend on it. */
  personalDataKey: secret,
  /** PRICE_PER_ANALYSIS: the price of one analysis on FREE, in minor units (cents). */
  pricePerAnalysis: z.number().int().nonnegative().default(499),
  /** CURRENCY: ISO 4217 code of that price. */
  currency: z.string().regex(/^[A-Z]{3}$/).default('EUR'),
  accessTokenTtlSeconds: z.number().int().min(60).max(3600).default(900),
  refreshIdleDays: z.number().min(1).max(30).default(7),
  refreshAbsoluteDays: z.number().min(1).max(90).default(30),
  /** A just-rotated refresh token still gets an access token within this window (concurrent tabs). */
  refreshGraceSeconds: z.number().min(0).max(10).default(10),
  guestCookieHours: z.number().min(1).max(72).default(24),
  guestRetentionHours: z.number().min(24).max(24 * 30).default(72),
  /** Paths the CSRF check leaves alone (signed by their sender instead). */
  csrfExemptPaths: z.array(z.string()).default(['/api/payments/webhook']),
});
export type AccountsOptions = z.input<typeof AccountsOptions>;
export type ResolvedAccountsOptions = z.output<typeof AccountsOptions>;

export type AccountsEnv = {
  NODE_ENV: 'development' | 'test' | 'production';
  publicUrl: string;
  corsOrigins?: string[];
  DATA_DIR: string;
  AUTH_SECRET?: string;
  GUEST_SECRET?: string;
  PERSONAL_DATA_KEY?: string;
  PRICE_PER_ANALYSIS?: string | number;
  CURRENCY?: string;
};

const secretNames = ['AUTH_SECRET', 'GUEST_SECRET', 'PERSONAL_DATA_KEY'] as const;

/**
 * Options from the environment. In production every secret must be set (the error names the
 * missing ones, never a value); elsewhere a missing secret is read from — or generated once into —
 * DATA_DIR/secrets/accounts.json, so a developer's sessions survive restarts.
 */
export function accountsOptionsFromEnv(env: AccountsEnv): ResolvedAccountsOptions {
  const missing = secretNames.filter((name) => !env[name]);
  let generated: Partial<Record<(typeof secretNames)[number], string>> = {};
  if (missing.length > 0) {
    if (env.NODE_ENV === 'production') throw new Error(`accounts: ${missing.join(', ')} must be set in production`);
    generated = installSecrets(env.DATA_DIR);
  }
  const price = env.PRICE_PER_ANALYSIS === undefined || env.PRICE_PER_ANALYSIS === '' ? undefined : Number(env.PRICE_PER_ANALYSIS);
  return AccountsOptions.parse({
    nodeEnv: env.NODE_ENV,
    publicUrl: env.publicUrl,
    trustedOrigins: env.corsOrigins ?? [],
    authSecret: env.AUTH_SECRET || generated.AUTH_SECRET,
    guestSecret: env.GUEST_SECRET || generated.GUEST_SECRET,
    personalDataKey: env.PERSONAL_DATA_KEY || generated.PERSONAL_DATA_KEY,
    pricePerAnalysis: price,
    currency: env.CURRENCY || undefined,
  });
}

/** The per-install development secrets: created once with mode 0600, then reused. */
export function installSecrets(dataDir: string): Record<(typeof secretNames)[number], string> {
  const dir = join(dataDir, 'secrets');
  const file = join(dir, 'accounts.json');
  if (existsSync(file)) {
    const parsed = z.object({ AUTH_SECRET: secret, GUEST_SECRET: secret, PERSONAL_DATA_KEY: secret }).safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const fresh = Object.fromEntries(secretNames.map((name) => [name, randomBytes(32).toString('base64url')])) as Record<(typeof secretNames)[number], string>;
  writeFileSync(file, `${JSON.stringify(fresh, null, 2)}\n`, { mode: 0o600, flag: 'w' });
  chmodSync(file, 0o600);
  return fresh;
}
