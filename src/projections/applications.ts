import { sql } from 'slonik';
import type { RecordedEvent } from '../platform/event-store/index.ts';
import type { ApplicationEventData } from '../modules/applications/index.ts';
import { defineProjection } from './define-projection.ts';

// The applications tracker: one row per application (the board and the table read it, by user)
// and one row per status move (the history shown beside an application).

const data = <T extends keyof ApplicationEventData>(event: RecordedEvent) => event.data as ApplicationEventData[T];

export const applicationsProjection = defineProjection({
  name: 'applications',
  version: 1,
  tables: ['applications', 'applications_history'],
  migration: `
    create table if not exists applications (
      application_id uuid primary key,
      user_id uuid not null,
      company text not null,
      role text not null,
      posting_url text,
      posting_id uuid,
      draft_id uuid,
      notes text not null,
      status text not null,
      applied_on date,
      follow_up_due_at timestamptz,
      deleted boolean not null default false,
      position bigint not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index if not exists applications_by_user_idx on applications (user_id, updated_at desc) where not deleted;
    create table if not exists applications_history (
      application_id uuid not null,
      position bigint not null,
      from_status text,
      to_status text not null,
      at timestamptz not null,
      primary key (application_id, position)
    );
  `,
  on: {
    ApplicationCreated: async (tx, event) => {
      const d = data<'ApplicationCreated'>(event);
      const x = d.details;
      await tx.query(sql.unsafe`
        insert into applications (application_id, user_id, company, role, posting_url, posting_id, draft_id, notes, status, applied_on, position, created_at, updated_at)
        values (${d.applicationId}, ${d.userId}, ${x.company}, ${x.role}, ${x.postingUrl}, ${x.postingId}, ${x.draftId}, ${x.notes}, ${d.status},
          ${x.appliedOn ?? (d.status === 'applied' ? d.at.slice(0, 10) : null)}, ${event.position}, ${d.at}, ${d.at})
        on conflict (application_id) do nothing`);
      await tx.query(sql.unsafe`
        insert into applications_history (application_id, position, from_status, to_status, at) values (${d.applicationId}, ${event.position}, null, ${d.status}, ${d.at})
        on conflict do nothing`);
    },
    ApplicationEdited: async (tx, event) => {
      const { applicationId, details: x, at } = data<'ApplicationEdited'>(event);
      await tx.query(sql.unsafe`
        update applications set company = ${x.company}, role = ${x.role}, posting_url = ${x.postingUrl}, posting_id = ${x.postingId}, draft_id = ${x.draftId},
          notes = ${x.notes}, applied_on = ${x.appliedOn}, position = ${event.position}, updated_at = ${at}
        where application_id = ${applicationId}`);
    },
    ApplicationStatusChanged: async (tx, event) => {
      const d = data<'ApplicationStatusChanged'>(event);
      await tx.query(sql.unsafe`
        update applications set status = ${d.to}, applied_on = ${d.appliedOn}, follow_up_due_at = null, position = ${event.position}, updated_at = ${d.at}
        where application_id = ${d.applicationId}`);
      await tx.query(sql.unsafe`
        insert into applications_history (application_id, position, from_status, to_status, at) values (${d.applicationId}, ${event.position}, ${d.from}, ${d.to}, ${d.at})
        on conflict do nothing`);
    },
    ApplicationDeleted: async (tx, event) => {
      const d = data<'ApplicationDeleted'>(event);
      await tx.query(sql.unsafe`update applications set deleted = true, notes = '', position = ${event.position}, updated_at = ${d.at} where application_id = ${d.applicationId}`);
    },
    FollowUpDue: async (tx, event) => {
      const d = data<'FollowUpDue'>(event);
      await tx.query(sql.unsafe`update applications set follow_up_due_at = ${d.at}, position = ${event.position} where application_id = ${d.applicationId}`);
    },
  },
});
