import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeProblems, desktop, visitCheck } from '../support/axe.ts';
import { launchBrowser, screenshotDir, watchConsole } from '../support/browser.ts';
import { startProduct, type RunningProduct } from '../support/product.ts';
import { root } from '../../scripts/lib/paths.ts';

// Issue 9's journeys in Debian's Chromium against the real processes (api, worker, projector),
// under the API's real CSP: a job seeker from registration to a downloaded PDF, a guest who
// registers and keeps their draft, a reload that keeps the session, a sign-in error that stays,
// and a refused file. axe-core checks every page visited; the console must stay clean.
const resumePath = fileURLToPath(new URL('../../../shared/fixtures/resumes/rm_barry_allen_fe.pdf', import.meta.url));
const jobText = readFileSync(new URL('../../../shared/fixtures/job-descriptions/frontend-eng.txt', import.meta.url), 'utf8');
const PASSWORD = 'correct horse battery staple 42';

let product: RunningProduct;
let browser: Browser;
beforeAll(async () => {
  product = await startProduct();
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await product?.stop();
}, 60_000);

async function register(page: Page, email: string): Promise<void> {
  await page.goto(`${product.baseUrl}/register`, { waitUntil: 'networkidle' });
  await page.getByLabel(/email/i).first().fill(email);
  await page.getByLabel(/^password/i).first().fill(PASSWORD);
  await page.getByRole('button', { name: /create account/i }).last().click();
  await page.waitForURL(`${product.baseUrl}/`);
  await page.getByRole('link', { name: new RegExp(`account: ${email}`, 'i') }).waitFor({ state: 'visible' });
}

async function newDraft(page: Page, title: string): Promise<string> {
  await page.goto(`${product.baseUrl}/drafts/new`, { waitUntil: 'networkidle' });
  await page.getByLabel(/draft title/i).fill(title);
  await page.locator('#resume-file').setInputFiles(resumePath);
  await page.getByLabel(/job title/i).fill('Frontend Engineer');
  await page.getByLabel(/company/i).fill('Acme');
  await page.getByLabel(/job description/i).fill(jobText);
  await page.getByRole('button', { name: /analyse my résumé/i }).click();
  await page.waitForURL(/\/drafts\/[0-9a-f-]{36}/, { timeout: 30_000 });
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

async function freshPage(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: desktop, acceptDownloads: true });
  const page = await context.newPage();
  return { context, page, problems: watchConsole(page) };
}

describe('journeys in the browser', () => {
  it('(a) registers, analyses a PDF, accepts a better bullet, exports a PDF and downloads it', async () => {
    const { context, page, problems } = await freshPage();
    const a11y: Record<string, string[]> = {};
    const email = `journey-${randomUUID().slice(0, 8)}@example.com`;

    await page.goto(`${product.baseUrl}/`, { waitUntil: 'networkidle' });
    await visitCheck(page, 'landing', a11y);
    await register(page, email);

    const title = 'Frontend application (journey)';
    await page.goto(`${product.baseUrl}/drafts/new`, { waitUntil: 'networkidle' });
    await visitCheck(page, 'new-draft', a11y);
    await newDraft(page, title);
    await page.getByRole('heading', { name: /your results/i }).waitFor({ state: 'visible', timeout: 90_000 });
    await page.getByRole('heading', { name: /better bullets/i }).waitFor({ state: 'visible' });

    // Better bullets: start, follow the job, then accept the first suggestion.
    await page.getByRole('button', { name: /suggest better bullets/i }).click();
    const firstChange = page.locator('li.change').first();
    await firstChange.waitFor({ state: 'visible', timeout: 90_000 });
    expect(await page.locator('li.change ins').count()).toBeGreaterThan(0);
    const decided = page.waitForResponse((r) => r.url().endsWith('/rewrite/decisions') && r.request().method() === 'POST');
    await firstChange.getByRole('button', { name: 'Accept', exact: true }).click();
    expect((await decided).status()).toBe(200);
    await expect(firstChange.locator('.decision').innerText()).resolves.toMatch(/accepted/i);
    await visitCheck(page, 'result', a11y);
    mkdirSync(join(root, 'docs', 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(root, 'docs', 'screenshots', 'result.jpg'), fullPage: true, type: 'jpeg', quality: 60 });

    // Export: PDF in the modern template, follow the job, then download the file.
    await page.locator('label.template-option', { hasText: 'Modern' }).click();
    await page.getByRole('radio', { name: 'PDF' }).check();
    await page.getByRole('button', { name: /export pdf/i }).click();
    const file = page.locator('li.file').first();
    await file.waitFor({ state: 'visible', timeout: 90_000 });
    await expect(file.innerText()).resolves.toMatch(/PDF · Modern/);
    // The draft is finalized now: nothing on the page offers a change.
    await page.getByText(/this draft is finalized/i).waitFor({ state: 'visible', timeout: 15_000 });
    await expect(page.getByRole('button', { name: /suggest again/i }).isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /run again/i }).isDisabled()).resolves.toBe(true);

    const downloadStarted = page.waitForEvent('download');
    await file.getByRole('button', { name: /^download /i }).click();
    const download = await downloadStarted;
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const answer = await page.request.get(download.url());
    expect(answer.status()).toBe(200);
    expect((await answer.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');

    await page.goto(`${product.baseUrl}/drafts`, { waitUntil: 'networkidle' });
    await page.getByText(title).first().waitFor({ state: 'visible' });
    await visitCheck(page, 'dashboard', a11y);

    await page.goto(`${product.baseUrl}/account`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: /your account/i }).waitFor({ state: 'visible' });
    await expect(page.locator('.email').innerText()).resolves.toContain(email);
    await page.locator('li.session').first().waitFor({ state: 'visible' });
    await visitCheck(page, 'account', a11y);

    // The README's pictures: landing and dashboard as PNG; the long result page as a JPEG (a
    // full-page PNG of it is ≈600 kB).
    const docs = join(root, 'docs', 'screenshots');
    mkdirSync(docs, { recursive: true });
    for (const name of ['landing', 'dashboard']) copyFileSync(join(screenshotDir, `${name}-desktop.png`), join(docs, `${name}.png`));
    for (const name of ['landing.png', 'dashboard.png', 'result.jpg']) {
      const size = statSync(join(docs, name)).size;
      expect(size).toBeGreaterThan(1000);
      expect(size).toBeLessThan(320_000);
    }

    expect(Object.fromEntries(Object.entries(a11y).filter(([, found]) => found.length))).toEqual({});
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);

  it('(b) a guest creates a draft, registers, and the draft is in their list', async () => {
    const { context, page, problems } = await freshPage();
    const title = `Guest draft ${randomUUID().slice(0, 6)}`;
    await newDraft(page, title);
    await page.getByRole('heading', { name: /analysis/i }).first().waitFor({ state: 'visible' });
    await register(page, `guest-${randomUUID().slice(0, 8)}@example.com`);
    await page.goto(`${product.baseUrl}/drafts`, { waitUntil: 'networkidle' });
    await page.getByText(title).first().waitFor({ state: 'visible', timeout: 15_000 });
    expect(await axeProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('(c) a reload keeps the session, also on a signed-in-only page', async () => {
    const { context, page, problems } = await freshPage();
    const email = `reload-${randomUUID().slice(0, 8)}@example.com`;
    await register(page, email);
    await page.goto(`${product.baseUrl}/account`, { waitUntil: 'networkidle' });
    await page.reload({ waitUntil: 'networkidle' });
    expect(new URL(page.url()).pathname).toBe('/account');
    await expect(page.locator('.email').innerText()).resolves.toContain(email);
    await page.getByRole('link', { name: new RegExp(`account: ${email}`, 'i') }).waitFor({ state: 'visible' });
    expect(problems).toEqual([]);

    // A guest asking for the account page is sent to sign in.
    const guest = await freshPage();
    await guest.page.goto(`${product.baseUrl}/account`, { waitUntil: 'networkidle' });
    expect(new URL(guest.page.url()).pathname).toBe('/sign-in');
    expect(guest.problems).toEqual([]);
    await guest.context.close();
    await context.close();
  }, 120_000);

  it('(d) a wrong password’s message stays visible until the field changes', async () => {
    const { context, page, problems } = await freshPage();
    const email = `wrong-${randomUUID().slice(0, 8)}@example.com`;
    await register(page, email);
    await page.getByRole('button', { name: /^sign out$/i }).click();
    await page.getByRole('link', { name: /^sign in$/i }).waitFor({ state: 'visible' });

    await page.goto(`${product.baseUrl}/sign-in`, { waitUntil: 'networkidle' });
    await page.getByLabel(/email/i).first().fill(email);
    await page.getByLabel(/^password/i).first().fill('not the password at all');
    await page.getByRole('button', { name: /^sign in$/i }).last().click();
    const alert = page.getByRole('alert').filter({ hasText: /INVALID_CREDENTIALS/ });
    await alert.waitFor({ state: 'visible' });
    expect(await axeProblems(page)).toEqual([]);
    await page.waitForTimeout(3000);
    await expect(alert.isVisible()).resolves.toBe(true);
    await page.getByLabel(/^password/i).first().fill('not the password at al');
    await alert.waitFor({ state: 'hidden' });
    // 401 on a failed sign-in is the answer, not a page error.
    expect(problems.filter((p) => !/^Failed to load resource: the server responded with a status of 401\b/.test(p))).toEqual([]);
    await context.close();
  }, 120_000);

  it('(e) an ELF file renamed .pdf shows why it was refused', async () => {
    const { context, page, problems } = await freshPage();
    await page.goto(`${product.baseUrl}/drafts/new`, { waitUntil: 'networkidle' });
    await page.getByLabel(/draft title/i).fill('Not a résumé');
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(2048, 0x90)]);
    await page.locator('#resume-file').setInputFiles({ name: 'resume.pdf', mimeType: 'application/pdf', buffer: elf });
    await page.getByLabel(/job title/i).fill('Frontend Engineer');
    await page.getByLabel(/job description/i).fill(jobText);
    await page.getByRole('button', { name: /analyse my résumé/i }).click();
    const alert = page.getByRole('alert').filter({ hasText: /\((UNSUPPORTED_FILE_TYPE|FILE_[A-Z_]+)\)/ });
    await alert.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await alert.innerText()).toMatch(/PDF|Word|file/i);
    expect(new URL(page.url()).pathname).toBe('/drafts/new');
    expect(await axeProblems(page)).toEqual([]);
    // The refused upload's 4xx is the answer the page explains, not a page error.
    expect(problems.filter((p) => !/^Failed to load resource: the server responded with a status of 4(15|22)\b/.test(p))).toEqual([]);
    await context.close();
  }, 120_000);
});
