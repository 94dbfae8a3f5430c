import { z } from 'zod';
import { defineOperations } from '../../platform/http/openapi/index.ts';
import { ListParams } from './queries.ts';
import { CreateBody, Id, ImportBody, PatchBody } from './routes.ts';

// /api/applications (a signed-in user's tracker) in the OpenAPI document.

const tag = 'applications';
const ApplicationView = z.object({
  id: z.string(), company: z.string(), role: z.string(), postingUrl: z.string().nullable(), postingId: z.string().nullable(), draftId: z.string().nullable(),
  notes: z.string(), status: z.string(), appliedOn: z.string().nullable(), followUpDueAt: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
});
const Page = z.object({ items: z.array(ApplicationView), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
const position = z.number().int();

export const applicationsApi = defineOperations([
  {
    method: 'get', path: '/api/applications', tag, access: 'user', summary: 'The user\'s applications, filtered and searched', query: ListParams,
    response: { status: 200, description: 'One page.', schema: Page }, errors: [],
  },
  {
    method: 'get', path: '/api/applications/export.csv', tag, access: 'user', summary: 'All applications (up to 500) as CSV', query: ListParams.omit({ page: true, pageSize: true }),
    response: { status: 200, description: 'A CSV attachment.', contentType: 'text/csv', schema: { type: 'string' } }, errors: [],
  },
  {
    method: 'post', path: '/api/applications/import', tag, access: 'user', summary: 'Import applications from CSV text', body: ImportBody, bodyRequired: true,
    response: { status: 200, description: 'What was imported and the rows refused.', schema: z.object({ imported: z.number().int(), ids: z.array(z.string()), errors: z.array(z.unknown()) }) },
    errors: ['DRAFT_NOT_FOUND', 'CONFLICT'],
  },
  {
    method: 'post', path: '/api/applications', tag, access: 'user', summary: 'Track an application', body: CreateBody, bodyRequired: true,
    response: { status: 201, description: 'Created.', schema: z.object({ id: z.string(), position }) }, errors: ['DRAFT_NOT_FOUND', 'CONFLICT'],
  },
  {
    method: 'get', path: '/api/applications/:id', tag, access: 'user', summary: 'One application', params: Id,
    response: { status: 200, description: 'The application.', schema: ApplicationView }, errors: ['APPLICATION_NOT_FOUND'],
  },
  {
    method: 'get', path: '/api/applications/:id/history', tag, access: 'user', summary: 'An application\'s status changes', params: Id,
    response: { status: 200, description: 'Oldest first.', schema: z.object({ items: z.array(z.object({ from: z.string().nullable(), to: z.string(), at: z.string() })) }) },
    errors: ['APPLICATION_NOT_FOUND'],
  },
  {
    method: 'patch', path: '/api/applications/:id', tag, access: 'user', summary: 'Edit an application or move it to another status', params: Id, body: PatchBody,
    response: { status: 200, description: 'The last change\'s position (null when nothing changed).', schema: z.object({ position: position.nullable() }) },
    errors: ['APPLICATION_NOT_FOUND', 'DRAFT_NOT_FOUND', 'CONFLICT'],
  },
  {
    method: 'delete', path: '/api/applications/:id', tag, access: 'user', summary: 'Delete an application', params: Id,
    response: { status: 204, description: 'Deleted.' }, errors: ['APPLICATION_NOT_FOUND', 'CONFLICT'],
  },
]);
