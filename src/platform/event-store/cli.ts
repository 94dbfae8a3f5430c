import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, loadDotEnv } from '../config/index.ts';
import { openPool } from '../db/index.ts';
import type { EventCatalog } from './catalog.ts';
import { createEventStore } from './create-event-store.ts';
import { formatEventLine } from './format-event-line.ts';

// Support's window on the store, one JSON line per event, personal data redacted:
//   npm run events -- stream <streamId>        the whole stream, oldest first
//   npm run events -- tail [--from <position>]  follows new events (from the head by default) until Ctrl-C
const usage = 'usage: npm run events -- stream <streamId> | tail [--from <position>]';

/** Runs the CLI on process.argv; src/bin/events.ts passes the product's catalog. */
export async function runEventsCli(catalog: EventCatalog, argv = process.argv.slice(2)): Promise<void> {
  loadDotEnv();
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { from: { type: 'string' } } });
  const [command, streamId] = positionals;
  try {
    if (!(command === 'stream' && streamId) && command !== 'tail') throw new Error(usage);
    if (values.from !== undefined && !/^\d+$/.test(values.from)) throw new Error('--from takes a position (a whole number)');
    const config = loadConfig();
    const pool = await openPool(config.databaseUrl, { maximumPoolSize: 2 });
    const store = createEventStore({ config, pool, catalog });
    try {
      if (command === 'stream') {
        for (const event of await store.readStream(streamId!)) console.log(formatEventLine(event, catalog));
      } else {
        const after = values.from === undefined ? await store.headPosition() : Number(values.from);
        console.error(`[events] following from position ${after}; Ctrl-C stops`);
        const subscription = store.subscribeAll({ after }, async (events) => {
          for (const event of events) console.log(formatEventLine(event, catalog));
        });
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void subscription.stop());
        await subscription.done;
      }
    } finally {
      await store.close();
      await pool.end();
    }
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : (error as Error).message);
    process.exitCode = 1;
  }
}
