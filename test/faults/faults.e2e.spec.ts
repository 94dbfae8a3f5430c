import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/platform/config/index.ts';
import { root } from '../../scripts/lib/paths.ts';
import { startPostgres, stopPostgres } from '../../scripts/lib/postgres.ts';
import { stackDown, stackUp } from '../../scripts/lib/stack.ts';
import { startTemporal, stopTemporal } from '../../scripts/lib/temporal.ts';
import { startProduct, type RunningProduct } from '../support/product.ts';
import { PatientVisitor } from './client.ts';

// The fault suite (`npm run test:faults`, and part of `npm test`): the whole product on services of
// its own, a stream of drafts going through, and every part killed or restarted on the way. After:
// every job finished, no event lost or doubled, read models equal to a rebuild.
const dataDir = '.data/test/faults';
const config: Config = loadConfig({ ...process.env, DATA_DIR: dataDir, PG_PORT: '54359', TEMPORAL_PORT: '7263', TEMPORAL_UI_PORT: '8263', DATABASE_URL: '', TEMPORAL_ADDRESS: '' });
const resume = readFileSync(new URL('../../../shared/fixtures/resumes/rm_john_doe.pdf', import.meta.url));
const jobText = readFileSync(new URL('../../../shared/fixtures/job-descriptions/backend-eng.txt', import.meta.url), 'utf8');
const DRAFTS = 12;

let product: RunningProduct;
const faults: { fault: string; at: string; outcome: string }[] = [];

beforeAll(async () => {
  await stackUp(config, { fast: true });
  product = await startProduct({ TEMPORAL_ADDRESS: config.temporalAddress, LOG_LEVEL: 'error' }, { adminUrl: config.databaseUrl });
}, 180_000);

afterAll(async () => {
  await product?.stop();
  await stackDown(config);
  rmSync(join(root, dataDir), { recursive: true, force: true });
}, 120_000);

async function oneDraft(visitor: PatientVisitor, n: number): Promise<{ draftId: string; jobId: string; visitor: PatientVisitor }> {
  await visitor.request('GET', '/api/auth/csrf');
  const created = await visitor.request('POST', '/api/drafts', { body: { title: `Fault draft ${n}`, job: { title: 'Backend Engineer', text: jobText } } });
  const draftId = String(created.json.id);
  expect(await visitor.upload(draftId, resume, `resume-${n}.pdf`)).toBe(201);
  const started = await visitor.request('POST', `/api/drafts/${draftId}/analyses`, { headers: { 'idempotency-key': `faults-${draftId}` } });
  expect(started.status).toBe(202);
  return { draftId, jobId: String(started.json.jobId), visitor };
}

async function inject(fault: string, action: () => Promise<unknown>): Promise<void> {
  const at = new Date().toISOString().slice(11, 19);
  await action();
  faults.push({ fault, at, outcome: 'injected' });
}

async function checksum(client: pg.Client, table: string, key: string): Promise<string> {
  const { rows } = await client.query<{ sum: string }>(`select md5(coalesce(string_agg(t::text, '|' order by ${key}), '')) as sum from ${table} t`);
  return rows[0]!.sum;
}

describe('faults while drafts go through', () => {
  it('finishes every job exactly once through kills and restarts of every part', async () => {
    const visitors = Array.from({ length: 3 }, () => new PatientVisitor(product.baseUrl));
    const submitted: { draftId: string; jobId: string; visitor: PatientVisitor }[] = [];
    const stream = (async () => {
      for (let n = 0; n < DRAFTS; n += 1) {
        submitted.push(await oneDraft(visitors[n % visitors.length]!, n));
        await new Promise((r) => setTimeout(r, 400));
      }
    })();
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await pause(800);
    await inject('SIGKILL worker', async () => product.signal('worker', 'SIGKILL'));
    await pause(1_500);
    await inject('SIGKILL projector', async () => product.signal('projector', 'SIGKILL'));
    await pause(1_500);
    await inject('restart API (SIGTERM)', async () => product.signal('api', 'SIGTERM'));
    await pause(2_000);
    await inject('restart Temporal server', async () => {
      await stopTemporal({ dataDir: join(root, dataDir, 'temporal') });
      await pause(1_000);
      await startTemporal({ dataDir: join(root, dataDir, 'temporal'), port: config.TEMPORAL_PORT, uiPort: config.TEMPORAL_UI_PORT, namespace: config.TEMPORAL_NAMESPACE });
    });
    await pause(1_500);
    await inject('restart PostgreSQL', async () => {
      stopPostgres({ dataDir: join(root, dataDir, 'postgres') });
      await pause(1_000);
      await startPostgres({ dataDir: join(root, dataDir, 'postgres'), port: config.PG_PORT, database: 'resume_coach', fast: true });
    });
    await stream;

    const outcomes = new Map<string, Record<string, unknown>>();
    for (const { jobId, visitor } of submitted) {
      for (let i = 0; i < 600; i += 1) {
        const job = await visitor.request('GET', `/api/jobs/${jobId}`);
        if (job.status === 200 && (job.json.status === 'succeeded' || job.json.status === 'failed')) {
          outcomes.set(jobId, job.json);
          break;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    const failed = [...outcomes.values()].filter((j) => j.status === 'failed');
    for (const fault of faults) fault.outcome = failed.length === 0 && outcomes.size === DRAFTS ? 'all drafts READY' : 'see below';
    console.table(faults);
    console.log(`${DRAFTS} drafts: ${outcomes.size} finished, ${outcomes.size - failed.length} succeeded, ${failed.length} failed (${failed.map((f) => String(f.errorCode)).join(', ')}); client retries ${visitors.reduce((s, v) => s + v.retries, 0)}`);
    expect(outcomes.size).toBe(DRAFTS);
    expect(failed).toEqual([]);

    const client = new pg.Client({ connectionString: product.databaseUrl });
    await client.connect();
    try {
      // Exactly once: one request, one extraction, one analysis per job, however often steps were retried.
      const counts = await client.query<{ type: string; n: number }>(
        `select type, count(*)::int as n from events where type in ('JobRequested', 'ResumeTextExtracted', 'AnalysisCompleted') group by type order by type`);
      expect(Object.fromEntries(counts.rows.map((r) => [r.type, r.n]))).toEqual({ AnalysisCompleted: DRAFTS, JobRequested: DRAFTS, ResumeTextExtracted: DRAFTS });
      const doubled = await client.query(`
        select 1 from events where type = 'JobStepRecorded'
        group by data->>'jobId', data->>'step', data->>'status', coalesce(data->>'attempt', '') having count(*) > 1`);
      expect(doubled.rowCount).toBe(0);

      // Read models equal a rebuild from the events.
      const tables = [['jobs', 'job_id'], ['drafts', 'draft_id'], ['analyses', 'job_id, kind']] as const;
      const before: string[] = [];
      for (const [t, k] of tables) before.push(await checksum(client, t, k));
      for (const [name] of tables) await client.query(`update projection_checkpoints set position = 0, version = 0 where name = $1`, [name]);
      product.signal('projector', 'SIGTERM');
      const after: string[] = [];
      for (let i = 0; i < 120; i += 1) {
        await new Promise((r) => setTimeout(r, 500));
        const lagging = await client.query(`select 1 from projection_checkpoints where name = any($1) and (version = 0 or position < (select max(global_position) from events))`, [tables.map(([t]) => t)]);
        if (lagging.rowCount === 0) {
          for (const [t, k] of tables) after.push(await checksum(client, t, k));
          break;
        }
      }
      expect(after).toEqual(before);
    } finally {
      await client.end();
    }
  }, 300_000);
});
