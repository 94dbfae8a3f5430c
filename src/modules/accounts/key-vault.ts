import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import { runScript } from '../../platform/db/index.ts';
import { newDataKey, unwrapDataKey, wrapDataKey } from './personal-data.ts';

// The per-user data keys: the one piece of account state that is deliberately NOT an event. A key
// written into an event could never be forgotten; here it is one row, wrapped under the server's
// key-encryption key, and deleting the row crypto-shreds every sealed field of that user in every
// event ever written. This table is not a read model: a projection rebuild never touches it.

export const accountStorageSql = `
  create table if not exists accounts_user_keys (
    user_id uuid primary key,
    wrapped_key text not null,
    created_at timestamptz not null default now()
  );
`;

// Distinct from the platform's keys (src/platform/db/advisory-locks.ts, 72_450_00x).
const storageLock = 72_450_101;

/** Creates the module's own tables (the key vault, the rate-limit windows) when missing. */
export async function prepareAccountStorage(pool: DatabasePool, extraScripts: readonly string[] = []): Promise<void> {
  await pool.transaction(async (tx) => {
    await tx.query(sql.unsafe`select pg_advisory_xact_lock(${storageLock})`);
    for (const script of [accountStorageSql, ...extraScripts]) await runScript(tx, script);
  });
}

export type KeyVault = {
  /** Makes and stores a fresh key for a new user (an existing one is kept and returned). */
  create(userId: string): Promise<Buffer>;
  get(userId: string): Promise<Buffer | undefined>;
  /** Forgets the key: the user's sealed fields can never be opened again. */
  shred(userId: string): Promise<void>;
};

export function createKeyVault(pool: DatabasePool, keyWrapping: Buffer): KeyVault {
  const wrapped = z.object({ wrapped_key: z.string() });
  const get = async (userId: string) => {
    const row = await pool.maybeOne(sql.type(wrapped)`select wrapped_key from accounts_user_keys where user_id = ${userId}`);
    return row ? unwrapDataKey(keyWrapping, userId, row.wrapped_key) : undefined;
  };
  return {
    async create(userId) {
      const key = newDataKey();
      await pool.query(sql.unsafe`
        insert into accounts_user_keys (user_id, wrapped_key) values (${userId}, ${wrapDataKey(keyWrapping, userId, key)})
        on conflict (user_id) do nothing`);
      return (await get(userId)) ?? key;
    },
    get,
    async shred(userId) {
      await pool.query(sql.unsafe`delete from accounts_user_keys where user_id = ${userId}`);
    },
  };
}
