import { Connection } from '@temporalio/client';
import { sql, type DatabasePool } from 'slonik';
import type { ReadinessCheck } from './readiness.ts';

/** Postgres answers `SELECT 1` through the app's pool. */
export function postgresCheck(pool: DatabasePool): ReadinessCheck {
  return {
    name: 'postgres',
    async check() {
      await pool.query(sql.unsafe`SELECT 1`);
    },
  };
}

export type TemporalCheck = ReadinessCheck & { close(): Promise<void> };

/**
 * Temporal's frontend answers GetSystemInfo. The connection is made lazily on the first check
 * and dropped after a failure, so an API started while Temporal is down becomes ready once it is up.
 */
export function temporalCheck(options: { address: string; connectTimeoutMs: number }): TemporalCheck {
  let connecting: Promise<Connection> | undefined;
  let closed = false;

  const drop = async (pending: Promise<Connection> | undefined) => {
    if (connecting === pending) connecting = undefined;
    await pending?.then((connection) => connection.close()).catch(() => undefined);
  };

  return {
    name: 'temporal',
    async check() {
      if (closed) throw new Error('closed');
      connecting ??= Connection.connect({ address: options.address, connectTimeout: options.connectTimeoutMs });
      const pending = connecting;
      try {
        const connection = await pending;
        await connection.withDeadline(Date.now() + options.connectTimeoutMs, () => connection.workflowService.getSystemInfo({}));
      } catch (error) {
        await drop(pending);
        throw error;
      }
    },
    async close() {
      closed = true;
      await drop(connecting);
    },
  };
}
