import { sql } from 'slonik';
import type { RecordedEvent } from '../platform/event-store/index.ts';
import type { AccountEventData } from '../modules/accounts/index.ts';
import { defineProjection } from './define-projection.ts';

// The accounts read model: one row per live user, personal fields still sealed (only the API,
// holding the user's data key, opens them). Deleting an account deletes its row, so personal data
// leaves the read model at once and a rebuild never brings it back (the key is gone by then).
// Times come from the events, never the clock: a rebuild gives identical rows.

export const usersProjection = defineProjection({
  name: 'users',
  version: 1,
  tables: ['users'],
  migration: `
    create table if not exists users (
      user_id uuid primary key,
      email_hash text not null,
      email_sealed text not null,
      display_name_sealed text,
      plan text not null,
      role text not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index if not exists users_email_hash_idx on users (email_hash);
  `,
  on: {
    UserRegistered: async (tx, event) => {
      const d = data<'UserRegistered'>(event);
      await tx.query(sql.unsafe`
        insert into users (user_id, email_hash, email_sealed, display_name_sealed, plan, role, created_at, updated_at)
        values (${d.userId}, ${d.emailHash}, ${d.email}, ${d.displayName}, ${d.plan}, ${d.role}, ${d.at}, ${d.at})
        on conflict (user_id) do nothing`);
    },
    ProfileUpdated: async (tx, event) => {
      const d = data<'ProfileUpdated'>(event);
      await tx.query(sql.unsafe`update users set display_name_sealed = ${d.displayName}, updated_at = ${d.at} where user_id = ${d.userId}`);
    },
    PlanChanged: async (tx, event) => {
      const d = data<'PlanChanged'>(event);
      await tx.query(sql.unsafe`update users set plan = ${d.plan}, updated_at = ${d.at} where user_id = ${d.userId}`);
    },
    RoleChanged: async (tx, event) => {
      const d = data<'RoleChanged'>(event);
      await tx.query(sql.unsafe`update users set role = ${d.role}, updated_at = ${d.at} where user_id = ${d.userId}`);
    },
    PasswordChanged: async (tx, event) => {
      const d = data<'PasswordChanged'>(event);
      await tx.query(sql.unsafe`update users set updated_at = ${d.at} where user_id = ${d.userId}`);
    },
    UserDeleted: async (tx, event) => {
      const d = data<'UserDeleted'>(event);
      await tx.query(sql.unsafe`delete from users where user_id = ${d.userId}`);
    },
  },
});

function data<T extends keyof AccountEventData>(event: RecordedEvent): AccountEventData[T] {
  return event.data as AccountEventData[T];
}
