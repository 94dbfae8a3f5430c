import { sql } from 'slonik';
import type { RecordedEvent } from '../../platform/event-store/index.ts';
import { defineProjection, type Projection } from '../../projections/index.ts';
import type { ApplicationEventData } from './events.ts';
import type { FollowUpSignals } from './follow-up-signals.ts';

// Like the pipeline's dispatcher: run by the projector with its own checkpoint, so a status move
// that was stored always reaches its follow-up timer, even when Temporal was down at the time.

export function followUpDispatcherProjection(signals: FollowUpSignals): Projection {
  const log = (event: RecordedEvent, applicationId: string, message: string) => sql.unsafe`
    insert into follow_up_dispatcher (event_id, position, application_id, message, dispatched_at)
    values (${event.metadata.eventId}, ${event.position}, ${applicationId}, ${message}, now()) on conflict (event_id) do nothing`;
  return defineProjection({
    name: 'follow-up-dispatcher',
    version: 1,
    tables: ['follow_up_dispatcher'],
    migration: `
      create table if not exists follow_up_dispatcher (
        event_id text primary key,
        position bigint not null,
        application_id uuid not null,
        message text not null,
        dispatched_at timestamptz not null
      );
    `,
    on: {
      ApplicationCreated: async (tx, event) => {
        const d = event.data as ApplicationEventData['ApplicationCreated'];
        if (d.status !== 'applied') return;
        await signals.applied(d.applicationId, d.at);
        await tx.query(log(event, d.applicationId, 'applied'));
      },
      ApplicationStatusChanged: async (tx, event) => {
        const d = event.data as ApplicationEventData['ApplicationStatusChanged'];
        if (d.to === 'applied') await signals.applied(d.applicationId, d.at);
        else if (d.from === 'applied') await signals.moved(d.applicationId, { to: d.to, at: d.at });
        else return;
        await tx.query(log(event, d.applicationId, d.to));
      },
      ApplicationDeleted: async (tx, event) => {
        const d = event.data as ApplicationEventData['ApplicationDeleted'];
        await signals.moved(d.applicationId, { to: 'deleted', at: d.at });
        await tx.query(log(event, d.applicationId, 'deleted'));
      },
    },
  });
}
