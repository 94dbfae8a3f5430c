import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';

// Read-your-writes: a command answers the position it wrote; a query that must see that write
// waits until the projections it reads have passed it, for a bounded time. One polling loop per
// process serves every waiting request (one small query per tick, however many wait), and it
// only runs while someone is waiting.

export type PositionWaiter = {
  /** True once every named projection has passed `position`; false when the time ran out. */
  waitForPosition(projectionNames: readonly string[], position: number, timeoutMs?: number): Promise<boolean>;
  close(): void;
};

type Waiter = { names: readonly string[]; position: number; deadline: number; resolve: (reached: boolean) => void };

const checkpoint = z.object({ name: z.string(), position: z.bigint() });

export function createPositionWaiter(pool: DatabasePool, options: { defaultTimeoutMs: number; intervalMs?: number }): PositionWaiter {
  const waiters = new Set<Waiter>();
  let ticking = false;

  const tick = async (): Promise<void> => {
    while (waiters.size > 0) {
      const names = [...new Set([...waiters].flatMap((w) => w.names))];
      let positions = new Map<string, number>();
      try {
        const rows = await pool.any(sql.type(checkpoint)`
          select name, position from projection_checkpoints where name = any(${sql.array(names, 'text')})`);
        positions = new Map(rows.map((r) => [r.name, Number(r.position)]));
      } catch {
        // A failed look-up is the same as "not yet": the deadline still bounds the wait.
      }
      const now = Date.now();
      for (const waiter of waiters) {
        const reached = waiter.names.every((name) => (positions.get(name) ?? 0) >= waiter.position);
        if (reached || now >= waiter.deadline) {
          waiters.delete(waiter);
          waiter.resolve(reached);
        }
      }
      if (waiters.size > 0) await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 5));
    }
    ticking = false;
  };

  return {
    waitForPosition(projectionNames, position, timeoutMs = options.defaultTimeoutMs) {
      if (projectionNames.length === 0 || position <= 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        waiters.add({ names: projectionNames, position, deadline: Date.now() + timeoutMs, resolve });
        if (!ticking) {
          ticking = true;
          void tick();
        }
      });
    },
    close() {
      for (const waiter of waiters) waiter.resolve(false);
      waiters.clear();
    },
  };
}
