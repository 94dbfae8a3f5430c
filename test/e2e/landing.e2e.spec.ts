import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, watchConsole } from '../support/browser.ts';
import { startProduct, type RunningProduct } from '../support/product.ts';

// The built Angular app served by the real API under its real CSP, in Debian's Chromium.
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

describe('landing page', () => {
  it.each([
    { name: 'desktop', viewport: { width: 1280, height: 800 } },
    { name: 'phone', viewport: { width: 375, height: 740 } },
  ])('renders under the CSP with no console errors on $name', async ({ name, viewport }) => {
    const page = await browser.newPage({ viewport });
    const problems = watchConsole(page);
    const response = await page.goto(product.baseUrl, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page.title()).resolves.toMatch(/Résumé coach/i);
    await page.locator('h1').first().waitFor({ state: 'visible' });
    await screenshot(page, `landing-${name}`);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('serves the app for a deep link and keeps /api paths as JSON errors', async () => {
    const page = await browser.newPage();
    const problems = watchConsole(page);
    const deep = await page.goto(`${product.baseUrl}/register`, { waitUntil: 'networkidle' });
    expect(deep?.status()).toBe(200);
    await page.getByLabel(/email/i).first().waitFor({ state: 'visible' });
    const api = await fetch(`${product.baseUrl}/api/definitely-not-here`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/application\/json/);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
