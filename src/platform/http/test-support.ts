import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { createLogger, type Logger } from './logger.ts';
import { createApp, type CreateAppOptions, type HttpConfig } from './app.ts';

// Shared by this folder's unit tests: an in-process app on an ephemeral port, and its log lines.
export const testConfig: HttpConfig = {
  NODE_ENV: 'test',
  corsOrigins: ['http://localhost:3000', 'https://coach.example'],
  JSON_BODY_LIMIT_BYTES: 1024,
  READYZ_TIMEOUT_MS: 200,
  TRUST_PROXY: false,
  WEB_DIST_DIR: '/nonexistent',
};

export type LogSink = { logger: Logger; lines: () => Record<string, unknown>[]; text: () => string };

export function captureLogs(): LogSink {
  let buffer = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      buffer += chunk.toString('utf8');
      callback();
    },
  });
  const logger = createLogger({ LOG_LEVEL: 'debug' }, { destination });
  return {
    logger,
    text: () => buffer,
    lines: () => buffer.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

export type TestServer = { url: string; port: number; server: Server; logs: LogSink; close(): Promise<void> };

export async function startTestApp(options: Omit<Partial<CreateAppOptions>, 'config'> & { config?: Partial<HttpConfig> } = {}): Promise<TestServer> {
  const logs = captureLogs();
  const app = createApp({
    readiness: [],
    routers: [],
    ...options,
    config: { ...testConfig, ...options.config },
    logger: options.logger ?? logs.logger,
  });
  const handle = app.callback();
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    logs,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type RawResponse = { status: number; headers: IncomingHttpHeaders; body: string };

/** A request exactly as written (fetch would normalise `..` away and refuse some headers). */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
