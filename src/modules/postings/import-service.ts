import { randomUUID } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';
import { WrongExpectedRevisionError, type Actor, type EventStore, type ExpectedRevision, type NewEvent } from '../../platform/event-store/index.ts';
import { postingsStream } from './events.ts';
import { decideImport, sourceStateOf } from './import-decider.ts';
import type { ParsedSource } from './posting.ts';

// Writes an import to the source's stream. Each batch is one append — its postings and the report
// that closes it — so a batch is stored whole or not at all, never half. An import with more
// changes than one append can hold (the store's limit is 500 events) is written as several
// batches in order; should one fail, the earlier ones stand and running the import again
// completes it (unchanged postings write nothing).

export const changesPerBatch = 450;

export type ImportReport = {
  importId: string;
  sourceKey: string;
  read: number;
  published: number;
  revised: number;
  unchanged: number;
  withdrawn: number;
  rejected: ParsedSource['rejected'];
  batches: number;
  position: number;
};

export async function importPostings(
  eventStore: EventStore,
  input: { sourceKey: string; parsed: ParsedSource; complete: boolean; actor: Actor; correlationId: string; now: Date },
): Promise<ImportReport> {
  const importId = randomUUID();
  const at = input.now.toISOString();
  const stream = postingsStream(input.sourceKey);
  for (let attempt = 1; ; attempt += 1) {
    const history = await eventStore.readStream(stream);
    const { changes, unchanged } = decideImport(sourceStateOf(history), { sourceKey: input.sourceKey, importId, at, postings: input.parsed.postings, complete: input.complete });
    const count = (type: string) => changes.filter((c) => c.type === type).length;
    const batches = Math.max(1, Math.ceil(changes.length / changesPerBatch));
    let expected: ExpectedRevision = history.length > 0 ? history[history.length - 1]!.streamPosition : 'no_stream';
    let position = history[history.length - 1]?.position ?? 0;
    try {
      for (let batch = 1; batch <= batches; batch += 1) {
        const slice = changes.slice((batch - 1) * changesPerBatch, batch * changesPerBatch);
        const report: NewEvent = {
          type: 'PostingsImportReported',
          data: {
            importId, sourceKey: input.sourceKey, batch, batches, read: input.parsed.postings.length + input.parsed.rejected.length,
            published: slice.filter((c) => c.type === 'PostingPublished').length, revised: slice.filter((c) => c.type === 'PostingRevised').length,
            unchanged: batch === 1 ? unchanged : 0, withdrawn: slice.filter((c) => c.type === 'PostingWithdrawn').length,
            rejected: batch === 1 ? input.parsed.rejected.slice(0, 200) : [], rejectedTotal: batch === 1 ? input.parsed.rejected.length : 0, at,
          },
        };
        const written = await eventStore.append(stream, [...slice, report], {
          expectedRevision: expected,
          command: { commandId: `${importId}:${batch}`, correlationId: input.correlationId, actor: input.actor, now: input.now },
        });
        expected = written.nextExpectedRevision;
        position = written.position;
      }
    } catch (error) {
      // Another import of the same source got in first: decide again against what it wrote.
      if (error instanceof WrongExpectedRevisionError && attempt < 3) continue;
      if (error instanceof WrongExpectedRevisionError) throw new AppError('CONFLICT', { cause: error });
      throw error;
    }
    return {
      importId, sourceKey: input.sourceKey, read: input.parsed.postings.length + input.parsed.rejected.length,
      published: count('PostingPublished'), revised: count('PostingRevised'), unchanged, withdrawn: count('PostingWithdrawn'),
      rejected: input.parsed.rejected, batches, position,
    };
  }
}
