import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, watchConsole } from '../support/browser.ts';
import { startProduct, type RunningProduct } from '../support/product.ts';

// The product as a job seeker uses it, in Debian's Chromium against the real processes: new draft
// with a real PDF and a pasted job, upload progress, the pipeline's steps, then the results (score
// ring, keywords, ATS findings) — under the API's real CSP, with no console errors.
const resumePath = fileURLToPath(new URL('../../../shared/fixtures/resumes/rm_barry_allen_fe.pdf', import.meta.url));
const jobText = readFileSync(new URL('../../../shared/fixtures/job-descriptions/frontend-eng.txt', import.meta.url), 'utf8');

let product: RunningProduct;
let browser: Browser;
beforeAll(async () => {
  product = await startProduct();
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

describe('a guest analyses a résumé in the browser', () => {
  it.each([
    { name: 'desktop', viewport: { width: 1280, height: 900 } },
    { name: 'phone', viewport: { width: 375, height: 800 } },
  ])('goes from the new-draft form to the results on $name', async ({ name, viewport }) => {
    const page = await browser.newPage({ viewport });
    const problems = watchConsole(page);
    await page.goto(`${product.baseUrl}/drafts/new`, { waitUntil: 'networkidle' });
    await page.getByLabel(/draft title/i).fill(`Frontend application (${name})`);
    await page.locator('#resume-file').setInputFiles(resumePath);
    await page.getByLabel(/job title/i).fill('Frontend Engineer');
    await page.getByLabel(/company/i).fill('Acme');
    await page.getByLabel(/job description/i).fill(jobText);
    await page.getByRole('button', { name: /analyse my résumé/i }).click();

    await page.waitForURL(/\/drafts\/[0-9a-f-]{36}/, { timeout: 30_000 });
    await page.getByRole('heading', { name: /your results/i }).waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByRole('heading', { name: /match score/i }).waitFor({ state: 'visible' });
    const results = await page.locator('section.results').innerText();
    expect(results).toMatch(/\d{1,3}/);
    expect(results).toMatch(/ATS check/i);
    await screenshot(page, `draft-results-${name}`);

    await page.goto(`${product.baseUrl}/drafts`, { waitUntil: 'networkidle' });
    await expect(page.getByText(`Frontend application (${name})`).first().isVisible()).resolves.toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
