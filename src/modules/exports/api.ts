import { z } from 'zod';
import { defineOperations } from '../../platform/http/openapi/index.ts';
import { IdParams } from './routes.ts';

// A person's exports in the OpenAPI document.

const tag = 'exports';
const ExportView = z.object({
  id: z.string(), draftId: z.string(), kind: z.string(), format: z.string(), template: z.string(), fileName: z.string(), bytes: z.number(),
  pages: z.number().nullable(), watermarked: z.boolean(), changesApplied: z.number(), createdAt: z.string(),
});

export const exportsApi = defineOperations([
  {
    method: 'get', path: '/api/exports/:id', tag, access: 'caller', summary: 'One export with a download link (15 minutes)', params: IdParams,
    response: { status: 200, description: 'The export and its link.', schema: ExportView.extend({ downloadUrl: z.string(), expiresAt: z.string() }) },
    errors: ['UNAUTHENTICATED', 'NOT_FOUND', 'VALIDATION_FAILED', 'FILE_NOT_FOUND', 'STORAGE_KEY_INVALID'],
  },
  {
    method: 'get', path: '/api/drafts/:id/exports', tag, access: 'caller', summary: 'The exports of a draft, newest first', params: IdParams,
    response: { status: 200, description: 'Up to 100 exports.', schema: z.object({ exports: z.array(ExportView) }) },
    errors: ['UNAUTHENTICATED', 'NOT_FOUND', 'VALIDATION_FAILED'],
  },
]);
