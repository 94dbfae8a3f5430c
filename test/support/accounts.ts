import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { Browser } from '../../src/modules/accounts/testing/harness.ts';
import { root } from '../../scripts/lib/paths.ts';

// Accounts for the end-to-end suites: a user registered through the API, a role given with the
// admin CLI (it applies from the next sign-in), and a sign-in through the web app's form.

/** A visitor with a CSRF cookie, as the web app starts. A failed request names itself (fetch's error names no URL). */
export async function visitorAt(baseUrl: string): Promise<Browser> {
  const browser = new Browser(baseUrl);
  browser.origin = baseUrl;
  const request = browser.request.bind(browser);
  browser.request = (method, path, options) => request(method, path, options).catch((error: unknown) => {
    throw new Error(`${method} ${path}: ${String((error as Error).cause ?? error)}`);
  });
  await browser.request('GET', '/api/auth/csrf');
  return browser;
}

async function signedIn(baseUrl: string, email: string, password: string): Promise<Browser> {
  const browser = await visitorAt(baseUrl);
  const login = await browser.request('POST', '/api/auth/login', { body: { email, password } });
  if (login.status !== 200) throw new Error(`signing in ${email} answered ${login.status}`);
  return browser;
}

export async function signedUp(baseUrl: string, email: string, password: string): Promise<Browser> {
  const browser = await visitorAt(baseUrl);
  const registered = await browser.request('POST', '/api/auth/register', { body: { email, password } });
  if (registered.status !== 201) throw new Error(`registering ${email} answered ${registered.status}`);
  return browser;
}

/**
 * `src/bin/admin.ts <args…>` against a product's database (`role <email> ADMIN`, `plan <email> PRO`);
 * the change applies from the next sign-in. Run without blocking: a blocked event loop misses the
 * server closing an idle keep-alive socket, and the next fetch on that socket fails with "other
 * side closed". Rejects when the CLI exits non-zero or complains.
 */
export async function adminCli(databaseUrl: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const cli = await promisify(execFile)(process.execPath, ['src/bin/admin.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...env, DATABASE_URL: databaseUrl, NODE_OPTIONS: '' } });
  if (cli.stderr) throw new Error(`admin ${args.join(' ')} failed: ${cli.stderr}`);
}

/** `src/bin/admin.ts role <email> <ROLE>`, then a fresh API sign-in so the token carries the role. */
export async function promoted(baseUrl: string, databaseUrl: string, email: string, password: string, role: 'SUPPORT' | 'ADMIN'): Promise<Browser> {
  await adminCli(databaseUrl, ['role', email, role]);
  return signedIn(baseUrl, email, password);
}

/** A user registered on `plan`: PRO is given with the admin CLI, then a fresh sign-in carries it. */
export async function member(product: { baseUrl: string; databaseUrl: string }, plan: 'FREE' | 'PRO', email: string, password: string): Promise<Browser> {
  const first = await signedUp(product.baseUrl, email, password);
  if (plan === 'FREE') return first;
  await adminCli(product.databaseUrl, ['plan', email, 'PRO']);
  return signedIn(product.baseUrl, email, password);
}

/** Signs in through /sign-in and waits for the home page. */
export async function signInPage(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`, { waitUntil: 'networkidle' });
  await page.getByLabel(/email/i).first().fill(email);
  await page.getByLabel(/^password/i).first().fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(`${baseUrl}/`);
}
