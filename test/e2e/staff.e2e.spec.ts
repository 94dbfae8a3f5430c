import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Browser } from '../../src/modules/accounts/testing/harness.ts';
import { adminCli } from '../support/accounts.ts';
import { startProduct, type RunningProduct } from '../support/product.ts';

// Support and admin on the running product: a job that failed at analyze is retried by an admin
// from its failed step (extract and pay are not run again), its history replays on today's code,
// and nobody without the role gets in.
const resume = readFileSync(new URL('../../../shared/fixtures/resumes/rm_harvey_dent_mle.pdf', import.meta.url));
const jobText = readFileSync(new URL('../../../shared/fixtures/job-descriptions/ml-eng.txt', import.meta.url), 'utf8');
const password = 'correct horse battery staple 9';

let product: RunningProduct;
beforeAll(async () => {
  product = await startProduct();
}, 120_000);
afterAll(() => product?.stop());

async function signedUp(email: string): Promise<Browser> {
  const browser = new Browser(product.baseUrl);
  browser.origin = product.baseUrl;
  await browser.request('GET', '/api/auth/csrf');
  expect((await browser.request('POST', '/api/auth/register', { body: { email, password } })).status).toBe(201);
  return browser;
}

/** `npm run admin -- role <email> <ROLE>`, then a fresh sign-in so the token carries the role. */
async function promoted(email: string, role: 'SUPPORT' | 'ADMIN'): Promise<Browser> {
  await adminCli(product.databaseUrl, ['role', email, role]);
  const browser = new Browser(product.baseUrl);
  browser.origin = product.baseUrl;
  await browser.request('GET', '/api/auth/csrf');
  expect((await browser.request('POST', '/api/auth/login', { body: { email, password } })).status).toBe(200);
  return browser;
}

async function jobSettles(browser: Browser, jobId: string, status: string) {
  for (let i = 0; i < 300; i += 1) {
    const job = await browser.request('GET', `/api/jobs/${jobId}`);
    if (job.json.status === status) return job.json;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`job ${jobId} never became ${status}`);
}

describe('support and admin consoles', () => {
  it('retries a job that failed at analyze from that step, and its history still replays', async () => {
    const user = await signedUp(`owner-${Date.now()}@example.com`);
    const adminEmail = `boss-${Date.now()}@example.com`;
    await signedUp(adminEmail);
    const boss = await promoted(adminEmail, 'ADMIN');

    const created = await user.request('POST', '/api/drafts', { body: { title: 'No job yet' } });
    const draftId = String(created.json.id);
    expect((await user.upload(`/api/drafts/${draftId}/resume`, resume, 'harvey.pdf')).status).toBe(201);
    const jobId = String((await user.request('POST', `/api/drafts/${draftId}/analyses`)).json.jobId);
    expect(await jobSettles(user, jobId, 'failed')).toMatchObject({ errorCode: 'JOB_DESCRIPTION_REQUIRED', currentStep: 'analyze' });

    const failed = await boss.request('GET', '/api/admin/jobs?status=failed&errorCode=JOB_DESCRIPTION_REQUIRED');
    expect((failed.json.items as { jobId: string }[]).map((j) => j.jobId)).toContain(jobId);
    expect((await user.request('PATCH', `/api/drafts/${draftId}`, { body: { job: { title: 'ML Engineer', text: jobText } } })).status).toBe(200);
    expect((await boss.request('POST', `/api/admin/jobs/${jobId}/retry`)).status).toBe(202);
    await jobSettles(user, jobId, 'succeeded');
    expect((await user.request('GET', `/api/drafts/${draftId}/analysis`)).status).toBe(200);

    const timeline = (await boss.request('GET', `/api/support/drafts/${draftId}/timeline`)).json.events as { type: string; data: Record<string, unknown> }[];
    const steps = timeline.filter((e) => e.type === 'JobStepRecorded').map((e) => `${String(e.data.step)}:${String(e.data.status)}`);
    expect(steps.filter((s) => s === 'extract:started')).toHaveLength(1);
    expect(steps.filter((s) => s.startsWith('pay:'))).toEqual(['pay:started', 'pay:waived']);
    expect(timeline.filter((e) => e.type === 'ResumeTextExtracted')).toHaveLength(1);
    expect(timeline.find((e) => e.type === 'JobRetryRequested')?.data.staffId).toBeTruthy();
    // Personal and résumé content stays out of support's view.
    expect(JSON.stringify(timeline)).not.toContain('Harvey');
    expect(JSON.stringify(timeline)).not.toContain(jobText.slice(0, 40));

    const history = await boss.request('GET', `/api/support/drafts/${draftId}/workflow`);
    expect((history.json.history as { activity?: string }[]).filter((h) => h.activity === 'extractText').length).toBeGreaterThan(0);
    const replay = await boss.request('POST', `/api/support/drafts/${draftId}/workflow/replay`);
    expect(replay.json).toMatchObject({ deterministic: true });
    const bundle = await boss.request('GET', `/api/support/drafts/${draftId}/bundle`);
    expect(bundle.headers.get('content-disposition')).toContain('attachment');
    expect(JSON.stringify(bundle.json)).not.toContain('Harvey');
  }, 180_000);

  it('keeps every admin and support route from people without the role', async () => {
    const user = await signedUp(`plain-${Date.now()}@example.com`);
    const supportEmail = `helper-${Date.now()}@example.com`;
    await signedUp(supportEmail);
    const helper = await promoted(supportEmail, 'SUPPORT');
    const id = '00000000-0000-4000-8000-000000000000';
    const routes: [string, string][] = [
      ['GET', '/api/admin/overview'], ['GET', '/api/admin/jobs'], ['POST', `/api/admin/jobs/${id}/retry`], ['POST', `/api/admin/users/${id}/plan`],
      ['GET', '/api/admin/flags'], ['PUT', '/api/admin/flags/ENABLE_SSE'], ['GET', `/api/support/users?id=${id}`], ['GET', `/api/support/drafts/${id}/timeline`],
      ['GET', `/api/support/drafts/${id}/workflow`], ['POST', `/api/support/drafts/${id}/workflow/replay`], ['GET', `/api/support/drafts/${id}/bundle`],
      ['POST', '/api/support/projections/drafts/rebuild'],
    ];
    for (const [method, path] of routes) {
      const answer = await user.request(method, path, { body: method === 'GET' ? undefined : { plan: 'PRO', reason: 'because', value: false } });
      expect([path, answer.status]).toEqual([path, 403]);
    }
    for (const [method, path] of routes.filter(([, p]) => p.startsWith('/api/admin'))) {
      const answer = await helper.request(method, path, { body: method === 'GET' ? undefined : { plan: 'PRO', reason: 'because', value: false } });
      expect([path, answer.status]).toEqual([path, 403]);
    }
    expect((await helper.request('GET', `/api/support/users?id=${id}`)).status).toBe(404);
    const anonymous = new Browser(product.baseUrl);
    expect((await anonymous.request('GET', '/api/admin/overview')).status).toBe(401);
  }, 60_000);
});
