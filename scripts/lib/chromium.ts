import { existsSync } from 'node:fs';
import { aptInstall } from './proc.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Browser tests drive Debian's Chromium; a browser is never downloaded by a test tool. */
export function ensureChromium(): void {
  if (existsSync(chromiumPath)) return;
  aptInstall(['chromium'], 'Chromium is needed for the browser tests');
}
