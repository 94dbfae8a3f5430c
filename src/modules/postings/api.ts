import { z } from 'zod';
import { defineOperations } from '../../platform/http/openapi/index.ts';
import { SourceKey } from './events.ts';
import { BestBody, Id, ImportBody, SaveBody, SearchBody, SourceBody } from './routes.ts';

// Job postings, their searches and sources, in the OpenAPI document (docs/postings.md).

const tag = 'postings';
const position = z.number().int();
const SourceParams = z.object({ key: SourceKey });
const Hits = z.object({ items: z.array(z.object({ id: z.string() }).loose()) }).loose();

export const postingsApi = defineOperations([
  {
    method: 'post', path: '/api/jobs/search', tag, access: 'caller', summary: 'Search job postings (a user\'s first page is kept as history)', body: SearchBody,
    response: { status: 200, description: 'One page of postings.', schema: Hits.extend({ total: z.number().int() }) }, errors: [],
  },
  {
    method: 'post', path: '/api/jobs/refresh', tag, access: 'admin', summary: 'Fetch every configured source now',
    response: { status: 200, description: 'What each source gave.', schema: z.object({ sources: z.array(z.unknown()) }) }, errors: ['CONFLICT'],
    notFuzzedBecause: 'it fetches every configured board from the internet (Greenhouse, Lever, allow-listed URLs)',
  },
  {
    method: 'get', path: '/api/postings/searches', tag, access: 'user', summary: 'The user\'s recent searches',
    response: { status: 200, description: 'Newest first.', schema: z.object({ items: z.array(z.object({ id: z.string(), query: z.unknown(), results: z.number().int(), at: z.string() })) }) }, errors: [],
  },
  {
    method: 'get', path: '/api/postings/saved-searches', tag, access: 'user', summary: 'The user\'s saved searches',
    response: { status: 200, description: 'Saved searches.', schema: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), query: z.unknown(), at: z.string() })) }) }, errors: [],
  },
  {
    method: 'post', path: '/api/postings/saved-searches', tag, access: 'user', summary: 'Save a search', body: SaveBody, bodyRequired: true,
    response: { status: 201, description: 'Saved.', schema: z.object({ id: z.string(), position }) }, errors: ['CONFLICT'],
  },
  {
    method: 'delete', path: '/api/postings/saved-searches/:id', tag, access: 'user', summary: 'Remove a saved search', params: Id,
    response: { status: 204, description: 'Removed.' }, errors: ['SAVED_SEARCH_NOT_FOUND', 'CONFLICT'],
  },
  {
    method: 'get', path: '/api/postings/sources', tag, access: 'admin', summary: 'The configured postings sources',
    response: { status: 200, description: 'Sources.', schema: z.object({ sources: z.array(z.object({ sourceKey: z.string(), kind: z.string() }).loose()) }) }, errors: [],
  },
  {
    method: 'put', path: '/api/postings/sources/:key', tag, access: 'admin', summary: 'Configure a source (Greenhouse or Lever board, or an allow-listed URL)',
    params: SourceParams, body: SourceBody, bodyRequired: true,
    response: { status: 200, description: 'Configured.', schema: z.object({ position }).loose() }, errors: ['VALIDATION_FAILED', 'SOURCE_FETCH_REFUSED', 'CONFLICT'],
  },
  {
    method: 'delete', path: '/api/postings/sources/:key', tag, access: 'admin', summary: 'Remove a source', params: SourceParams,
    response: { status: 204, description: 'Removed.' }, errors: ['VALIDATION_FAILED', 'POSTING_SOURCE_NOT_FOUND', 'CONFLICT'],
  },
  {
    method: 'post', path: '/api/postings/import', tag, access: 'admin', summary: 'Import postings from a JSON, CSV, Greenhouse or Lever file', body: ImportBody, bodyRequired: true,
    response: { status: 200, description: 'What was imported and rejected.', schema: z.object({}).loose() }, errors: ['IMPORT_UNUSABLE', 'CONFLICT'],
  },
  {
    method: 'post', path: '/api/postings/best', tag, access: 'caller', summary: 'Postings that best match a draft\'s résumé', body: BestBody, bodyRequired: true,
    response: { status: 200, description: 'Postings with a match score.', schema: Hits.extend({ draftId: z.string() }) },
    errors: ['UNAUTHENTICATED', 'DRAFT_NOT_FOUND', 'RESUME_TEXT_REQUIRED'],
  },
  {
    method: 'get', path: '/api/postings/:id', tag, access: 'public', summary: 'One posting', params: Id,
    response: { status: 200, description: 'The posting.', schema: z.object({ id: z.string() }).loose() }, errors: ['POSTING_NOT_FOUND'],
  },
  {
    method: 'post', path: '/api/postings/:id/draft', tag, access: 'caller', createsGuest: true, summary: 'Start a draft aimed at a posting', params: Id,
    response: { status: 201, description: 'Created.', schema: z.object({ id: z.string(), position }) }, errors: ['UNAUTHENTICATED', 'POSTING_NOT_FOUND', 'CONFLICT'],
  },
]);
