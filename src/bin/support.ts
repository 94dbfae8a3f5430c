import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { sql } from 'slonik';
import { z } from 'zod';
import { createWorkflowHistories, draftTimeline } from '../modules/staff/index.ts';
import { ConfigError, loadConfig, loadDotEnv } from '../platform/config/index.ts';
import { openPool } from '../platform/db/index.ts';
import { createEventStore } from '../platform/event-store/index.ts';
import { installTemporalRuntime, lazyTemporalClient } from '../platform/temporal/index.ts';
import { eventCatalog } from './event-catalog.ts';

// Support's operations from a shell:
//   npm run support -- replay <workflowId>   replay a draft workflow's history on the current code
//   npm run support -- bundle <draftId>      print the support bundle (redacted events + history) as JSON
const usage = 'usage: npm run support -- replay <workflowId> | bundle <draftId>';
loadDotEnv();
const { positionals } = parseArgs({ allowPositionals: true });
const [command, subject] = positionals;
try {
  if (!subject || (command !== 'replay' && command !== 'bundle')) throw new Error(usage);
  const config = loadConfig();
  installTemporalRuntime('WARN');
  const temporal = lazyTemporalClient(config);
  const histories = createWorkflowHistories({ client: temporal.client, workflowsPath: fileURLToPath(new URL('../workflows/index.ts', import.meta.url)) });
  try {
    if (command === 'replay') {
      const outcome = await histories.replay(subject);
      console.log(outcome.deterministic ? `${subject}: replays on the current code` : `${subject}: NOT deterministic: ${outcome.error}`);
      if (!outcome.deterministic) process.exitCode = 2;
    } else {
      const pool = await openPool(config.databaseUrl, { maximumPoolSize: 2 });
      const eventStore = createEventStore({ config, pool, catalog: eventCatalog });
      const jobIdsOf = async (draftId: string) => [...await pool.anyFirst(sql.type(z.object({ job_id: z.string() }))`select job_id from jobs where draft_id = ${draftId}`)];
      const events = await draftTimeline({ eventStore, redactionKeys: (type) => eventCatalog.redactionKeys(type), jobIdsOf }, subject);
      const workflowHistory = await histories.raw(`draft-${subject}`).catch(() => null);
      console.log(JSON.stringify({ draftId: subject, generatedAt: new Date().toISOString(), events, workflowHistory }, null, 2));
      await eventStore.close();
      await pool.end();
    }
  } finally {
    await temporal.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : (error as Error).message);
  process.exitCode = 1;
}
