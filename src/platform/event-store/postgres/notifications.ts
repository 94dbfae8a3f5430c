import pg from 'pg';
import { sql, type DatabasePool } from 'slonik';

// Subscribers sleep until an append says there is something new. The NOTIFY is sent after the
// append commits, not inside it: a NOTIFY inside the transaction would make PostgreSQL serialise
// every append's commit on its notification queue lock. Sends are coalesced (one in flight per
// process, carrying the highest position, at most one per `minIntervalMs`: each NOTIFY is a
// query, and one per append cost a quarter of append throughput) and may be lost on a crash:
// subscribers also poll.

export const appendedChannel = 'event_store_appended';

export function createAppendNotifier(pool: DatabasePool, onError: (error: unknown) => void, minIntervalMs = 5) {
  let highest = 0;
  let sent = 0;
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | undefined;
  const send = async (): Promise<void> => {
    try {
      while (highest > sent) {
        const wait = lastSentAt + minIntervalMs - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        lastSentAt = performance.now();
        const position = highest;
        await pool.query(sql.unsafe`select pg_notify(${appendedChannel}, ${String(position)})`).catch(onError);
        sent = Math.max(sent, position);
      }
    } finally {
      inFlight = undefined;
    }
  };
  return {
    notify(position: number): void {
      highest = Math.max(highest, position);
      // Appends finish out of order: a position at or below one already announced needs nothing.
      if (highest > sent && !inFlight) inFlight = send();
    },
    async flush(): Promise<void> {
      await inFlight;
    },
  };
}

export type Wakeups = { onAppended(listener: (position: number) => void): () => void; close(): Promise<void> };

/** One LISTEN connection per store, opened with the first listener and re-opened when it drops. */
export function createWakeups(databaseUrl: string, onError: (error: unknown) => void): Wakeups {
  const listeners = new Set<(position: number) => void>();
  let client: pg.Client | undefined;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    if (closed || client) return;
    const next = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
    client = next;
    const reconnect = (error?: unknown) => {
      if (error) onError(error);
      if (client !== next) return;
      client = undefined;
      void next.end().catch(() => undefined);
      if (!closed && listeners.size > 0) retryTimer = setTimeout(() => void connect(), 1_000);
    };
    next.on('error', reconnect);
    next.on('end', () => reconnect());
    next.on('notification', (message) => {
      const position = Number(message.payload);
      for (const listener of listeners) listener(Number.isFinite(position) ? position : 0);
    });
    try {
      await next.connect();
      await next.query(`listen ${appendedChannel}`);
    } catch (error) {
      reconnect(error);
    }
  };

  return {
    onAppended(listener) {
      listeners.add(listener);
      void connect();
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
