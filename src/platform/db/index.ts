export { openPool, type DatabasePool } from './pool.ts';
export { migrate, loadMigrations, migrationsDirectory, type Migration } from './migrate.ts';
export { rawStatement, runScript } from './raw-sql.ts';
export { splitStatements } from './split-statements.ts';
export { advisoryLocks } from './advisory-locks.ts';
export { openPoolWhenReachable } from './open-pool-when-reachable.ts';
