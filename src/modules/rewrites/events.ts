import { z } from 'zod';
import { defineEvent, type EventOf } from '../../platform/event-store/index.ts';

// The review of a draft's rewrites, one stream per draft (`rewrite-review-<draftId>`): each rewrite
// the pipeline produced is offered (the history stays for support), and the person decides per
// bullet change. What they accepted or edited in the newest offer is what the export uses.

const at = z.iso.datetime({ offset: true });
const Change = z.object({ index: z.number().int().nonnegative(), original: z.string(), suggested: z.string() });
const Decided = { draftId: z.uuid(), jobId: z.uuid(), index: z.number().int().nonnegative(), at };

export const RewriteOffered = defineEvent('RewriteOffered', z.object({ draftId: z.uuid(), jobId: z.uuid(), changes: z.array(Change).max(200), at }), { redact: ['changes'] });
export const BulletChangeAccepted = defineEvent('BulletChangeAccepted', z.object(Decided));
export const BulletChangeRejected = defineEvent('BulletChangeRejected', z.object(Decided));
/** Accepted with the person's own wording (already cleaned to one line). */
export const BulletChangeEdited = defineEvent('BulletChangeEdited', z.object({ ...Decided, text: z.string().min(1).max(600) }), { redact: ['text'] });

export const rewriteEvents = [RewriteOffered, BulletChangeAccepted, BulletChangeRejected, BulletChangeEdited] as const;
export type RewriteEvent =
  | EventOf<typeof RewriteOffered> | EventOf<typeof BulletChangeAccepted> | EventOf<typeof BulletChangeRejected> | EventOf<typeof BulletChangeEdited>;
export type RewriteEventData = { [E in RewriteEvent as E['type']]: E['data'] };
export type OfferedChange = z.infer<typeof Change>;

export const reviewStream = (draftId: string) => `rewrite-review-${draftId}`;
