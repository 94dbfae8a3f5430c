import { AppError } from '../../platform/errors.ts';
import type { EventStore } from '../../platform/event-store/index.ts';
import type { DownloadLink, FileStorage } from '../files/index.ts';
import type { DraftOwner } from './events.ts';
import type { ListParams } from './list-query.ts';
import type { DraftReadModels } from './read-models.ts';
import { draftView, summaryView } from './views.ts';

// The drafts' queries, answered from the read model only. A client that just wrote passes the
// position it got back (`x-min-position`) and the query waits, bounded, until the projection has
// caught up with it (read-your-writes).

export const draftProjections = ['drafts'] as const;

export type DraftQueriesDeps = {
  readModels: DraftReadModels;
  storage: FileStorage;
  eventStore: EventStore;
  waitForPosition(projections: readonly string[], position: number): Promise<boolean>;
  downloadExpirySeconds: number;
};

export function createDraftQueries(deps: DraftQueriesDeps) {
  const { readModels } = deps;
  const caughtUp = async (minPosition: number | undefined) => {
    if (minPosition !== undefined) await deps.waitForPosition(draftProjections, minPosition);
  };
  /** A row not there may be one written a moment ago: wait once for what is written now, then look again. */
  async function found<T>(lookUp: () => Promise<T | null>): Promise<T> {
    let row = await lookUp();
    if (!row) {
      await deps.waitForPosition(draftProjections, await deps.eventStore.headPosition());
      row = await lookUp();
    }
    if (!row) throw new AppError('DRAFT_NOT_FOUND');
    return row;
  }

  return {
    async list(owner: DraftOwner, params: ListParams, minPosition?: number) {
      await caughtUp(minPosition);
      const { rows, total } = await readModels.list(owner, params);
      return { items: rows.map(summaryView), total, page: params.page, pageSize: params.pageSize };
    },

    async get(owner: DraftOwner, draftId: string, minPosition?: number) {
      await caughtUp(minPosition);
      return draftView(await found(() => readModels.get(owner, draftId)));
    },

    /** A short-lived link to the stored résumé, saved under its display name. */
    async resumeLink(owner: DraftOwner, draftId: string, minPosition?: number): Promise<DownloadLink> {
      await caughtUp(minPosition);
      const file = await found(() => readModels.resumeFile(owner, draftId));
      if (!file.resume_storage_key || !file.resume_display_name) throw new AppError('FILE_NOT_FOUND');
      return deps.storage.downloadUrl(file.resume_storage_key, { fileName: file.resume_display_name, expiresInSeconds: deps.downloadExpirySeconds });
    },
  };
}

export type DraftQueries = ReturnType<typeof createDraftQueries>;
