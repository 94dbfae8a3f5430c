import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The project venv's moto (the test set-up pip-installs it), resolved from the repo root. */
const motoBinary = fileURLToPath(new URL('../../../../.venv/bin/moto_server', import.meta.url));

export interface MotoServer {
  endpoint: string;
  stop(): Promise<void>;
}

/** Starts a private S3-compatible moto server on a free port and waits until it answers. */
export async function startMotoServer(): Promise<MotoServer> {
  if (!existsSync(motoBinary)) throw new Error(`moto_server not found at ${motoBinary}; run the project test set-up first`);
  const port = await freePort();
  const child = spawn(motoBinary, ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(endpoint, child);
  return { endpoint, stop: () => stopChild(child) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilAnswering(endpoint: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}`);
    try {
      await fetch(`${endpoint}/moto-api/`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await stopChild(child);
  throw new Error('moto_server did not answer within 15 s');
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
