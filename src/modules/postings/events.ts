import { z } from 'zod';
import { defineEvent } from '../../platform/event-store/index.ts';
import { PostingFields } from './posting.ts';

// Every fact about job postings. (The issue calls this module "jobs"; in this code base `jobs` is
// the pipeline's work on a draft, so postings live here — the HTTP routes keep /api/jobs/search.)
//   `posting-sources`          the sources an admin configured
//   `postings-<sourceKey>`     the postings of one source, written in all-or-nothing batches
//   `posting-searches-<userId>`        a user's search history (appended, never decided on)
//   `posting-saved-searches-<userId>`  a user's saved searches

const at = z.iso.datetime({ offset: true });
export const SourceKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,60}$/, 'lower-case letters, digits and -');
export const SourceKind = z.enum(['greenhouse', 'lever', 'json', 'csv']);
export type SourceKind = z.infer<typeof SourceKind>;

/** Greenhouse and Lever name a board (token / company); json and csv name an allow-listed URL. */
export const SourceSpec = z.object({
  sourceKey: SourceKey,
  kind: SourceKind,
  company: z.string().trim().max(200).nullable(),
  board: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/).nullable(),
  url: z.url({ protocol: /^https?$/ }).max(2_000).nullable(),
});
export type SourceSpec = z.infer<typeof SourceSpec>;

export const PostingSourceConfigured = defineEvent('PostingSourceConfigured', SourceSpec.extend({ at }));
export const PostingSourceRemoved = defineEvent('PostingSourceRemoved', z.object({ sourceKey: SourceKey, at }));

const PostingRecord = PostingFields.extend({ postingId: z.uuid(), sourceKey: SourceKey, contentHash: z.string(), importId: z.uuid(), at });
export const PostingPublished = defineEvent('PostingPublished', PostingRecord);
export const PostingRevised = defineEvent('PostingRevised', PostingRecord);
export const PostingWithdrawn = defineEvent('PostingWithdrawn', z.object({ postingId: z.uuid(), sourceKey: SourceKey, externalId: z.string(), importId: z.uuid(), at }));
/** Closes every import batch: what was read, written and skipped (bad rows with their numbers). */
export const PostingsImportReported = defineEvent('PostingsImportReported', z.object({
  importId: z.uuid(),
  sourceKey: SourceKey,
  batch: z.number().int().min(1),
  batches: z.number().int().min(1),
  read: z.number().int().min(0),
  published: z.number().int().min(0),
  revised: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  withdrawn: z.number().int().min(0),
  rejected: z.array(z.object({ row: z.number().int().min(0), problems: z.array(z.string().max(300)).max(5) })).max(200),
  rejectedTotal: z.number().int().min(0),
  at,
}));

export const SearchQuery = z.object({
  keywords: z.string().trim().max(200).default(''),
  location: z.string().trim().max(120).default(''),
  remote: z.boolean().nullable().default(null),
  postedWithin: z.number().int().min(1).max(365).nullable().default(null),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const PostingSearchRecorded = defineEvent('PostingSearchRecorded', z.object({ searchId: z.uuid(), userId: z.uuid(), query: SearchQuery, results: z.number().int().min(0), at }));
export const PostingSearchSaved = defineEvent('PostingSearchSaved', z.object({ savedId: z.uuid(), userId: z.uuid(), name: z.string().trim().min(1).max(100), query: SearchQuery, at }));
export const SavedPostingSearchRemoved = defineEvent('SavedPostingSearchRemoved', z.object({ savedId: z.uuid(), userId: z.uuid(), at }));

export const postingEvents = [
  PostingSourceConfigured, PostingSourceRemoved, PostingPublished, PostingRevised, PostingWithdrawn, PostingsImportReported,
  PostingSearchRecorded, PostingSearchSaved, SavedPostingSearchRemoved,
] as const;

/** The data of each postings event type, for projections: `PostingEventData['PostingPublished']`. */
export type PostingEventData = { [D in (typeof postingEvents)[number] as D['type']]: z.output<D['schema']> };

export const sourcesStream = 'posting-sources';
export const postingsStream = (sourceKey: string) => `postings-${sourceKey}`;
export const searchesStream = (userId: string) => `posting-searches-${userId}`;
export const savedSearchesStream = (userId: string) => `posting-saved-searches-${userId}`;
