import type { AllStreamSubscription } from '@eventstore/db-client';
import type { EventCatalog } from '../catalog.ts';
import type { EventBatchHandler, Subscription } from '../types.ts';
import { fromEventStoreDb, isSystemEvent } from './mapping.ts';

// EventStoreDB's catch-up subscription already catches up then follows live; iterating it with
// `for await` gives backpressure, so the handler sees one event at a time, in order.
export function esdbSubscription(source: AllStreamSubscription, catalog: EventCatalog, handler: EventBatchHandler): Subscription {
  let stopped = false;
  const done = (async () => {
    try {
      for await (const resolved of source) {
        if (stopped) break;
        if (isSystemEvent(resolved)) continue;
        await handler([fromEventStoreDb(resolved, catalog)]);
      }
    } finally {
      await source.unsubscribe().catch(() => undefined);
    }
  })();
  return {
    done,
    async stop() {
      stopped = true;
      await source.unsubscribe().catch(() => undefined);
      await done.catch(() => undefined);
    },
  };
}
