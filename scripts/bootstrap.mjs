// Runs on whatever Node the machine has (20 on a fresh machine): installs the project's npm
// dependencies — which bring Node 24 — and then hands over to the real script on Node 24,
// forwarding signals so Ctrl-C or SIGTERM reach it and nothing is orphaned.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node24 = join(root, 'node_modules', 'node', 'bin', 'node');
const [, , script, ...args] = process.argv;
if (!script) {
  console.error('usage: node scripts/bootstrap.mjs <script name in scripts/> [args…]');
  process.exit(2);
}

function depsOutOfDate() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(node24) || !existsSync(marker)) return true;
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs;
}

if (depsOutOfDate()) {
  console.log('[bootstrap] installing npm dependencies (npm ci)…');
  let result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  // npm ci can report success after tar errors (TAR_ENTRY_ERROR) and leave packages half
  // extracted — Node 24 itself among them. A checked cache and one more try recover from that.
  if (result.status !== 0 || !existsSync(node24)) {
    console.log('[bootstrap] the install is incomplete; verifying the npm cache and trying once more…');
    spawnSync('npm', ['cache', 'verify'], { cwd: root, stdio: 'ignore' });
    result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-online'], { cwd: root, stdio: 'inherit' });
  }
  if (result.status !== 0 || !existsSync(node24)) {
    console.error('[bootstrap] npm ci failed: the npm registry must be reachable for a first start.');
    process.exit(result.status || 1);
  }
}

const env = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${join(root, 'node_modules', 'node', 'bin')}:${process.env.PATH}` };
const child = spawn(node24, [join(root, 'scripts', `${script}.ts`), ...args], { cwd: root, stdio: 'inherit', env });
child.on('error', (error) => {
  console.error(`[bootstrap] could not run Node 24 (${error.message}); remove node_modules and try again.`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
// npm exits on SIGTERM without passing it on, and the shell between us does not either: when
// our parent goes away we are orphaned, so we pass the SIGTERM on ourselves.
const parent = process.ppid;
const orphanWatch = setInterval(() => {
  if (process.ppid === parent) return;
  // Once: a second SIGTERM would cut the child's own shutdown short.
  clearInterval(orphanWatch);
  child.kill('SIGTERM');
}, 250);
orphanWatch.unref();
child.on('exit', (code, signal) => process.exit(code ?? 128 + (signal ? (constants.signals[signal] ?? 1) : 1)));
