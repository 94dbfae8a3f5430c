import { z } from 'zod';
import { createRouter, type Router } from '../router.ts';
import { buildOpenApiDocument, type DocumentOptions, type OpenApiDocument } from './document.ts';
import { renderDocsPage } from './docs-page.ts';
import { defineOperations, type ApiOperation } from './operation.ts';

// GET /api/openapi.json and GET /api/docs, built once at start-up from the operation lists.

const CheckResult = z.object({ status: z.enum(['up', 'down']), ms: z.number(), reason: z.enum(['timeout', 'error']).optional(), detail: z.record(z.string(), z.union([z.number(), z.string()])).optional() });

/** The platform's own routes: probes (health-routes.ts) and this document. */
export const platformApi = defineOperations([
  {
    method: 'get', path: '/healthz', tag: 'platform', access: 'public', summary: 'The process is alive',
    response: { status: 200, description: 'Alive.', schema: z.object({ status: z.literal('ok') }) }, errors: [],
  },
  {
    method: 'get', path: '/readyz', tag: 'platform', access: 'public', summary: 'Every dependency answers (Postgres, Temporal, event store)',
    description: 'The 503 answer is the error envelope plus `status` and `checks`.',
    response: { status: 200, description: 'Ready.', schema: z.object({ status: z.literal('ready'), checks: z.record(z.string(), CheckResult) }) }, errors: ['NOT_READY'],
  },
  {
    method: 'get', path: '/api/openapi.json', tag: 'platform', access: 'public', summary: 'This OpenAPI 3.1 document',
    response: { status: 200, description: 'The document.' }, errors: [],
  },
  {
    method: 'get', path: '/api/docs', tag: 'platform', access: 'public', summary: 'The document as a readable page',
    response: { status: 200, description: 'An HTML page (no script, no outside resource).', contentType: 'text/html', schema: { type: 'string' } }, errors: [],
  },
]);

export function createOpenApiRouter(operations: readonly ApiOperation[], options: DocumentOptions): { router: Router; document: OpenApiDocument } {
  const document = buildOpenApiDocument(operations, options);
  const body = JSON.stringify(document);
  const page = renderDocsPage(document);
  const router = createRouter();
  router.get('/api/openapi.json', (ctx) => {
    ctx.type = 'application/json';
    ctx.body = body;
  });
  router.get('/api/docs', (ctx) => {
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = page;
  });
  return { router, document };
}
