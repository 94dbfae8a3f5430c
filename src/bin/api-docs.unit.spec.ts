import { describe, expect, it } from '@jest/globals';
import { createAccountsModule, accountsOptionsFromEnv } from '../modules/accounts/index.ts';
import { createApplicationsModule } from '../modules/applications/index.ts';
import { createDraftsModule } from '../modules/drafts/index.ts';
import { createCoverLetterRouter, createExportsRouter, createPreviewRouter } from '../modules/exports/index.ts';
import { createJobsModule } from '../modules/jobs/index.ts';
import { createNotificationsRouter } from '../modules/notifications/index.ts';
import { createPaymentsRouter } from '../modules/payments/index.ts';
import { createResultsRouter } from '../modules/pipeline/index.ts';
import { createPostingsModule } from '../modules/postings/index.ts';
import { createRewriteReviewRouter } from '../modules/rewrites/index.ts';
import { createStaffRouter } from '../modules/staff/index.ts';
import { errorCatalog } from '../platform/errors.ts';
import { healthRoutes } from '../platform/http/health-routes.ts';
import type { Router } from '../platform/http/index.ts';
import { registeredRoutes } from '../platform/http/openapi/index.ts';
import { apiOperations, apiRouteDrift, createApiDocs } from './api-docs.ts';

// The document cannot drift from the code: every route the modules' routers register (built the
// way src/bin/api.ts builds them) is documented, and every documented operation is routed.
// Building a router does no I/O, so the ports are inert stand-ins that are never called here.

const inert = new Proxy({}, { get: () => () => { throw new Error('not called while routers are built'); } }) as never;

function moduleRouters(): Router[] {
  const options = accountsOptionsFromEnv({
    NODE_ENV: 'test', DATA_DIR: '', publicUrl: 'http://127.0.0.1:3000', AUTH_SECRET: 'a'.repeat(40), GUEST_SECRET: 'g'.repeat(40), PERSONAL_DATA_KEY: 'p'.repeat(40),
  });
  const positionWaiter = { waitForPosition: async () => undefined, close: () => undefined } as never;
  const accounts = createAccountsModule({ pool: inert, eventStore: inert, options, positionWaiter });
  const drafts = createDraftsModule({ pool: inert, eventStore: inert, accounts, storage: inert, downloadSigningSecret: 's'.repeat(40), maxUploadBytes: 1, positionWaiter });
  const policy = { allowedHosts: [], maxBytes: 1, timeoutMs: 1 } as never;
  const postings = createPostingsModule({ pool: inert, eventStore: inert, accounts, policy, drafts: inert });
  const applications = createApplicationsModule({ pool: inert, eventStore: inert, accounts, ownsDraft: async () => false });
  const jobs = createJobsModule({ pool: inert, eventStore: inert, accounts, ownsDraft: async () => false });
  const owns = async () => false;
  return [
    accounts.router, drafts.router, postings.router, applications.router, jobs.router,
    createPaymentsRouter({ service: inert, ownerOf: inert, ownsDraft: owns }),
    createResultsRouter({ pool: inert, ownsDraft: owns }),
    createRewriteReviewRouter({ review: inert, ownerOfDraft: async () => null }),
    createNotificationsRouter({ service: inert, signingSecret: 's'.repeat(40) }),
    createExportsRouter({ pool: inert, storage: inert, ownsDraft: owns }),
    createPreviewRouter({ ownsDraft: owns, extractedOf: inert, acceptedChanges: inert }),
    createCoverLetterRouter({ pool: inert, service: inert, ownerOfDraft: async () => null }),
    createStaffRouter({
      pool: inert, eventStore: inert, accounts, jobs: inert, flags: inert, histories: inert, projections: [], redactionKeys: () => [], namespace: 'default',
    }),
  ];
}

/** The probes' router (createApp mounts it first) and the document's own. */
function platformRouters(): Router[] {
  return [healthRoutes({ checks: [], timeoutMs: 1, logger: inert }), createApiDocs().router];
}

describe('the OpenAPI document', () => {
  it('documents every route the routers register, and routes everything it documents', () => {
    const routers = [...moduleRouters(), ...platformRouters()];
    const drift = apiRouteDrift(routers);
    expect(drift.undocumented).toEqual([]);
    expect(drift.unrouted).toEqual([]);
    expect(registeredRoutes(routers).length).toBeGreaterThan(50);
  });

  it('is OpenAPI 3.1 with one error envelope and only catalogued codes', () => {
    const { document } = createApiDocs();
    expect(document.openapi).toBe('3.1.0');
    for (const [path, methods] of Object.entries(document.paths)) {
      expect(path).not.toMatch(/:/);
      for (const operation of Object.values(methods)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (Number(status) < 400) continue;
          const schema = (response.content as Record<string, { schema: { allOf: [{ $ref: string }, { properties: { error: { properties: { code: { enum: string[] } } } } }] } }>)['application/json']!.schema;
          expect(schema.allOf[0].$ref).toBe('#/components/schemas/Error');
          const codes = schema.allOf[1].properties.error.properties.code.enum;
          for (const code of codes) expect(errorCatalog[code as keyof typeof errorCatalog]?.status).toBe(Number(status));
        }
      }
    }
    expect(document['x-error-codes'].map((entry) => entry.code)).toEqual(Object.keys(errorCatalog));
  });

  it('takes request schemas from the routes\' own zod schemas', () => {
    const { document } = createApiDocs();
    const register = document.paths['/api/auth/register']!.post!;
    const schema = (register.requestBody!.content as Record<string, { schema: { required: string[]; properties: Record<string, unknown> } }>)['application/json']!.schema;
    expect(schema.required).toEqual(expect.arrayContaining(['email', 'password']));
    expect(register.security).toEqual([{ csrfHeader: [], csrfCookie: [] }]);
    expect(register['x-error-codes']).toEqual(expect.arrayContaining(['CSRF_FAILED', 'EMAIL_TAKEN', 'VALIDATION_FAILED', 'MALFORMED_JSON']));
    const draft = document.paths['/api/drafts/{id}']!.get!;
    expect(draft.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path', required: true, schema: expect.objectContaining({ format: 'uuid' }) })]));
    expect(Object.keys(draft.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '404', '500']));
  });

  it('lists each operation once', () => {
    const keys = apiOperations.map((operation) => `${operation.method} ${operation.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
