import { sql } from 'slonik';
import type { RecordedEvent } from '../platform/event-store/index.ts';
import { defineProjection } from './define-projection.ts';

// Money in and back out, one row per paid Checkout Session: the admin overview's revenue figure.

type Received = { draftId: string; sessionId: string; amount: number; currency: string; at: string };
type Refunded = { sessionId: string; at: string };

export const revenueProjection = defineProjection({
  name: 'revenue',
  version: 1,
  tables: ['revenue'],
  migration: `
    create table if not exists revenue (
      session_id text primary key,
      draft_id uuid not null,
      amount integer not null,
      currency text not null,
      paid_at timestamptz not null,
      refunded_at timestamptz
    );
    create index if not exists revenue_paid_at_idx on revenue (paid_at);
  `,
  on: {
    PaymentReceived: async (tx, event: RecordedEvent) => {
      const d = event.data as Received;
      await tx.query(sql.unsafe`
        insert into revenue (session_id, draft_id, amount, currency, paid_at) values (${d.sessionId}, ${d.draftId}, ${d.amount}, ${d.currency}, ${d.at})
        on conflict (session_id) do nothing`);
    },
    PaymentRefunded: async (tx, event: RecordedEvent) => {
      const d = event.data as Refunded;
      await tx.query(sql.unsafe`update revenue set refunded_at = ${d.at} where session_id = ${d.sessionId}`);
    },
  },
});
