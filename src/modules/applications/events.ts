import { z } from 'zod';
import { defineEvent } from '../../platform/event-store/index.ts';

// Every fact of the applications tracker, one stream per application: `application-<id>`.
// Status moves are events of their own, so the history of an application is its stream.

const at = z.iso.datetime({ offset: true });
export const ApplicationStatus = z.enum(['saved', 'applied', 'interview', 'offer', 'rejected', 'withdrawn']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;
const day = z.iso.date();

export const ApplicationDetails = z.object({
  company: z.string().trim().min(1).max(200),
  role: z.string().trim().min(1).max(200),
  postingUrl: z.url({ protocol: /^https?$/ }).max(2_000).nullable(),
  postingId: z.uuid().nullable(),
  draftId: z.uuid().nullable(),
  notes: z.string().max(5_000),
  /** The day the person applied, as they say (imports, late entries); set on the move to applied when empty. */
  appliedOn: day.nullable(),
});
export type ApplicationDetails = z.infer<typeof ApplicationDetails>;

export const ApplicationCreated = defineEvent('ApplicationCreated', z.object({ applicationId: z.uuid(), userId: z.uuid(), status: ApplicationStatus, details: ApplicationDetails, at }));
export const ApplicationEdited = defineEvent('ApplicationEdited', z.object({ applicationId: z.uuid(), details: ApplicationDetails, at }));
export const ApplicationStatusChanged = defineEvent('ApplicationStatusChanged', z.object({ applicationId: z.uuid(), from: ApplicationStatus, to: ApplicationStatus, appliedOn: day.nullable(), at }));
export const ApplicationDeleted = defineEvent('ApplicationDeleted', z.object({ applicationId: z.uuid(), at }));
/** The follow-up timer ran out while the application was still "applied" (recorded once per application of it). */
export const FollowUpDue = defineEvent('FollowUpDue', z.object({ applicationId: z.uuid(), userId: z.uuid(), appliedAt: at, at }));

export const applicationEvents = [ApplicationCreated, ApplicationEdited, ApplicationStatusChanged, ApplicationDeleted, FollowUpDue] as const;
export type ApplicationEventData = { [D in (typeof applicationEvents)[number] as D['type']]: z.output<D['schema']> };
export type ApplicationEvent = { [K in keyof ApplicationEventData]: { type: K; data: ApplicationEventData[K] } }[keyof ApplicationEventData];

export const applicationStream = (applicationId: string) => `application-${applicationId}`;
