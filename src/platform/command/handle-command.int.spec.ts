import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isAppError } from '../errors.ts';
import { createEventCatalog, defineEvent, type CommandContext, type EventStore } from '../event-store/index.ts';
import { postgresContractBackend } from '../event-store/postgres/test-backend.ts';
import { handleCommand } from './handle-command.ts';
import type { Decider } from './plan.ts';

// An example decider for this test only: a workshop with a fixed number of seats.
const SeatBooked = defineEvent('SeatBooked', z.object({ attendee: z.string() }));
type Booking = { type: 'SeatBooked'; data: { attendee: string } };
const workshop: Decider<{ attendee: string }, string[], Booking> = {
  initialState: [],
  evolve: (seats, event) => (event.type === 'SeatBooked' ? [...seats, event.data.attendee] : seats),
  decide({ attendee }, seats) {
    if (seats.includes(attendee)) return [];
    if (seats.length >= 10) throw new Error('WORKSHOP_FULL');
    return [{ type: 'SeatBooked', data: { attendee } }];
  },
};
const context = (): CommandContext => ({ commandId: randomUUID(), correlationId: randomUUID(), actor: { kind: 'user', id: 'u-1' }, now: new Date() });

describe('handleCommand against the Postgres event store', () => {
  let backend: Awaited<ReturnType<typeof postgresContractBackend>>;
  let store: EventStore;
  beforeAll(async () => {
    backend = await postgresContractBackend('snapshot');
    store = backend.open({ catalog: createEventCatalog([SeatBooked]) });
  });
  afterAll(() => backend.teardown());

  it('lets concurrent commands on one stream all succeed by retrying their conflicts', async () => {
    const streamId = `workshop-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => handleCommand(store, streamId, { attendee: `a${i}` }, workshop, context(), { maxAttempts: 20 })),
    );
    const history = await store.readStream(streamId);
    expect(history.map((e) => e.streamPosition)).toEqual([...Array(10).keys()]);
    expect(new Set(results.map((r) => r.revision))).toEqual(new Set([...Array(10).keys()]));
    expect(Math.max(...results.map((r) => r.position))).toBe(history[9]!.position);
    await expect(handleCommand(store, streamId, { attendee: 'late' }, workshop, context())).rejects.toThrow('WORKSHOP_FULL');
  });

  it('answers a retried command with its first outcome', async () => {
    const streamId = `workshop-${randomUUID()}`;
    const ctx = context();
    const first = await handleCommand(store, streamId, { attendee: 'ada' }, workshop, ctx);
    await handleCommand(store, streamId, { attendee: 'bob' }, workshop, context());
    const retry = await handleCommand(store, streamId, { attendee: 'ada' }, workshop, { ...ctx, now: new Date() });
    expect(retry).toEqual({ ...first, alreadyHandled: true });
    expect((await store.readStream(streamId)).length).toBe(2);
  });

  it('gives up with AppError CONFLICT after the allowed attempts', async () => {
    const streamId = `workshop-${randomUUID()}`;
    await handleCommand(store, streamId, { attendee: 'ada' }, workshop, context());
    // A reader that is always one event behind: every append conflicts.
    const stale: EventStore = { ...store, readStream: async (id) => (await store.readStream(id)).slice(0, -1) };
    const error = await handleCommand(stale, streamId, { attendee: 'bob' }, workshop, context(), { maxAttempts: 3 }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code === 'CONFLICT').toBe(true);
    expect((error as { details: unknown }).details).toEqual({ streamId, attempts: 3 });
    expect((await store.readStream(streamId)).length).toBe(1);
  });

  it('writes nothing and answers the stream position when the decider has nothing to do', async () => {
    const streamId = `workshop-${randomUUID()}`;
    const first = await handleCommand(store, streamId, { attendee: 'ada' }, workshop, context());
    const again = await handleCommand(store, streamId, { attendee: 'ada' }, workshop, context());
    expect(again).toEqual({ events: [], position: first.position, revision: 0, alreadyHandled: false });
  });
});
