import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

import { configSchema, secretKeys, type RawConfig } from './schema.ts';

export type Config = RawConfig & {
  databaseUrl: string;
  temporalAddress: string;
  publicUrl: string;
  corsOrigins: string[];
};

export class ConfigError extends Error {
  readonly problems: { variable: string; problem: string }[];
  constructor(problems: { variable: string; problem: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.problem}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Reads `.env` (when present) into process.env without overriding what the shell already set. */
export function loadDotEnv(path = resolve(process.cwd(), '.env')): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** Validates the environment once; the error names every bad variable and never echoes a value. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = configSchema.safeParse(known);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(root)'),
        problem: issue.message,
      })),
    );
  }
  const raw = parsed.data;
  const publicUrl = raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`;
  return {
    ...raw,
    databaseUrl: raw.DATABASE_URL ?? `postgres://postgres@127.0.0.1:${raw.PG_PORT}/resume_coach`,
    temporalAddress: raw.TEMPORAL_ADDRESS ?? `127.0.0.1:${raw.TEMPORAL_PORT}`,
    publicUrl,
    corsOrigins: [publicUrl, ...raw.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean)],
  };
}

/** The configuration with secrets masked, for start-up logs. */
export function describeConfig(config: Config): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    out[key] = secretKeys.has(key) || key === 'databaseUrl' ? mask(value) : value;
  }
  return out;
}

function mask(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '***';
  }
}

export const configKeys = Object.keys(configSchema.shape);

