import { sql, type DatabaseTransactionConnection } from 'slonik';
import { z } from 'zod';
import { defineProjection, type Projection } from '../../projections/index.ts';
import type { FileStorage } from '../files/index.ts';
import type { ExportCreatedData } from './events.ts';

// A deleted draft's exported files do not outlive it. A subscriber with its own checkpoint, run by
// the projector like the dispatcher: it keeps which stored object belongs to which draft, and on
// DraftDeleted removes the objects from storage (local folder or S3). An export that finishes
// after the draft was deleted (its step was already running) is removed as soon as it is recorded.
// Removal is idempotent (deleting a missing key succeeds), and a storage failure fails the batch,
// so the projector retries it with back-off until the objects are gone: nothing is skipped. A
// download link handed out before then answers 404 once the object is gone (FILE_NOT_FOUND for the
// local signed link, NoSuchKey for an S3 presigned one); `GET /api/exports/:id` is 404 already
// (the exports read model drops a deleted draft's rows).

export type CleanupLog = { info(details: Record<string, unknown>, message: string): void };

const keyRow = z.object({ export_id: z.string(), storage_key: z.string() });

export function exportCleanupProjection(deps: { storage: FileStorage; log?: CleanupLog }): Projection {
  const remove = async (tx: DatabaseTransactionConnection, draftId: string) => {
    const files = await tx.any(sql.type(keyRow)`
      select export_id, storage_key from export_files where draft_id = ${draftId} and removed_at is null`);
    for (const file of files) await deps.storage.delete(file.storage_key);
    if (files.length > 0) {
      await tx.query(sql.unsafe`update export_files set removed_at = now() where draft_id = ${draftId} and removed_at is null`);
      deps.log?.info({ draftId, files: files.length }, 'exported files of a deleted draft removed');
    }
  };
  return defineProjection({
    name: 'export-files',
    version: 1,
    tables: ['export_files', 'export_files_deleted_drafts'],
    migration: `
      create table if not exists export_files (
        export_id uuid primary key,
        draft_id uuid not null,
        storage_key text not null,
        removed_at timestamptz
      );
      create index if not exists export_files_by_draft_idx on export_files (draft_id);
      create table if not exists export_files_deleted_drafts (
        draft_id uuid primary key,
        deleted_at timestamptz not null
      );
    `,
    on: {
      ExportCreated: async (tx, event) => {
        const d = event.data as ExportCreatedData;
        await tx.query(sql.unsafe`
          insert into export_files (export_id, draft_id, storage_key) values (${d.exportId}, ${d.draftId}, ${d.storageKey})
          on conflict (export_id) do nothing`);
        const deleted = await tx.exists(sql.unsafe`select 1 from export_files_deleted_drafts where draft_id = ${d.draftId}`);
        if (deleted) await remove(tx, d.draftId);
      },
      DraftDeleted: async (tx, event) => {
        const { draftId, at } = event.data as { draftId: string; at: string };
        await tx.query(sql.unsafe`
          insert into export_files_deleted_drafts (draft_id, deleted_at) values (${draftId}, ${at}) on conflict (draft_id) do nothing`);
        await remove(tx, draftId);
      },
    },
  });
}
