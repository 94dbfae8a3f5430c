// Engine options, validated once: the lead maps ANTHROPIC_API_KEY / ANTHROPIC_MODEL /
// ANTHROPIC_BASE_URL from the app config into this object. No key means the offline engine.
import { z } from 'zod';

export const DEFAULT_MODEL = 'claude-sonnet-4-6';

export const AnalysisEngineOptions = z.object({
  // An empty ANTHROPIC_API_KEY= line in .env means "no key", not "a key that is empty".
  apiKey: z.string().trim().optional().transform((key) => (key ? key : undefined)),
  model: z.string().trim().min(1).default(DEFAULT_MODEL),
  baseURL: z.url().optional(),
  timeoutMs: z.number().int().positive().max(600_000).default(60_000),
  /** Attempts per Messages call when the API answers 429 or 529 (the first one included). */
  maxAttempts: z.number().int().min(1).max(6).default(3),
  /** First backoff; it doubles per attempt, with jitter, capped at 20 s or the server's retry-after. */
  retryBaseMs: z.number().int().nonnegative().max(60_000).default(1_000),
  maxOutputTokens: z.number().int().min(256).max(32_000).default(4_096),
});
export type AnalysisEngineOptions = z.input<typeof AnalysisEngineOptions>;
export type ResolvedEngineOptions = z.output<typeof AnalysisEngineOptions>;

/** Outside inputs the engine must not take from globals, so tests and replays stay deterministic. */
export interface EngineDependencies {
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
}
