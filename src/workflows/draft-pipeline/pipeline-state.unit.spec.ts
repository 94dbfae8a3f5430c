import { describe, expect, it } from '@jest/globals';
import { PipelineState } from './pipeline-state.ts';
import { errorCodeOf } from './error-code.ts';

const day = 24 * 60 * 60 * 1000;

describe('pipeline state', () => {
  it('queues an analysis once, however often the signal is redelivered', () => {
    const state = PipelineState.fresh('d1', 7 * day);
    expect(state.enqueue('analysis', 'job-1')).toBe(true);
    expect(state.enqueue('analysis', 'job-1')).toBe(false);
    expect(state.progress().jobs).toHaveLength(1);
    expect(state.remainingSteps(state.nextJob()!)).toEqual(['pay', 'extract', 'analyze']);
  });

  it('resumes a retried job at its failed step, keeping finished steps', () => {
    const state = PipelineState.fresh('d1', 7 * day);
    state.enqueue('analysis', 'job-1');
    const job = state.nextJob()!;
    state.begin(job);
    state.step(job, 'pay', 'waived');
    state.step(job, 'extract', 'succeeded');
    state.fail(job, 'analyze', 'ENGINE_DOWN');
    expect(state.hasWork()).toBe(false);
    expect(job).toMatchObject({ status: 'failed', failedStep: 'analyze', errorCode: 'ENGINE_DOWN' });
    expect(state.retry('job-1')).toBe(true);
    expect(state.remainingSteps(state.nextJob()!)).toEqual(['analyze']);
  });

  it('refuses to retry what has not failed, an unknown job, or anything after deletion', () => {
    const state = PipelineState.fresh('d1', 7 * day);
    state.enqueue('rewrite', 'job-1');
    expect(state.retry('job-1')).toBe(false);
    expect(state.retry('nope')).toBe(false);
    state.markDeleted();
    expect(state.enqueue('rewrite', 'job-2')).toBe(false);
    expect(state.hasWork()).toBe(true);
  });

  it('owes one reminder until finalize, delete, or the reminder itself', () => {
    const state = PipelineState.fresh('d1', 7 * day);
    expect(state.reminderDueIn(day)).toBe(6 * day);
    expect(state.reminderDueIn(8 * day)).toBe(0);
    state.enqueue('finalize', 'job-f', { format: 'PDF', template: 'classic' });
    const job = state.nextJob()!;
    state.begin(job);
    state.succeed(job);
    expect(state.finalized).toBe(true);
    expect(state.reminderDueIn(day)).toBeUndefined();
    const other = PipelineState.fresh('d2', 7 * day);
    other.markReminded();
    expect(other.reminderDueIn(day)).toBeUndefined();
  });

  it('exports the cover letter without finalizing the draft: the reminder is still owed', () => {
    const state = PipelineState.fresh('d1', 7 * day);
    state.enqueue('finalize', 'job-letter', { format: 'DOCX', template: 'modern', document: 'cover-letter' });
    const job = state.nextJob()!;
    expect(job).toMatchObject({ kind: 'finalize', document: 'cover-letter' });
    expect(state.remainingSteps(job)).toEqual(['export']);
    state.begin(job);
    state.succeed(job);
    expect(state.finalized).toBe(false);
    expect(state.reminderDueIn(day)).toBe(6 * day);
  });

  it('waits for payment as a step state and a job state', () => {
    const state = PipelineState.fresh('d1', 7 * day);
    state.enqueue('analysis', 'job-1');
    const job = state.nextJob()!;
    state.begin(job);
    state.step(job, 'pay', 'waiting');
    expect(state.progress()).toMatchObject({ currentJobId: 'job-1', jobs: [{ status: 'waiting_payment' }] });
    state.markPaid('job-1');
    state.markPaid('job-1');
    expect(state.snapshot().paidJobs).toEqual(['job-1']);
    state.step(job, 'pay', 'succeeded');
    expect(job.status).toBe('running');
  });

  it('keeps the carried snapshot small: only the latest finished jobs', () => {
    const state = PipelineState.fresh('d1', 7 * day);
    for (let i = 0; i < 50; i += 1) {
      state.enqueue('rewrite', `job-${i}`);
      const job = state.nextJob()!;
      state.begin(job);
      state.succeed(job);
    }
    state.enqueue('rewrite', 'queued-one');
    const jobs = state.snapshot().jobs;
    expect(jobs).toHaveLength(21);
    expect(jobs.at(-1)?.jobId).toBe('queued-one');
    expect(new PipelineState(state.snapshot()).nextJob()?.jobId).toBe('queued-one');
  });
});

describe('error codes of failed steps', () => {
  it('reads the type of an application failure wrapped in an activity failure', () => {
    expect(errorCodeOf({ name: 'ActivityFailure', cause: { name: 'ApplicationFailure', type: 'NO_TEXT_LAYER' } })).toBe('NO_TEXT_LAYER');
  });
  it('names time-outs and plain errors with stable codes', () => {
    expect(errorCodeOf({ name: 'ActivityFailure', cause: { name: 'TimeoutFailure' } })).toBe('STEP_TIMED_OUT');
    expect(errorCodeOf({ name: 'ActivityFailure', cause: { name: 'ApplicationFailure', type: 'Error' } })).toBe('STEP_FAILED');
    expect(errorCodeOf(undefined)).toBe('STEP_FAILED');
  });
});
