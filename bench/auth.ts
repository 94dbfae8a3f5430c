// npm run bench -- auth: sign-in latency (one Argon2id verification; an unknown address must cost
// the same) and authenticated GET /api/auth/me throughput. Figures are recorded in docs/accounts.md.
// Needs PostgreSQL: DATABASE_URL if set, else the dev stack's (`npm run stack -- up`); it works in
// a scratch database it creates and drops.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig, loadDotEnv } from '../src/platform/config/index.ts';
import { runAuthBenchmark } from '../src/modules/accounts/index.ts';

export default async function authBenchmark(args: string[] = []): Promise<void> {
  const { values } = parseArgs({ args, options: { seconds: { type: 'string', default: '5' }, concurrency: { type: 'string', default: '16' }, logins: { type: 'string', default: '40' } } });
  loadDotEnv();
  process.env.DATABASE_URL ||= loadConfig().databaseUrl;
  const report = await runAuthBenchmark({ seconds: Number(values.seconds), concurrency: Number(values.concurrency), logins: Number(values.logins) });
  console.table([{ 'argon2id hash ms': report.argon2.hashMs, 'verify p50 ms': report.argon2.verifyP50Ms, 'verify p95 ms': report.argon2.verifyP95Ms }]);
  console.table([{
    'login ok p50 ms': report.login.okP50Ms, 'login ok p95 ms': report.login.okP95Ms,
    'wrong password p50 ms': report.login.wrongPasswordP50Ms, 'unknown e-mail p50 ms': report.login.unknownEmailP50Ms, samples: report.login.samples,
  }]);
  console.table([{
    'GET /api/auth/me req/s': report.me.perSecond, 'p50 ms': report.me.p50Ms, 'p95 ms': report.me.p95Ms, 'p99 ms': report.me.p99Ms,
    concurrency: report.me.concurrency, requests: report.me.requests, errors: report.me.errors,
  }]);
}

/** The shape bench/run.ts loads benchmarks by. */
export async function main(args: string[]): Promise<void> {
  await authBenchmark(args);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await authBenchmark(process.argv.slice(2));
