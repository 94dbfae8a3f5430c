import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Browser } from '../../src/modules/accounts/testing/harness.ts';
import { closeSharedExtractors, extractResume, type ExtractedResume } from '../../src/modules/files/index.ts';
import { jobFinished } from '../support/drafts.ts';
import { startProduct, type RunningProduct } from '../support/product.ts';

// Issue 8's "done when", through the HTTP API of the real processes (api, worker with Temporal,
// projector): a FREE user rewrites, accepts some changes, rejects one, edits one, finalizes, and
// downloads a PDF and a DOCX whose re-extraction gives the reviewed bullets back in order.
const resume = readFileSync(new URL('../../../shared/fixtures/resumes/rm_harvey_dent_mle.pdf', import.meta.url));
const jobText = readFileSync(new URL('../../../shared/fixtures/job-descriptions/backend-eng.txt', import.meta.url), 'utf8');

let product: RunningProduct;
beforeAll(async () => {
  product = await startProduct({ REWRITE_COOLDOWN_SECONDS: '30' });
}, 120_000);
afterAll(async () => {
  await closeSharedExtractors();
  await product?.stop();
});

async function signedIn(): Promise<Browser> {
  const browser = new Browser(product.baseUrl);
  browser.origin = product.baseUrl;
  await browser.request('GET', '/api/auth/csrf');
  const registered = await browser.request('POST', '/api/auth/register', { body: { email: `e2e-${randomUUID()}@example.com`, password: 'correct horse battery staple 42' } });
  expect(registered.status).toBe(201);
  return browser;
}

async function upload(browser: Browser, draftId: string) {
  expect((await browser.upload(`/api/drafts/${draftId}/resume`, resume, 'resume.pdf')).status).toBe(201);
}


async function eventually<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('never became visible');
}

async function download(browser: Browser, exportId: string): Promise<Uint8Array> {
  const link = await browser.request('GET', `/api/exports/${exportId}`);
  expect(link.status).toBe(200);
  const expiresIn = new Date(String(link.json.expiresAt)).getTime() - Date.now();
  expect(expiresIn).toBeGreaterThan(14 * 60_000);
  expect(expiresIn).toBeLessThanOrEqual(15 * 60_000);
  const response = await fetch(new URL(String(link.json.downloadUrl), product.baseUrl));
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

type Change = { index: number; original: string; suggested: string; decision: string };

describe('rewrite → review → finalize → download (real pipeline)', () => {
  it('exports exactly the reviewed bullets, in PDF and DOCX, readable back by the extractor', async () => {
    const browser = await signedIn();
    const created = await browser.request('POST', '/api/drafts', { body: { title: 'Backend', job: { title: 'Backend Engineer', text: jobText } } });
    const draftId = String(created.json.id);
    await upload(browser, draftId);
    await jobFinished(browser, await browser.request('POST', `/api/drafts/${draftId}/analyses`));

    const rewriteJob = await jobFinished(browser, await browser.request('POST', `/api/drafts/${draftId}/rewrite`));
    // A second rewrite at once meets the cooldown, with the instant it ends.
    const early = await browser.request('POST', `/api/drafts/${draftId}/rewrite`);
    expect(early.status).toBe(429);
    expect(early.json.error).toMatchObject({ code: 'REWRITE_COOLDOWN' });
    expect(Date.parse(String(early.json.error.details.cooldownUntil))).toBeGreaterThan(Date.now());

    const rewrite = await eventually(async () => {
      const answer = await browser.request('GET', `/api/drafts/${draftId}/rewrite`);
      const review = answer.json.review as { jobId: string; regenCount: number; changes: Change[] } | null | undefined;
      return answer.status === 200 && review?.jobId === rewriteJob ? review : undefined;
    });
    expect(rewrite.regenCount).toBe(1);
    expect(rewrite.changes.length).toBeGreaterThanOrEqual(3);
    const [accepted, rejected, edited] = rewrite.changes;
    const decisions = [
      { index: accepted!.index, decision: 'accept' },
      { index: rejected!.index, decision: 'reject' },
      { index: edited!.index, decision: 'edit', text: 'Owned the on-call rotation\nfor 12 services <b>end to end</b>' },
    ];
    // Without the CSRF header, and for another person's draft, nothing is decided.
    expect((await browser.request('POST', `/api/drafts/${draftId}/rewrite/decisions`, { body: { jobId: rewriteJob, decisions }, csrf: false })).status).toBe(403);
    const stranger = await signedIn();
    expect((await stranger.request('POST', `/api/drafts/${draftId}/rewrite/decisions`, { body: { jobId: rewriteJob, decisions } })).status).toBe(404);
    const decided = await browser.request('POST', `/api/drafts/${draftId}/rewrite/decisions`, { body: { jobId: rewriteJob, decisions } });
    expect(decided.status).toBe(200);

    const pdfJob = await jobFinished(browser, await browser.request('POST', `/api/drafts/${draftId}/finalize`, { body: { format: 'PDF', template: 'modern' } }));
    const docxJob = await jobFinished(browser, await browser.request('POST', `/api/drafts/${draftId}/finalize`, { body: { format: 'DOCX', template: 'classic' } }));
    const listed = await eventually(async () => {
      const answer = await browser.request('GET', `/api/drafts/${draftId}/exports`);
      const exports = answer.json.exports as { id: string; format: string; watermarked: boolean; changesApplied: number }[];
      return exports.length === 2 ? exports : undefined;
    });
    expect(listed.map((e) => e.id).sort()).toEqual([pdfJob, docxJob].sort());
    expect(listed.every((e) => e.watermarked && e.changesApplied === 2)).toBe(true);
    expect((await browser.request('GET', `/api/drafts/${draftId}`)).json.status).toBe('FINALIZED');
    expect((await stranger.request('GET', `/api/exports/${pdfJob}`)).status).toBe(404);

    const reread: ExtractedResume[] = [await extractResume(await download(browser, pdfJob), 'pdf'), await extractResume(await download(browser, docxJob), 'docx')];
    for (const back of reread) {
      const bullets = back.structure.experience.flatMap((e) => e.bullets);
      expect(bullets).toContain(accepted!.suggested);
      expect(bullets).toContain(rejected!.original);
      expect(bullets).not.toContain(rejected!.suggested);
      expect(bullets).toContain('Owned the on-call rotation for 12 services <b>end to end</b>');
      expect(bullets).not.toContain(accepted!.original);
      expect(back.structure.sections.map((s) => s.kind)).toEqual(reread[0]!.structure.sections.map((s) => s.kind));
      expect(back.structure.experience.map((e) => e.bullets)).toEqual(reread[0]!.structure.experience.map((e) => e.bullets));
    }
  }, 180_000);
});
