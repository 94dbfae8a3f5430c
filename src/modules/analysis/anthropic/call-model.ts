// One Messages API call, retried with backoff when the API is rate limited (429) or overloaded
// (529), a bounded number of times. Other failures are mapped to our error codes at once: the
// Temporal activity decides whether to try the whole step again.
import Anthropic, { APIConnectionTimeoutError, APIError } from '@anthropic-ai/sdk';
import { AppError } from '../../../platform/errors.ts';
import type { ResolvedEngineOptions } from '../engine/options.ts';
import { NO_TOKENS, type Tokens } from './cost.ts';
import { SYSTEM_PROMPT } from './prompt.ts';

export type Turn = { role: 'user' | 'assistant'; content: string };

export interface ModelReply {
  readonly text: string;
  readonly truncated: boolean;
  readonly tokens: Tokens;
  readonly attempts: number;
}

const RETRYABLE = new Set([429, 529]);
const MAX_BACKOFF_MS = 20_000;

export function createClient(options: ResolvedEngineOptions): Anthropic {
  // Our own retry loop below owns backoff, so the SDK's is off.
  return new Anthropic({ apiKey: options.apiKey ?? null, baseURL: options.baseURL ?? null, timeout: options.timeoutMs, maxRetries: 0 });
}

/** The SDK types its errors' status and headers loosely; read them defensively. */
function statusOf(error: unknown): number | undefined {
  const status: unknown = error instanceof APIError ? (error as { status?: unknown }).status : undefined;
  return typeof status === 'number' ? status : undefined;
}

function backoff(attempt: number, error: unknown, baseMs: number): number {
  const headers: unknown = error instanceof APIError ? (error as { headers?: unknown }).headers : undefined;
  const header = headers instanceof Headers ? headers.get('retry-after') : null;
  const retryAfter = header ? Number(header) : Number.NaN;
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return Math.min(retryAfter * 1000, MAX_BACKOFF_MS);
  const exponential = baseMs * 2 ** (attempt - 1);
  return Math.min(exponential / 2 + Math.random() * (exponential / 2), MAX_BACKOFF_MS);
}

function tokensOf(usage: Anthropic.Messages.Usage): Tokens {
  return {
    inputTokens: usage.input_tokens,
    outputTokens: usage.output_tokens,
    cacheCreationInputTokens: usage.cache_creation_input_tokens ?? 0,
    cacheReadInputTokens: usage.cache_read_input_tokens ?? 0,
  };
}

export async function callModel(client: Anthropic, options: ResolvedEngineOptions, turns: readonly Turn[], sleep: (ms: number) => Promise<void>): Promise<ModelReply> {
  for (let attempt = 1; ; attempt++) {
    try {
      const message = await client.messages.create({
        model: options.model,
        max_tokens: options.maxOutputTokens,
        system: [{ type: 'text', text: SYSTEM_PROMPT, cache_control: { type: 'ephemeral' } }],
        messages: turns.map((t) => ({ role: t.role, content: t.content })),
      });
      const text = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
      return { text, truncated: message.stop_reason === 'max_tokens', tokens: message.usage ? tokensOf(message.usage) : NO_TOKENS, attempts: attempt };
    } catch (error) {
      if (error instanceof APIConnectionTimeoutError) throw new AppError('ANALYSIS_TIMEOUT', { cause: error });
      const status = statusOf(error);
      if (status !== undefined && RETRYABLE.has(status) && attempt < options.maxAttempts) {
        await sleep(backoff(attempt, error, options.retryBaseMs));
        continue;
      }
      throw new AppError('ANALYSIS_UNAVAILABLE', { cause: error, details: { status: status ?? null, attempts: attempt } });
    }
  }
}
