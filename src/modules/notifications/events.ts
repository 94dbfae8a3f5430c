import { z } from 'zod';
import { defineEvent, type EventOf } from '../../platform/event-store/index.ts';

// One stream per user (`notifications-<userId>`): what they opted out of, and which messages were
// sent (kind and a key, never the content or the address), so a retried send does not send twice.

const at = z.iso.datetime({ offset: true });
const Category = z.enum(['account', 'receipts', 'updates', 'reminders']);

export const EmailUnsubscribed = defineEvent('EmailUnsubscribed', z.object({ userId: z.uuid(), category: Category, at }));
export const EmailSent = defineEvent('EmailSent', z.object({
  userId: z.uuid(), kind: z.enum(['welcome', 'payment-receipt', 'analysis-ready', 'draft-reminder', 'application-follow-up']),
  key: z.string().min(1).max(200), messageId: z.uuid(), transport: z.enum(['outbox', 'ses']), at,
}));

export const notificationEvents = [EmailUnsubscribed, EmailSent] as const;
export type NotificationEvent = EventOf<typeof EmailUnsubscribed> | EventOf<typeof EmailSent>;
export const notificationStream = (userId: string) => `notifications-${userId}`;
