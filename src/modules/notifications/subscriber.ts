import { z } from 'zod';
import type { RecordedEvent } from '../../platform/event-store/index.ts';
import { defineSubscriber, type Projection } from '../../projections/index.ts';
import type { NotificationsService } from './service.ts';
import type { MessageKind } from './templates.ts';

// Turns what happened elsewhere into e-mail: a registration into the welcome, a payment into its
// receipt, a finished analysis into "ready". Run by the projector as a subscriber (its own
// checkpoint, work done outside the batch transaction). Each message is keyed by the event's id:
// the notifications stream records the send (EmailSent) and the outbox refuses a message id it
// holds, so a restart or a redelivered batch sends nothing twice. Guests have no address and get
// nothing; opt-outs are honoured by the service.

export type NotificationTriggerDeps = {
  service: Pick<NotificationsService, 'send'>;
  /** Where links in the messages point (PUBLIC_URL). */
  publicUrl: string;
  /** A draft's owner now (drafts module); null when the draft is gone. */
  ownerOfDraft(draftId: string): Promise<{ kind: 'user' | 'guest'; id: string } | null>;
  /** True once the read models the recipient look-up uses have seen `position`. When false the
   *  batch fails and is tried again (a missing row must not read as "no such person"). */
  readModelsAt?(position: number): Promise<boolean>;
  /** Events older than this are passed by: a first start on an old store, or a long outage, must
   *  not mail people about last month. */
  maxAgeMs?: number;
  now?: () => Date;
};

const registered = z.object({ userId: z.uuid() });
const paid = z.object({ draftId: z.uuid(), amount: z.number().int().nonnegative(), currency: z.string().length(3) });
const analysed = z.object({ draftId: z.uuid(), jobId: z.uuid() });
const defaultMaxAgeMs = 2 * 86_400_000;

export class ReadModelsBehind extends Error {
  constructor(position: number) {
    super(`the recipient read models have not reached position ${position} yet`);
    this.name = 'ReadModelsBehind';
  }
}

export function notificationsSubscriber(deps: NotificationTriggerDeps): Projection {
  const now = deps.now ?? (() => new Date());
  const base = deps.publicUrl.replace(/\/+$/, '');
  const draftLink = (draftId: string) => `${base}/drafts/${draftId}`;

  const send = async (kind: MessageKind, userId: string, event: RecordedEvent, params: Parameters<NotificationsService['send']>[3]) => {
    if (deps.readModelsAt && !(await deps.readModelsAt(event.position))) throw new ReadModelsBehind(event.position);
    await deps.service.send(kind, userId, event.metadata.eventId, params);
  };
  const userOwning = async (draftId: string) => {
    const owner = await deps.ownerOfDraft(draftId);
    return owner?.kind === 'user' ? owner.id : null;
  };

  const on: Record<string, (event: RecordedEvent) => Promise<void>> = {
    UserRegistered: async (event) => {
      const { userId } = registered.parse(event.data);
      await send('welcome', userId, event, { link: `${base}/drafts` });
    },
    PaymentReceived: async (event) => {
      const { draftId, amount, currency } = paid.parse(event.data);
      const userId = await userOwning(draftId);
      if (userId) await send('payment-receipt', userId, event, { link: draftLink(draftId), amount: { value: amount, currency } });
    },
    AnalysisCompleted: async (event) => {
      const { draftId } = analysed.parse(event.data);
      const userId = await userOwning(draftId);
      if (userId) await send('analysis-ready', userId, event, { link: draftLink(draftId) });
    },
  };

  return defineSubscriber({
    name: 'notifications',
    version: 1,
    handles: Object.keys(on),
    async deliver(events) {
      const oldest = now().getTime() - (deps.maxAgeMs ?? defaultMaxAgeMs);
      for (const event of events) {
        if (Date.parse(event.metadata.occurredAt) < oldest) continue;
        await on[event.type]!(event);
      }
    },
  });
}
