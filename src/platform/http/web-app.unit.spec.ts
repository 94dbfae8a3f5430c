import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRouter } from './router.ts';
import { rawRequest, startTestApp, type TestServer } from './test-support.ts';
import { cacheControlFor, safeRelativePath } from './web-app.ts';

// A fake Angular build beside a secret the web root must never reveal.
let base: string;
let app: TestServer;
const indexHtml = '<!doctype html><html><head><title>Résumé coach</title></head><body><app-root></app-root></body></html>';

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'web-app-'));
  const dist = join(base, 'dist');
  mkdirSync(join(dist, 'media'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), indexHtml);
  writeFileSync(join(dist, 'main-5WDIBXZW.js'), 'console.log("main")');
  writeFileSync(join(dist, 'chunk-BWMV8LlS.js'), 'export {}');
  writeFileSync(join(dist, 'styles-IUKHINKU.css'), 'body{}');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dist, 'media', 'roboto-latin-400-normal-V3H5IIDP.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(dist, '.env'), 'SECRET=1');
  writeFileSync(join(base, 'secret.txt'), 'TOP SECRET');
  symlinkSync(join(base, 'secret.txt'), join(dist, 'linked.txt'));
  const router = createRouter();
  router.get('/api/items', (ctx) => {
    ctx.body = [];
  });
  app = await startTestApp({ routers: [router], webDistDir: dist });
});

afterAll(async () => {
  await app.close();
  rmSync(base, { recursive: true, force: true });
});

describe('web app', () => {
  it('serves index.html at / with no-cache, the CSP and a request id', async () => {
    const response = await fetch(`${app.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(await response.text()).toBe(indexHtml);
  });

  it.each([
    ['/main-5WDIBXZW.js', 'text/javascript; charset=utf-8'],
    ['/chunk-BWMV8LlS.js', 'text/javascript; charset=utf-8'],
    ['/styles-IUKHINKU.css', 'text/css; charset=utf-8'],
    ['/media/roboto-latin-400-normal-V3H5IIDP.woff2', 'font/woff2'],
  ])('serves hashed %s with its type and a long immutable cache', async (path, type) => {
    const response = await fetch(`${app.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('serves unhashed files with a short cache', async () => {
    const response = await fetch(`${app.url}/favicon.svg`);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await rawRequest(app.port, { method: 'HEAD', path: '/main-5WDIBXZW.js' });
    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe(String('console.log("main")'.length));
    expect(response.body).toBe('');
  });

  it('answers a conditional GET with 304', async () => {
    const first = await fetch(`${app.url}/main-5WDIBXZW.js`);
    const etag = first.headers.get('etag') ?? '';
    // fetch() adds `cache-control: no-cache` to conditional requests, so ask the way a browser does.
    const again = await rawRequest(app.port, { path: '/main-5WDIBXZW.js', headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
  });

  it('falls back to index.html for deep links that are not files', async () => {
    for (const path of ['/register', '/drafts/123/analysis', '/drafts/123/', '/a%20b']) {
      const response = await fetch(`${app.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(indexHtml);
    }
  });

  it('answers 404 for missing files, not index.html', async () => {
    const response = await fetch(`${app.url}/main-MISSING1.js`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('never answers /api paths with the web app', async () => {
    for (const path of ['/api/nope', '/api/nope/', '/api/drafts/1/page', '/api/main-5WDIBXZW.js']) {
      const response = await fetch(`${app.url}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });

  it('answers other methods on web paths with 405', async () => {
    const response = await fetch(`${app.url}/register`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it.each([
    '/../secret.txt',
    '/../../../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/media/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%252e%252e/secret.txt',
    '/index.html%00.js',
    '/main-5WDIBXZW.js%00',
    '/.env',
    '/%2eenv',
    '/linked.txt',
    '/%',
    '//etc/passwd',
  ])('never leaves the web root: %s', async (path) => {
    const response = await rawRequest(app.port, { path });
    expect(response.body).not.toContain('TOP SECRET');
    expect(response.body).not.toContain('SECRET=1');
    expect(response.body).not.toContain('root:');
    expect([200, 400, 404]).toContain(response.status);
    if (response.status === 200) expect(response.body).toBe(indexHtml);
    expect(response.headers['x-request-id']).toBeTruthy();
  });

  it('says the web app is not built when the folder is missing, without failing', async () => {
    const bare = await startTestApp({ webDistDir: join(base, 'no-such-dir') });
    try {
      const page = await fetch(`${bare.url}/register`);
      expect(page.status).toBe(503);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toMatch(/not built/);
      expect(page.headers.get('x-request-id')).toBeTruthy();
      const api = await fetch(`${bare.url}/api/nope`);
      expect(api.status).toBe(404);
      expect((await fetch(`${bare.url}/healthz`)).status).toBe(200);
    } finally {
      await bare.close();
    }
  });
});

describe('web app helpers', () => {
  it('maps request paths to safe relative paths', () => {
    expect(safeRelativePath('/')).toBe('');
    expect(safeRelativePath('/media/a-B.woff2')).toBe('media/a-B.woff2');
    expect(safeRelativePath('/a/../b')).toBeUndefined();
    expect(safeRelativePath('/%2e%2e/b')).toBeUndefined();
    expect(safeRelativePath('/a%00')).toBeUndefined();
    expect(safeRelativePath('/a%5c..%5cb')).toBeUndefined();
    expect(safeRelativePath('/%E0%A4%A')).toBeUndefined();
  });

  it('caches hashed files for a year and index.html never', () => {
    expect(cacheControlFor('index.html')).toBe('no-cache');
    expect(cacheControlFor('main-5WDIBXZW.js')).toContain('immutable');
    expect(cacheControlFor('favicon.ico')).toBe('public, max-age=3600');
  });
});
