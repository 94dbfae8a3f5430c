import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixture } from './fixtures.ts';

// A local HTTP server answering like Greenhouse and Lever (the fixture files), plus the hostile
// answers a source could give: too large, too slow, a redirect to somewhere else, gzip.

export type FixtureServer = { url: string; hits: string[]; setBody(path: string, body: string): void; close(): Promise<void> };

export async function startFixtureServer(): Promise<FixtureServer> {
  const hits: string[] = [];
  const bodies = new Map<string, string>([
    ['/v1/boards/acme/jobs', fixture('greenhouse.json')],
    ['/v0/postings/globex', fixture('lever.json')],
    ['/files/postings.csv', fixture('postings.csv')],
  ]);
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    hits.push(req.url ?? '');
    if (path === '/huge') {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 64 && res.write(chunk)) sent += 1;
        if (sent >= 64) res.end();
        else res.once('drain', pump);
      };
      pump();
      res.on('error', () => undefined);
      return;
    }
    if (path === '/slow') return void setTimeout(() => res.end('[]'), 3_000).unref();
    if (path === '/redirect') return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (path === '/gzip') return void res.writeHead(200, { 'content-encoding': 'gzip' }).end('not really');
    const body = bodies.get(path);
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': path.endsWith('.csv') ? 'text/csv' : 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    setBody: (path, body) => void bodies.set(path, body),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
