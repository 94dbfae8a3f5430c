import { sql } from 'slonik';
import type { RecordedEvent } from '../platform/event-store/index.ts';
import type { AccountEventData } from '../modules/accounts/index.ts';
import { defineProjection } from './define-projection.ts';

// Sign-in sessions (refresh-token families) per user: what "your devices" lists and what the API
// checks on each request to honour a logout or a password change before the access token's
// 15 minutes run out. No token or token hash is kept here (they live hashed in the session
// streams only); a password change or a deletion ends every session started before it.

export const sessionsProjection = defineProjection({
  name: 'sessions',
  version: 1,
  tables: ['sessions'],
  migration: `
    create table if not exists sessions (
      session_id uuid primary key,
      user_id uuid not null,
      method text not null,
      ua_family text,
      started_at timestamptz not null,
      last_used_at timestamptz not null,
      expires_at timestamptz not null,
      ended_at timestamptz,
      end_reason text
    );
    create index if not exists sessions_live_by_user_idx on sessions (user_id, started_at) where ended_at is null;
  `,
  on: {
    SessionStarted: async (tx, event) => {
      const d = data<'SessionStarted'>(event);
      await tx.query(sql.unsafe`
        insert into sessions (session_id, user_id, method, ua_family, started_at, last_used_at, expires_at)
        values (${d.sessionId}, ${d.userId}, ${d.method}, ${d.uaFamily}, ${d.at}, ${d.at}, ${d.expiresAt})
        on conflict (session_id) do nothing`);
    },
    SessionRefreshed: async (tx, event) => {
      const d = data<'SessionRefreshed'>(event);
      await tx.query(sql.unsafe`update sessions set last_used_at = ${d.at} where session_id = ${d.sessionId}`);
    },
    SessionEnded: async (tx, event) => {
      const d = data<'SessionEnded'>(event);
      await tx.query(sql.unsafe`
        update sessions set ended_at = ${d.at}, end_reason = ${d.reason} where session_id = ${d.sessionId} and ended_at is null`);
    },
    PasswordChanged: async (tx, event) => {
      const d = data<'PasswordChanged'>(event);
      await tx.query(sql.unsafe`
        update sessions set ended_at = ${d.at}, end_reason = 'password-changed'
        where user_id = ${d.userId} and ended_at is null and started_at < ${d.at}`);
    },
    UserDeleted: async (tx, event) => {
      const d = data<'UserDeleted'>(event);
      await tx.query(sql.unsafe`
        update sessions set ended_at = coalesce(ended_at, ${d.at}), end_reason = coalesce(end_reason, 'account-deleted'), ua_family = null
        where user_id = ${d.userId}`);
    },
  },
});

function data<T extends keyof AccountEventData>(event: RecordedEvent): AccountEventData[T] {
  return event.data as AccountEventData[T];
}
