// The event store's public face: the port, its errors, the event catalog and the factory.
export type {
  Actor, ActorKind, AppendOptions, AppendResult, CommandContext, EventBatchHandler, EventMetadata, EventStore,
  ExpectedRevision, NewEvent, ReadAllOptions, RecordedEvent, SubscribeOptions, Subscription,
} from './types.ts';
export { EventIdReusedError, InvalidEventError, WrongExpectedRevisionError, toAppError } from './errors.ts';
export { createEventCatalog, defineEvent, emptyCatalog, type EventCatalog, type EventDefinition, type EventOf, type Upcaster } from './catalog.ts';
export { createEventStore, eventStoreEngine, type EventStoreEngine } from './create-event-store.ts';
export { createPostgresEventStore, type AppendOrdering, type PostgresEventStoreOptions } from './postgres/index.ts';
export { createEventStoreDbStore } from './eventstoredb/index.ts';
export { categoryOf, maxStreamIdLength, streamIdProblem } from './stream-id.ts';
export { eventIdFor, uuidV5 } from './uuid-v5.ts';
export { maxEventDataBytes, maxEventsPerAppend } from './prepare-append.ts';
export { redactEvent, defaultRedactedWords } from './redact.ts';
