import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import { migrate } from '../../src/platform/db/migrate.ts';
import { openPool } from '../../src/platform/db/pool.ts';

// Each integration test file gets its own database on the test cluster, migrated from scratch,
// so files run in parallel without seeing one another's rows. DATABASE_URL (set by the jest
// global setup) is used as the admin connection that creates and drops them.

export type TestDatabase = { url: string; pool: DatabasePool; drop(): Promise<void> };

export async function createTestDatabase(options: { poolSize?: number; migrate?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set: run integration tests through jest (its global setup starts Postgres)');
  const name = `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = await openPool(url.toString(), { maximumPoolSize: options.poolSize ?? 12 });
  if (options.migrate !== false) await migrate(pool);
  let dropped = false;
  return {
    url: url.toString(),
    pool,
    async drop() {
      if (dropped) return;
      dropped = true;
      await pool.end();
      await admin(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function admin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * The highest committed position in a Postgres event store's database. Tests wait for projections
 * to reach it; `headPosition()` may trail it while a projector's batch transaction is open (the
 * store shows subscribers only what is below the oldest running transaction).
 */
export async function committedHead(pool: DatabasePool): Promise<number> {
  const head = await pool.oneFirst(sql.type(z.object({ head: z.string() }))`select coalesce(max(global_position), 0)::text as head from events`);
  return Number(head);
}
