import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Browser } from '../../src/modules/accounts/testing/harness.ts';
import { startProduct, type RunningProduct } from '../support/product.ts';

// The product's heart through the real processes: API → event store → dispatcher (projector) →
// Temporal → worker (extract with the real extractor, analyze with the offline engine) → read
// models → API. Free mode: no Stripe key, so the pay step is waived and recorded as waived.
const resume = readFileSync(new URL('../../../shared/fixtures/resumes/rmt_two-column.pdf', import.meta.url));
const jobText = readFileSync(new URL('../../../shared/fixtures/job-descriptions/frontend-eng.txt', import.meta.url), 'utf8');

let product: RunningProduct;
beforeAll(async () => {
  product = await startProduct();
}, 120_000);
afterAll(() => product?.stop());

async function visitor(): Promise<Browser> {
  const browser = new Browser(product.baseUrl);
  browser.origin = product.baseUrl;
  await browser.request('GET', '/api/auth/csrf');
  return browser;
}

async function upload(browser: Browser, draftId: string, bytes: Uint8Array, name: string) {
  const response = await browser.upload(`/api/drafts/${draftId}/resume`, bytes, name);
  return { status: response.status, json: response.json as Record<string, unknown> };
}

async function jobFinished(browser: Browser, jobId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 300; i += 1) {
    const job = await browser.request('GET', `/api/jobs/${jobId}`);
    if (job.status === 200 && (job.json.status === 'succeeded' || job.json.status === 'failed')) return job.json;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`job ${jobId} did not finish in 60 s`);
}

describe('a draft through the real pipeline (free mode)', () => {
  it('goes from upload to READY with an analysis, each step recorded once', async () => {
    const browser = await visitor();
    const created = await browser.request('POST', '/api/drafts', { body: { title: 'Frontend role', job: { title: 'Frontend Engineer', company: 'Acme', text: jobText } } });
    expect(created.status).toBe(201);
    const draftId = String(created.json.id);
    expect((await upload(browser, draftId, resume, 'two-column.pdf')).status).toBe(201);

    const key = { 'idempotency-key': `e2e-${draftId}` };
    const started = await browser.request('POST', `/api/drafts/${draftId}/analyses`, { headers: key });
    expect(started.status).toBe(202);
    const again = await browser.request('POST', `/api/drafts/${draftId}/analyses`, { headers: key });
    expect(again.json.jobId).toBe(started.json.jobId);

    const job = await jobFinished(browser, String(started.json.jobId));
    expect(job).toMatchObject({ status: 'succeeded', errorCode: null });
    expect(Object.fromEntries(Object.entries(job.steps as Record<string, { status: string }>).map(([k, v]) => [k, v.status])))
      .toEqual({ pay: 'waived', extract: 'succeeded', analyze: 'succeeded' });

    const analysis = await browser.request('GET', `/api/drafts/${draftId}/analysis`);
    expect(analysis.status).toBe(200);
    const result = analysis.json.result as { engine: string; matchScore: { value: number }; keywords: { matched: unknown[] } };
    expect(result.engine).toBe('offline');
    expect(result.matchScore.value).toBeGreaterThan(0);
    expect(result.keywords.matched.length).toBeGreaterThan(0);

    let draft = await browser.request('GET', `/api/drafts/${draftId}`);
    for (let i = 0; i < 50 && draft.json.status !== 'READY'; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      draft = await browser.request('GET', `/api/drafts/${draftId}`);
    }
    expect(draft.json).toMatchObject({ status: 'READY' });
    // Another visitor learns nothing about it.
    const stranger = await visitor();
    expect((await stranger.request('GET', `/api/drafts/${draftId}/analysis`)).status).toBe(404);
    expect((await stranger.request('GET', `/api/jobs/${String(started.json.jobId)}`)).status).toBe(404);
  }, 120_000);

  it('explains a résumé with no text layer with its code, and refuses an analysis before any résumé', async () => {
    const browser = await visitor();
    const created = await browser.request('POST', '/api/drafts', { body: { job: { text: jobText } } });
    const draftId = String(created.json.id);
    const early = await browser.request('POST', `/api/drafts/${draftId}/analyses`);
    expect(early.json.error.code).toBe('RESUME_REQUIRED');

    const blank = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\nxref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n164\n%%EOF\n');
    const uploaded = await upload(browser, draftId, blank, 'scan.pdf');
    expect(uploaded.status).toBe(201);
    const started = await browser.request('POST', `/api/drafts/${draftId}/analyses`);
    const job = await jobFinished(browser, String(started.json.jobId));
    expect(job).toMatchObject({ status: 'failed', errorCode: 'NO_TEXT_LAYER', currentStep: 'extract' });
  }, 120_000);
});
