#!/usr/bin/env node
// The registry this team installs from does not carry every platform build of a few native
// packages (e.g. @oxc-parser/binding-darwin-arm64, @msgpackr-extract/*-win32-x64). `npm install`
// then leaves those optional dependencies out of package-lock.json, and `npm ci` refuses the lock
// ("Missing: <name>@ from lock file"). This adds a lock entry for each missing off-platform build,
// with the os/cpu/libc that its name encodes, so `npm ci` sees the lock in sync and skips them as
// incompatible without fetching anything. Run it after every `npm install` that changes a lock:
// `node scripts/complete-lockfile.mjs` (the root lock) or `node scripts/complete-lockfile.mjs web`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lockPath = join(resolve(root, process.argv[2] ?? '.'), 'package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const osNames = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'openbsd', 'netbsd', 'sunos', 'aix'];
const cpuNames = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 'riscv64', 's390x', 'loong64', 'mips64el', 'wasm32'];

/** Platform fields from a name such as `binding-linux-arm-musleabihf` or `msgpackr-extract-win32-x64`. */
function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => osNames.includes(p));
  const cpu = parts.find((p) => cpuNames.includes(p));
  if (!cpu) return null;
  const fields = {};
  if (os) fields.os = [os];
  fields.cpu = [cpu];
  if (os === 'linux') {
    if (parts.some((p) => p.startsWith('musl'))) fields.libc = ['musl'];
    else if (parts.some((p) => p.startsWith('gnu'))) fields.libc = ['glibc'];
  }
  return fields;
}

/** Where Node would find `name` from the package at `fromPath` (mirrors npm's nesting). */
function resolvePath(fromPath, name) {
  let base = fromPath;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    const index = base.lastIndexOf('/node_modules/');
    if (index < 0) return base === '' ? null : packages[`node_modules/${name}`] ? `node_modules/${name}` : null;
    base = base.slice(0, index);
  }
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolvePath(path, name)) continue;
    const platform = platformOf(name);
    if (!platform || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) {
      console.warn(`complete-lockfile: left out ${name}@${spec} (needed by ${path || 'the root'})`);
      continue;
    }
    const target = `node_modules/${name}`;
    // Key order as npm writes it, so a later `npm install` leaves the entry byte-identical.
    packages[target] = {
      version: spec,
      cpu: platform.cpu,
      ...(entry.dev ? { dev: true } : {}),
      ...(platform.libc ? { libc: platform.libc } : {}),
      optional: true,
      ...(platform.os ? { os: platform.os } : {}),
    };
    added += 1;
  }
}

lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} off-platform optional entr${added === 1 ? 'y' : 'ies'}`);
