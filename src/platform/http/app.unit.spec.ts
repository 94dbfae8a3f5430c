import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { requestBody } from './json-body.ts';
import { createRouter } from './router.ts';
import { rawRequest, startTestApp, type TestServer } from './test-support.ts';
import { validate } from './validate.ts';

const Item = z.object({ title: z.string().min(1), tags: z.array(z.string()).max(2) });

function itemsRouter() {
  const router = createRouter();
  router.get('/api/items/:id', (ctx) => {
    ctx.body = { id: ctx.params.id, query: ctx.query.x ?? null, requestId: ctx.state.requestId };
  });
  router.post('/api/items', (ctx) => {
    ctx.status = 201;
    ctx.body = { item: validate(Item, requestBody(ctx)) };
  });
  router.get('/api/boom', () => {
    throw new Error('database password is hunter2');
  });
  router.get('/api/conflict', () => {
    throw new AppError('CONFLICT', { details: { expected: 3 } });
  });
  router.get('/api/me', (ctx) => {
    ctx.state.actor = { userId: 'user-42', email: 'ada@example.com' };
    ctx.body = { ok: true };
  });
  return router;
}

let app: TestServer;
beforeAll(async () => {
  app = await startTestApp({ routers: [itemsRouter()] });
});
afterAll(() => app.close());

type Envelope = { error: { code: string; message: string; details?: unknown }; requestId: string };

async function expectEnvelope(response: Response, status: number, code: string): Promise<Envelope> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as Envelope;
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.requestId).toBe(response.headers.get('x-request-id'));
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.ts:\d+|stack/);
  return body;
}

describe('error envelope', () => {
  it('answers unknown /api paths with 404 NOT_FOUND, never the web app', async () => {
    await expectEnvelope(await fetch(`${app.url}/api/definitely-not-here`), 404, 'NOT_FOUND');
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const response = await fetch(`${app.url}/api/items/7`, { method: 'DELETE' });
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    const body = await expectEnvelope(response, 405, 'METHOD_NOT_ALLOWED');
    expect(body.error.details).toEqual({ allow: ['GET', 'HEAD'] });
  });

  it('answers an unexpected exception with 500 INTERNAL: no message, no stack; the log has the stack', async () => {
    const response = await fetch(`${app.url}/api/boom`);
    const body = await expectEnvelope(response, 500, 'INTERNAL');
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(body.error.details).toBeUndefined();
    const logged = app.logs.lines().find((line) => line.msg === 'unexpected error' && line.requestId === body.requestId);
    expect((logged?.err as { stack?: string } | undefined)?.stack).toContain('hunter2');
  });

  it('answers an AppError with its catalog status, code and details', async () => {
    const body = await expectEnvelope(await fetch(`${app.url}/api/conflict`), 409, 'CONFLICT');
    expect(body.error.details).toEqual({ expected: 3 });
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await fetch(`${app.url}/api/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title": ' });
    await expectEnvelope(response, 400, 'MALFORMED_JSON');
  });

  it('answers invalid UTF-8 in a JSON body with 400 MALFORMED_JSON', async () => {
    const response = await fetch(`${app.url}/api/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from([0x22, 0xff, 0xfe, 0x22]) });
    await expectEnvelope(response, 400, 'MALFORMED_JSON');
  });

  it('answers a body that is not JSON with 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const response = await fetch(`${app.url}/api/items`, { method: 'POST', headers: { 'content-type': type }, body: 'title=x' });
      await expectEnvelope(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('answers a compressed or non-UTF-8 JSON body with 415', async () => {
    const gzip = await fetch(`${app.url}/api/items`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: '{}' });
    await expectEnvelope(gzip, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const latin1 = await fetch(`${app.url}/api/items`, { method: 'POST', headers: { 'content-type': 'application/json; charset=latin1' }, body: '{}' });
    await expectEnvelope(latin1, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('accepts application/json and +json with a charset and validates with readable details', async () => {
    const ok = await fetch(`${app.url}/api/items`, { method: 'POST', headers: { 'content-type': 'application/merge-patch+json; charset=UTF-8' }, body: JSON.stringify({ title: 'CV', tags: [] }) });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toEqual({ item: { title: 'CV', tags: [] } });
    const bad = await fetch(`${app.url}/api/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: '', tags: ['a', 'b', 'c'], secret: 's3cr3t' }) });
    const body = await expectEnvelope(bad, 422, 'VALIDATION_FAILED');
    const issues = (body.error.details as { issues: { path: string; code: string; message: string }[] }).issues;
    expect(issues.map((issue) => issue.path).sort()).toEqual(['tags', 'title']);
    expect(issues.every((issue) => issue.message.length > 0)).toBe(true);
  });

  it('answers a POST without a body as a validation problem, not a parse error', async () => {
    const response = await fetch(`${app.url}/api/items`, { method: 'POST' });
    await expectEnvelope(response, 422, 'VALIDATION_FAILED');
  });

  it('answers 413 when the declared length is over the limit', async () => {
    const response = await fetch(`${app.url}/api/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'x'.repeat(2_000), tags: [] }) });
    await expectEnvelope(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers 413 to a chunked body with no length as soon as it passes the limit, without reading the rest', async () => {
    const result = await new Promise<{ status: number; body: string; requestId: string | undefined; sentBeforeAnswer: number }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const req = httpRequest({ host: '127.0.0.1', port: app.port, method: 'POST', path: '/api/items', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        answered = true;
        const sentBeforeAnswer = sent;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), requestId: res.headers['x-request-id'] as string | undefined, sentBeforeAnswer });
        });
      });
      req.on('error', (error) => {
        if (!answered) reject(error);
      });
      // An endless body: 512-byte chunks, one every few milliseconds, until the server answers.
      req.write('{"title":"');
      const pump = () => {
        if (answered || req.destroyed) return;
        sent += 512;
        if (sent > 10 * 1024 * 1024) return reject(new Error('the server read 10 MB without answering'));
        req.write('x'.repeat(512), () => setTimeout(pump, 2));
      };
      pump();
    });
    expect(result.status).toBe(413);
    const body = JSON.parse(result.body) as Envelope;
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.requestId).toBe(result.requestId);
    expect(result.sentBeforeAnswer).toBeLessThan(64 * 1024);
  });

  it('leaves multipart bodies to the routes', async () => {
    const form = new FormData();
    form.set('file', new Blob(['hello']), 'cv.txt');
    const response = await fetch(`${app.url}/api/items`, { method: 'POST', body: form });
    await expectEnvelope(response, 422, 'VALIDATION_FAILED');
  });
});

describe('request ids', () => {
  it('keeps a sane client id and returns it on success and error', async () => {
    const ok = await fetch(`${app.url}/api/items/1`, { headers: { 'x-request-id': 'web-1234.abc:def_' } });
    expect(ok.headers.get('x-request-id')).toBe('web-1234.abc:def_');
    expect(((await ok.json()) as { requestId: string }).requestId).toBe('web-1234.abc:def_');
    const missing = await fetch(`${app.url}/api/nope`, { headers: { 'x-request-id': 'trace-9' } });
    expect(missing.headers.get('x-request-id')).toBe('trace-9');
    expect(((await missing.json()) as Envelope).requestId).toBe('trace-9');
  });

  it('generates a UUID when there is none', async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it.each([
    ['10 kB long', 'a'.repeat(10_240)],
    ['129 characters', 'a'.repeat(129)],
    ['with spaces', 'a b'],
    ['with a slash and quote', 'a/b"c'],
    ['with a log-injection attempt', 'abc\\n{"level":60}'],
  ])('replaces a hostile id (%s)', async (_name, hostile) => {
    const response = await rawRequest(app.port, { path: '/api/items/1', headers: { 'x-request-id': hostile } });
    expect(response.status).toBe(200);
    expect(response.headers['x-request-id']).not.toBe(hostile);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('replaces an id holding an encoded newline and never logs it', async () => {
    // Node refuses raw CR/LF in header values, on both sides; an obs-text / tab id is the nearest.
    const response = await rawRequest(app.port, { path: '/api/items/1', headers: { 'x-request-id': 'abc\tdef' } });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(app.logs.text()).not.toContain('abc\\tdef');
  });
});

describe('paths', () => {
  it('answers an API path the same with or without one trailing slash, never with 3xx', async () => {
    for (const path of ['/api/items/5', '/api/items/5/', '/api/items/5?x=1', '/api/items/5/?x=1']) {
      const response = await fetch(`${app.url}${path}`, { redirect: 'manual' });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { id: string; query: string | null };
      expect(body.id).toBe('5');
      expect(body.query).toBe(path.includes('x=1') ? '1' : null);
    }
    for (const path of ['/api/nope/', '/api/', '/api', '/healthz/', '/readyz/']) {
      const response = await fetch(`${app.url}${path}`, { redirect: 'manual' });
      expect(response.status < 300 || response.status >= 400).toBe(true);
    }
    const post = await fetch(`${app.url}/api/items/`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'a', tags: [] }) });
    expect(post.status).toBe(201);
  });
});

describe('security headers', () => {
  it('sends the CSP an Angular build runs under, nosniff, referrer policy and HSTS outside development', async () => {
    for (const path of ['/healthz', '/api/nope', '/']) {
      const response = await fetch(`${app.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("img-src 'self' data: blob:");
      expect(csp).toContain("font-src 'self' data:");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      expect(csp).toContain("form-action 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    }
  });

  it('sends no HSTS in development', async () => {
    const dev = await startTestApp({ config: { NODE_ENV: 'development' } });
    try {
      const response = await fetch(`${dev.url}/healthz`);
      expect(response.headers.get('strict-transport-security')).toBeNull();
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    } finally {
      await dev.close();
    }
  });
});

describe('CORS', () => {
  it('allows configured origins with credentials and exposes the request id', async () => {
    const response = await fetch(`${app.url}/api/items/1`, { headers: { origin: 'https://coach.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://coach.example');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-expose-headers')).toContain('x-request-id');
    const preflight = await fetch(`${app.url}/api/items`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('gives other origins no CORS headers at all', async () => {
    const response = await fetch(`${app.url}/api/items/1`, { headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await fetch(`${app.url}/api/items`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.status).toBeGreaterThanOrEqual(400);
  });
});

describe('access log', () => {
  it('writes one line per request with the route pattern, status, ms, request and user ids, and nothing personal', async () => {
    const response = await fetch(`${app.url}/api/me?email=ada%40example.com`, {
      headers: { 'x-request-id': 'log-check-1', cookie: 'session=topsecret', authorization: 'Bearer tok123' },
    });
    expect(response.status).toBe(200);
    const lines = app.logs.lines().filter((line) => line.requestId === 'log-check-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'request', method: 'GET', route: '/api/me', status: 200, userId: 'user-42' });
    expect(typeof lines[0]?.ms).toBe('number');
    const text = JSON.stringify(lines);
    for (const secret of ['ada', 'example.com', 'topsecret', 'tok123', '?email']) expect(text).not.toContain(secret);
  });

  it('logs the route pattern, not the raw path with its ids', async () => {
    await fetch(`${app.url}/api/items/8c6f1e2a-0000-4000-8000-000000000001`, { headers: { 'x-request-id': 'log-check-2' } });
    await fetch(`${app.url}/api/items`, { method: 'POST', headers: { 'x-request-id': 'log-check-3', 'content-type': 'application/json' }, body: '{' });
    const byId = new Map(app.logs.lines().map((line) => [line.requestId, line]));
    expect(byId.get('log-check-2')?.route).toBe('/api/items/:id');
    expect(byId.get('log-check-3')).toMatchObject({ route: '/api/items', status: 400 });
    expect(app.logs.text()).not.toContain('8c6f1e2a-0000-4000-8000-000000000001');
  });

  it('redacts personal data even when someone logs it by mistake', () => {
    app.logs.logger.info({ user: { email: 'grace@example.com', password: 'pw' }, headers: { cookie: 'c=1' } }, 'oops');
    const text = app.logs.text();
    expect(text).not.toContain('grace@example.com');
    expect(text).not.toContain('"pw"');
    expect(text).not.toContain('c=1');
  });
});
