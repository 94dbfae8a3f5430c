import { randomUUID } from 'node:crypto';
import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import { createEventCatalog, defineEvent, type CommandContext, type NewEvent } from '../../src/platform/event-store/index.ts';

// The rows every benchmark writes: a résumé upload, about 300 bytes of JSON, like the real thing.

export const ResumeUploaded = defineEvent('ResumeUploaded', z.object({
  draftId: z.uuid(), fileKey: z.string(), mediaType: z.enum(['pdf', 'docx', 'txt', 'md']), bytes: z.number().int(), sha256: z.string(),
}));
export const benchCatalog = createEventCatalog([ResumeUploaded]);

export function uploads(count: number): NewEvent[] {
  return Array.from({ length: count }, () => {
    const draftId = randomUUID();
    return { type: 'ResumeUploaded', data: { draftId, fileKey: `resumes/${draftId}/cv.pdf`, mediaType: 'pdf', bytes: 48_213, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' } };
  });
}

export function commandContext(): CommandContext {
  return { commandId: randomUUID(), correlationId: randomUUID(), actor: { kind: 'user', id: randomUUID() }, now: new Date() };
}

export async function createRawTable(pool: DatabasePool): Promise<void> {
  await pool.query(sql.unsafe`
    create table if not exists bench_raw_events (
      id bigserial primary key, stream_id text not null, stream_position bigint not null, event_id uuid not null,
      type text not null, data jsonb not null, metadata jsonb not null, recorded_at timestamptz not null default now()
    )`);
}

/** The baseline: the same rows, one plain INSERT, no checks, no ordering, no idempotency. */
export async function rawInsert(pool: DatabasePool, streamId: string, events: NewEvent[]): Promise<void> {
  const context = commandContext();
  const payload = JSON.stringify(events.map((e, i) => ({ id: randomUUID(), type: e.type, data: e.data, metadata: { ...context, index: i } })));
  await pool.query(sql.type(z.object({}))`
    insert into bench_raw_events (stream_id, stream_position, event_id, type, data, metadata)
    select ${streamId}, n.ordinality - 1, (n.item->>'id')::uuid, n.item->>'type', n.item->'data', n.item->'metadata'
    from jsonb_array_elements(${payload}::jsonb) with ordinality as n(item, ordinality)`);
}
