import { sql } from 'slonik';
import type { RecordedEvent } from '../platform/event-store/index.ts';
import type { AccountEventData } from '../modules/accounts/index.ts';
import type { DraftEventData } from '../modules/drafts/index.ts';
import { defineProjection } from './define-projection.ts';

// One row per draft, scoped by owner: what GET /api/drafts lists and searches and what
// GET /api/drafts/:id shows (extraction included). Times come from the events, so a rebuild gives
// identical rows. A guest who signs up is re-owned here (GuestConverted / GuestClaimed): the
// guest's drafts turn into the user's, and a draft the converted guest's cookie creates later is
// filed under the user too (drafts_guest_claims remembers who became whom).

export const draftsProjection = defineProjection({
  name: 'drafts',
  // 2: general résumés (source, form, form_key).
  version: 2,
  tables: ['drafts', 'drafts_guest_claims'],
  migration: `
    create table if not exists drafts (
      draft_id uuid primary key,
      owner_kind text not null,
      owner_id uuid not null,
      title text,
      status text not null default 'DRAFT',
      job_title text,
      job_company text,
      job_text text,
      job_posting_id text,
      source text not null default 'UPLOAD',
      form jsonb,
      form_key text,
      form_saved_at timestamptz,
      resume_storage_key text,
      resume_display_name text,
      resume_kind text,
      resume_size integer,
      resume_sha256 text,
      resume_uploaded_at timestamptz,
      has_text boolean not null default false,
      warnings_count integer not null default 0,
      extraction jsonb,
      extracted_at timestamptz,
      deleted boolean not null default false,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index if not exists drafts_owner_idx on drafts (owner_kind, owner_id, updated_at desc) where not deleted;
    create table if not exists drafts_guest_claims (
      guest_id uuid primary key,
      user_id uuid not null
    );
  `,
  on: {
    DraftCreated: async (tx, event) => {
      const d = draft<'DraftCreated'>(event);
      // A converted guest's late draft belongs to the user it became.
      await tx.query(sql.unsafe`
        insert into drafts (draft_id, owner_kind, owner_id, title, source, created_at, updated_at)
        select ${d.draftId}, case when c.user_id is null then ${d.owner.kind} else 'user' end, coalesce(c.user_id, ${d.owner.id}::uuid), ${d.title}, ${d.source ?? 'UPLOAD'}, ${d.at}, ${d.at}
        from (select 1) one left join drafts_guest_claims c on ${d.owner.kind} = 'guest' and c.guest_id = ${d.owner.id}
        on conflict (draft_id) do nothing`);
    },
    DraftRenamed: async (tx, event) => {
      const d = draft<'DraftRenamed'>(event);
      await tx.query(sql.unsafe`update drafts set title = ${d.title}, updated_at = ${d.at} where draft_id = ${d.draftId}`);
    },
    JobDescriptionSet: async (tx, event) => {
      const { draftId, job, at } = draft<'JobDescriptionSet'>(event);
      await tx.query(sql.unsafe`
        update drafts set job_title = ${job.title}, job_company = ${job.company}, job_text = ${job.text}, job_posting_id = ${job.postingId}, updated_at = ${at}
        where draft_id = ${draftId}`);
    },
    ResumeUploaded: async (tx, event) => {
      const { draftId, file, at } = draft<'ResumeUploaded'>(event);
      await tx.query(sql.unsafe`
        update drafts set resume_storage_key = ${file.storageKey}, resume_display_name = ${file.displayName}, resume_kind = ${file.kind},
          resume_size = ${file.size}, resume_sha256 = ${file.sha256}, resume_uploaded_at = ${at},
          has_text = false, warnings_count = 0, extraction = null, extracted_at = null, updated_at = ${at}
        where draft_id = ${draftId}`);
    },
    ResumeFormSaved: async (tx, event) => {
      const { draftId, revision, form, at } = draft<'ResumeFormSaved'>(event);
      await tx.query(sql.unsafe`
        update drafts set form = ${JSON.stringify(form)}::jsonb, form_key = ${`form-${revision}`}, form_saved_at = ${at},
          has_text = false, warnings_count = 0, extraction = null, extracted_at = null, updated_at = ${at}
        where draft_id = ${draftId}`);
    },
    ResumeTextExtracted: async (tx, event) => {
      const { draftId, storageKey, extracted, at } = draft<'ResumeTextExtracted'>(event);
      // `storageKey` names an uploaded file, or a general résumé's form revision (`form-<n>`).
      await tx.query(sql.unsafe`
        update drafts set extraction = ${JSON.stringify(extracted)}::jsonb, extracted_at = ${at}, has_text = true,
          warnings_count = ${extracted.warnings.length}, updated_at = ${at}
        where draft_id = ${draftId} and (resume_storage_key = ${storageKey} or form_key = ${storageKey})`);
    },
    DraftStatusChanged: async (tx, event) => {
      const d = draft<'DraftStatusChanged'>(event);
      await tx.query(sql.unsafe`update drafts set status = ${d.to}, updated_at = ${d.at} where draft_id = ${d.draftId}`);
    },
    DraftClaimed: async (tx, event) => {
      const d = draft<'DraftClaimed'>(event);
      await tx.query(sql.unsafe`update drafts set owner_kind = ${d.to.kind}, owner_id = ${d.to.id} where draft_id = ${d.draftId}`);
    },
    DraftDeleted: async (tx, event) => {
      const d = draft<'DraftDeleted'>(event);
      // The row stays as a tombstone (a late event must not resurrect it); the person's text goes.
      await tx.query(sql.unsafe`
        update drafts set deleted = true, job_text = null, extraction = null, resume_storage_key = null, form = null, updated_at = ${d.at}
        where draft_id = ${d.draftId}`);
    },
    GuestConverted: (tx, event) => reown(tx, account<'GuestConverted'>(event)),
    GuestClaimed: (tx, event) => reown(tx, account<'GuestClaimed'>(event)),
  },
});

async function reown(tx: Parameters<typeof draftsProjection.apply>[0], claim: { guestId: string; userId: string }): Promise<void> {
  await tx.query(sql.unsafe`insert into drafts_guest_claims (guest_id, user_id) values (${claim.guestId}, ${claim.userId}) on conflict (guest_id) do nothing`);
  await tx.query(sql.unsafe`update drafts set owner_kind = 'user', owner_id = ${claim.userId} where owner_kind = 'guest' and owner_id = ${claim.guestId}`);
}

function draft<T extends keyof DraftEventData>(event: RecordedEvent): DraftEventData[T] {
  return event.data as DraftEventData[T];
}

function account<T extends keyof AccountEventData>(event: RecordedEvent): AccountEventData[T] {
  return event.data as AccountEventData[T];
}
