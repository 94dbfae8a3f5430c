import type { CommandContext, EventStore, RecordedEvent } from '../../platform/event-store/index.ts';
import { uuidV5 } from '../../platform/event-store/index.ts';
import type { EmailSender } from './email-port.ts';
import { notificationStream } from './events.ts';
import { categoryOf, renderMessage, type Category, type MessageKind, type MessageParams } from './templates.ts';
import { unsubscribeToken } from './unsubscribe-token.ts';

// Sends one message to one user: honours their opt-outs, finds the address only at send time (it
// is sealed in the accounts module), and records the send so a retry does not mail twice.

export type NotificationsDeps = {
  eventStore: EventStore;
  sender: EmailSender;
  transport: 'outbox' | 'ses';
  from: string;
  publicUrl: string;
  signingSecret: string;
  /** The address and greeting name of a user; null when the account is gone. */
  recipientOf(userId: string): Promise<{ email: string; name: string | null } | null>;
  now?: () => Date;
};

export type SendOutcome = 'sent' | 'already-sent' | 'unsubscribed' | 'no-recipient' | 'invalid-address';

/** One plain address and nothing else: no display name, no list, no line breaks to smuggle headers. */
export const isPlainAddress = (value: string) => value.length <= 254 && /^[^\s@<>(),;:"\\[\]\u0000-\u001f\u007f]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/.test(value);
const namespace = '6f1d7c3e-2b8a-4f4e-9d1a-5b7c9e0a1f23';

function preferencesOf(history: readonly RecordedEvent[]) {
  const unsubscribed = new Set<Category>();
  const sent = new Set<string>();
  for (const event of history) {
    const data = event.data as { category?: Category; kind?: string; key?: string };
    if (event.type === 'EmailUnsubscribed' && data.category) unsubscribed.add(data.category);
    if (event.type === 'EmailSent') sent.add(`${data.kind}:${data.key}`);
  }
  return { unsubscribed, sent };
}

export function createNotificationsService(deps: NotificationsDeps) {
  const now = deps.now ?? (() => new Date());
  const system = (commandId: string): CommandContext => ({ commandId, correlationId: commandId, actor: { kind: 'system', id: 'notifications' }, now: now() });

  return {
    /** `key` names the occasion (a draft id, a payment id): one message per kind and key. */
    async send(kind: MessageKind, userId: string, key: string, params: Pick<MessageParams, 'link' | 'amount' | 'company'>): Promise<SendOutcome> {
      const stream = notificationStream(userId);
      const { unsubscribed, sent } = preferencesOf(await deps.eventStore.readStream(stream));
      const category = categoryOf[kind];
      if (unsubscribed.has(category)) return 'unsubscribed';
      if (sent.has(`${kind}:${key}`)) return 'already-sent';
      const recipient = await deps.recipientOf(userId);
      if (!recipient) return 'no-recipient';
      if (!isPlainAddress(recipient.email)) return 'invalid-address';
      const unsubscribeUrl = `${deps.publicUrl}/api/notifications/unsubscribe?token=${unsubscribeToken(deps.signingSecret, userId, category)}`;
      const body = renderMessage(kind, { ...params, name: recipient.name, unsubscribeUrl });
      const messageId = uuidV5(`${userId}:${kind}:${key}`, namespace);
      await deps.sender.send({ id: messageId, from: deps.from, to: recipient.email, unsubscribeUrl, ...body });
      await deps.eventStore.append(stream, [{ type: 'EmailSent', data: { userId, kind, key, messageId, transport: deps.transport, at: now().toISOString() } }], {
        expectedRevision: 'any', command: system(`email:${kind}:${userId}:${key}`),
      });
      return 'sent';
    },

    /** Opting out is idempotent: a second click writes nothing. */
    async unsubscribe(userId: string, category: Category): Promise<void> {
      const stream = notificationStream(userId);
      if (preferencesOf(await deps.eventStore.readStream(stream)).unsubscribed.has(category)) return;
      await deps.eventStore.append(stream, [{ type: 'EmailUnsubscribed', data: { userId, category, at: now().toISOString() } }], {
        expectedRevision: 'any', command: system(`unsubscribe:${userId}:${category}`),
      });
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
