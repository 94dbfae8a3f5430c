import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchBrowser, watchConsole } from '../support/browser.ts';
import { startProduct, type RunningProduct } from '../support/product.ts';

// Accounts through the whole product: the API process mounts the module with its CSRF defence,
// the projector builds the read models, and the Angular form speaks the API's CSRF protocol.
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

function cookiesOf(response: Response): string {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

describe('accounts in the running product', () => {
  it('refuses a registration without the CSRF token, with a stable code, and saves nothing', async () => {
    const refused = await fetch(`${product.baseUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: product.baseUrl },
      body: JSON.stringify({ email: 'mallory@example.com', password: 'correct horse battery staple 9' }),
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('CSRF_FAILED');
  });

  it('registers over HTTP with the token and answers /api/auth/me from the projections', async () => {
    const csrf = await fetch(`${product.baseUrl}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const registered = await fetch(`${product.baseUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: product.baseUrl, 'x-csrf-token': csrfToken, cookie: cookiesOf(csrf) },
      body: JSON.stringify({ email: 'ada@example.com', password: 'correct horse battery staple 9' }),
    });
    expect(registered.status).toBeLessThan(300);
    const { position } = (await registered.json()) as { position: number };
    const me = await fetch(`${product.baseUrl}/api/auth/me`, { headers: { cookie: cookiesOf(registered), 'x-min-position': String(position) } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: 'ada@example.com' });
  }, 30_000);

  it('registers from the web form in a real browser', async () => {
    const page = await browser.newPage();
    const problems = watchConsole(page);
    await page.goto(`${product.baseUrl}/register`, { waitUntil: 'networkidle' });
    await page.getByLabel(/email/i).first().fill('grace@example.com');
    await page.getByLabel(/^password/i).first().fill('correct horse battery staple 9');
    await page.getByRole('button', { name: /create|register|sign up/i }).click();
    await page.waitForURL(`${product.baseUrl}/`);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json() as Promise<{ email: string }>);
    expect(me.email).toBe('grace@example.com');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
