import type { EventBatchHandler, RecordedEvent, Subscription } from '../types.ts';
import type { Wakeups } from './notifications.ts';

// Catch up by reading batches after the last delivered position, then sleep until an append
// notification or the safety-net poll. When a notification announces a position that cannot be
// read yet (an older transaction is still running), retry soon with a short backoff instead of
// waiting for the next poll: that is what keeps the projection lag in milliseconds.

export type PollingSubscriptionOptions = {
  after: number;
  batchSize: number;
  pollIntervalMs: number;
  readAll: (after: number, limit: number) => Promise<RecordedEvent[]>;
  wakeups: Wakeups;
  onReadError: (error: unknown) => void;
};

export function pollingSubscription(options: PollingSubscriptionOptions, handler: EventBatchHandler): Subscription {
  let after = options.after;
  let announced = 0;
  let stopped = false;
  let wake: (() => void) | undefined;
  const unlisten = options.wakeups.onAppended((position) => {
    announced = Math.max(announced, position);
    wake?.();
  });
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const run = async (): Promise<void> => {
    let backoffMs = 1;
    try {
      while (!stopped) {
        let batch: RecordedEvent[];
        try {
          batch = await options.readAll(after, options.batchSize);
        } catch (error) {
          if (stopped) break;
          options.onReadError(error);
          await sleep(options.pollIntervalMs);
          continue;
        }
        if (stopped) break;
        if (batch.length > 0) {
          await handler(batch);
          after = batch[batch.length - 1]!.position;
          backoffMs = 1;
          continue;
        }
        if (announced > after) {
          await sleep(backoffMs);
          backoffMs = Math.min(backoffMs * 2, 50);
        } else {
          backoffMs = 1;
          await sleep(options.pollIntervalMs);
        }
      }
    } finally {
      unlisten();
    }
  };
  const done = run();
  return {
    done,
    async stop() {
      stopped = true;
      wake?.();
      await done.catch(() => undefined);
    },
  };
}
