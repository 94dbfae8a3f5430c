import { z } from 'zod';

// Every variable the product reads. `.env.example` documents each one; a test keeps the two in step.
const port = z.coerce.number().int().min(1).max(65535);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const bytes = z.coerce.number().int().positive();
const secret = z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  PUBLIC_URL: z.url().optional(),
  CORS_ORIGINS: z.string().default(''),
  JSON_BODY_LIMIT_BYTES: bytes.default(1_048_576),
  UPLOAD_MAX_BYTES: bytes.default(5 * 1_048_576),
  WEB_DIST_DIR: z.string().default('web/dist/browser'),

  DATA_DIR: z.string().default('.data'),
  PG_PORT: port.default(54329),
  DATABASE_URL: z.url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),

  EVENTSTORE_URL: z.string().regex(/^(esdb|esdb\+discover|kurrentdb|kurrent):\/\//, 'must start with esdb:// or kurrentdb://').optional(),

  TEMPORAL_ADDRESS: z.string().regex(/^[^:\s]+:\d+$/, 'must be host:port').optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),

  READ_YOUR_WRITES_TIMEOUT_MS: z.coerce.number().int().min(0).max(10_000).default(2_000),
  READYZ_TIMEOUT_MS: z.coerce.number().int().min(50).max(10_000).default(1_500),
  TRUST_PROXY: bool.default(false),
  METRICS_TOKEN: secret.optional(),

  // Accounts: secrets are optional outside production (generated once into DATA_DIR/secrets).
  AUTH_SECRET: secret.optional(),
  GUEST_SECRET: secret.optional(),
  PERSONAL_DATA_KEY: secret.optional(),
  PRICE_PER_ANALYSIS: z.coerce.number().int().nonnegative().default(499),
  CURRENCY: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').default('EUR'),

  // Drafts and files: where résumés are stored, and their download links (docs/drafts.md).
  FILE_STORAGE: z.enum(['local', 's3']).default('local'),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ENDPOINT: z.url().optional(),
  S3_PREFIX: z.string().regex(/^[A-Za-z0-9._/-]*$/, 'letters, digits, . _ - and /').default(''),
  FILES_SIGNING_SECRET: secret.optional(),
  // Analysis engine: no key means the offline engine (free, deterministic).
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  ANTHROPIC_MODEL: z.string().min(1).optional(),
  ANTHROPIC_BASE_URL: z.url().optional(),
  // Payments: no secret key means free mode (the pay step is waived and recorded as such).
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, 'must be a Stripe secret key (sk_test_… or its live counterpart)').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_[A-Za-z0-9+/=]+$/, 'must be a webhook signing secret (whsec_…)').optional(),
  STRIPE_API_URL: z.url().optional(),
  DOWNLOAD_LINK_TTL_SECONDS: z.coerce.number().int().min(30).max(900).default(300),
  // Exports (docs/exports.md): FREE and guest exports carry a small watermark while this is on.
  ENABLE_WATERMARKED_EXPORT: bool.default(true),
  // Rewrites: seconds a draft waits between two rewrite runs (the per-day number is the plan's).
  REWRITE_COOLDOWN_SECONDS: z.coerce.number().int().min(0).max(3_600).default(30),
  // E-mail (docs/exports.md#notifications): the outbox folder by default, SES in production.
  EMAIL_TRANSPORT: z.enum(['outbox', 'ses']).default('outbox'),
  EMAIL_FROM: z.string().regex(/^[^\s@<>]+@[^\s@<>]+$/, 'a plain address such as coach@example.com').default('coach@localhost'),
  SES_REGION: z.string().min(1).default('us-east-1'),
  SES_ENDPOINT: z.url().optional(),
  NOTIFICATIONS_SIGNING_SECRET: secret.optional(),
  // Postings (docs/postings.md): sources are fetched only from these hosts, within these limits.
  POSTINGS_ALLOWED_HOSTS: z.string().default('boards-api.greenhouse.io,api.lever.co'),
  POSTINGS_FETCH_MAX_BYTES: bytes.default(10 * 1_048_576),
  POSTINGS_FETCH_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(15_000),
  POSTINGS_REFRESH_HOURS: z.coerce.number().int().min(1).max(168).default(6),
  // Applications tracker: days after "applied" before the follow-up reminder.
  FOLLOW_UP_DAYS: z.coerce.number().int().min(1).max(90).default(7),
});

export type RawConfig = z.infer<typeof configSchema>;

/** Variables that hold secrets: never logged, never printed by `config print`. */
export const secretKeys: ReadonlySet<string> = new Set(['DATABASE_URL', 'EVENTSTORE_URL', 'AUTH_SECRET', 'GUEST_SECRET', 'PERSONAL_DATA_KEY', 'FILES_SIGNING_SECRET', 'ANTHROPIC_API_KEY', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'METRICS_TOKEN', 'NOTIFICATIONS_SIGNING_SECRET']);
