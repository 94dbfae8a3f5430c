import { sql } from 'slonik';
import type { ExportCreatedData, SavedCoverLetter } from '../modules/exports/index.ts';
import { defineProjection } from './define-projection.ts';

// The files a person exported, per draft, and the cover letter they saved for it. Owner checks
// happen against the draft (a guest's draft claimed by a user keeps its exports); the storage key
// never leaves the API.

export const exportsProjection = defineProjection({
  name: 'exports',
  version: 2,
  tables: ['exports', 'exports_cover_letters'],
  migration: `
    create table if not exists exports (
      export_id uuid primary key,
      draft_id uuid not null,
      kind text not null,
      format text not null,
      template text not null,
      storage_key text not null,
      file_name text not null,
      bytes integer not null,
      pages integer,
      watermarked boolean not null,
      changes_applied integer not null,
      position bigint not null,
      created_at timestamptz not null
    );
    create index if not exists exports_by_draft_idx on exports (draft_id, created_at desc);
    create table if not exists exports_cover_letters (
      draft_id uuid primary key,
      text text not null,
      source text not null,
      position bigint not null,
      saved_at timestamptz not null
    );
  `,
  on: {
    ExportCreated: async (tx, event) => {
      const d = event.data as ExportCreatedData;
      await tx.query(sql.unsafe`
        insert into exports (export_id, draft_id, kind, format, template, storage_key, file_name, bytes, pages, watermarked, changes_applied, position, created_at)
        values (${d.exportId}, ${d.draftId}, ${d.kind}, ${d.format}, ${d.template}, ${d.storageKey}, ${d.fileName}, ${d.bytes}, ${d.pages}, ${d.watermarked}, ${d.changesApplied}, ${event.position}, ${d.at})
        on conflict (export_id) do nothing`);
    },
    CoverLetterSaved: async (tx, event) => {
      const d = event.data as SavedCoverLetter;
      await tx.query(sql.unsafe`
        insert into exports_cover_letters (draft_id, text, source, position, saved_at) values (${d.draftId}, ${d.text}, ${d.source}, ${event.position}, ${d.at})
        on conflict (draft_id) do update set text = excluded.text, source = excluded.source, position = excluded.position, saved_at = excluded.saved_at
        where exports_cover_letters.position < excluded.position`);
    },
    DraftDeleted: async (tx, event) => {
      const { draftId } = event.data as { draftId: string };
      await tx.query(sql.unsafe`delete from exports where draft_id = ${draftId}`);
      await tx.query(sql.unsafe`delete from exports_cover_letters where draft_id = ${draftId}`);
    },
  },
});
