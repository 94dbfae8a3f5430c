import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { log, run } from './proc.ts';
import { root } from './paths.ts';

const web = join(root, 'web');

export function hasWebApp(): boolean {
  return existsSync(join(web, 'package.json'));
}

export function ensureWebDeps(): void {
  const marker = join(web, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(join(web, 'package-lock.json')).mtimeMs) return;
  log('web', 'installing the web app dependencies (npm ci)…');
  const first = run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: web, quiet: false, allowFail: true });
  if (first.status === 0) return;
  // npm ci has failed here once mid-extraction ("tarball seems to be corrupted", ENOENT on a
  // package folder); a checked cache and a second try recover from that transient state.
  log('web', `npm ci failed (${first.status}); verifying the npm cache and trying once more…`);
  run('npm', ['cache', 'verify'], { cwd: web, allowFail: true });
  run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-online'], { cwd: web, quiet: false });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the Angular app when its sources are newer than the last build. */
export function buildWebIfStale(): void {
  if (!hasWebApp()) return;
  ensureWebDeps();
  const index = join(web, 'dist', 'browser', 'index.html');
  const sources = Math.max(newestMtime(join(web, 'src')), statSync(join(web, 'angular.json')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  log('web', 'building the web app (ng build)…');
  run('npm', ['run', 'build'], { cwd: web, quiet: false });
}
