// The notifications module's public face: e-mail (outbox or SES), the messages, opt-outs.
export type { EmailMessage, EmailSender } from './email-port.ts';
export { notificationEvents, notificationStream, type NotificationEvent } from './events.ts';
export { applicationFollowUpSender, type FollowUpMail } from './follow-up-sender.ts';
export { toMime } from './mime.ts';
export { createOutboxSender } from './outbox-sender.ts';
export { createNotificationsRouter } from './routes.ts';
export { createNotificationsService, type NotificationsDeps, type NotificationsService, type SendOutcome } from './service.ts';
export { notificationsSubscriber, ReadModelsBehind, type NotificationTriggerDeps } from './subscriber.ts';
export { createSesSender, type SesOptions } from './ses-sender.ts';
export { categoryOf, renderMessage, type Category, type MessageKind, type MessageParams } from './templates.ts';
export { emailSenderOf, type EmailEnv } from './transport.ts';
export { unsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token.ts';
export { notificationsApi } from './api.ts';
