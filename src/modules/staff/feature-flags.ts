import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { EventStore } from '../../platform/event-store/index.ts';
import { flagsStream, type FlagName } from './events.ts';

// Flags the app reads at run time, changed by admins as events (the stream is the audit trail).
// Readers get the folded stream, cached briefly: a flag flips within seconds everywhere.

export type Flags = { ENABLE_SSE: boolean; ENABLE_WATERMARKED_EXPORT: boolean; ANALYSIS_ENGINE: 'auto' | 'offline' };
export const defaultFlags: Flags = { ENABLE_SSE: true, ENABLE_WATERMARKED_EXPORT: true, ANALYSIS_ENGINE: 'auto' };

const valueOf: Record<FlagName, z.ZodType> = {
  ENABLE_SSE: z.boolean(),
  ENABLE_WATERMARKED_EXPORT: z.boolean(),
  ANALYSIS_ENGINE: z.enum(['auto', 'offline']),
};

export function foldFlags(events: readonly { type: string; data: unknown }[]): Flags {
  const flags: Record<string, unknown> = { ...defaultFlags };
  for (const event of events) {
    if (event.type !== 'FeatureFlagSet') continue;
    const { flag, value } = event.data as { flag: FlagName; value: unknown };
    if (valueOf[flag]?.safeParse(value).success) flags[flag] = value;
  }
  return flags as Flags;
}

export function createFeatureFlags(eventStore: EventStore, options: { cacheMs?: number; now?: () => number } = {}) {
  const now = options.now ?? Date.now;
  let cached: { flags: Flags; until: number } | undefined;
  return {
    async current(): Promise<Flags> {
      if (cached && cached.until > now()) return cached.flags;
      const flags = foldFlags(await eventStore.readStream(flagsStream));
      cached = { flags, until: now() + (options.cacheMs ?? 5_000) };
      return flags;
    },
    async set(staffId: string, flag: FlagName, value: unknown, reason: string): Promise<{ position: number; flags: Flags }> {
      const parsed = valueOf[flag].safeParse(value);
      if (!parsed.success) throw new AppError('VALIDATION_FAILED', { details: { flag, problem: parsed.error.issues[0]?.message } });
      const at = new Date().toISOString();
      const written = await eventStore.append(flagsStream, [{ type: 'FeatureFlagSet', data: { flag, value: parsed.data as boolean | string, staffId, reason, at } }], {
        expectedRevision: 'any', command: { commandId: randomUUID(), correlationId: randomUUID(), actor: { kind: 'admin', id: staffId }, now: new Date(at) },
      });
      cached = undefined;
      return { position: written.position, flags: await this.current() };
    },
  };
}

export type FeatureFlags = ReturnType<typeof createFeatureFlags>;
