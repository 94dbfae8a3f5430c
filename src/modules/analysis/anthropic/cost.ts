// Price per million tokens (USD), from Anthropic's public price list; cache writes are the
// 5-minute kind (1.25× input), cache reads 0.1× input. A model not listed gets a null cost.
import type { TokenUsage } from '../result.ts';

const PRICES: readonly [RegExp, { input: number; output: number }][] = [
  [/^claude-(sonnet-4|3-7-sonnet|3-5-sonnet)/, { input: 3, output: 15 }],
  [/^claude-haiku-4/, { input: 1, output: 5 }],
  [/^claude-3-5-haiku/, { input: 0.8, output: 4 }],
  [/^claude-opus-4-(5|6)/, { input: 5, output: 25 }],
  [/^claude-opus-4/, { input: 15, output: 75 }],
];

export type Tokens = Omit<TokenUsage, 'costUsd' | 'attempts'>;

export function costUsd(model: string, t: Tokens): number | null {
  const price = PRICES.find(([pattern]) => pattern.test(model))?.[1];
  if (!price) return null;
  const perToken = (usd: number) => usd / 1_000_000;
  const cost = t.inputTokens * perToken(price.input) + t.outputTokens * perToken(price.output)
    + t.cacheCreationInputTokens * perToken(price.input * 1.25) + t.cacheReadInputTokens * perToken(price.input * 0.1);
  return Math.round(cost * 1_000_000) / 1_000_000;
}

export function addTokens(a: Tokens, b: Tokens): Tokens {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheCreationInputTokens: a.cacheCreationInputTokens + b.cacheCreationInputTokens,
    cacheReadInputTokens: a.cacheReadInputTokens + b.cacheReadInputTokens,
  };
}

export const NO_TOKENS: Tokens = { inputTokens: 0, outputTokens: 0, cacheCreationInputTokens: 0, cacheReadInputTokens: 0 };
