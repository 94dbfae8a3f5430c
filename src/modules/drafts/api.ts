import { z } from 'zod';
import type { ErrorCode } from '../../platform/errors.ts';
import { defineOperations } from '../../platform/http/openapi/index.ts';
import { ListParams } from './list-query.ts';
import { CreateBody, DraftParams, FormBody, PatchBody } from './routes.ts';

// /api/drafts and the local download route in the OpenAPI document (src/platform/http/openapi).
// Request schemas are the ones routes.ts validates with.

const tag = 'drafts';
const position = z.number().int();
const minPosition = { 'x-min-position': { schema: z.string().regex(/^\d{1,15}$/), description: 'Wait (bounded) until the read model has this position (from a write\'s answer).' } };
const DraftSummary = z.object({ id: z.string(), title: z.string().nullable(), status: z.string(), createdAt: z.string(), updatedAt: z.string() }).loose();
const draft = { status: 200, description: 'The draft with its job description and extracted résumé.', schema: DraftSummary };
/** Every refusal of an uploaded file (docs/extraction.md). */
const uploadRefusals: ErrorCode[] = [
  'UPLOAD_FIELD_MISSING', 'UPLOAD_MALFORMED', 'FILE_EMPTY', 'FILE_TOO_LARGE', 'UNSUPPORTED_FILE_TYPE', 'LEGACY_DOC_REFUSED', 'NOT_UTF8_TEXT',
  'TEXT_CONTAINS_NUL', 'FILE_CORRUPT', 'DOCX_MACROS_REFUSED', 'ARCHIVE_TOO_LARGE', 'ARCHIVE_TOO_MANY_ENTRIES', 'ARCHIVE_NESTED',
  'XML_ENTITIES_REFUSED', 'PDF_TOO_MANY_PAGES', 'PDF_ENCRYPTED', 'PDF_STREAM_TOO_LARGE',
];

export const draftsApi = defineOperations([
  {
    method: 'post', path: '/api/drafts', tag, access: 'caller', createsGuest: true, summary: 'Start a draft (a first-time visitor becomes a guest)',
    body: CreateBody,
    response: { status: 201, description: 'Created.', schema: z.object({ id: z.string(), position }) },
    errors: ['UNAUTHENTICATED', 'PLAN_UPGRADE_REQUIRED', 'CONFLICT'],
  },
  {
    method: 'get', path: '/api/drafts', tag, access: 'caller', summary: 'The caller\'s drafts, newest first, with status filter and search', query: ListParams, headers: minPosition,
    response: { status: 200, description: 'One page of drafts.', schema: z.object({ items: z.array(DraftSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }) },
    errors: ['UNAUTHENTICATED', 'BAD_REQUEST', 'TIMEOUT'],
  },
  {
    method: 'get', path: '/api/drafts/:id', tag, access: 'caller', summary: 'One draft', params: DraftParams, headers: minPosition,
    response: draft, errors: ['UNAUTHENTICATED', 'DRAFT_NOT_FOUND', 'BAD_REQUEST', 'TIMEOUT'],
  },
  {
    method: 'patch', path: '/api/drafts/:id', tag, access: 'caller', summary: 'Change the title, the job description or the status', params: DraftParams, body: PatchBody,
    response: { status: 200, description: 'The change\'s position.', schema: z.object({ position }).loose() },
    errors: ['UNAUTHENTICATED', 'DRAFT_NOT_FOUND', 'DRAFT_FINALIZED', 'DRAFT_STATUS_INVALID', 'RESUME_REQUIRED', 'CONFLICT'],
  },
  {
    method: 'put', path: '/api/drafts/:id/form', tag, access: 'caller', summary: 'Save the general résumé form of a GENERAL draft', params: DraftParams, body: FormBody, bodyRequired: true,
    response: { status: 200, description: 'Saved.', schema: z.object({ position }).loose() },
    errors: ['UNAUTHENTICATED', 'DRAFT_NOT_FOUND', 'DRAFT_FINALIZED', 'DRAFT_SOURCE_MISMATCH', 'PLAN_UPGRADE_REQUIRED', 'CONFLICT'],
  },
  {
    method: 'delete', path: '/api/drafts/:id', tag, access: 'caller', summary: 'Delete a draft', params: DraftParams,
    response: { status: 204, description: 'Deleted.' }, errors: ['UNAUTHENTICATED', 'DRAFT_NOT_FOUND', 'CONFLICT'],
  },
  {
    method: 'post', path: '/api/drafts/:id/resume', tag, access: 'caller', summary: 'Upload the résumé file (PDF, DOCX, TXT or Markdown)', params: DraftParams,
    body: {
      contentType: 'multipart/form-data', description: 'One file in the `file` field; its bytes decide the type, never its name.',
      schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } } },
    },
    response: { status: 201, description: 'Stored; extraction runs next.', schema: z.object({ position }).loose() },
    errors: ['UNAUTHENTICATED', 'DRAFT_NOT_FOUND', 'DRAFT_FINALIZED', 'DRAFT_SOURCE_MISMATCH', 'CONFLICT', 'STORAGE_UNAVAILABLE', ...uploadRefusals],
  },
  {
    method: 'get', path: '/api/drafts/:id/resume', tag, access: 'caller', summary: 'A short-lived download link to the uploaded résumé', params: DraftParams, headers: minPosition,
    response: { status: 200, description: 'The link.', schema: z.object({ url: z.string(), expiresAt: z.string() }) },
    errors: ['UNAUTHENTICATED', 'DRAFT_NOT_FOUND', 'FILE_NOT_FOUND', 'BAD_REQUEST', 'TIMEOUT'],
  },
  {
    method: 'get', path: '/api/files/:token', tag, access: 'public', summary: 'Download a stored file by its signed link (local storage)',
    description: 'The signed token is the whole authorisation. S3 storage hands out presigned S3 links instead.',
    response: { status: 200, description: 'The file, as an attachment.', contentType: '*/*', schema: { type: 'string' } },
    errors: ['DOWNLOAD_LINK_INVALID', 'DOWNLOAD_LINK_EXPIRED', 'FILE_NOT_FOUND', 'STORAGE_KEY_INVALID'],
  },
]);
