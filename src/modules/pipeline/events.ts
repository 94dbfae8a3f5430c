import { z } from 'zod';
import { AnalysisResult, BulletCritique } from '../analysis/index.ts';
import { defineEvent, type EventOf } from '../../platform/event-store/index.ts';

// What the pipeline produced for a job, one stream per job (`analysis-<jobId>`): the result is
// written once, with a command id made of the job id, so a retried activity adds nothing.

const at = z.iso.datetime({ offset: true });

export const AnalysisCompleted = defineEvent('AnalysisCompleted', z.object({ jobId: z.uuid(), draftId: z.uuid(), result: AnalysisResult, at }), { redact: ['result'] });
export const BulletsRewritten = defineEvent('BulletsRewritten', z.object({ jobId: z.uuid(), draftId: z.uuid(), critiques: z.array(BulletCritique), at }), { redact: ['critiques'] });
/** The draft sat unfinished for 7 days; the notifications module e-mails its owner. */
export const DraftReminderDue = defineEvent('DraftReminderDue', z.object({ draftId: z.uuid(), at }));

export const pipelineEvents = [AnalysisCompleted, BulletsRewritten, DraftReminderDue] as const;
export type PipelineEvent = EventOf<typeof AnalysisCompleted> | EventOf<typeof BulletsRewritten> | EventOf<typeof DraftReminderDue>;
export type PipelineEventData = { [E in PipelineEvent as E['type']]: E['data'] };

export const resultStream = (jobId: string) => `analysis-${jobId}`;
export const reminderStream = (draftId: string) => `reminder-${draftId}`;
