// Asks the model for critiques (and a letter), validates the reply against our schema, and gives
// it exactly one chance to repair an unusable reply before failing with ANALYSIS_INVALID_OUTPUT.
import type Anthropic from '@anthropic-ai/sdk';
import { AppError } from '../../../platform/errors.ts';
import type { ResolvedEngineOptions } from '../engine/options.ts';
import type { TokenUsage } from '../result.ts';
import { callModel, type Turn } from './call-model.ts';
import { addTokens, costUsd, NO_TOKENS } from './cost.ts';
import { parseModelReply, type ModelOutput } from './model-output.ts';
import { repairPrompt } from './prompt.ts';

/** What the model said is kept this short in the repair turn: enough to fix, not to re-bill. */
const REPAIR_ECHO_CHARS = 6_000;

export async function askCoach(client: Anthropic, options: ResolvedEngineOptions, prompt: string, sleep: (ms: number) => Promise<void>): Promise<{ output: ModelOutput; usage: TokenUsage }> {
  const turns: Turn[] = [{ role: 'user', content: prompt }];
  let tokens = NO_TOKENS;
  let attempts = 0;
  for (let round = 0; round < 2; round++) {
    const reply = await callModel(client, options, turns, sleep);
    tokens = addTokens(tokens, reply.tokens);
    attempts += reply.attempts;
    const parsed = parseModelReply(reply.text, reply.truncated);
    if (parsed.ok) return { output: parsed.value, usage: { ...tokens, attempts, costUsd: costUsd(options.model, tokens) } };
    if (round === 1) {
      throw new AppError('ANALYSIS_INVALID_OUTPUT', { details: { problem: parsed.problem, usage: { ...tokens, attempts, costUsd: costUsd(options.model, tokens) } } });
    }
    turns.push({ role: 'assistant', content: reply.text.slice(0, REPAIR_ECHO_CHARS) || '(empty)' }, { role: 'user', content: repairPrompt(parsed.problem) });
  }
  throw new AppError('ANALYSIS_INVALID_OUTPUT');
}
