import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Koa from 'koa';
import type { Config } from '../config/index.ts';

export type RunningServer = {
  server: Server;
  /** `http://host:port` as bound (the real port when PORT is 0). */
  url: string;
  /** Stops accepting, lets in-flight requests finish, then cuts what is left after `timeoutMs`. */
  close(timeoutMs?: number): Promise<void>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Koa app, whatever its state type
export async function startHttpServer(app: Koa<any, any>, config: Pick<Config, 'HOST' | 'PORT'>): Promise<RunningServer> {
  const handle = app.callback();
  // Koa's handler settles every request itself (errors go to ctx.onerror); nothing to await here.
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    server,
    url: `http://${host}:${address.port}`,
    close(timeoutMs = 10_000) {
      closing ??= new Promise<void>((resolveClose) => {
        const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
        force.unref();
        // Keep-alive connections would hold close() open: drop each one as soon as it is idle.
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        sweep.unref();
        server.on('request', (_req, res: ServerResponse) => res.setHeader('connection', 'close'));
        server.close(() => {
          clearTimeout(force);
          clearInterval(sweep);
          resolveClose();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
