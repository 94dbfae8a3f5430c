import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { Browser } from '../../src/modules/accounts/testing/harness.ts';
import { root } from '../../scripts/lib/paths.ts';

// Accounts for the end-to-end suites: a user registered through the API, a role given with the
// admin CLI (it applies from the next sign-in), and a sign-in through the web app's form.

export async function signedUp(baseUrl: string, email: string, password: string): Promise<Browser> {
  const browser = new Browser(baseUrl);
  browser.origin = baseUrl;
  await browser.request('GET', '/api/auth/csrf');
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
  const browser = new Browser(baseUrl);
  browser.origin = baseUrl;
  await browser.request('GET', '/api/auth/csrf');
  const login = await browser.request('POST', '/api/auth/login', { body: { email, password } });
  if (login.status !== 200) throw new Error(`signing in ${email} answered ${login.status}`);
  return browser;
}

/** Signs in through /sign-in and waits for the home page. */
export async function signInPage(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`, { waitUntil: 'networkidle' });
  await page.getByLabel(/email/i).first().fill(email);
  await page.getByLabel(/^password/i).first().fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(`${baseUrl}/`);
}
