import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createEventCatalog, defineEvent, type EventCatalog } from '../catalog.ts';
import type { InsideAppendHook } from '../postgres/index.ts';
import type { CommandContext, EventStore, NewEvent } from '../types.ts';

// What the contract suite appends: a tiny shopping-list vocabulary, nothing from a real module.

/** One engine under test. open() may be called several times: every store sees the same data. */
export type ContractBackend = {
  /** insideAppend runs inside each append's transaction; engines without one run it just before. */
  open(options: { catalog: EventCatalog; insideAppend?: InsideAppendHook }): EventStore;
  teardown(): Promise<void>;
};

export const ItemAdded = defineEvent('ItemAdded', z.object({ itemId: z.string().min(1), quantity: z.number().int().positive() }));
export const ItemRemoved = defineEvent('ItemRemoved', z.object({ itemId: z.string().min(1) }));
/** Accepts any value, so the store's own JSON checks are what the hostile tests meet. */
export const Anything = defineEvent('Anything', z.object({ value: z.unknown() }));
export const NoteWrittenV1 = defineEvent('NoteWritten', z.object({ text: z.string() }));
export const NoteWrittenV2 = defineEvent('NoteWritten', z.object({ body: z.string(), language: z.string() }), {
  schemaVersion: 2,
  upcasters: { 1: (data) => ({ body: (data as { text: string }).text, language: 'und' }) },
});

export const catalog = createEventCatalog([ItemAdded, ItemRemoved, Anything, NoteWrittenV2]);
export const oldCatalog = createEventCatalog([ItemAdded, ItemRemoved, Anything, NoteWrittenV1]);

/** A category no other test (or earlier run against a shared server) has used. */
export function uniqueCategory(): string {
  return `c${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

export function command(overrides: Partial<CommandContext> = {}): CommandContext {
  return {
    commandId: randomUUID(),
    correlationId: randomUUID(),
    actor: { kind: 'user', id: randomUUID() },
    now: new Date('2030-01-02T03:04:05.678Z'),
    ...overrides,
  };
}

export function added(itemId: string, quantity = 1): NewEvent<'ItemAdded', { itemId: string; quantity: number }> {
  return { type: 'ItemAdded', data: { itemId, quantity } };
}
