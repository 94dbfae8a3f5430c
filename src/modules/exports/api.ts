import { z } from 'zod';
import { defineOperations } from '../../platform/http/openapi/index.ts';
import { maxLetterLength } from './cover-letter.ts';
import { IdParams } from './routes.ts';

// A person's exports in the OpenAPI document.

const tag = 'exports';
const ExportView = z.object({
  id: z.string(), draftId: z.string(), kind: z.string(), format: z.string(), template: z.string(), fileName: z.string(), bytes: z.number(),
  pages: z.number().nullable(), watermarked: z.boolean(), changesApplied: z.number(), createdAt: z.string(),
});

const SavedLetter = z.object({ text: z.string(), source: z.enum(['edited', 'generated']), savedAt: z.string() });
const FinalResumeView = z.object({
  name: z.string().nullable(), contactLine: z.array(z.string()), links: z.array(z.string()),
  sections: z.array(z.object({
    kind: z.string(), heading: z.string(),
    body: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('entries'), entries: z.array(z.object({ heading: z.string(), dates: z.string().nullable(), bullets: z.array(z.string()) })) }),
      z.object({ kind: z.literal('list'), items: z.array(z.string()) }),
      z.object({ kind: z.literal('lines'), lines: z.array(z.string()) }),
    ]),
  })),
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
  {
    method: 'get', path: '/api/drafts/:id/cover-letter', tag, access: 'caller', summary: 'The cover letter saved on a draft (null: never saved)', params: IdParams,
    response: { status: 200, description: 'The saved letter, or null.', schema: z.object({ letter: SavedLetter.nullable() }) },
    errors: ['UNAUTHENTICATED', 'NOT_FOUND', 'VALIDATION_FAILED'],
  },
  {
    method: 'put', path: '/api/drafts/:id/cover-letter', tag, access: 'caller', summary: 'Save the edited cover letter (cleaned; the same text again writes nothing)',
    params: IdParams, body: z.object({ text: z.string().min(1).max(maxLetterLength * 2) }),
    response: { status: 200, description: 'The letter as saved.', schema: z.object({ text: z.string(), saved: z.boolean(), position: z.number().int().nullable() }) },
    errors: ['UNAUTHENTICATED', 'NOT_FOUND', 'VALIDATION_FAILED', 'CONFLICT'],
  },
  {
    method: 'get', path: '/api/drafts/:id/final-resume', tag, access: 'caller', summary: 'The final résumé as the export draws it (the preview)', params: IdParams,
    response: { status: 200, description: 'Sections with the accepted changes applied.', schema: z.object({ resume: FinalResumeView, changesApplied: z.number().int() }) },
    errors: ['UNAUTHENTICATED', 'NOT_FOUND', 'VALIDATION_FAILED', 'RESUME_REQUIRED'],
  },
]);
