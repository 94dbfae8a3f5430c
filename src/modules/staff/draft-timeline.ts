import { redactEvent, type EventStore, type RecordedEvent } from '../../platform/event-store/index.ts';

// Everything recorded about one draft, in the order it happened: the draft's own stream, its
// payments, its jobs and their results — personal fields redacted exactly as the support CLI does.

export type TimelineDeps = {
  eventStore: EventStore;
  redactionKeys(type: string): readonly string[];
  /** Job ids of the draft (from the jobs read model). */
  jobIdsOf(draftId: string): Promise<string[]>;
};

export type TimelineEntry = { position: number; stream: string; type: string; at: string; actor: string; data: unknown };

export async function draftTimeline(deps: TimelineDeps, draftId: string): Promise<TimelineEntry[]> {
  const jobIds = await deps.jobIdsOf(draftId);
  const streams = [`draft-${draftId}`, `payments-${draftId}`, `reminder-${draftId}`, ...jobIds.flatMap((id) => [`job-${id}`, `analysis-${id}`])];
  const events: RecordedEvent[] = (await Promise.all(streams.map((s) => deps.eventStore.readStream(s)))).flat();
  return events
    .sort((a, b) => a.position - b.position)
    .map((event) => {
      const shown = redactEvent(event, deps.redactionKeys(event.type));
      return {
        position: event.position, stream: event.streamId, type: event.type, at: event.metadata.occurredAt,
        actor: `${event.metadata.actor.kind}:${event.metadata.actor.id}`, data: shown.data,
      };
    });
}
