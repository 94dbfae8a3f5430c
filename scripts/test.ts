import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/platform/config/index.ts';
import { ensureChromium } from './lib/chromium.ts';
import { root } from './lib/paths.ts';
import { log } from './lib/proc.ts';
import { applyTestProfile } from './lib/profiles.ts';
import { stackDown, stackUp, type Stack } from './lib/stack.ts';
import { runStep } from './lib/step.ts';
import { ensureStripeMock } from './lib/stripe-mock.ts';
import { buildWebIfStale, ensureWebDeps, hasWebApp } from './lib/web.ts';

// `npm test`: lint, typecheck and every suite against real services, then one summary line.
// `--only unit|integration|temporal|e2e|api-fuzz|web|lint|typecheck` (repeatable) runs a subset.
type Outcome = { name: string; passed: number; failed: number; skipped: number; note?: string };
const args = process.argv.slice(2);
const only = args.flatMap((arg, i) => (arg === '--only' && args[i + 1] ? [args[i + 1]!] : []));
const wants = (step: string) => only.length === 0 || only.includes(step);
const outcomes: Outcome[] = [];
const resultsDir = join(root, '.data', 'test', 'results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const minutes = (n: number) => n * 60_000;

async function check(name: string, command: string, commandArgs: string[]): Promise<void> {
  log('test', `${name}…`);
  const { status, timedOut } = await runStep(command, commandArgs, { cwd: root, limitMs: minutes(10) });
  outcomes.push({ name, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, skipped: 0, ...(timedOut ? { note: 'timed out' } : {}) });
}

async function jest(project: string, extra: string[], limitMs: number): Promise<void> {
  log('test', `jest ${project}…`);
  const output = join(resultsDir, `${project}.json`);
  const { status, timedOut } = await runStep('npm', ['run', '-s', 'jest', '--', '--selectProjects', project, '--passWithNoTests', '--json', `--outputFile=${output}`, ...extra], {
    cwd: root,
    limitMs,
  });
  if (!existsSync(output)) {
    outcomes.push({ name: `jest ${project}`, passed: 0, failed: 1, skipped: 0, note: timedOut ? 'timed out' : `jest exited ${status} without results` });
    return;
  }
  const report = JSON.parse(readFileSync(output, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numRuntimeErrorTestSuites: number };
  const suiteErrors = report.numRuntimeErrorTestSuites;
  outcomes.push({
    name: `jest ${project}`,
    passed: report.numPassedTests,
    failed: report.numFailedTests + suiteErrors + (status !== 0 && report.numFailedTests + suiteErrors === 0 ? 1 : 0),
    skipped: report.numPendingTests,
    ...(suiteErrors > 0 ? { note: `${suiteErrors} suite(s) failed to run` } : {}),
  });
}

/** Vitest (through `ng test`) prints "Tests  N passed | M failed (T)"; count those, not one exit code. */
async function webUnitTests(): Promise<void> {
  log('test', 'web unit tests…');
  const result = await runStep('npm', ['test'], { cwd: join(root, 'web'), capture: true, limitMs: minutes(10), env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  const line = /^\s*Tests\s+(.*)$/m.exec(`${result.stdout}`)?.[1] ?? '';
  const count = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(line)?.[1] ?? 0);
  const passed = count('passed');
  const failed = count('failed') + (result.status !== 0 && count('failed') === 0 ? 1 : 0);
  outcomes.push({ name: 'web unit', passed, failed, skipped: count('skipped') });
}

applyTestProfile();
const config = loadConfig();
let started: Stack = { postgres: false, temporal: false };
const stop = async () => {
  if (process.env.KEEP_STACK !== '1') await stackDown(config, started);
};
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void stop().finally(() => process.exit(130));
  });
}

try {
  if (wants('lint')) await check('lint', 'npm', ['run', '-s', 'lint']);
  if (wants('typecheck')) await check('typecheck', 'npm', ['run', '-s', 'typecheck']);
  if (wants('unit')) await jest('unit', [], minutes(15));
  const needsStack = ['integration', 'temporal', 'e2e', 'api-fuzz'].some(wants);
  if (needsStack) {
    started = await stackUp(config, { fast: true });
    ensureStripeMock();
    Object.assign(process.env, { STACK_READY: '1', DATABASE_URL: config.databaseUrl, TEMPORAL_ADDRESS: config.temporalAddress });
  }
  // One suite at a time: the event store's visibility horizon (pg_snapshot_xmin) is cluster-wide, so
  // a long transaction in one suite's database would hold back the projections of another's.
  if (wants('integration')) await jest('integration', ['--runInBand'], minutes(25));
  if (wants('temporal')) await jest('temporal', ['--runInBand'], minutes(15));
  if (wants('e2e')) {
    ensureChromium();
    buildWebIfStale();
    await jest('e2e', ['--runInBand'], minutes(15));
  }
  // Schemathesis against the running product from /api/openapi.json (scripts/lib/api-fuzz.ts).
  if (wants('api-fuzz')) await check('api fuzz', process.execPath, ['scripts/lib/api-fuzz.ts']);
  if (wants('web') && hasWebApp()) {
    ensureWebDeps();
    await webUnitTests();
  }
} catch (error) {
  outcomes.push({ name: 'set-up', passed: 0, failed: 1, skipped: 0, note: (error as Error).message });
} finally {
  await stop();
}

const total = outcomes.reduce((sum, o) => ({ passed: sum.passed + o.passed, failed: sum.failed + o.failed, skipped: sum.skipped + o.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log('\nsummary');
for (const o of outcomes) {
  console.log(`  ${o.failed > 0 ? 'FAIL' : 'ok  '} ${o.name.padEnd(18)} ${o.passed} passed, ${o.failed} failed${o.skipped ? `, ${o.skipped} skipped` : ''}${o.note ? `  (${o.note})` : ''}`);
}
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exitCode = total.failed > 0 || outcomes.length === 0 ? 1 : 0;
