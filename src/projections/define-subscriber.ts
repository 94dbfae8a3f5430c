import type { RecordedEvent } from '../platform/event-store/index.ts';
import type { Projection } from './define-projection.ts';

// A subscriber does something outside the database for some events (sends an e-mail, say) and
// keeps no read model. It rides the projector like a projection — its own checkpoint row, the same
// retries, the same status and backlog figures — but its work runs OUTSIDE the batch transaction:
// slonik refuses any other pool query inside it, and a slow outside system must not hold a
// transaction open. The checkpoint moves after the work, so a crash between the two repeats the
// batch: `deliver` must be idempotent (key what it does by event id).

export type SubscriberSpec = {
  name: string;
  version: number;
  /** The event types it acts on; the others pass by (the checkpoint still moves over them). */
  handles: readonly string[];
  /** Called with the handled events of a batch, in order; a throw retries the batch later. */
  deliver(events: readonly RecordedEvent[]): Promise<void>;
};

export function defineSubscriber(spec: SubscriberSpec): Projection {
  if (!/^[a-z][a-z0-9-]{0,40}$/.test(spec.name)) throw new TypeError(`subscriber ${spec.name}: name must be kebab-case, up to 41 characters`);
  if (!Number.isInteger(spec.version) || spec.version < 1) throw new TypeError(`subscriber ${spec.name}: version must be a positive integer`);
  if (spec.handles.length === 0) throw new TypeError(`subscriber ${spec.name}: it must handle at least one event type`);
  const handles = new Set(spec.handles);
  return {
    name: spec.name,
    version: spec.version,
    migration: '',
    tables: [],
    handles: [...spec.handles],
    async apply() {
      // Nothing inside the transaction: it only moves the checkpoint.
    },
    async deliver(events) {
      const mine = events.filter((event) => handles.has(event.type));
      if (mine.length > 0) await spec.deliver(mine);
    },
  };
}
