import type { StepName } from './activities.ts';

// The pipeline's memory, as a plain class: the workflow drives it, unit tests drive it directly.
// Nothing here may touch the clock or I/O; time comes in as arguments.
export type JobKind = 'analysis' | 'rewrite' | 'finalize';
export type StepStatus = 'running' | 'waiting' | 'succeeded' | 'waived' | 'failed';
export type JobStatus = 'queued' | 'running' | 'waiting_payment' | 'succeeded' | 'failed';

export type Job = {
  jobId: string;
  kind: JobKind;
  status: JobStatus;
  steps: Partial<Record<StepName, StepStatus>>;
  failedStep?: StepName;
  errorCode?: string;
  format?: 'PDF' | 'DOCX';
  template?: string;
  /** A finalize job's document; absent: the résumé. */
  document?: 'resume' | 'cover-letter';
};

export type PipelineSnapshot = {
  draftId: string;
  jobs: Job[];
  paidJobs: string[];
  deleted: boolean;
  finalized: boolean;
  remindAt: number;
  reminded: boolean;
};

export type PipelineProgress = PipelineSnapshot & { currentJobId?: string };

/** The steps each kind of job runs, in order (shared with the jobs read model). */
export const stepsOf: Readonly<Record<JobKind, readonly StepName[]>> = {
  analysis: ['pay', 'extract', 'analyze'],
  rewrite: ['rewrite'],
  finalize: ['export'],
};
/** Finished jobs kept in the snapshot; older ones live on in the event store and read models. */
const KEEP_FINISHED_JOBS = 20;

export class PipelineState {
  private s: PipelineSnapshot;
  private current?: string;

  constructor(snapshot: PipelineSnapshot) {
    this.s = copy(snapshot);
  }

  static fresh(draftId: string, remindAt: number): PipelineState {
    return new PipelineState({ draftId, jobs: [], paidJobs: [], deleted: false, finalized: false, remindAt, reminded: false });
  }

  get deleted(): boolean { return this.s.deleted; }
  get finalized(): boolean { return this.s.finalized; }

  /** Redelivered signals carry the same job id: they change nothing. */
  enqueue(kind: JobKind, jobId: string, extra: Pick<Job, 'format' | 'template' | 'document'> = {}): boolean {
    if (this.s.deleted || this.s.jobs.some((j) => j.jobId === jobId)) return false;
    this.s.jobs.push({ jobId, kind, status: 'queued', steps: {}, ...extra });
    return true;
  }

  markPaid(jobId: string): void {
    if (!this.s.paidJobs.includes(jobId)) this.s.paidJobs.push(jobId);
  }

  isPaid(jobId: string): boolean { return this.s.paidJobs.includes(jobId); }

  markDeleted(): void { this.s.deleted = true; }

  hasWork(): boolean {
    return this.s.deleted || this.s.jobs.some((j) => j.status === 'queued');
  }

  nextJob(): Job | undefined {
    return this.s.jobs.find((j) => j.status === 'queued');
  }

  /** Steps of a job still to run: a retried job resumes where it failed. */
  remainingSteps(job: Job): StepName[] {
    return stepsOf[job.kind].filter((step) => job.steps[step] !== 'succeeded' && job.steps[step] !== 'waived');
  }

  begin(job: Job): void {
    job.status = 'running';
    delete job.failedStep;
    delete job.errorCode;
    this.current = job.jobId;
  }

  step(job: Job, step: StepName, status: StepStatus): void {
    job.steps[step] = status;
    if (status === 'waiting') job.status = 'waiting_payment';
    else if (job.status === 'waiting_payment') job.status = 'running';
  }

  fail(job: Job, step: StepName, errorCode: string): void {
    job.steps[step] = 'failed';
    job.status = 'failed';
    job.failedStep = step;
    job.errorCode = errorCode;
    this.finish();
  }

  succeed(job: Job): void {
    job.status = 'succeeded';
    // Exporting the cover letter leaves the draft as it was (still open for edits and the reminder).
    if (job.kind === 'finalize' && job.document !== 'cover-letter') this.s.finalized = true;
    this.finish();
  }

  /** Only a failed job can be retried; it goes back to the queue with its finished steps kept. */
  retry(jobId: string): boolean {
    const job = this.s.jobs.find((j) => j.jobId === jobId);
    if (!job || job.status !== 'failed' || this.s.deleted) return false;
    job.status = 'queued';
    return true;
  }

  /** Milliseconds until the reminder is due, or undefined when no reminder is owed. */
  reminderDueIn(now: number): number | undefined {
    if (this.s.reminded || this.s.finalized || this.s.deleted) return undefined;
    return Math.max(0, this.s.remindAt - now);
  }

  markReminded(): void { this.s.reminded = true; }

  snapshot(): PipelineSnapshot {
    const finished = this.s.jobs.filter((j) => j.status === 'succeeded' || j.status === 'failed');
    const dropped = new Set(finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED_JOBS)).map((j) => j.jobId));
    return copy({ ...this.s, jobs: this.s.jobs.filter((j) => !dropped.has(j.jobId)) });
  }

  progress(): PipelineProgress {
    return { ...this.snapshot(), ...(this.current ? { currentJobId: this.current } : {}) };
  }

  private finish(): void {
    delete this.current;
  }
}

/** The workflow sandbox has no structuredClone; the snapshot is plain JSON by construction. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
