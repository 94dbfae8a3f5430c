import type { ExpectedRevision, NewEvent, RecordedEvent } from '../event-store/index.ts';

// The pure half of command handling: fold the stream, recognise a command that already ran, ask
// the decider what should happen and with which expected revision to append it.

export type Decider<C, S, E extends NewEvent> = {
  initialState: S;
  /** Must ignore event types it does not know: streams outlive the code that reads them. */
  evolve(state: S, event: E): S;
  /** Pure: no clock, no I/O; throws a domain error to refuse the command. */
  decide(command: C, state: S): E[];
};

export type Plan<E extends NewEvent> =
  | { kind: 'append'; events: E[]; expectedRevision: ExpectedRevision }
  | { kind: 'nothing'; revision: number | undefined; position: number }
  | { kind: 'already-handled'; events: E[]; revision: number; position: number };

export function fold<S, E extends NewEvent>(history: readonly RecordedEvent[], decider: Pick<Decider<never, S, E>, 'initialState' | 'evolve'>): S {
  return history.reduce((state, event) => decider.evolve(state, event as unknown as E), decider.initialState);
}

export function planCommand<C, S, E extends NewEvent>(
  history: readonly RecordedEvent[],
  command: C,
  commandId: string,
  decider: Decider<C, S, E>,
): Plan<E> {
  // A retried command (same id) answers what it did the first time instead of deciding again
  // against a state that already contains its own effects.
  const earlier = history.filter((event) => event.metadata.commandId === commandId);
  if (earlier.length > 0) {
    const last = earlier[earlier.length - 1]!;
    const events = earlier.map((event) => ({ type: event.type, data: event.data }) as E);
    return { kind: 'already-handled', events, revision: last.streamPosition, position: last.position };
  }
  const events = decider.decide(command, fold(history, decider));
  const last = history[history.length - 1];
  if (events.length === 0) return { kind: 'nothing', revision: last?.streamPosition, position: last?.position ?? 0 };
  return { kind: 'append', events, expectedRevision: last ? last.streamPosition : 'no_stream' };
}
