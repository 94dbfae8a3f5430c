import { AppError } from '../errors.ts';
import type { ExpectedRevision } from './types.ts';

// Typed failures of the port. Callers branch on the class (retry a conflict, surface the rest);
// the API only ever sees them through toAppError.

/** The stream was not where the writer expected it: someone else appended first. */
export class WrongExpectedRevisionError extends Error {
  readonly streamId: string;
  readonly expected: ExpectedRevision;
  /** The stream's revision at the time of the check; 'no_stream' when it does not exist. */
  readonly actual: number | 'no_stream';
  constructor(streamId: string, expected: ExpectedRevision, actual: number | 'no_stream') {
    super(`stream ${streamId}: expected revision ${String(expected)}, found ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
    this.streamId = streamId;
    this.expected = expected;
    this.actual = actual;
  }
}

/** An event id is already stored with different content: a command id was reused for another change. */
export class EventIdReusedError extends Error {
  readonly eventIds: string[];
  constructor(eventIds: string[]) {
    super(`event id(s) already used by different events: ${eventIds.join(', ')}`);
    this.name = 'EventIdReusedError';
    this.eventIds = eventIds;
  }
}

/** The events or the stream id break the store's rules; nothing was written. */
export class InvalidEventError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid append: ${problems.join('; ')}`);
    this.name = 'InvalidEventError';
    this.problems = problems;
  }
}

/** Maps the port's failures onto the API's error catalog; anything else is returned unchanged. */
export function toAppError(error: unknown): unknown {
  if (error instanceof WrongExpectedRevisionError) return new AppError('CONFLICT', { cause: error });
  if (error instanceof EventIdReusedError) {
    return new AppError('CONFLICT', { message: 'This request id was already used for a different change.', cause: error });
  }
  return error;
}
