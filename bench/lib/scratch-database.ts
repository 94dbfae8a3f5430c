import pg from 'pg';
import type { DatabasePool } from 'slonik';
import { loadConfig, loadDotEnv } from '../../src/platform/config/index.ts';
import { migrate, openPool } from '../../src/platform/db/index.ts';

export type ScratchDatabase = { url: string; pool: DatabasePool; drop(): Promise<void> };

/** A fresh, migrated database on the configured server; dropped by drop(). */
export async function createScratchDatabase(poolSize: number): Promise<ScratchDatabase> {
  loadDotEnv();
  const serverUrl = process.env.DATABASE_URL || loadConfig().databaseUrl;
  const name = `bench_${Date.now().toString(36)}`;
  await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = await openPool(url.toString(), { maximumPoolSize: poolSize });
  await migrate(pool);
  return {
    url: url.toString(),
    pool,
    async drop() {
      await pool.end();
      await admin(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`no PostgreSQL at ${new URL(url).host}: set DATABASE_URL or run \`npm run stack -- up\` (${(error as Error).message})`, { cause: error });
  }
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
