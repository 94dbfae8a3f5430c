import { loadConfig, loadDotEnv } from '../src/platform/config/index.ts';
import { applyTestProfile } from './lib/profiles.ts';
import { logStack, stackDown, stackStatus, stackUp } from './lib/stack.ts';

// `npm run stack -- up|down|status [--test]`: the services alone, without the app's processes.
const [command = 'status', ...flags] = process.argv.slice(2);
if (flags.includes('--test')) applyTestProfile();
loadDotEnv();
const config = loadConfig();

try {
  if (command === 'up') {
    await stackUp(config, { fast: flags.includes('--test') });
    logStack(await stackStatus(config));
  } else if (command === 'down') {
    await stackDown(config);
    logStack(await stackStatus(config));
  } else if (command === 'status') {
    logStack(await stackStatus(config));
  } else {
    console.error('usage: npm run stack -- up|down|status [--test]');
    process.exitCode = 2;
  }
} catch (error) {
  console.error(`[stack] ${(error as Error).message}`);
  process.exitCode = 1;
}
