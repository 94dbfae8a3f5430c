import type { EventCatalog } from './catalog.ts';
import { InvalidEventError } from './errors.ts';
import { jsonProblems } from './json-safe.ts';
import { streamIdProblem } from './stream-id.ts';
import { eventIdFor } from './uuid-v5.ts';
import type { AppendOptions, EventMetadata, ExpectedRevision, NewEvent } from './types.ts';

// Everything an append must check before touching an engine, in one pure step both adapters share:
// the engines then only store what is already known to be valid, with ids derived from the command.

export const maxEventsPerAppend = 500;
export const maxEventDataBytes = 256 * 1024;
const actorKinds = new Set(['user', 'guest', 'system', 'admin']);

export type PreparedEvent = { eventId: string; type: string; data: unknown; json: string; metadata: EventMetadata };

export function prepareAppend(
  catalog: EventCatalog,
  streamId: string,
  events: readonly NewEvent[],
  options: AppendOptions,
): PreparedEvent[] {
  const problems = [
    streamIdProblem(streamId),
    expectedRevisionProblem(options?.expectedRevision),
    ...commandProblems(options?.command),
  ].filter((p): p is string => p !== undefined);
  if (!Array.isArray(events) || events.length === 0) problems.push('an append needs at least one event');
  else if (events.length > maxEventsPerAppend) problems.push(`an append holds at most ${maxEventsPerAppend} events`);
  if (problems.length > 0) throw new InvalidEventError(problems);

  const { command } = options;
  const occurredAt = command.now.toISOString();
  return events.map((event, index) => {
    const checked = catalog.validate(event);
    if (!checked.ok) throw new InvalidEventError(checked.problems);
    const data = checked.event.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new InvalidEventError([`${event.type}.data must be an object`]);
    const notJson = jsonProblems(data, `${event.type}.data`);
    if (notJson.length > 0) throw new InvalidEventError(notJson);
    const json = JSON.stringify(checked.event.data);
    if (Buffer.byteLength(json) > maxEventDataBytes) {
      throw new InvalidEventError([`${event.type}.data is larger than ${maxEventDataBytes} bytes`]);
    }
    const eventId = eventIdFor(command.commandId, index);
    const metadata: EventMetadata = {
      eventId,
      commandId: command.commandId,
      correlationId: command.correlationId,
      causationId: command.causationId ?? command.commandId,
      actor: { kind: command.actor.kind, id: command.actor.id },
      occurredAt,
      schemaVersion: checked.event.schemaVersion,
    };
    return { eventId, type: event.type, data: checked.event.data, json, metadata };
  });
}

function expectedRevisionProblem(expected: ExpectedRevision | undefined): string | undefined {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return undefined;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return undefined;
  return `expectedRevision must be a stream revision (0 or more), 'no_stream', 'stream_exists' or 'any'`;
}

function commandProblems(command: AppendOptions['command'] | undefined): (string | undefined)[] {
  if (!command) return ['the command context (commandId, correlationId, actor, now) is required'];
  const text = (value: unknown, name: string) =>
    typeof value === 'string' && value.length > 0 && value.length <= 200 ? undefined : `${name} must be a string of 1 to 200 characters`;
  return [
    text(command.commandId, 'commandId'),
    text(command.correlationId, 'correlationId'),
    command.causationId === undefined ? undefined : text(command.causationId, 'causationId'),
    actorKinds.has(command.actor?.kind) ? text(command.actor.id, 'actor.id') : 'actor.kind must be user, guest, system or admin',
    command.now instanceof Date && !Number.isNaN(command.now.getTime()) ? undefined : 'now must be a valid Date',
  ];
}
