import { createHash, randomUUID } from 'node:crypto';
import { handleCommand } from '../../platform/command/index.ts';
import { AppError } from '../../platform/errors.ts';
import { WrongExpectedRevisionError, type CommandContext, type EventStore } from '../../platform/event-store/index.ts';
import { jobStream, type JobKind, type JobOwner, type JobStepName } from './events.ts';
import { jobDecider, type StepState } from './job-decider.ts';

// Commands on jobs: a person's request (with an optional Idempotency-Key) and the pipeline's
// step records. The API only appends; the dispatcher turns JobRequested into a workflow signal.

export type JobRequest = { draftId: string; kind: JobKind; format?: 'PDF' | 'DOCX'; template?: string; document?: 'resume' | 'cover-letter' };
export type RequestedJob = { jobId: string; position: number; reused: boolean };
export type StepReport = { jobId: string; draftId: string; step: JobStepName; status: StepState; attempt?: number; errorCode?: string };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const idempotencyStream = (owner: JobOwner, key: string) => `idempotency-${owner.kind}-${owner.id}-${sha256(key).slice(0, 32)}`;
const systemActor = { kind: 'system' as const, id: 'pipeline' };
/** What a key is bound to. A cover-letter export is another request than a résumé export (older hashes stay as they were). */
const requestHashOf = (job: JobRequest) =>
  sha256(JSON.stringify([job.draftId, job.kind, job.format ?? null, job.template ?? null, ...(job.document === 'cover-letter' ? [job.document] : [])]));

export function createJobService(deps: { eventStore: EventStore; now?: () => Date }) {
  const { eventStore } = deps;
  const now = deps.now ?? (() => new Date());

  // The command id and time come from the job, so concurrent requests with one Idempotency-Key
  // write byte-identical events: the store keeps one and answers the others as already appended.
  const request = async (owner: JobOwner, jobId: string, job: JobRequest, context: CommandContext, at: string) => {
    const command = { ...context, commandId: `request:${jobId}` };
    const result = await handleCommand(eventStore, jobStream(jobId), { type: 'Request', jobId, owner, ...job, at }, jobDecider, command);
    return result.position;
  };

  /** Which job a key already started: the same request answers that job, another one is refused. */
  const claimKey = async (owner: JobOwner, key: string, requestHash: string, context: CommandContext): Promise<{ jobId: string; reused: boolean; at: string }> => {
    const streamId = idempotencyStream(owner, key);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const [first] = await eventStore.readStream(streamId);
      if (first) {
        const used = first.data as { jobId: string; requestHash: string; at: string };
        if (used.requestHash !== requestHash) {
          throw new AppError('IDEMPOTENCY_KEY_REUSED', { details: { jobId: used.jobId } });
        }
        return { jobId: used.jobId, reused: true, at: used.at };
      }
      const jobId = randomUUID();
      const at = context.now.toISOString();
      try {
        const command = { ...context, commandId: `idempotency:${jobId}` };
        await eventStore.append(streamId, [{ type: 'IdempotencyKeyUsed', data: { jobId, requestHash, at } }], { expectedRevision: 'no_stream', command });
        return { jobId, reused: false, at };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
    throw new AppError('CONFLICT');
  };

  return {
    async requestJob(owner: JobOwner, job: JobRequest, context: CommandContext, idempotencyKey?: string): Promise<RequestedJob> {
      if (idempotencyKey === undefined) {
        const jobId = randomUUID();
        return { jobId, position: await request(owner, jobId, job, context, context.now.toISOString()), reused: false };
      }
      const { jobId, reused, at } = await claimKey(owner, idempotencyKey, requestHashOf(job), context);
      // A crash between the key and the request leaves the key pointing at no job: finish it now.
      return { jobId, position: await request(owner, jobId, job, context, at), reused };
    },

    /** The job this very request already started with this key, or null (a new key, or another request: requestJob answers that). */
    async replayOf(owner: JobOwner, job: JobRequest, idempotencyKey: string): Promise<string | null> {
      const [first] = await eventStore.readStream(idempotencyStream(owner, idempotencyKey));
      const used = first?.data as { jobId: string; requestHash: string } | undefined;
      return used && used.requestHash === requestHashOf(job) ? used.jobId : null;
    },

    /** Idempotent: the command id is made of the report, so an activity retry appends nothing twice. */
    async recordStep(report: StepReport): Promise<void> {
      const id = `step:${report.jobId}:${report.step}:${report.status}:${report.attempt ?? 0}`;
      const context: CommandContext = { commandId: id, correlationId: report.jobId, actor: systemActor, now: now() };
      await handleCommand(eventStore, jobStream(report.jobId), { type: 'RecordStep', ...report, at: context.now.toISOString() }, jobDecider, context);
    },

    /** Support's retry of a failed job; the dispatcher sends it to the draft's workflow. */
    async retryJob(jobId: string, staff: { id: string }, context: CommandContext): Promise<{ position: number }> {
      const result = await handleCommand(eventStore, jobStream(jobId), { type: 'Retry', jobId, staffId: staff.id, at: context.now.toISOString() }, jobDecider, context);
      return { position: result.position };
    },

    async markRefundDue(input: { jobId: string; draftId: string; reason: string }): Promise<void> {
      const context: CommandContext = { commandId: `refund-due:${input.jobId}`, correlationId: input.jobId, actor: systemActor, now: now() };
      await handleCommand(eventStore, jobStream(input.jobId), { type: 'MarkRefundDue', ...input, at: context.now.toISOString() }, jobDecider, context);
    },
  };
}

export type JobService = ReturnType<typeof createJobService>;
