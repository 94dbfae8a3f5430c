import { readFileSync } from 'node:fs';
import { accountsApi } from '../modules/accounts/index.ts';
import { applicationsApi } from '../modules/applications/index.ts';
import { draftsApi } from '../modules/drafts/index.ts';
import { exportsApi } from '../modules/exports/index.ts';
import { jobsApi } from '../modules/jobs/index.ts';
import { notificationsApi } from '../modules/notifications/index.ts';
import { paymentsApi } from '../modules/payments/index.ts';
import { pipelineApi } from '../modules/pipeline/index.ts';
import { postingsApi } from '../modules/postings/index.ts';
import { rewritesApi } from '../modules/rewrites/index.ts';
import { staffApi } from '../modules/staff/index.ts';
import { createOpenApiRouter, platformApi, routeDrift, type ApiOperation, type OpenApiDocument } from '../platform/http/openapi/index.ts';
import type { Router } from '../platform/http/index.ts';

// Every operation the API serves, in the order the docs page shows them, and the router that
// serves the OpenAPI document (/api/openapi.json) and its page (/api/docs). api-docs.unit.spec.ts
// holds this list against the routers the modules register, in both directions.

export const apiOperations: readonly ApiOperation[] = [
  ...accountsApi, ...draftsApi, ...jobsApi, ...pipelineApi, ...rewritesApi, ...exportsApi, ...paymentsApi,
  ...postingsApi, ...applicationsApi, ...notificationsApi, ...staffApi, ...platformApi,
];

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export function createApiDocs(): { router: Router; document: OpenApiDocument } {
  return createOpenApiRouter(apiOperations, {
    title: 'Résumé coach API',
    version,
    description: 'Upload a résumé, match it to a job, get a score, ATS warnings, rewrites and a polished export.',
  });
}

/** Routes the mounted routers answer that the document does not list (logged at start-up), and the reverse. */
export function apiRouteDrift(routers: readonly Router[]) {
  return routeDrift(routers, apiOperations);
}
