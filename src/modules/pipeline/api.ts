import { z } from 'zod';
import { defineOperations } from '../../platform/http/openapi/index.ts';
import { DraftParams } from './routes.ts';

// The pipeline's results for the draft page, in the OpenAPI document. The bodies are the engines'
// results (docs/analysis.md), documented as objects.

const tag = 'results';

export const pipelineApi = defineOperations([
  {
    method: 'get', path: '/api/drafts/:id/analysis', tag, access: 'caller', summary: 'The newest analysis of a draft', params: DraftParams,
    response: { status: 200, description: 'The analysis result.', schema: z.object({ jobId: z.string(), createdAt: z.string(), result: z.unknown() }) },
    errors: ['UNAUTHENTICATED', 'NOT_FOUND', 'ANALYSIS_NOT_FOUND', 'VALIDATION_FAILED', 'TIMEOUT'],
  },
  {
    method: 'get', path: '/api/drafts/:id/rewrite', tag, access: 'caller', summary: 'The newest rewrite of a draft with its review', params: DraftParams,
    response: { status: 200, description: 'The rewritten bullets and the decisions taken so far.', schema: z.object({ jobId: z.string(), createdAt: z.string(), critiques: z.unknown(), review: z.unknown() }) },
    errors: ['UNAUTHENTICATED', 'NOT_FOUND', 'REWRITE_NOT_FOUND', 'VALIDATION_FAILED', 'TIMEOUT'],
  },
]);
