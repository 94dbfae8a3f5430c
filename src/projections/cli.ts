import { ConfigError, loadConfig, loadDotEnv } from '../platform/config/index.ts';
import { migrate, openPool } from '../platform/db/index.ts';
import { createEventStore } from '../platform/event-store/index.ts';
import { projectionNamed, projections } from './index.ts';
import { prepareProjection, rebuildProjection } from './setup.ts';
import { projectionStatus } from './status.ts';

// `npm run projections -- status` and `npm run projections -- rebuild <name>`.
const usage = 'usage: npm run projections -- status | rebuild <name>';
loadDotEnv();
const [command, name] = process.argv.slice(2);
try {
  if (command !== 'status' && command !== 'rebuild') throw new Error(usage);
  const projection = command === 'rebuild' ? projectionNamed(name ?? '') : undefined;
  if (command === 'rebuild' && !projection) {
    throw new Error(`unknown projection ${JSON.stringify(name ?? '')}; known: ${projections.map((p) => p.name).join(', ')}`);
  }
  const config = loadConfig();
  const pool = await openPool(config.databaseUrl, { maximumPoolSize: 2 });
  const eventStore = createEventStore({ config, pool });
  try {
    await migrate(pool);
    if (projection) {
      await prepareProjection(pool, projection);
      await rebuildProjection(pool, projection);
      console.log(`${projection.name}: tables rebuilt, checkpoint reset to 0; the running projector replays it from the start`);
    } else {
      const head = await eventStore.headPosition();
      const rows = (await projectionStatus(pool, projections)).map((s) => ({
        projection: s.name,
        version: s.storedVersion === null ? `${s.codeVersion} (not started)` : s.storedVersion === s.codeVersion ? String(s.codeVersion) : `${s.storedVersion} → ${s.codeVersion}`,
        position: s.position,
        behind: Math.max(0, head - s.position),
        updated: s.updatedAt ?? '-',
      }));
      console.log(`event store head position: ${head}`);
      console.table(rows);
    }
  } finally {
    await eventStore.close();
    await pool.end();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : (error as Error).message);
  process.exitCode = 1;
}
