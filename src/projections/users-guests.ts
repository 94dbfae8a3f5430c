import { sql } from 'slonik';
import type { RecordedEvent } from '../platform/event-store/index.ts';
import type { AccountEventData } from '../modules/accounts/index.ts';
import { defineProjection } from './define-projection.ts';

// Visitors without an account: when they came, whether their free analysis is used, whom they
// became. The guest purge reads it to find guests past the retention window; an expired guest's
// row is deleted.

export const guestsProjection = defineProjection({
  name: 'users-guests',
  version: 1,
  tables: ['users_guests'],
  migration: `
    create table if not exists users_guests (
      guest_id uuid primary key,
      started_at timestamptz not null,
      cookie_expires_at timestamptz not null,
      free_analysis_used boolean not null default false,
      converted_to uuid,
      converted_at timestamptz
    );
    create index if not exists users_guests_unconverted_idx on users_guests (started_at) where converted_to is null;
  `,
  on: {
    GuestStarted: async (tx, event) => {
      const d = data<'GuestStarted'>(event);
      await tx.query(sql.unsafe`
        insert into users_guests (guest_id, started_at, cookie_expires_at) values (${d.guestId}, ${d.at}, ${d.expiresAt})
        on conflict (guest_id) do nothing`);
    },
    GuestFreeAnalysisUsed: async (tx, event) => {
      const d = data<'GuestFreeAnalysisUsed'>(event);
      await tx.query(sql.unsafe`update users_guests set free_analysis_used = true where guest_id = ${d.guestId}`);
    },
    GuestConverted: async (tx, event) => {
      const d = data<'GuestConverted'>(event);
      await tx.query(sql.unsafe`update users_guests set converted_to = ${d.userId}, converted_at = ${d.at} where guest_id = ${d.guestId}`);
    },
    GuestExpired: async (tx, event) => {
      const d = data<'GuestExpired'>(event);
      await tx.query(sql.unsafe`delete from users_guests where guest_id = ${d.guestId}`);
    },
  },
});

function data<T extends keyof AccountEventData>(event: RecordedEvent): AccountEventData[T] {
  return event.data as AccountEventData[T];
}
