// Advisory lock keys in one place so no two features ever share one by accident.
// Single-bigint keys and (int4, int4) pairs live in separate key spaces in PostgreSQL.
export const advisoryLocks = {
  /** Held by the migration runner for its whole run. */
  migrations: 72_450_001n,
  /** Held for a few statements while an append takes its transaction id and global positions. */
  eventPositions: 72_450_002n,
  /** Held by every append until commit when appends are serialised (ordering: 'serialised'). */
  eventAppendsSerialised: 72_450_003n,
  /** First key of the (int4, int4) pair taken per stream: hashtext(stream id) is the second. */
  eventStreamNamespace: 72_450_004,
  /** First key of the pair taken per projection: hashtext(projection name) is the second. */
  projectionNamespace: 72_450_005,
} as const;
