import { z } from 'zod';
import { defineEvent, type EventOf } from '../../platform/event-store/index.ts';
import { ExtractedResume } from '../files/index.ts';
import { ResumeForm } from './resume-form.ts';

// Every fact the drafts module records, on one stream per draft: `draft-<draftId>`.
// A draft holds the person's own material (their résumé text, the job they aim at); it carries no
// account data — the owner is an id, never a name or an address. The support CLI hides any key
// containing `name` or `text` already; the storage key is hidden too (it is never shown to a client).

const at = z.iso.datetime({ offset: true });

/** Who a draft belongs to: a signed-up user, or a guest (until the guest signs up and is claimed). */
export const DraftOwner = z.object({ kind: z.enum(['user', 'guest']), id: z.uuid() });
export type DraftOwner = z.infer<typeof DraftOwner>;

export const DraftStatus = z.enum(['DRAFT', 'IN_REVIEW', 'READY', 'FINALIZED']);
export type DraftStatus = z.infer<typeof DraftStatus>;

/** Where the résumé comes from: an uploaded file, or the general résumé's form (a PRO entitlement). */
export const DraftSource = z.enum(['UPLOAD', 'GENERAL']);
export type DraftSource = z.infer<typeof DraftSource>;

export const DraftTitle = z.string().trim().min(1).max(120);

/** Pasted text, or a reference to a job posting (the jobs module), or both. */
export const JobDescription = z.object({
  title: z.string().max(200).nullable(),
  company: z.string().max(200).nullable(),
  text: z.string().max(20_000).nullable(),
  postingId: z.string().max(100).nullable(),
});
export type JobDescription = z.infer<typeof JobDescription>;

export const ResumeFile = z.object({
  /** Server-made (`resumes/<owner>/<uuid>.<ext>`); never shown to a client. */
  storageKey: z.string().min(1).max(512),
  displayName: z.string().min(1).max(200),
  size: z.number().int().positive(),
  kind: z.enum(['pdf', 'docx', 'txt', 'md']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ResumeFile = z.infer<typeof ResumeFile>;

/** `source` is absent on drafts created before general résumés existed: those are UPLOAD drafts. */
export const DraftCreated = defineEvent('DraftCreated', z.object({ draftId: z.uuid(), owner: DraftOwner, title: DraftTitle.nullable(), source: DraftSource.optional(), at }));
export const DraftRenamed = defineEvent('DraftRenamed', z.object({ draftId: z.uuid(), title: DraftTitle.nullable(), at }));
export const JobDescriptionSet = defineEvent('JobDescriptionSet', z.object({ draftId: z.uuid(), job: JobDescription, at }));
export const ResumeUploaded = defineEvent('ResumeUploaded', z.object({ draftId: z.uuid(), file: ResumeFile, at }), { redact: ['storageKey'] });
/** A general résumé's form, saved whole; `revision` counts the saves, and `form-<revision>` is its key for extraction. */
export const ResumeFormSaved = defineEvent('ResumeFormSaved', z.object({
  draftId: z.uuid(),
  revision: z.number().int().positive(),
  form: ResumeForm,
  at,
}), { redact: ['form'] });
/** What the pipeline's extract step read from the résumé that has `storageKey` — a file's, or `form-<revision>` for a form (a stale one is never recorded). */
export const ResumeTextExtracted = defineEvent('ResumeTextExtracted', z.object({
  draftId: z.uuid(),
  storageKey: z.string().min(1).max(512),
  jobId: z.string().min(1).max(200),
  extracted: ExtractedResume,
  at,
}), { redact: ['storageKey', 'extracted'] });
export const DraftStatusChanged = defineEvent('DraftStatusChanged', z.object({ draftId: z.uuid(), from: DraftStatus, to: DraftStatus, at }));
/** A guest's draft passed to the user the guest became (GuestClaimed in the accounts module). */
export const DraftClaimed = defineEvent('DraftClaimed', z.object({ draftId: z.uuid(), from: DraftOwner, to: DraftOwner, at }));
export const DraftDeleted = defineEvent('DraftDeleted', z.object({ draftId: z.uuid(), at }));

/** Every definition, for the event catalog (src/bin/event-catalog.ts). */
export const draftEvents = [
  DraftCreated, DraftRenamed, JobDescriptionSet, ResumeUploaded, ResumeFormSaved, ResumeTextExtracted, DraftStatusChanged, DraftClaimed, DraftDeleted,
] as const;

export type DraftEvent =
  | EventOf<typeof DraftCreated> | EventOf<typeof DraftRenamed> | EventOf<typeof JobDescriptionSet> | EventOf<typeof ResumeUploaded> | EventOf<typeof ResumeFormSaved>
  | EventOf<typeof ResumeTextExtracted> | EventOf<typeof DraftStatusChanged> | EventOf<typeof DraftClaimed> | EventOf<typeof DraftDeleted>;

/** The data of each draft event type, for projections: `DraftEventData['DraftCreated']`. */
export type DraftEventData = { [D in (typeof draftEvents)[number] as D['type']]: z.output<D['schema']> };

export const draftStream = (draftId: string): string => `draft-${draftId}`;
