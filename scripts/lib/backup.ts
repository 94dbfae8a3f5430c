import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import pg from 'pg';
import { ensurePostgresInstalled } from './postgres.ts';
import { run } from './proc.ts';

// A backup is a folder: `database.dump` (pg_dump, custom format: events, checkpoints and read
// models in one consistent snapshot), `files/` (a copy of the local résumé store, or nothing for S3
// whose own versioning keeps objects), and `manifest.json` with checksums and counts to verify a
// restore against.

export type Manifest = { createdAt: string; database: string; events: number; headPosition: number; files: Record<string, string>; dumpSha256: string };

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

async function eventFigures(url: string): Promise<{ events: number; headPosition: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number; head: string | null }>('select count(*)::int as n, max(global_position)::text as head from events');
    return { events: rows[0]!.n, headPosition: Number(rows[0]!.head ?? 0) };
  } finally {
    await client.end();
  }
}

export async function backup(options: { databaseUrl: string; filesDir?: string; into: string }): Promise<Manifest> {
  const bin = ensurePostgresInstalled();
  mkdirSync(options.into, { recursive: true });
  const dump = join(options.into, 'database.dump');
  // One serializable snapshot: events and read models agree with each other in the dump.
  run(join(bin, 'pg_dump'), ['--format=custom', '--serializable-deferrable', '--no-owner', `--file=${dump}`, options.databaseUrl]);
  const files: Record<string, string> = {};
  if (options.filesDir && existsSync(options.filesDir)) {
    cpSync(options.filesDir, join(options.into, 'files'), { recursive: true });
    for (const path of listFiles(options.filesDir)) files[relative(options.filesDir, path)] = sha256(path);
  }
  const manifest: Manifest = {
    createdAt: new Date().toISOString(), database: new URL(options.databaseUrl).pathname.slice(1),
    ...(await eventFigures(options.databaseUrl)), files, dumpSha256: sha256(dump),
  };
  writeFileSync(join(options.into, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Restores into an empty database (created when missing), then checks it against the manifest. */
export async function restore(options: { from: string; databaseUrl: string; filesDir?: string }): Promise<Manifest> {
  const manifest = JSON.parse(readFileSync(join(options.from, 'manifest.json'), 'utf8')) as Manifest;
  const dump = join(options.from, 'database.dump');
  if (sha256(dump) !== manifest.dumpSha256) throw new Error('database.dump does not match its manifest: the backup is damaged');
  const bin = ensurePostgresInstalled();
  const target = new URL(options.databaseUrl);
  const admin = new URL(options.databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const name = target.pathname.slice(1);
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`create database "${name.replaceAll('"', '')}"`);
  } finally {
    await client.end();
  }
  const figures = await eventFigures(options.databaseUrl).catch(() => ({ events: 0 }));
  if (figures.events > 0) throw new Error(`${target.pathname.slice(1)} already holds events: restore into an empty database`);
  run(join(bin, 'pg_restore'), ['--no-owner', '--exit-on-error', `--dbname=${options.databaseUrl}`, dump]);
  if (options.filesDir && existsSync(join(options.from, 'files'))) cpSync(join(options.from, 'files'), options.filesDir, { recursive: true });
  const restored = await eventFigures(options.databaseUrl);
  if (restored.events !== manifest.events || restored.headPosition !== manifest.headPosition) {
    throw new Error(`restored ${restored.events} events up to ${restored.headPosition}; the manifest says ${manifest.events} up to ${manifest.headPosition}`);
  }
  for (const [path, sum] of Object.entries(manifest.files)) {
    const copy = join(options.filesDir ?? '', path);
    if (!options.filesDir || !existsSync(copy) || !statSync(copy).isFile() || sha256(copy) !== sum) throw new Error(`stored file ${path} did not come back intact`);
  }
  return manifest;
}
