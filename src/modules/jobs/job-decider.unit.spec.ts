import { describe, expect, it } from '@jest/globals';
import { decideJob, evolveJob, initialJobState, type JobCommand, type JobState } from './job-decider.ts';
import type { JobEvent } from './events.ts';

const jobId = '6f0c1a52-3b7e-4f8a-9d21-1c2b3a4d5e6f';
const draftId = '0b9d7c6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e';
const at = '2026-12-03T09:00:00.000Z';
const owner = { kind: 'user' as const, id: '11111111-2222-4333-8444-555555555555' };

function run(commands: JobCommand[]): { state: JobState; events: JobEvent[] } {
  let state = initialJobState;
  const events: JobEvent[] = [];
  for (const command of commands) {
    for (const event of decideJob(command, state)) {
      events.push(event);
      state = evolveJob(state, event);
    }
  }
  return { state, events };
}

const request: JobCommand = { type: 'Request', jobId, draftId, kind: 'analysis', owner, at };
const step = (s: 'pay' | 'extract' | 'analyze', status: 'started' | 'succeeded' | 'failed' | 'waived', extra: { attempt?: number; errorCode?: string } = {}): JobCommand =>
  ({ type: 'RecordStep', jobId, draftId, step: s, status, at, ...extra });

describe('a job', () => {
  it('is requested once: a second request with the same id changes nothing', () => {
    const { events, state } = run([request, request]);
    expect(events.map((e) => e.type)).toEqual(['JobRequested']);
    expect(state.status).toBe('queued');
  });

  it('runs, and succeeds only when its final step succeeds', () => {
    const { state } = run([request, step('pay', 'started'), step('pay', 'waived'), step('extract', 'started'), step('extract', 'succeeded')]);
    expect(state.status).toBe('running');
    expect(run([request, step('analyze', 'started'), step('analyze', 'succeeded')]).state.status).toBe('succeeded');
  });

  it('drops a redelivered step record but keeps a new attempt', () => {
    const { events } = run([request, step('analyze', 'started', { attempt: 1 }), step('analyze', 'started', { attempt: 1 }), step('analyze', 'started', { attempt: 2 })]);
    expect(events.filter((e) => e.type === 'JobStepRecorded')).toHaveLength(2);
  });

  it('fails with its code, and only a failed job can be retried', () => {
    const failed = run([request, step('extract', 'failed', { errorCode: 'NO_TEXT_LAYER' })]);
    expect(failed.state.status).toBe('failed');
    expect(() => run([request, { type: 'Retry', jobId, staffId: 'staff-1', at }])).toThrow(expect.objectContaining({ code: 'JOB_NOT_FAILED' }));
    const retried = run([request, step('extract', 'failed', { errorCode: 'NO_TEXT_LAYER' }), { type: 'Retry', jobId, staffId: 'staff-1', at }]);
    expect(retried.events.at(-1)).toMatchObject({ type: 'JobRetryRequested', data: { draftId, staffId: 'staff-1' } });
    expect(retried.state.status).toBe('queued');
  });

  it('refuses step records for a job nobody requested', () => {
    expect(() => run([step('pay', 'started')])).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('owes a refund once, however often the pipeline says so', () => {
    const refund: JobCommand = { type: 'MarkRefundDue', jobId, draftId, reason: 'NO_TEXT_LAYER', at };
    expect(run([request, refund, refund]).events.filter((e) => e.type === 'JobRefundDue')).toHaveLength(1);
  });
});
