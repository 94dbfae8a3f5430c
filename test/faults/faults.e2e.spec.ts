import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { Connection, WorkflowClient } from '@temporalio/client';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/platform/config/index.ts';
import { root } from '../../scripts/lib/paths.ts';
import { startPostgres, stopPostgres } from '../../scripts/lib/postgres.ts';
import { stackDown, stackUp } from '../../scripts/lib/stack.ts';
import { stripeMockBinary } from '../../scripts/lib/stripe-mock.ts';
import { startTemporal, stopTemporal } from '../../scripts/lib/temporal.ts';
import { startMotoServer, type MotoServer } from '../../src/modules/files/test-support/moto-server.ts';
import { startLocalServer, type LocalServer } from '../support/local-server.ts';
import { adminCli } from '../support/accounts.ts';
import { startProduct, type RunningProduct } from '../support/product.ts';
import { PatientVisitor } from './client.ts';
import { countBetween, faultTable, loadNow, writeFaultReport, type FaultRow } from './report.ts';
import { sessionEvent, StripeDeliveries, type StripeEvent } from './stripe-deliveries.ts';
import { TcpGate } from './tcp-gate.ts';

// The fault suite (`npm run test:faults`, and part of `npm test`): the whole product on services of
// its own (PostgreSQL, Temporal, S3 on moto, Stripe on stripe-mock), drafts going through, and every
// part killed, restarted or taken away on the way:
//   1. guests' drafts stream in while the worker and the projector are SIGKILLed and the API,
//      Temporal and PostgreSQL restart; meanwhile paying members' Stripe webhooks arrive twice, out
//      of order and during the restarts;
//   2. the S3 endpoint goes away (FAULT_S3_OUTAGE_SECONDS: 60 under `npm run test:faults`, 20 inside
//      `npm test`) with analyses and exports in flight and uploads arriving;
//   3. afterwards: every job finished (failures only with a named code, then retried by an admin),
//      no event lost or doubled, one payment per paid session, read models equal to a rebuild.
// The table of faults is printed and written to DATA_DIR/faults-report.md (docs/reliability.md too
// with FAULT_REPORT_DOCS=1).
const env = process.env;
// Ports next to the caller's test services (9 above each), so helpers with their own ports never meet.
const near = (value: string | undefined, fallback: number) => String(Number(value || fallback) + 9);
const dataDir = join(env.DATA_DIR || '.data/test', 'faults');
const dataPath = resolve(root, dataDir);
const config: Config = loadConfig({
  ...env, DATA_DIR: dataDir, PG_PORT: near(env.PG_PORT, 54339), TEMPORAL_PORT: near(env.TEMPORAL_PORT, 7243), TEMPORAL_UI_PORT: near(env.TEMPORAL_UI_PORT, 8243),
  DATABASE_URL: '', TEMPORAL_ADDRESS: '',
});
const outageSeconds = Number(env.FAULT_S3_OUTAGE_SECONDS || (env.npm_lifecycle_event === 'test:faults' ? 60 : 20));
const resume = readFileSync(new URL('../../../shared/fixtures/resumes/rm_john_doe.pdf', import.meta.url));
const jobText = readFileSync(new URL('../../../shared/fixtures/job-descriptions/backend-eng.txt', import.meta.url), 'utf8');
const webhookSecret = 'whsec_faultsSuiteSecret0123456789';
const bucket = 'resume-coach-faults';
const password = 'correct horse battery staple 9';
const GUEST_DRAFTS = 12;
const PAYERS = 4;

type Submitted = { draftId: string; jobId: string; visitor: PatientVisitor; kind: 'analysis' | 'finalize' };

let product: RunningProduct;
let stripeMock: LocalServer;
let moto: MotoServer;
let s3: TcpGate;
let stripe: StripeDeliveries;
let startedAt = Date.now();
let loadAtStart = '';
const rows: (FaultRow & { until?: number; kinds?: ('http' | 'webhook' | 'activity')[] })[] = [];
const submitted: Submitted[] = [];
const visitors: PatientVisitor[] = [];
const summary: string[] = [];
let phaseOneEnd = 0;

beforeAll(async () => {
  await stackUp(config, { fast: true });
  stripeMock = await startLocalServer({ name: 'stripe-mock', binary: stripeMockBinary, args: (port) => ['-http-port', String(port)] });
  moto = await startMotoServer();
  const admin = new S3Client({ region: 'us-east-1', endpoint: moto.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  await admin.send(new CreateBucketCommand({ Bucket: bucket }));
  admin.destroy();
  s3 = await TcpGate.open({ host: '127.0.0.1', port: moto.port });
  product = await startProduct({
    TEMPORAL_ADDRESS: config.temporalAddress, LOG_LEVEL: 'error',
    STRIPE_SECRET_KEY: 'sk_test_faults123', STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_API_URL: stripeMock.endpoint,
    FILE_STORAGE: 's3', S3_BUCKET: bucket, S3_ENDPOINT: s3.endpoint, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1',
  }, { adminUrl: config.databaseUrl });
  stripe = new StripeDeliveries(product.baseUrl, webhookSecret);
  startedAt = Date.now();
  loadAtStart = loadNow();
}, 180_000);

afterAll(async () => {
  if (rows.length > 0) await printTable().catch((error: unknown) => console.error('fault table not written', error));
  await product?.stop();
  await s3?.close();
  await moto?.stop();
  await stripeMock?.stop();
  await stackDown(config);
  rmSync(dataPath, { recursive: true, force: true });
}, 120_000);

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function visitor(): PatientVisitor {
  const v = new PatientVisitor(product.baseUrl);
  visitors.push(v);
  return v;
}

async function newDraft(v: PatientVisitor, n: number): Promise<string> {
  await v.request('GET', '/api/auth/csrf');
  const created = await v.request('POST', '/api/drafts', { body: { title: `Fault draft ${n}`, job: { title: 'Backend Engineer', text: jobText } } });
  expect(created.status).toBe(201);
  return String(created.json.id);
}

async function analyse(v: PatientVisitor, draftId: string): Promise<Submitted> {
  const started = await v.request('POST', `/api/drafts/${draftId}/analyses`, { headers: { 'idempotency-key': `faults-${draftId}` } });
  expect(started.status).toBe(202);
  const job: Submitted = { draftId, jobId: String(started.json.jobId), visitor: v, kind: 'analysis' };
  submitted.push(job);
  return job;
}

async function oneDraft(v: PatientVisitor, n: number): Promise<Submitted> {
  const draftId = await newDraft(v, n);
  expect(await v.upload(draftId, resume, `resume-${n}.pdf`)).toBe('201');
  return analyse(v, draftId);
}

async function inject(fault: string, action: () => Promise<unknown>, kinds: ('http' | 'webhook' | 'activity')[] = ['http', 'activity']): Promise<void> {
  const at = Date.now();
  await action();
  rows.push({ fault, at, outcome: 'injected', retries: '', kinds });
}

/** Polls until every job finished (succeeded or failed) at or after `after` (a retry's position); answers their last state. */
async function settle(jobs: readonly Submitted[], after = new Map<string, number>()): Promise<Map<string, Record<string, unknown>>> {
  const outcomes = new Map<string, Record<string, unknown>>();
  for (const { jobId, visitor: v } of jobs) {
    for (let i = 0; i < 1_200; i += 1) {
      const job = await v.request('GET', `/api/jobs/${jobId}`);
      const current = Number(job.json?.position ?? 0) >= (after.get(jobId) ?? 0);
      if (job.status === 200 && current && (job.json.status === 'succeeded' || job.json.status === 'failed')) {
        outcomes.set(jobId, job.json);
        break;
      }
      await pause(250);
    }
  }
  return outcomes;
}

async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: product.databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function checksum(client: pg.Client, table: string, key: string): Promise<string> {
  const { rows: found } = await client.query<{ sum: string }>(`select md5(coalesce(string_agg(t::text, '|' order by ${key}), '')) as sum from ${table} t`);
  return found[0]!.sum;
}

/** When each activity retry started (from the workflows' histories: an activity's last attempt number). */
async function activityRetryTimes(): Promise<number[]> {
  const connection = await Connection.connect({ address: config.temporalAddress });
  try {
    const client = new WorkflowClient({ connection, namespace: config.TEMPORAL_NAMESPACE });
    const times: number[] = [];
    for (const draftId of new Set(submitted.map((s) => s.draftId))) {
      const history = await client.getHandle(`draft-${draftId}`).fetchHistory();
      for (const event of history.events ?? []) {
        const attempt = event.activityTaskStartedEventAttributes?.attempt ?? 1;
        const seconds = Number(String(event.eventTime?.seconds ?? 0));
        for (let retry = 1; retry < attempt; retry += 1) times.push(seconds * 1000);
      }
    }
    return times;
  } finally {
    await connection.close();
  }
}

async function printTable(): Promise<void> {
  const http = visitors.flatMap((v) => v.retryTimes);
  const activity = await activityRetryTimes().catch(() => [] as number[]);
  const ordered = [...rows].sort((a, b) => a.at - b.at);
  for (const [i, row] of ordered.entries()) {
    const until = row.until ?? (ordered[i + 1] && ordered[i + 1]!.at < phaseOneEnd ? ordered[i + 1]!.at : phaseOneEnd || Date.now());
    const kinds = row.kinds ?? ['http', 'activity'];
    const counts = { http: countBetween(http, row.at, until), webhook: countBetween(stripe?.retryTimes ?? [], row.at, until), activity: countBetween(activity, row.at - 1_000, until) };
    row.retries = kinds.map((k) => `${k} ${counts[k]}`).join(', ');
  }
  const table = faultTable(ordered, { startedAt, finishedAt: Date.now(), loadAtStart, summary });
  console.log(table);
  const written = writeFaultReport(table);
  console.log(`fault table written to ${written.join(', ')}`);
}

describe('faults while drafts go through', () => {
  it('finishes every job exactly once through kills and restarts of every part, and credits each paid session once whatever Stripe redelivers', async () => {
    // Paying members on the FREE plan, set up first (sign-up, a draft, 402, a Checkout Session) so
    // that Stripe's webhooks can arrive during the faults below.
    const stamp = Date.now().toString(36);
    const members = await Promise.all(Array.from({ length: PAYERS }, async (_, n) => {
      const v = visitor();
      await v.request('GET', '/api/auth/csrf');
      const email = `payer-${n}-${stamp}@example.com`;
      const registered = await v.request('POST', '/api/auth/register', { body: { email, password } });
      // A retried registration whose first try went through meets its own account: sign in.
      if (registered.status === 409) expect((await v.request('POST', '/api/auth/login', { body: { email, password } })).status).toBe(200);
      else expect({ status: registered.status, body: registered.json }).toMatchObject({ status: 201 });
      const draftId = await newDraft(v, 100 + n);
      expect(await v.upload(draftId, resume, `paid-${n}.pdf`)).toBe('201');
      const unpaid = await v.request('POST', `/api/drafts/${draftId}/analyses`);
      expect(unpaid.json.error).toMatchObject({ code: 'PAYMENT_REQUIRED' });
      expect((await v.request('POST', '/api/payments/checkout', { body: { draftId } })).status).toBe(201);
      return { v, draftId, sessionId: `cs_faults_${stamp}_${n}` };
    }));
    const session = (n: number, paid = true) => ({ id: members[n]!.sessionId, draftId: members[n]!.draftId, paid });
    const completed = members.map((_, n) => sessionEvent(`evt_faults_${stamp}_completed_${n}`, 'checkout.session.completed', session(n)));
    const asyncPaid = sessionEvent(`evt_faults_${stamp}_async_2`, 'checkout.session.async_payment_succeeded', session(2));
    const firstWave: (StripeEvent | StripeEvent[])[] = [
      sessionEvent(`evt_faults_${stamp}_expired_0`, 'checkout.session.expired', session(0, false)), // its expiry before its payment
      completed[3]!, completed[2]!,
      [completed[1]!, completed[1]!, completed[1]!], // three at once
      asyncPaid, // money reported twice for one session
      completed[0]!,
      sessionEvent(`evt_faults_${stamp}_expired_3`, 'checkout.session.expired', session(3, false)), // a late expiry after the payment
      sessionEvent(`evt_faults_${stamp}_abandoned_1`, 'checkout.session.expired', { id: `${members[1]!.sessionId}_abandoned`, draftId: members[1]!.draftId, paid: false }),
    ];

    // Guests (analyses waived: their trial) stream in as before.
    const guests = Array.from({ length: 3 }, () => visitor());
    const stream = (async () => {
      for (let n = 0; n < GUEST_DRAFTS; n += 1) {
        await oneDraft(guests[n % guests.length]!, n);
        await pause(400);
      }
    })();

    // Stripe's deliveries, spread over the whole fault window (~10 s, from the first kill on), then
    // each member's analysis.
    let faultsBegin = (): void => undefined;
    const firstFault = new Promise<void>((resolve) => (faultsBegin = resolve));
    const payers = (async () => {
      await firstFault;
      const webhooksAt = Date.now();
      for (const step of firstWave) {
        if (Array.isArray(step)) await Promise.all(step.map((e) => stripe.deliver(e)));
        else await stripe.deliver(step);
        await pause(600);
      }
      await pause(1_500);
      // Redelivered a while later, newest first.
      for (const event of [...[...completed].reverse(), asyncPaid]) {
        await stripe.deliver(event);
        await pause(400);
      }
      rows.push({ fault: 'Stripe webhooks redelivered and reordered', at: webhooksAt, until: Date.now(), outcome: 'injected', retries: '', kinds: ['webhook'] });
      for (const m of members) {
        let credits = 0;
        for (let i = 0; i < 240 && credits < 1; i += 1) {
          credits = Number((await m.v.request('GET', `/api/drafts/${m.draftId}/payment`)).json.credits);
          if (credits < 1) await pause(250);
        }
        expect(credits).toBe(1);
        await analyse(m.v, m.draftId);
      }
    })();

    // The first kill lands while an activity runs (on a busy machine the stream takes a while to start).
    for (let i = 0; i < 120; i += 1) {
      const first = submitted[0];
      if (first && (await first.visitor.request('GET', `/api/jobs/${first.jobId}`)).json.status === 'running') break;
      await pause(100);
    }
    faultsBegin();
    await inject('SIGKILL worker', async () => product.signal('worker', 'SIGKILL'));
    await pause(1_500);
    await inject('SIGKILL projector', async () => product.signal('projector', 'SIGKILL'));
    await pause(1_500);
    await inject('restart API (SIGTERM)', async () => product.signal('api', 'SIGTERM'));
    await pause(2_000);
    await inject('restart Temporal server', async () => {
      await stopTemporal({ dataDir: join(dataPath, 'temporal') });
      await pause(1_000);
      await startTemporal({ dataDir: join(dataPath, 'temporal'), port: config.TEMPORAL_PORT, uiPort: config.TEMPORAL_UI_PORT, namespace: config.TEMPORAL_NAMESPACE });
    });
    await pause(1_500);
    await inject('restart PostgreSQL', async () => {
      stopPostgres({ dataDir: join(dataPath, 'postgres') });
      await pause(1_000);
      await startPostgres({ dataDir: join(dataPath, 'postgres'), port: config.PG_PORT, database: 'resume_coach', fast: true });
    });
    await stream;
    await payers;

    const outcomes = await settle(submitted);
    phaseOneEnd = Date.now();
    const failed = [...outcomes.values()].filter((j) => j.status === 'failed');
    const total = GUEST_DRAFTS + PAYERS;
    const line = `${total} drafts (${GUEST_DRAFTS} guests, ${PAYERS} paying): ${outcomes.size} finished, ${outcomes.size - failed.length} succeeded, ${failed.length} failed (${failed.map((f) => String(f.errorCode)).join(', ') || 'none'})`;
    summary.push(line);
    console.log(line);
    for (const row of rows) if (row.outcome === 'injected' && !row.fault.startsWith('Stripe')) row.outcome = failed.length === 0 && outcomes.size === total ? 'restarted; all drafts READY' : 'see the summary';
    expect(outcomes.size).toBe(total);
    expect(failed).toEqual([]);

    // No double credit: each credit was spent by its analysis and nothing is left to spend.
    for (const m of members) {
      expect(Number((await m.v.request('GET', `/api/drafts/${m.draftId}/payment`)).json.credits)).toBe(0);
      expect((await m.v.request('POST', `/api/drafts/${m.draftId}/analyses`)).json.error).toMatchObject({ code: 'PAYMENT_REQUIRED' });
    }
    const paying = new Set(stripe.log.filter((d) => d.type !== 'checkout.session.expired').map((d) => d.eventId));
    const distinctCompleted = new Set(completed.map((e) => e.id));
    await withDb(async (client) => {
      const revenue = await client.query<{ n: number; sum: number }>(`select count(*)::int as n, coalesce(sum(amount), 0)::int as sum from revenue`);
      const received = await client.query<{ n: number; sessions: number }>(`select count(*)::int as n, count(distinct data->>'sessionId')::int as sessions from events where type = 'PaymentReceived'`);
      const consumed = await client.query<{ n: number }>(`select count(*)::int as n from events where type = 'PaymentConsumed'`);
      // Payments equal the distinct Stripe events that carried money, per session: one each.
      expect(revenue.rows[0]).toEqual({ n: distinctCompleted.size, sum: distinctCompleted.size * 499 });
      expect(received.rows[0]).toEqual({ n: PAYERS, sessions: PAYERS });
      expect(consumed.rows[0]!.n).toBe(PAYERS);
      const row = rows.find((r) => r.fault.startsWith('Stripe'))!;
      row.outcome = `${stripe.log.length} deliveries of ${new Set(stripe.log.map((d) => d.eventId)).size} distinct events (every completed twice or more, 3 at once, expiry before and after payment, async success for a paid session), all answered ${[...new Set(stripe.log.map((d) => d.status))].join('/')} → ${revenue.rows[0]!.n} payments = ${distinctCompleted.size} distinct completed events (${paying.size} money-carrying event ids over ${PAYERS} sessions); each credit spent once, a second analysis answers 402`;
    });
  }, 300_000);

  it('rides out the S3 server going away: uploads refused with STORAGE_UNAVAILABLE, activities retried, nothing lost', async () => {
    // An admin, to retry what ran out of attempts (admin.ts role, applied at the next sign-in).
    const admin = visitor();
    const adminEmail = `faults-admin-${Date.now().toString(36)}@example.com`;
    await admin.request('GET', '/api/auth/csrf');
    expect((await admin.request('POST', '/api/auth/register', { body: { email: adminEmail, password } })).status).toBe(201);
    await adminCli(product.databaseUrl, ['role', adminEmail, 'ADMIN'], env);
    expect((await admin.request('POST', '/api/auth/login', { body: { email: adminEmail, password } })).status).toBe(200);

    // In flight when S3 goes: two exports of READY drafts and three analyses, asked for just before.
    const guest = visitor();
    const phase: Submitted[] = [];
    const uploaded: string[] = [];
    for (let n = 0; n < 3; n += 1) {
      const draftId = await newDraft(guest, 200 + n);
      expect(await guest.upload(draftId, resume, `resume-${200 + n}.pdf`)).toBe('201');
      uploaded.push(draftId);
    }
    const earlier = await settle(submitted);
    for (const done of submitted.filter((s) => s.kind === 'analysis' && earlier.get(s.jobId)?.status === 'succeeded').slice(0, 2)) {
      const finalize = await done.visitor.request('POST', `/api/drafts/${done.draftId}/finalize`, { body: { format: 'PDF', template: 'classic' }, headers: { 'idempotency-key': `faults-final-${done.draftId}` } });
      expect(finalize.status).toBe(202);
      const job: Submitted = { draftId: done.draftId, jobId: String(finalize.json.jobId), visitor: done.visitor, kind: 'finalize' };
      submitted.push(job);
      phase.push(job);
    }
    for (const draftId of uploaded) phase.push(await analyse(guest, draftId));
    const outageAt = Date.now();
    await s3.close();
    rows.push({ fault: `S3 server away for ${outageSeconds} s`, at: outageAt, outcome: 'injected', retries: '' });

    // Uploads while it is away: each try answered 503 STORAGE_UNAVAILABLE, never a crash.
    const uploader = visitor();
    const late: string[] = [];
    for (let n = 0; n < 3; n += 1) late.push(await newDraft(uploader, 300 + n));
    const refusals = new Map<string, number>();
    while (Date.now() < outageAt + outageSeconds * 1000) {
      for (const draftId of late) {
        const answer = await uploader.uploadOnce(draftId, resume, 'during-outage.pdf');
        const key = `${answer.status} ${answer.code ?? ''}`.trim();
        refusals.set(key, (refusals.get(key) ?? 0) + 1);
      }
      await pause(Math.min(3_000, Math.max(0, outageAt + outageSeconds * 1000 - Date.now())));
    }
    await s3.open();
    const backAt = Date.now();
    expect([...refusals.keys()]).toEqual(['503 STORAGE_UNAVAILABLE']);

    for (const draftId of late) {
      expect(await uploader.upload(draftId, resume, 'after-outage.pdf')).toBe('201');
      phase.push(await analyse(uploader, draftId));
    }

    const first = await settle(phase);
    const failed = phase.filter((j) => first.get(j.jobId)?.status === 'failed');
    // What ran out of attempts during the outage says why, and an admin's retry finishes it.
    expect(failed.map((j) => first.get(j.jobId)?.errorCode)).toEqual(failed.map(() => 'STORAGE_UNAVAILABLE'));
    const retried = new Map<string, number>();
    for (const job of failed) {
      const retry = await admin.request('POST', `/api/admin/jobs/${job.jobId}/retry`);
      expect(retry.status).toBe(202);
      retried.set(job.jobId, Number(retry.json.position) + 1);
    }
    const final = await settle(phase, retried);
    expect(phase.map((j) => final.get(j.jobId)?.status)).toEqual(phase.map(() => 'succeeded'));

    for (const job of phase) {
      const draft = await job.visitor.request('GET', `/api/drafts/${job.draftId}`);
      expect(draft.json.status).toBe(job.kind === 'finalize' ? 'FINALIZED' : 'READY');
    }
    // The exports are in S3: their download links serve the PDF.
    for (const job of phase.filter((j) => j.kind === 'finalize')) {
      const link = await job.visitor.request('GET', `/api/exports/${job.jobId}`);
      const file = new Uint8Array(await (await fetch(String(link.json.downloadUrl))).arrayBuffer());
      expect(Buffer.from(file.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    }
    const row = rows.find((r) => r.fault.startsWith('S3'))!;
    row.until = Date.now();
    row.outcome = `${[...refusals.values()].reduce((a, b) => a + b, 0)} uploads during the outage answered 503 STORAGE_UNAVAILABLE; back after ${((backAt - outageAt) / 1000).toFixed(0)} s; `
      + `${phase.length - failed.length} of ${phase.length} jobs (3 analyses + 2 exports in flight, 3 uploaded after) finished on their own, ${failed.length} ran out of attempts with STORAGE_UNAVAILABLE (${failed.map((j) => j.kind).join(', ') || 'none'}) and succeeded on an admin retry; all READY / FINALIZED, exports downloadable`;
    summary.push(`S3 outage: ${row.outcome}`);
  }, 600_000);

  it('lost and doubled nothing, and the read models equal a rebuild', async () => {
    const analyses = submitted.filter((s) => s.kind === 'analysis').length;
    const exportsDone = submitted.filter((s) => s.kind === 'finalize').length;
    await withDb(async (client) => {
      // Exactly once: one request, one extraction, one analysis per job, however often steps were retried.
      const counts = await client.query<{ type: string; n: number }>(
        `select type, count(*)::int as n from events where type in ('JobRequested', 'ResumeTextExtracted', 'AnalysisCompleted', 'ExportCreated') group by type order by type`);
      expect(Object.fromEntries(counts.rows.map((r) => [r.type, r.n]))).toEqual({
        AnalysisCompleted: analyses, ExportCreated: exportsDone, JobRequested: submitted.length, ResumeTextExtracted: analyses,
      });
      const doubled = await client.query(`
        select 1 from events where type = 'JobStepRecorded'
        group by data->>'jobId', data->>'step', data->>'status', coalesce(data->>'attempt', '') having count(*) > 1`);
      expect(doubled.rowCount).toBe(0);

      // Read models equal a rebuild from the events.
      const tables = [['jobs', 'job_id'], ['drafts', 'draft_id'], ['analyses', 'job_id, kind'], ['revenue', 'session_id'], ['exports', 'export_id']] as const;
      const before: string[] = [];
      for (const [t, k] of tables) before.push(await checksum(client, t, k));
      for (const [name] of tables) await client.query(`update projection_checkpoints set position = 0, version = 0 where name = $1`, [name]);
      product.signal('projector', 'SIGTERM');
      const after: string[] = [];
      for (let i = 0; i < 120; i += 1) {
        await pause(500);
        const lagging = await client.query(`select 1 from projection_checkpoints where name = any($1) and (version = 0 or position < (select max(global_position) from events))`, [tables.map(([t]) => t)]);
        if (lagging.rowCount === 0) {
          for (const [t, k] of tables) after.push(await checksum(client, t, k));
          break;
        }
      }
      expect(after).toEqual(before);
      const all = await client.query<{ n: number }>(`select count(*)::int as n from events`);
      summary.push(`event store: ${all.rows[0]!.n} events for ${new Set(submitted.map((j) => j.draftId)).size} drafts and ${submitted.length} jobs (≈ ${Math.round(all.rows[0]!.n / submitted.length)} per job, sign-ups and payments included)`);
      summary.push(`exactly once: ${submitted.length} JobRequested, ${analyses} ResumeTextExtracted, ${analyses} AnalysisCompleted, ${exportsDone} ExportCreated; no step record doubled; ${tables.map(([t]) => t).join(', ')} equal a rebuild`);
    });
    const codes = new Map<string, number>();
    for (const [code, n] of visitors.flatMap((v) => [...v.codes])) codes.set(code, (codes.get(code) ?? 0) + n);
    summary.push(`client retries in all: ${visitors.reduce((s, v) => s + v.retries, 0)} HTTP (${[...codes].map(([c, n]) => `${c} ×${n}`).join(', ') || 'none'}), ${stripe.retryTimes.length} webhook redeliveries after a failure`);
  }, 120_000);
});
