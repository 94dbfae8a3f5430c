import { createPool, type DatabasePool } from 'slonik';

export type { DatabasePool };

/** One slonik pool per process; callers own its lifetime (`await pool.end()` on shutdown). */
export async function openPool(databaseUrl: string, options: { maximumPoolSize?: number } = {}): Promise<DatabasePool> {
  return createPool(databaseUrl, {
    maximumPoolSize: options.maximumPoolSize ?? 10,
    connectionTimeout: 5_000,
    statementTimeout: 30_000,
    idleTimeout: 10_000,
  });
}
