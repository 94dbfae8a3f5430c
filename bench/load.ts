import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/platform/config/index.ts';
import { applyTestProfile } from '../scripts/lib/profiles.ts';
import { stackUp } from '../scripts/lib/stack.ts';
import { Browser } from '../src/modules/accounts/testing/harness.ts';
import { startProduct, type RunningProduct } from '../test/support/product.ts';
import { percentile } from './lib/measure.ts';

// npm run bench -- load: signed-in people browsing (BENCH_USERS, default 100, one request a second
// each) while résumés are uploaded and analysed (BENCH_UPLOADS_PER_MIN, default 30), for
// BENCH_SECONDS (default 60; the run is 600). Per endpoint: count, errors, p50/p95/p99;
// RSS of each process at start and end. Goals: 0 errors, p95 ≤ 20 ms off the job endpoints, RSS +<10%.
const users = Number(process.env.BENCH_USERS ?? 100);
const uploadsPerMinute = Number(process.env.BENCH_UPLOADS_PER_MIN ?? 30);
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const resume = readFileSync(new URL('../../shared/fixtures/resumes/rm_alfred_pennyworth_pm.pdf', import.meta.url));
const jobText = readFileSync(new URL('../../shared/fixtures/job-descriptions/product-manager.txt', import.meta.url), 'utf8');

const samples = new Map<string, { ms: number[]; errors: number }>();
async function timed(route: string, call: () => Promise<{ status: number }>): Promise<void> {
  const started = performance.now();
  const failed = await call().then((answer) => answer.status >= 500, () => true);
  const entry = samples.get(route) ?? { ms: [], errors: 0 };
  entry.ms.push(performance.now() - started);
  if (failed) entry.errors += 1;
  samples.set(route, entry);
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS'));
  return Math.round(Number(line?.split(/\s+/)[1] ?? 0) / 1024);
}

async function signedIn(product: RunningProduct, n: number): Promise<{ browser: Browser; draftId: string }> {
  const browser = new Browser(product.baseUrl);
  browser.origin = product.baseUrl;
  await browser.request('GET', '/api/auth/csrf');
  await browser.request('POST', '/api/auth/register', { body: { email: `load-${n}-${Date.now()}@example.com`, password: 'correct horse battery staple 9' } });
  const created = await browser.request('POST', '/api/drafts', { body: { title: `Load ${n}`, job: { text: jobText } } });
  return { browser, draftId: String(created.json.id) };
}

async function uploadAndAnalyse(product: RunningProduct, visitor: { browser: Browser; draftId: string }): Promise<void> {
  const { browser, draftId } = visitor;
  await timed('POST /api/drafts/:id/resume', () => browser.upload(`/api/drafts/${draftId}/resume`, resume, 'resume.pdf'));
  await timed('POST /api/drafts/:id/analyses', () => browser.request('POST', `/api/drafts/${draftId}/analyses`));
}

export async function main(_args: string[]): Promise<void> {
  applyTestProfile();
  const config = loadConfig();
  await stackUp(config, { fast: true });
  process.env.DATABASE_URL = config.databaseUrl;
  process.env.TEMPORAL_ADDRESS = config.temporalAddress;
  const product = await startProduct({ LOG_LEVEL: 'warn' });
  try {
    const people = [];
    for (let n = 0; n < users; n += 1) people.push(await signedIn(product, n));
    await uploadAndAnalyse(product, people[0]!); // warm-up
    samples.clear();
    const pids = product.pids();
    const rssStart = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, rssMb(pid)]));
    const until = Date.now() + seconds * 1000;
    const browsing = people.map(async ({ browser, draftId }, n) => {
      await new Promise((r) => setTimeout(r, (n * 1000) / users));
      while (Date.now() < until) {
        await timed('GET /api/auth/session', () => browser.request('GET', '/api/auth/session'));
        await timed('GET /api/drafts', () => browser.request('GET', '/api/drafts?page=1&pageSize=20'));
        await timed('GET /api/drafts/:id', () => browser.request('GET', `/api/drafts/${draftId}`));
        await timed('GET /api/drafts/:id/jobs', () => browser.request('GET', `/api/drafts/${draftId}/jobs`));
        await new Promise((r) => setTimeout(r, 1000));
      }
    });
    const uploading = (async () => {
      for (let i = 1; Date.now() < until; i += 1) {
        await uploadAndAnalyse(product, people[i % people.length]!);
        await new Promise((r) => setTimeout(r, 60_000 / uploadsPerMinute));
      }
    })();
    await Promise.all([...browsing, uploading]);
    const rssEnd = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, rssMb(pid)]));
    console.table([...samples.entries()].map(([route, s]) => {
      const sorted = [...s.ms].sort((a, b) => a - b);
      return { route, requests: sorted.length, errors: s.errors, 'p50 ms': +percentile(sorted, 50).toFixed(1), 'p95 ms': +percentile(sorted, 95).toFixed(1), 'p99 ms': +percentile(sorted, 99).toFixed(1) };
    }));
    console.table(Object.keys(pids).map((name) => ({ process: name, 'RSS start MB': rssStart[name], 'RSS end MB': rssEnd[name], growth: `${(((rssEnd[name]! - rssStart[name]!) / rssStart[name]!) * 100).toFixed(1)}%` })));
    const errors = [...samples.values()].reduce((sum, s) => sum + s.errors, 0);
    const worstBrowse = Math.max(...[...samples.entries()].filter(([r]) => r.startsWith('GET')).map(([, s]) => percentile([...s.ms].sort((a, b) => a - b), 95)));
    console.log(`${users} users, ${uploadsPerMinute} uploads/min, ${seconds} s: ${errors} errors (goal 0); worst browsing p95 ${worstBrowse.toFixed(1)} ms (goal ≤ 20 ms, ratio ${(worstBrowse / 20).toFixed(2)})`);
  } finally {
    await product.stop();
  }
}
