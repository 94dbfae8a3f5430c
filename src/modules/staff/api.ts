import { z } from 'zod';
import { defineOperations } from '../../platform/http/openapi/index.ts';
import { FlagName } from './events.ts';
import { JobFilter } from './overview.ts';
import { DraftParams, FlagBody, Lookup, PlanBody } from './routes.ts';

// /api/support (SUPPORT or ADMIN) and /api/admin (ADMIN) in the OpenAPI document (docs/staff.md).

const tag = 'staff';
const IdParams = DraftParams;

export const staffApi = defineOperations([
  {
    method: 'get', path: '/api/support/users', tag, access: 'support', summary: 'Find a user by e-mail or id, with their drafts', query: Lookup,
    response: { status: 200, description: 'The profile and up to 100 drafts.', schema: z.object({ user: z.object({ id: z.string() }).loose(), drafts: z.array(z.object({ id: z.string() }).loose()) }) },
    errors: ['NOT_FOUND'],
  },
  {
    method: 'get', path: '/api/support/drafts/:id/timeline', tag, access: 'support', summary: 'A draft\'s events, personal data redacted', params: IdParams,
    response: { status: 200, description: 'The timeline.', schema: z.object({ draftId: z.string(), events: z.array(z.unknown()) }) }, errors: ['VALIDATION_FAILED'],
  },
  {
    method: 'get', path: '/api/support/drafts/:id/workflow', tag, access: 'support', summary: 'The draft workflow\'s history in Temporal', params: IdParams,
    response: { status: 200, description: 'A summary of the history.', schema: z.object({ workflowId: z.string(), temporalUi: z.string().nullable(), history: z.array(z.unknown()) }) },
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'NOT_READY'],
  },
  {
    method: 'post', path: '/api/support/drafts/:id/workflow/replay', tag, access: 'support', summary: 'Replay the workflow\'s history against today\'s code', params: IdParams,
    response: { status: 200, description: 'Whether the replay was deterministic.', schema: z.object({ workflowId: z.string(), deterministic: z.boolean(), error: z.string().optional() }) },
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'NOT_READY'],
  },
  {
    method: 'get', path: '/api/support/drafts/:id/bundle', tag, access: 'support', summary: 'A support bundle: events and workflow history as one JSON attachment', params: IdParams,
    response: { status: 200, description: 'The bundle.', schema: z.object({ draftId: z.string(), generatedAt: z.string(), generatedBy: z.string(), events: z.array(z.unknown()), workflowHistory: z.unknown() }) },
    errors: ['VALIDATION_FAILED'],
  },
  {
    method: 'post', path: '/api/support/projections/:name/rebuild', tag, access: 'support', summary: 'Rebuild one read model from the events',
    params: z.object({ name: z.string().max(100) }),
    response: { status: 202, description: 'Rebuilding.', schema: z.object({ projection: z.string(), rebuilding: z.literal(true) }) }, errors: ['NOT_FOUND'],
  },
  {
    method: 'get', path: '/api/admin/overview', tag, access: 'admin', summary: 'Users, drafts by status, jobs and revenue of the last 14 days',
    response: { status: 200, description: 'The figures.', schema: z.object({}).loose() }, errors: [],
  },
  {
    method: 'get', path: '/api/admin/jobs', tag, access: 'admin', summary: 'Jobs by status, step and error code', query: JobFilter,
    response: { status: 200, description: 'One page of jobs.', schema: z.object({}).loose() }, errors: [],
  },
  {
    method: 'post', path: '/api/admin/jobs/:id/retry', tag, access: 'admin', summary: 'Retry a failed job', params: IdParams,
    response: { status: 202, description: 'Retrying.', schema: z.object({ jobId: z.string(), position: z.number().int() }) },
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'JOB_NOT_FAILED', 'CONFLICT'],
  },
  {
    method: 'post', path: '/api/admin/users/:id/plan', tag, access: 'admin', summary: 'Change a user\'s plan, with a reason', params: IdParams, body: PlanBody, bodyRequired: true,
    response: { status: 200, description: 'Changed.', schema: z.object({ userId: z.string(), plan: z.string(), position: z.number().int() }) },
    errors: ['NOT_FOUND', 'CONFLICT'],
  },
  {
    method: 'get', path: '/api/admin/flags', tag, access: 'admin', summary: 'The feature flags',
    response: { status: 200, description: 'Every flag and its value.', schema: z.object({ flags: z.record(z.string(), z.unknown()) }) }, errors: [],
  },
  {
    method: 'put', path: '/api/admin/flags/:flag', tag, access: 'admin', summary: 'Set a feature flag, with a reason', params: z.object({ flag: FlagName }), body: FlagBody, bodyRequired: true,
    response: { status: 200, description: 'The new flags.', schema: z.object({ position: z.number().int(), flags: z.record(z.string(), z.unknown()) }) },
    errors: ['NOT_FOUND', 'CONFLICT'],
  },
]);
