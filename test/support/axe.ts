import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';

// axe-core for the browser suites, and the "check a page at both widths" step they share.
// axe runs through DevTools (page.evaluate), which the page's CSP does not govern: an injected
// <script> tag would be an inline script and is refused by `script-src 'self'`.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const desktop = { width: 1280, height: 900 };
export const phone = { width: 375, height: 800 };

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Serious or critical axe-core violations on the page as it is now. */
export async function axeProblems(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    // Without a context axe checks the whole document.
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** Checks the page with axe and writes its screenshots at desktop and phone width. */
export async function visitCheck(page: Page, name: string, a11y: Record<string, string[]>): Promise<void> {
  await page.waitForLoadState('networkidle');
  a11y[name] = await axeProblems(page);
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(phone);
  await page.waitForTimeout(150);
  a11y[`${name} (phone)`] = await axeProblems(page);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(desktop);
  await page.waitForTimeout(150);
}
