import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '../event-store/index.ts';
import { planCommand, type Decider } from './plan.ts';

// An example decider, written for this test only: a counter that must stay within 0..3.
type CounterEvent = { type: 'Incremented'; data: { by: number } } | { type: 'Reset'; data: Record<string, never> };
type CounterCommand = { type: 'Increment'; by: number } | { type: 'Reset' };
const counter: Decider<CounterCommand, number, CounterEvent> = {
  initialState: 0,
  evolve: (state, event) => (event.type === 'Incremented' ? state + event.data.by : event.type === 'Reset' ? 0 : state),
  decide(command, state) {
    if (command.type === 'Reset') return state === 0 ? [] : [{ type: 'Reset', data: {} }];
    if (state + command.by > 3) throw new Error('COUNTER_FULL');
    return [{ type: 'Incremented', data: { by: command.by } }];
  },
};

const recorded = (event: CounterEvent, streamPosition: number, commandId = `c${streamPosition}`): RecordedEvent => ({
  ...event,
  streamId: 'counter-1',
  streamPosition,
  position: 100 + streamPosition,
  metadata: { eventId: `e${streamPosition}`, commandId, correlationId: 'r', causationId: commandId, actor: { kind: 'system', id: 'test' }, occurredAt: '', schemaVersion: 1 },
});

describe('planning a command', () => {
  it('starts a new stream with no_stream', () => {
    expect(planCommand([], { type: 'Increment', by: 2 }, 'x', counter)).toEqual({
      kind: 'append', events: [{ type: 'Incremented', data: { by: 2 } }], expectedRevision: 'no_stream',
    });
  });

  it('folds the history and expects its last revision', () => {
    const history = [recorded({ type: 'Incremented', data: { by: 2 } }, 0), recorded({ type: 'Reset', data: {} }, 1), recorded({ type: 'Incremented', data: { by: 1 } }, 2)];
    expect(planCommand(history, { type: 'Increment', by: 2 }, 'x', counter)).toMatchObject({ kind: 'append', expectedRevision: 2 });
    expect(() => planCommand(history, { type: 'Increment', by: 3 }, 'x', counter)).toThrow('COUNTER_FULL');
  });

  it('answers nothing-to-do with the stream position to wait for', () => {
    expect(planCommand([], { type: 'Reset' }, 'x', counter)).toEqual({ kind: 'nothing', revision: undefined, position: 0 });
    const history = [recorded({ type: 'Incremented', data: { by: 1 } }, 0), recorded({ type: 'Reset', data: {} }, 1)];
    expect(planCommand(history, { type: 'Reset' }, 'x', counter)).toEqual({ kind: 'nothing', revision: 1, position: 101 });
  });

  it('recognises a command that already ran and answers its first outcome without deciding again', () => {
    const history = [
      recorded({ type: 'Incremented', data: { by: 3 } }, 0, 'same'),
      recorded({ type: 'Reset', data: {} }, 1, 'other'),
    ];
    // Deciding again would succeed (the reset emptied the counter) and count the retry twice.
    expect(planCommand(history, { type: 'Increment', by: 3 }, 'same', counter)).toEqual({
      kind: 'already-handled', events: [{ type: 'Incremented', data: { by: 3 } }], revision: 0, position: 100,
    });
  });

  it('ignores event types the decider does not know', () => {
    const history = [recorded({ type: 'Incremented', data: { by: 3 } }, 0), { ...recorded({ type: 'Reset', data: {} }, 1), type: 'Renamed' }];
    expect(() => planCommand(history, { type: 'Increment', by: 1 }, 'x', counter)).toThrow('COUNTER_FULL');
  });
});
