import { setTimeout as sleep } from 'node:timers/promises';
import type { DatabasePool } from 'slonik';
import type { EventStore, Subscription } from '../platform/event-store/index.ts';
import { applyBatch, type BatchOutcome } from './apply-batch.ts';
import type { Projection } from './define-projection.ts';
import { prepareProjection, readCheckpoint } from './setup.ts';

// Runs every projection side by side, each following the store from its own checkpoint. A batch
// that finds its checkpoint moved (a rebuild, or a second projector got there first) restarts
// that projection from the stored checkpoint; any other failure is reported and retried, so a
// database restart or a deploy never needs a human to restart the projector.

export type ProjectorOptions = {
  pool: DatabasePool;
  eventStore: EventStore;
  projections: readonly Projection[];
  batchSize?: number;
  retryDelayMs?: number;
  onError?: (projection: string, error: unknown) => void;
  onBatch?: (projection: string, position: number, events: number) => void;
};

export type RunningProjector = { stop(): Promise<void>; readonly done: Promise<void> };

class CheckpointMoved extends Error {
  readonly outcome: BatchOutcome;
  constructor(outcome: BatchOutcome) {
    super('checkpoint moved');
    this.outcome = outcome;
  }
}

export function startProjector(options: ProjectorOptions): RunningProjector {
  const { pool, eventStore } = options;
  const report = options.onError ?? (() => undefined);
  let stopped = false;
  const running = new Set<Subscription>();

  const runProjection = async (projection: Projection): Promise<void> => {
    while (!stopped) {
      try {
        const preparation = await prepareProjection(pool, projection);
        if (preparation === 'newer-in-database') {
          report(projection.name, new Error(`the database holds a newer version of ${projection.name}; this process leaves it alone`));
          return;
        }
        let from = await readCheckpoint(pool, projection.name);
        if (stopped) return;
        const subscription = eventStore.subscribeAll({ after: from, batchSize: options.batchSize ?? 500 }, async (events) => {
          // A subscriber acts before its checkpoint moves (at least once; its effects are idempotent).
          await projection.deliver?.(events);
          const outcome = await applyBatch(pool, projection, from, events);
          if (!outcome.applied) throw new CheckpointMoved(outcome);
          from = outcome.position;
          options.onBatch?.(projection.name, from, events.length);
        });
        running.add(subscription);
        try {
          await subscription.done;
        } finally {
          running.delete(subscription);
        }
      } catch (error) {
        if (stopped) return;
        if (error instanceof CheckpointMoved) continue;
        report(projection.name, error);
        await sleep(options.retryDelayMs ?? 1_000);
      }
    }
  };

  const done = Promise.all(options.projections.map(runProjection)).then(() => undefined);
  return {
    done,
    async stop() {
      stopped = true;
      await Promise.all([...running].map((s) => s.stop()));
      await done;
    },
  };
}
