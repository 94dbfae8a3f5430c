import { z } from 'zod';
import { defineEvent, type EventOf } from '../../platform/event-store/index.ts';

// A job is one piece of work a person asked for on a draft (an analysis, a rewrite, a finalize).
// Streams:
//   job-<jobId>                           the request and every step the pipeline recorded for it
//   idempotency-<owner>-<keyHash>         which job an Idempotency-Key already started

const at = z.iso.datetime({ offset: true });
export const jobKind = z.enum(['analysis', 'rewrite', 'finalize']);
export const stepName = z.enum(['pay', 'extract', 'analyze', 'rewrite', 'export', 'remind']);
const owner = z.object({ kind: z.enum(['user', 'guest']), id: z.uuid() });

export const JobRequested = defineEvent('JobRequested', z.object({
  jobId: z.uuid(),
  draftId: z.uuid(),
  kind: jobKind,
  owner,
  format: z.enum(['PDF', 'DOCX']).optional(),
  template: z.string().max(40).optional(),
  /** What a finalize exports: the résumé (absent on older events) or the saved cover letter (no finalize of the draft). */
  document: z.enum(['resume', 'cover-letter']).optional(),
  at,
}));

export const JobStepRecorded = defineEvent('JobStepRecorded', z.object({
  jobId: z.uuid(),
  draftId: z.uuid(),
  step: stepName,
  status: z.enum(['started', 'succeeded', 'failed', 'waived']),
  attempt: z.number().int().min(1).max(1000).optional(),
  errorCode: z.string().max(80).optional(),
  at,
}));

/** A paid job failed for good: the payment is owed back (the payments module refunds it). */
export const JobRefundDue = defineEvent('JobRefundDue', z.object({ jobId: z.uuid(), draftId: z.uuid(), reason: z.string().max(80), at }));

/** Support staff asked the pipeline to run a failed job again from its failed step. */
export const JobRetryRequested = defineEvent('JobRetryRequested', z.object({ jobId: z.uuid(), draftId: z.uuid(), staffId: z.string().max(64), at }));

export const IdempotencyKeyUsed = defineEvent('IdempotencyKeyUsed', z.object({ jobId: z.uuid(), requestHash: z.string().length(64), at }));

export const jobEvents = [JobRequested, JobStepRecorded, JobRefundDue, JobRetryRequested, IdempotencyKeyUsed] as const;
export type JobEvent = EventOf<typeof JobRequested> | EventOf<typeof JobStepRecorded> | EventOf<typeof JobRefundDue> | EventOf<typeof JobRetryRequested>;
export type JobEventData = { [E in JobEvent as E['type']]: E['data'] };
export type JobKind = z.infer<typeof jobKind>;
export type JobStepName = z.infer<typeof stepName>;
export type JobOwner = z.infer<typeof owner>;

export const jobStream = (jobId: string) => `job-${jobId}`;
