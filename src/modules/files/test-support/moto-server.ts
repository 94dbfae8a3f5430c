import { fileURLToPath } from 'node:url';
import { startLocalServer, type LocalServer } from '../../../../test/support/local-server.ts';

/** The project venv's moto (the test set-up pip-installs it), resolved from the repo root. */
const motoBinary = fileURLToPath(new URL('../../../../.venv/bin/moto_server', import.meta.url));

export type MotoServer = LocalServer;

/** Starts a private S3-compatible moto server on a free port and waits until it answers. */
export function startMotoServer(): Promise<MotoServer> {
  return startLocalServer({ name: 'moto_server', binary: motoBinary, args: (port) => ['-H', '127.0.0.1', '-p', String(port)], probePath: '/moto-api/' });
}
