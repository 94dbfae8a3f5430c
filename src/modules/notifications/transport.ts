import { join } from 'node:path';
import type { EmailSender } from './email-port.ts';
import { createOutboxSender } from './outbox-sender.ts';
import { createSesSender } from './ses-sender.ts';

// The transport from the configuration: the outbox folder unless EMAIL_TRANSPORT=ses.

export type EmailEnv = { EMAIL_TRANSPORT: 'outbox' | 'ses'; DATA_DIR: string; SES_REGION: string; SES_ENDPOINT?: string };

export function emailSenderOf(env: EmailEnv): { sender: EmailSender; transport: 'outbox' | 'ses' } {
  if (env.EMAIL_TRANSPORT === 'ses') return { sender: createSesSender({ region: env.SES_REGION, endpoint: env.SES_ENDPOINT }), transport: 'ses' };
  return { sender: createOutboxSender(join(env.DATA_DIR, 'outbox')), transport: 'outbox' };
}
