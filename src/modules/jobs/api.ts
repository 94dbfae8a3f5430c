import { z } from 'zod';
import type { ErrorCode } from '../../platform/errors.ts';
import { defineOperations, type ApiOperation } from '../../platform/http/openapi/index.ts';
import { DraftParams, FinalizeBody, idempotencyKey, JobParams } from './routes.ts';

// Work on a draft (analysis, rewrite, finalize) and following a job, in the OpenAPI document.

const tag = 'jobs';
const JobView = z.object({
  id: z.string(), draftId: z.string(), kind: z.string(), status: z.string(), currentStep: z.string().nullable(), attempts: z.number().int(),
  errorCode: z.string().nullable(), steps: z.record(z.string(), z.unknown()), refundDue: z.boolean(), position: z.number().int(), createdAt: z.string(), updatedAt: z.string(),
});
const Started = z.object({ jobId: z.string(), position: z.number().int(), reused: z.boolean() });
/** What the API's admission (src/bin/api.ts) refuses before a job is queued. */
const admission: ErrorCode[] = ['RESUME_REQUIRED', 'JOB_DESCRIPTION_REQUIRED', 'PAYMENT_REQUIRED', 'FREE_ANALYSIS_USED', 'PLAN_UPGRADE_REQUIRED', 'REWRITE_COOLDOWN', 'REWRITE_QUOTA_USED'];
const start = (path: string, summary: string, extra: Partial<ApiOperation> = {}): ApiOperation => ({
  method: 'post', path, tag, access: 'caller', summary, params: DraftParams,
  headers: { 'idempotency-key': { schema: idempotencyKey, description: 'Repeating a request with the same key answers the same job (`reused: true`).' } },
  response: { status: 202, description: 'Queued; follow it at Location (GET /api/jobs/{id}).', schema: Started, headers: { location: { description: 'The job.', schema: { type: 'string' } } } },
  errors: ['UNAUTHENTICATED', 'NOT_FOUND', 'VALIDATION_FAILED', 'IDEMPOTENCY_KEY_REUSED', 'CONFLICT', 'TIMEOUT', ...admission],
  ...extra,
});

export const jobsApi = defineOperations([
  start('/api/drafts/:id/analyses', 'Start the analysis (score, keywords, ATS warnings)'),
  start('/api/drafts/:id/rewrite', 'Rewrite weak bullets (quota and cooldown apply)'),
  start('/api/drafts/:id/finalize', 'Export the finished résumé as PDF or DOCX', { body: FinalizeBody }),
  start('/api/drafts/:id/cover-letter/export', 'Export the saved cover letter as PDF or DOCX (the draft stays open)', {
    body: FinalizeBody,
    errors: ['UNAUTHENTICATED', 'NOT_FOUND', 'VALIDATION_FAILED', 'IDEMPOTENCY_KEY_REUSED', 'CONFLICT', 'TIMEOUT', 'COVER_LETTER_NOT_FOUND'],
  }),
  {
    method: 'get', path: '/api/drafts/:id/jobs', tag, access: 'caller', summary: 'The jobs of a draft', params: DraftParams,
    response: { status: 200, description: 'Newest first.', schema: z.object({ jobs: z.array(JobView) }) }, errors: ['UNAUTHENTICATED', 'VALIDATION_FAILED'],
  },
  {
    method: 'get', path: '/api/jobs/:id', tag, access: 'caller', summary: 'One job: status, current step, error code', params: JobParams,
    response: { status: 200, description: 'The job.', schema: JobView }, errors: ['UNAUTHENTICATED', 'NOT_FOUND', 'VALIDATION_FAILED', 'TIMEOUT'],
  },
  {
    method: 'get', path: '/api/jobs/:id/stream', tag, access: 'caller', summary: 'The job\'s changes as server-sent events until it ends', params: JobParams,
    response: { status: 200, description: 'An event stream: one `job` event per change.', contentType: 'text/event-stream', schema: { type: 'string' } },
    errors: ['UNAUTHENTICATED', 'NOT_FOUND', 'VALIDATION_FAILED', 'TIMEOUT'],
    notFuzzedBecause: 'a server-sent event stream stays open until its job ends',
  },
]);
