import { loadConfig } from '../../src/platform/config/index.ts';
import { applyTestProfile } from '../../scripts/lib/profiles.ts';
import { stackUp } from '../../scripts/lib/stack.ts';
import { ensureStripeMock } from '../../scripts/lib/stripe-mock.ts';

// Integration, Temporal and e2e suites need the real services. `npm test` starts them before jest
// (and stops them after); run by hand (`npm run jest -- …`), this starts them and leaves them up.
export default async function globalSetup(): Promise<void> {
  applyTestProfile();
  const config = loadConfig();
  if (process.env.STACK_READY !== '1') {
    await stackUp(config, { fast: true });
    ensureStripeMock();
    process.env.STACK_READY = '1';
  }
  process.env.DATABASE_URL = config.databaseUrl;
  process.env.TEMPORAL_ADDRESS = config.temporalAddress;
}
