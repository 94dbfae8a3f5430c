import { arr, num, obj, oneOf, str } from './read';

// Jobs: work started on a draft (analysis, rewrite, finalize), followed step by step.

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export type JobKind = 'analysis' | 'rewrite' | 'finalize';

export const STEP_STATUSES = ['started', 'succeeded', 'failed', 'waived'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export interface JobStepState {
  status: StepStatus;
  attempt: number | null;
  errorCode: string | null;
  at: string | null;
}

export interface JobView {
  id: string;
  draftId: string | null;
  kind: JobKind | (string & {});
  status: JobStatus;
  currentStep: string | null;
  attempts: number;
  errorCode: string | null;
  steps: Record<string, JobStepState>;
  createdAt: string | null;
  updatedAt: string | null;
}

export function isFinished(job: Pick<JobView, 'status'>): boolean {
  return job.status === 'succeeded' || job.status === 'failed';
}

function readStep(value: unknown): JobStepState | null {
  const step = obj(value);
  if (!step) return null;
  return {
    // An unknown step status is shown as "in progress" rather than breaking the stepper.
    status: oneOf(step['status'], STEP_STATUSES, 'started'),
    attempt: num(step['attempt']),
    errorCode: str(step['errorCode']),
    at: str(step['at']),
  };
}

export function readJob(value: unknown): JobView | null {
  const job = obj(value);
  const id = str(job?.['id']);
  if (!job || !id) return null;
  const steps: Record<string, JobStepState> = {};
  for (const [name, raw] of Object.entries(obj(job['steps']) ?? {})) {
    const step = readStep(raw);
    if (step) steps[name] = step;
  }
  return {
    id,
    draftId: str(job['draftId']),
    kind: str(job['kind']) ?? 'analysis',
    status: oneOf(job['status'], JOB_STATUSES, 'queued'),
    currentStep: str(job['currentStep']),
    attempts: num(job['attempts']) ?? 0,
    errorCode: str(job['errorCode']),
    steps,
    createdAt: str(job['createdAt']),
    updatedAt: str(job['updatedAt']),
  };
}

export function readJobs(value: unknown): JobView[] {
  return arr(obj(value)?.['jobs'])
    .map(readJob)
    .filter((job): job is JobView => job !== null);
}
