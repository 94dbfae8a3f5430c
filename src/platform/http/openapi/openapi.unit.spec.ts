import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { startTestApp, type TestServer } from '../test-support.ts';
import { buildOpenApiDocument, createOpenApiRouter, defineOperations, errorCodesOf, platformApi, routeDrift } from './index.ts';
import { createRouter } from '../router.ts';

// The generator and the two routes, on the real app (security headers, error envelope).

const Body = z.object({ name: z.string().trim().min(1).max(20), count: z.coerce.number().int().default(1) });
const sample = defineOperations([
  {
    method: 'post', path: '/api/things/:id', tag: 'things', access: 'user', summary: 'Make a <thing>', params: z.object({ id: z.uuid() }), body: Body, bodyRequired: true,
    response: { status: 201, description: 'Made.', schema: z.object({ id: z.string() }) }, errors: ['NOT_FOUND'],
  },
  {
    method: 'get', path: '/api/things', tag: 'things', access: 'public', summary: 'List things', query: z.object({ q: z.string().max(5).optional() }),
    response: { status: 200, description: 'Things.' }, errors: [],
  },
  ...platformApi,
]);

let server: TestServer;
beforeAll(async () => {
  server = await startTestApp({ routers: [createOpenApiRouter(sample, { title: 'Test', version: '1' }).router] });
});
afterAll(() => server.close());

describe('buildOpenApiDocument', () => {
  const document = buildOpenApiDocument(sample, { title: 'Test', version: '1' });
  const make = document.paths['/api/things/{id}']!.post!;

  it('writes request schemas from zod (input side) and responses from zod (open to new fields)', () => {
    const body = (make.requestBody!.content as Record<string, { schema: Record<string, unknown> }>)['application/json']!.schema;
    expect(body).toMatchObject({ type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1, maxLength: 20 } } });
    expect(body).not.toHaveProperty('$schema');
    const ok = (make.responses['201']!.content as Record<string, { schema: Record<string, unknown> }>)['application/json']!.schema;
    expect(ok).toEqual({ type: 'object', properties: { id: { type: 'string' } }, required: ['id'] });
    expect(make.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    expect(document.paths['/api/things']!.get!.parameters).toEqual([{ name: 'q', in: 'query', required: false, schema: { type: 'string', maxLength: 5 } }]);
  });

  it('adds the codes of access, CSRF and body parsing, each under its status with the one envelope', () => {
    expect(errorCodesOf(sample[0]!)).toEqual(
      ['CSRF_FAILED', 'INTERNAL', 'MALFORMED_JSON', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE', 'UNAUTHENTICATED', 'UNSUPPORTED_MEDIA_TYPE', 'VALIDATION_FAILED'],
    );
    expect(Object.keys(make.responses)).toEqual(['201', '400', '401', '403', '404', '413', '415', '422', '500']);
    expect(make.responses['403']!.content).toEqual({
      'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/Error' }, { type: 'object', properties: { error: { type: 'object', properties: { code: { enum: ['CSRF_FAILED'] } } } } }] } },
    });
    expect(make.security).toEqual([{ sessionCookie: [], csrfHeader: [], csrfCookie: [] }]);
    expect(document.paths['/api/things']!.get!.security).toEqual([{}]);
  });

  it('refuses an operation declared twice', () => {
    expect(() => buildOpenApiDocument([sample[1]!, sample[1]!], { title: 'Test', version: '1' })).toThrow(/declared twice/);
  });

  it('finds routes nobody documented and documents nobody routes', () => {
    const router = createRouter();
    router.get('/api/things', () => undefined);
    router.delete('/api/things/:id', () => undefined);
    router.use('/api/things', async (_ctx, next) => { await next(); });
    expect(routeDrift([router], sample.slice(0, 2))).toEqual({ undocumented: ['DELETE /api/things/:id'], unrouted: ['POST /api/things/:id'] });
  });
});

describe('GET /api/openapi.json and /api/docs', () => {
  it('serves the document as JSON', async () => {
    const response = await fetch(`${server.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await response.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('serves a page with no script and nothing from elsewhere, under the API\'s CSP', async () => {
    const response = await fetch(`${server.url}/api/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = await response.text();
    expect(page).not.toMatch(/<script|<link|https?:\/\/(?!json-schema)/i);
    expect(page).toContain('Make a &lt;thing&gt;');
    expect(page).toContain('CSRF_FAILED');
    expect(page).toContain('id="errors"');
  });
});
