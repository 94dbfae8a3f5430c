import { setTimeout as sleep } from 'node:timers/promises';
import { openPool, type DatabasePool } from './pool.ts';

// slonik connects when the pool is created: a process waits for Postgres rather than dying, so
// the start order of processes does not matter. Undefined when `signal` aborts first.
export async function openPoolWhenReachable(
  url: string,
  options: { maximumPoolSize: number; signal: AbortSignal; onRetry(error: Error, retryInMs: number): void },
): Promise<DatabasePool | undefined> {
  for (let attempt = 1; !options.signal.aborted; attempt += 1) {
    try {
      return await openPool(url, { maximumPoolSize: options.maximumPoolSize });
    } catch (error) {
      const delay = Math.min(10_000, 250 * 2 ** Math.min(attempt, 6));
      options.onRetry(error as Error, delay);
      await sleep(delay, undefined, { signal: options.signal }).catch(() => undefined);
    }
  }
  return undefined;
}
