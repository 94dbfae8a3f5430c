import type { Decider } from '../../platform/command/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { JobEvent, JobKind, JobOwner, JobStepName } from './events.ts';

// A job's life as the pipeline reports it. Step records arrive at least once (activities retry),
// so a record that changes nothing is dropped here rather than stored twice.

export type JobStatus = 'none' | 'queued' | 'running' | 'succeeded' | 'failed';
export type StepState = 'started' | 'succeeded' | 'failed' | 'waived';

export type JobState = {
  status: JobStatus;
  kind?: JobKind;
  owner?: JobOwner;
  draftId?: string;
  steps: Partial<Record<JobStepName, { status: StepState; attempt?: number }>>;
  refundDue: boolean;
};

export type JobCommand =
  | { type: 'Request'; jobId: string; draftId: string; kind: JobKind; owner: JobOwner; format?: 'PDF' | 'DOCX'; template?: string; document?: 'resume' | 'cover-letter'; at: string }
  | { type: 'RecordStep'; jobId: string; draftId: string; step: JobStepName; status: StepState; attempt?: number; errorCode?: string; at: string }
  | { type: 'MarkRefundDue'; jobId: string; draftId: string; reason: string; at: string }
  | { type: 'Retry'; jobId: string; staffId: string; at: string };

/** The step whose success finishes a job of each kind. */
export const finalStep: Record<JobKind, JobStepName> = { analysis: 'analyze', rewrite: 'rewrite', finalize: 'export' };

export const initialJobState: JobState = { status: 'none', steps: {}, refundDue: false };

export function evolveJob(state: JobState, event: JobEvent): JobState {
  switch (event.type) {
    case 'JobRequested':
      return { ...state, status: 'queued', kind: event.data.kind, owner: event.data.owner, draftId: event.data.draftId };
    case 'JobStepRecorded': {
      const { step, status, attempt } = event.data;
      const steps = { ...state.steps, [step]: { status, attempt } };
      const done = state.kind !== undefined && step === finalStep[state.kind] && status === 'succeeded';
      return { ...state, steps, status: status === 'failed' ? 'failed' : done ? 'succeeded' : 'running' };
    }
    case 'JobRefundDue':
      return { ...state, refundDue: true };
    case 'JobRetryRequested':
      return { ...state, status: 'queued' };
    default:
      return state;
  }
}

export function decideJob(command: JobCommand, state: JobState): JobEvent[] {
  switch (command.type) {
    case 'Request': {
      if (state.status !== 'none') return [];
      const { type: _type, ...data } = command;
      return [{ type: 'JobRequested', data }];
    }
    case 'RecordStep': {
      if (state.status === 'none') throw new AppError('NOT_FOUND', { message: `job ${command.jobId} was never requested` });
      const current = state.steps[command.step];
      if (current && current.status === command.status && current.attempt === command.attempt) return [];
      const { type: _type, ...data } = command;
      return [{ type: 'JobStepRecorded', data }];
    }
    case 'MarkRefundDue':
      if (state.refundDue) return [];
      return [{ type: 'JobRefundDue', data: { jobId: command.jobId, draftId: command.draftId, reason: command.reason, at: command.at } }];
    case 'Retry':
      if (state.status === 'none' || !state.draftId) throw new AppError('NOT_FOUND');
      if (state.status !== 'failed') throw new AppError('JOB_NOT_FAILED', { details: { status: state.status } });
      return [{ type: 'JobRetryRequested', data: { jobId: command.jobId, draftId: state.draftId, staffId: command.staffId, at: command.at } }];
  }
}

export const jobDecider: Decider<JobCommand, JobState, JobEvent> = { initialState: initialJobState, evolve: evolveJob, decide: decideJob };
