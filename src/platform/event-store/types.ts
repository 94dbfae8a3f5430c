// The event store's port: what modules, the projector and the support tools may rely on, whatever
// engine is underneath (Postgres by default, EventStoreDB in production).

export type ActorKind = 'user' | 'guest' | 'system' | 'admin';
export type Actor = { kind: ActorKind; id: string };

/** Who asked for a change and why: the same for every event a command writes. */
export type CommandContext = {
  commandId: string;
  correlationId: string;
  /** The message that caused this command (an event id or a request id); the command id when none. */
  causationId?: string;
  actor: Actor;
  now: Date;
};

export type EventMetadata = {
  eventId: string;
  commandId: string;
  correlationId: string;
  causationId: string;
  actor: Actor;
  occurredAt: string;
  schemaVersion: number;
};

export type NewEvent<T extends string = string, D = unknown> = { type: T; data: D };

export type RecordedEvent<T extends string = string, D = unknown> = {
  type: T;
  data: D;
  metadata: EventMetadata;
  streamId: string;
  /** 0-based index of the event in its stream (ESDB's "revision"). */
  streamPosition: number;
  /** Position in the whole store: strictly increasing in the order subscribers see events. */
  position: number;
};

/** A stream revision (the stream position of its last event), or a condition on the stream. */
export type ExpectedRevision = number | 'no_stream' | 'stream_exists' | 'any';

export type AppendOptions = { expectedRevision: ExpectedRevision; command: CommandContext };

export type AppendResult = {
  /** The revision to expect on the next append to this stream. */
  nextExpectedRevision: number;
  /** Global position of the last event written: what read-your-writes waits for. */
  position: number;
  /** True when these exact events were already stored by an earlier try of the same command. */
  alreadyAppended: boolean;
};

export type ReadAllOptions = { after: number; limit: number };

export type EventBatchHandler = (events: RecordedEvent[]) => Promise<void>;

export type Subscription = {
  /** Stops following; resolves once the handler in flight (if any) has returned. */
  stop(): Promise<void>;
  /** Settles when the subscription ends: resolves on stop(), rejects with the handler's error. */
  readonly done: Promise<void>;
};

export type SubscribeOptions = { after: number; batchSize?: number };

export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: { from?: number }): Promise<RecordedEvent[]>;
  /** Events after a global position, in the order subscribers see them. */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catches up from `after`, then follows live; the handler gets batches, one at a time. */
  subscribeAll(options: SubscribeOptions, handler: EventBatchHandler): Subscription;
  /** The highest position a reader can see now (0 when the store is empty). */
  headPosition(): Promise<number>;
  healthCheck(): Promise<void>;
  close(): Promise<void>;
}
