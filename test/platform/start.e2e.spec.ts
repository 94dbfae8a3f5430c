import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isPortOpen } from '../../scripts/lib/proc.ts';

// `npm start` as a newcomer runs it: everything comes up at one URL, the API answers the basics,
// and SIGTERM leaves no process of the project behind. Its own data folder and ports, so it
// neither reuses nor disturbs the services the other suites use.
const root = fileURLToPath(new URL('../../', import.meta.url));
const marker = `start-e2e-${randomUUID()}`;
const ports = { PG_PORT: '54349', TEMPORAL_PORT: '7253', TEMPORAL_UI_PORT: '8253', PORT: '3201' };
const dataDir = '.data/test/start-e2e';
const base = `http://127.0.0.1:${ports.PORT}`;

function startProduct(): { child: ChildProcess; ready: Promise<number>; output: () => string } {
  let output = '';
  const begun = Date.now();
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, ...ports, DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: '', TEMPORAL_ADDRESS: '', RC_TEST_MARKER: marker },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is ready at')) resolve(Date.now() - begun);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited ${code} before ready:\n${output}`)));
  });
  return { child, ready, output: () => output };
}

function processesWithMarker(): number[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((pid) => {
    try {
      return readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`RC_TEST_MARKER=${marker}`) ? [Number(pid)] : [];
    } catch {
      return [];
    }
  });
}

/** npm itself exits at once on SIGTERM; the product's own shutdown takes a few seconds more. */
async function stopWith(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await exited;
  const deadline = Date.now() + 60_000;
  while (processesWithMarker().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
}

afterAll(() => {
  for (const pid of processesWithMarker()) process.kill(pid, 'SIGKILL');
  rmSync(`${root}/${dataDir}`, { recursive: true, force: true });
});

describe('npm start', () => {
  it('brings the product up, answers the basics, and SIGTERM leaves nothing running; a second start reuses the data', async () => {
    const timings: number[] = [];
    for (const round of [1, 2]) {
      const product = startProduct();
      timings.push(await product.ready);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      const body = (await ready.json()) as { checks: Record<string, { status: string }> };
      expect(Object.values(body.checks).every((c) => c.status === 'up')).toBe(true);
      expect(Object.keys(body.checks)).toEqual(expect.arrayContaining(['postgres', 'temporal']));

      if (round === 1) {
        const malformed = await fetch(`${base}/api/anything/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{bad' });
        expect(malformed.status).toBe(400);
        const envelope = (await malformed.json()) as { error: { code: string }; requestId: string };
        expect(envelope.error.code).toBe('MALFORMED_JSON');
        expect(envelope.requestId).toBe(malformed.headers.get('x-request-id'));
        const unknown = await fetch(`${base}/api/no-such-thing`, { redirect: 'manual' });
        expect(unknown.status).toBe(404);
        expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
      }

      expect(processesWithMarker().length).toBeGreaterThanOrEqual(4);
      await stopWith(product.child, 'SIGTERM');
      expect(processesWithMarker()).toEqual([]);
      for (const port of Object.values(ports)) expect(await isPortOpen(Number(port))).toBe(false);
    }
    console.log(`npm start to ready: first start on fresh data ${(timings[0]! / 1000).toFixed(1)} s, second start ${(timings[1]! / 1000).toFixed(1)} s`);
  }, 300_000);
});
