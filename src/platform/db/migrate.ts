import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import { advisoryLocks } from './advisory-locks.ts';
import { runScript } from './raw-sql.ts';

// Applies the platform's SQL files in name order, each once, each in its own transaction with the
// row that records it. An advisory lock makes concurrent starters (API, projector, tests) wait for
// one another instead of racing. A file already applied must never change: its checksum is kept
// and a mismatch stops the run, because the database would no longer match the code.

export const migrationsDirectory = fileURLToPath(new URL('./migrations/', import.meta.url));

export type Migration = { name: string; sql: string; checksum: string };

export function loadMigrations(directory = migrationsDirectory): Migration[] {
  return readdirSync(directory)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((name) => {
      const text = readFileSync(`${directory}/${name}`, 'utf8');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

const appliedRow = z.object({ name: z.string(), checksum: z.string() });

/** Brings the database up to date; answers the names of the migrations it applied. */
export async function migrate(pool: DatabasePool, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  return pool.connect(async (connection) => {
    await connection.query(sql.unsafe`select pg_advisory_lock(${advisoryLocks.migrations.toString()}::bigint)`);
    try {
      await connection.query(sql.unsafe`
        create table if not exists schema_migrations (
          name text primary key,
          checksum text not null,
          applied_at timestamptz not null default now()
        )`);
      const applied = new Map(
        (await connection.any(sql.type(appliedRow)`select name, checksum from schema_migrations`)).map((r) => [r.name, r.checksum]),
      );
      const done: string[] = [];
      for (const migration of migrations) {
        const checksum = applied.get(migration.name);
        if (checksum !== undefined) {
          if (checksum !== migration.checksum) {
            throw new Error(`migration ${migration.name} was changed after it was applied; add a new migration instead`);
          }
          continue;
        }
        await connection.transaction(async (tx) => {
          await runScript(tx, migration.sql);
          await tx.query(sql.unsafe`insert into schema_migrations (name, checksum) values (${migration.name}, ${migration.checksum})`);
        });
        done.push(migration.name);
      }
      return done;
    } finally {
      await connection.query(sql.unsafe`select pg_advisory_unlock(${advisoryLocks.migrations.toString()}::bigint)`);
    }
  });
}
