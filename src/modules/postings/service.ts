import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../../platform/errors.ts';
import type { Actor, EventStore } from '../../platform/event-store/index.ts';
import { sourcesStream, type SourceSpec } from './events.ts';
import { safeFetch, type FetchPolicy } from './fetch/safe-fetch.ts';
import { isUnusable, parsePostings, type PostingFormat } from './formats/parse-source.ts';
import { importPostings, type ImportReport } from './import-service.ts';
import { checkSource, sourcesOf, sourceUrl, type SourceEndpoints } from './sources.ts';

// Admin work on postings: configure sources, import a file, refresh every source now (the admin
// route and the Temporal schedule's activity both call `refreshAll`). One source failing never
// stops the others; its failure is part of the answer.

export type PostingsServiceDeps = { eventStore: EventStore; policy: FetchPolicy; endpoints: SourceEndpoints; maxRows: number; now(): Date };
export type SourceOutcome = { sourceKey: string; ok: true; report: ImportReport } | { sourceKey: string; ok: false; code: string; details?: unknown };

export function createPostingsService(deps: PostingsServiceDeps) {
  const { eventStore } = deps;
  const context = (actor: Actor, correlationId: string, commandId = randomUUID()) => ({ commandId, correlationId, actor, now: deps.now() });
  const sources = async () => sourcesOf(await eventStore.readStream(sourcesStream));
  const latestRevision = async () => (await eventStore.readStream(sourcesStream)).at(-1)?.streamPosition ?? 'no_stream';

  async function refreshOne(spec: SourceSpec, actor: Actor, correlationId: string): Promise<SourceOutcome> {
    try {
      const fetched = await safeFetch(sourceUrl(spec, deps.endpoints), deps.policy);
      const parsed = parsePostings(spec.kind, fetched.body.toString('utf8'), { company: spec.company, now: deps.now().toISOString(), maxRows: deps.maxRows });
      if (isUnusable(parsed)) return { sourceKey: spec.sourceKey, ok: false, code: 'SOURCE_UNREADABLE', details: { problems: parsed.rejected } };
      const report = await importPostings(eventStore, { sourceKey: spec.sourceKey, parsed, complete: true, actor, correlationId, now: deps.now() });
      return { sourceKey: spec.sourceKey, ok: true, report };
    } catch (error) {
      if (isAppError(error)) return { sourceKey: spec.sourceKey, ok: false, code: error.code, details: error.details };
      throw error;
    }
  }

  return {
    async listSources(): Promise<SourceSpec[]> {
      return [...(await sources()).values()];
    },

    async configureSource(actor: Actor, correlationId: string, spec: SourceSpec) {
      checkSource(spec, deps.endpoints, deps.policy);
      const known = (await sources()).get(spec.sourceKey);
      if (known && JSON.stringify(known) === JSON.stringify(spec)) return { changed: false };
      const written = await eventStore.append(sourcesStream, [{ type: 'PostingSourceConfigured', data: { ...spec, at: deps.now().toISOString() } }], {
        expectedRevision: await latestRevision(), command: context(actor, correlationId),
      });
      return { changed: true, position: written.position };
    },

    async removeSource(actor: Actor, correlationId: string, sourceKey: string) {
      if (!(await sources()).has(sourceKey)) throw new AppError('POSTING_SOURCE_NOT_FOUND');
      const written = await eventStore.append(sourcesStream, [{ type: 'PostingSourceRemoved', data: { sourceKey, at: deps.now().toISOString() } }], {
        expectedRevision: await latestRevision(), command: context(actor, correlationId),
      });
      return { position: written.position };
    },

    /** An admin's file: merged into the source (postings not in the file stay). Nothing is written when no row is usable. */
    async importFile(actor: Actor, correlationId: string, input: { sourceKey: string; format: PostingFormat; content: string; company: string | null }) {
      const parsed = parsePostings(input.format, input.content, { company: input.company, now: deps.now().toISOString(), maxRows: deps.maxRows });
      if (parsed.postings.length === 0) throw new AppError('IMPORT_UNUSABLE', { details: { rejected: parsed.rejected.slice(0, 200), rejectedTotal: parsed.rejected.length } });
      return importPostings(eventStore, { sourceKey: input.sourceKey, parsed, complete: false, actor, correlationId, now: deps.now() });
    },

    async refreshAll(actor: Actor, correlationId: string): Promise<SourceOutcome[]> {
      const outcomes: SourceOutcome[] = [];
      for (const spec of (await sources()).values()) outcomes.push(await refreshOne(spec, actor, correlationId));
      return outcomes;
    },
  };
}

export type PostingsService = ReturnType<typeof createPostingsService>;
