import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Browser as Chromium, Page } from 'playwright-core';
import { Browser } from '../../src/modules/accounts/testing/harness.ts';
import { launchBrowser, screenshot, watchConsole } from '../support/browser.ts';
import { adminCli } from '../support/accounts.ts';
import { startProduct, type RunningProduct } from '../support/product.ts';

// The staff consoles in Debian's Chromium against the real processes, under the API's CSP: an
// admin retries a failed job from /admin and sees it leave the failed list, then finds the owner
// in /support, opens the draft's timeline and replays its workflow; a plain user gets the
// not-allowed page. No console errors anywhere. (Needs `cd web && npm run build` first.)
const resume = readFileSync(new URL('../../../shared/fixtures/resumes/rm_harvey_dent_mle.pdf', import.meta.url));
const jobText = readFileSync(new URL('../../../shared/fixtures/job-descriptions/ml-eng.txt', import.meta.url), 'utf8');
const password = 'correct horse battery staple 9';

let product: RunningProduct;
let chromium: Chromium;
beforeAll(async () => {
  product = await startProduct();
  chromium = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await chromium?.close();
  await product?.stop();
}, 60_000);

async function signedUp(email: string): Promise<Browser> {
  const browser = new Browser(product.baseUrl);
  browser.origin = product.baseUrl;
  await browser.request('GET', '/api/auth/csrf');
  expect((await browser.request('POST', '/api/auth/register', { body: { email, password } })).status).toBe(201);
  return browser;
}

/** `src/bin/admin.ts role <email> ADMIN` (applies from the next sign-in). */
async function promote(email: string, role: 'SUPPORT' | 'ADMIN'): Promise<void> {
  await adminCli(product.databaseUrl, ['role', email, role]);
}

async function jobSettles(browser: Browser, jobId: string, status: string) {
  for (let i = 0; i < 300; i += 1) {
    const job = await browser.request('GET', `/api/jobs/${jobId}`);
    if (job.json.status === status) return job.json;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`job ${jobId} never became ${status}`);
}

/** A draft with a résumé but no job description, analysed: the job fails at analyze. */
async function failedJob(owner: Browser): Promise<{ draftId: string; jobId: string }> {
  const created = await owner.request('POST', '/api/drafts', { body: { title: 'Console e2e draft' } });
  const draftId = String(created.json.id);
  expect((await owner.upload(`/api/drafts/${draftId}/resume`, resume, 'harvey.pdf')).status).toBe(201);
  const jobId = String((await owner.request('POST', `/api/drafts/${draftId}/analyses`)).json.jobId);
  expect(await jobSettles(owner, jobId, 'failed')).toMatchObject({ errorCode: 'JOB_DESCRIPTION_REQUIRED' });
  return { draftId, jobId };
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${product.baseUrl}/sign-in`, { waitUntil: 'networkidle' });
  await page.getByLabel(/email/i).first().fill(email);
  await page.getByLabel(/^password/i).first().fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(`${product.baseUrl}/`);
}

describe('staff consoles in the browser', () => {
  it('an admin retries a failed job from /admin, then finds the owner in /support and replays the workflow', async () => {
    const stamp = Date.now();
    const ownerEmail = `owner-${stamp}@example.com`;
    const owner = await signedUp(ownerEmail);
    const adminEmail = `boss-${stamp}@example.com`;
    await signedUp(adminEmail);
    await promote(adminEmail, 'ADMIN');
    const { draftId, jobId } = await failedJob(owner);

    const page = await chromium.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchConsole(page);
    await signIn(page, adminEmail);
    await page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Admin' }).click();
    await page.waitForURL(`${product.baseUrl}/admin`);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.locator('.card', { hasText: 'Users' }).waitFor();
    expect(await page.locator('app-analyses-chart svg[role="img"]').getAttribute('aria-label')).toMatch(/failed/);

    // Failed jobs only; ours is there with its error code.
    await page.locator('select[name="status"]').selectOption('failed');
    const row = page.locator(`tr[data-job="${jobId}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.innerText()).toContain('JOB_DESCRIPTION_REQUIRED');
    await screenshot(page, 'admin-console');

    // The owner adds the job description; the admin retries and the job leaves the failed list.
    expect((await owner.request('PATCH', `/api/drafts/${draftId}`, { body: { job: { title: 'ML Engineer', text: jobText } } })).status).toBe(200);
    await row.getByRole('button', { name: /retry job/i }).click();
    await page.getByText(/left the failed list/i).waitFor({ timeout: 90_000 });
    await row.waitFor({ state: 'detached' });
    await jobSettles(owner, jobId, 'succeeded');

    // Support: find the owner by e-mail, open the draft, its timeline, and replay the workflow.
    await page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Support' }).click();
    await page.waitForURL(`${product.baseUrl}/support`);
    await page.getByLabel(/e-mail or user id/i).fill(ownerEmail);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('heading', { name: ownerEmail }).waitFor();
    await page.getByRole('link', { name: 'Console e2e draft' }).click();
    await page.getByRole('heading', { name: /^Draft \(/ }).waitFor();
    await page.getByRole('heading', { name: /^Jobs \(/ }).waitFor();
    expect(await page.locator('app-event-timeline').innerText()).toContain('JobRetryRequested');
    // The workflow history loads on its own: the analyze failure is highlighted.
    await page.locator('app-workflow-table tr.failed', { hasText: 'JOB_DESCRIPTION_REQUIRED' }).first().waitFor();
    await page.getByRole('button', { name: 'Replay workflow' }).click();
    await page.locator('.verdict.ok').waitFor({ timeout: 60_000 });
    expect(await page.locator('.verdict.ok').innerText()).toMatch(/deterministic/i);
    await screenshot(page, 'support-console');

    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);

  it('a plain user visiting /admin sees the not-allowed page', async () => {
    const email = `plain-${Date.now()}@example.com`;
    await signedUp(email);
    const context = await chromium.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, email);
    expect(await page.getByRole('navigation', { name: 'Staff' }).count()).toBe(0);
    await page.goto(`${product.baseUrl}/admin`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    expect(await page.locator('main').innerText()).toContain(email);
    await page.goto(`${product.baseUrl}/support`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    await screenshot(page, 'not-allowed');
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
