import type { DatabaseTransactionConnection } from 'slonik';
import type { RecordedEvent } from '../platform/event-store/index.ts';

// A projection is a read model: its own tables (named after it, nobody else writes them), its own
// idempotent SQL, the events it handles and a version. Bumping the version rebuilds it from 0.

export type ProjectionHandler = (tx: DatabaseTransactionConnection, event: RecordedEvent) => Promise<unknown>;
/** Sees a whole batch at once, in order: for read models that can fold it into a few statements. */
export type ProjectionBatchHandler = (tx: DatabaseTransactionConnection, events: readonly RecordedEvent[]) => Promise<unknown>;

export type Projection = {
  readonly name: string;
  readonly version: number;
  /** Idempotent SQL (CREATE … IF NOT EXISTS), run at every start; a bump drops `tables` first. */
  readonly migration: string;
  readonly tables: readonly string[];
  /** The event types it reads, or '*' for every event (onAny, onBatch). */
  readonly handles: readonly string[] | '*';
  /** Applies a batch inside the projector's transaction. */
  apply(tx: DatabaseTransactionConnection, events: readonly RecordedEvent[]): Promise<void>;
  /** A subscriber's side effects (define-subscriber.ts): run outside the transaction, before the
   *  checkpoint moves. Absent on read models. */
  readonly deliver?: (events: readonly RecordedEvent[]) => Promise<void>;
};

export type ProjectionSpec = {
  name: string;
  version: number;
  migration: string;
  tables: string[];
  on?: Record<string, ProjectionHandler>;
  onAny?: ProjectionHandler;
  onBatch?: ProjectionBatchHandler;
};

/** The prefix every table of a projection carries: its name with '-' as '_'. */
export function tablePrefix(name: string): string {
  return name.replaceAll('-', '_');
}

export function defineProjection(spec: ProjectionSpec): Projection {
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9-]{0,40}$/.test(spec.name)) problems.push('name must be kebab-case, up to 41 characters');
  if (!Number.isInteger(spec.version) || spec.version < 1) problems.push('version must be a positive integer');
  const prefix = tablePrefix(spec.name);
  for (const table of spec.tables) {
    if (table !== prefix && !table.startsWith(`${prefix}_`)) problems.push(`table ${table} must be named ${prefix} or ${prefix}_…`);
  }
  for (const [, table] of spec.migration.matchAll(/create\s+(?:unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?"?([a-z0-9_]+)"?/gi)) {
    if (!spec.tables.includes(table!)) problems.push(`the migration creates ${table}, which is not listed in tables`);
  }
  const on = spec.on ?? {};
  const styles = [Object.keys(on).length > 0, Boolean(spec.onAny), Boolean(spec.onBatch)].filter(Boolean).length;
  if (styles > 1) problems.push('use one of on (per event type), onAny or onBatch');
  if (styles === 0) problems.push('a projection must handle at least one event type');
  if (problems.length > 0) throw new TypeError(`projection ${spec.name}: ${problems.join('; ')}`);
  return {
    name: spec.name,
    version: spec.version,
    migration: spec.migration,
    tables: [...spec.tables],
    handles: spec.onAny || spec.onBatch ? '*' : Object.keys(on),
    async apply(tx, events) {
      if (spec.onBatch) {
        if (events.length > 0) await spec.onBatch(tx, events);
        return;
      }
      for (const event of events) {
        const handler = spec.onAny ?? on[event.type];
        if (handler) await handler(tx, event);
      }
    },
  };
}
