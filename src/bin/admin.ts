import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import { randomUUID } from 'node:crypto';
import { createAccountsModule } from '../modules/accounts/index.ts';
import { createJobService } from '../modules/jobs/index.ts';
import { createFeatureFlags, FlagName } from '../modules/staff/index.ts';
import { ConfigError, loadConfig, loadDotEnv } from '../platform/config/index.ts';
import { openPool } from '../platform/db/index.ts';
import { createEventStore } from '../platform/event-store/index.ts';
import { eventCatalog } from './event-catalog.ts';
import { accountsOptionsOf } from './wiring.ts';

// The admin's operations from a shell, recorded as events like the console's (actor admin:cli:<user>):
//   npm run admin -- retry <jobId>              run a failed job again from its failed step
//   npm run admin -- plan <userId|email> PRO    switch a plan (FREE | PRO)
//   npm run admin -- role <userId|email> ADMIN  make someone USER, SUPPORT or ADMIN (the first admin starts here)
//   npm run admin -- flag <NAME> <value>        set a feature flag (true/false, or a word)
const usage = 'usage: npm run admin -- retry <jobId> | plan <userId|email> <FREE|PRO> | role <userId|email> <USER|SUPPORT|ADMIN> | flag <NAME> <value>';
loadDotEnv();
const { positionals } = parseArgs({ allowPositionals: true });
const [command, subject, value] = positionals;
const staffId = `cli:${userInfo().username}`.slice(0, 64);
try {
  if (!command || !subject || (command !== 'retry' && !value)) throw new Error(usage);
  const config = loadConfig();
  const pool = await openPool(config.databaseUrl, { maximumPoolSize: 2 });
  const eventStore = createEventStore({ config, pool, catalog: eventCatalog });
  const accounts = createAccountsModule({ pool, eventStore, options: accountsOptionsOf(config) });
  const context = { commandId: randomUUID(), correlationId: randomUUID(), actor: { kind: 'admin' as const, id: staffId }, now: new Date() };
  const request = { requestId: context.correlationId, ip: undefined, userAgent: 'admin-cli' };
  const userIdOf = async (who: string) => (who.includes('@') ? await accounts.service.userIdByEmail(who) : who) ?? (() => { throw new Error(`no account for ${who}`); })();
  try {
    if (command === 'retry') {
      await createJobService({ eventStore }).retryJob(subject, { id: staffId }, context);
      console.log(`retry of job ${subject} recorded; the dispatcher sends it to the draft's workflow`);
    } else if (command === 'plan' && (value === 'FREE' || value === 'PRO')) {
      await accounts.service.changePlan(request, context.actor, await userIdOf(subject), value, 'changed by an admin (CLI)');
      console.log(`plan of ${subject} is now ${value}`);
    } else if (command === 'role' && (value === 'USER' || value === 'SUPPORT' || value === 'ADMIN')) {
      await accounts.service.changeRole(request, context.actor, await userIdOf(subject), value);
      console.log(`role of ${subject} is now ${value} (from the next sign-in or token refresh)`);
    } else if (command === 'flag' && FlagName.safeParse(subject).success) {
      const parsed = value === 'true' ? true : value === 'false' ? false : value!;
      const { flags } = await createFeatureFlags(eventStore).set(staffId, FlagName.parse(subject), parsed, 'set from the admin CLI');
      console.log(JSON.stringify(flags));
    } else {
      throw new Error(usage);
    }
  } finally {
    accounts.close();
    await eventStore.close();
    await pool.end();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : (error as Error).message);
  process.exitCode = 1;
}
