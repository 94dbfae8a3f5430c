import { sql } from 'slonik';
import type { RecordedEvent } from '../../platform/event-store/index.ts';
import { defineProjection, type Projection } from '../../projections/index.ts';
import type { JobEventData } from './events.ts';
import type { PipelineSignals } from './pipeline-signals.ts';

// The bridge from the event store to Temporal, run by the projector like a read model: its own
// checkpoint, retried with the projector's back-off while Temporal is down, so an intent that was
// stored is never lost between the two systems. Its log says what was sent and when.

export function dispatcherProjection(signals: PipelineSignals): Projection {
  const log = (event: RecordedEvent, workflowId: string, message: string) => sql.unsafe`
    insert into dispatcher (event_id, position, workflow_id, message, dispatched_at)
    values (${event.metadata.eventId}, ${event.position}, ${workflowId}, ${message}, now())
    on conflict (event_id) do nothing`;
  return defineProjection({
    name: 'dispatcher',
    version: 1,
    tables: ['dispatcher'],
    migration: `
      create table if not exists dispatcher (
        event_id text primary key,
        position bigint not null,
        workflow_id text not null,
        message text not null,
        dispatched_at timestamptz not null
      );
      create index if not exists dispatcher_by_workflow_idx on dispatcher (workflow_id, position);
    `,
    on: {
      JobRequested: async (tx, event) => {
        const d = event.data as JobEventData['JobRequested'];
        await signals.requestJob({ jobId: d.jobId, draftId: d.draftId, kind: d.kind, format: d.format, template: d.template, document: d.document });
        await tx.query(log(event, `draft-${d.draftId}`, `${d.kind}Requested`));
      },
      JobRetryRequested: async (tx, event) => {
        const d = event.data as JobEventData['JobRetryRequested'];
        await signals.retryJob(d);
        await tx.query(log(event, `draft-${d.draftId}`, 'retryRequested'));
      },
      DraftDeleted: async (tx, event) => {
        const { draftId } = event.data as { draftId: string };
        await signals.draftDeleted(draftId);
        await tx.query(log(event, `draft-${draftId}`, 'draftDeleted'));
      },
    },
  });
}
