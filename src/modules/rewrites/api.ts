import { z } from 'zod';
import { defineOperations } from '../../platform/http/openapi/index.ts';
import { DecisionsBody, DraftParams } from './routes.ts';

// Deciding on a rewrite's bullet changes, in the OpenAPI document.

export const rewritesApi = defineOperations([
  {
    method: 'post', path: '/api/drafts/:id/rewrite/decisions', tag: 'results', access: 'caller', summary: 'Accept, reject or edit rewritten bullets',
    params: DraftParams, body: DecisionsBody, bodyRequired: true,
    response: { status: 200, description: 'Recorded.', schema: z.object({ position: z.number().int(), written: z.number().int() }) },
    errors: ['UNAUTHENTICATED', 'NOT_FOUND', 'REWRITE_NOT_FOUND', 'REWRITE_OUTDATED', 'REWRITE_CHANGE_NOT_FOUND', 'VALIDATION_FAILED', 'CONFLICT'],
  },
]);
