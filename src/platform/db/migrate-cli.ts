import { ConfigError, loadConfig, loadDotEnv } from '../config/index.ts';
import { migrate } from './migrate.ts';
import { openPool } from './pool.ts';

// `npm run migrate`: applies pending platform migrations to DATABASE_URL (or the local default).
loadDotEnv();
try {
  const config = loadConfig();
  const pool = await openPool(config.databaseUrl, { maximumPoolSize: 1 });
  try {
    const applied = await migrate(pool);
    console.log(applied.length === 0 ? '[migrate] up to date' : `[migrate] applied ${applied.join(', ')}`);
  } finally {
    await pool.end();
  }
} catch (error) {
  console.error(`[migrate] ${error instanceof ConfigError ? error.message : (error as Error).message}`);
  process.exitCode = 1;
}
