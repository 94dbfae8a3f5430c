import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import type { EmailSender } from './email-port.ts';
import { toMime } from './mime.ts';

// SES in production (credentials from the AWS SDK's own chain). The message goes raw, the same
// MIME the outbox stores, so List-Unsubscribe and both parts reach the inbox as tested locally.

export type SesOptions = { region: string; endpoint?: string; client?: SESClient };

export function createSesSender(options: SesOptions): EmailSender {
  const client = options.client ?? new SESClient({ region: options.region, ...(options.endpoint ? { endpoint: options.endpoint } : {}) });
  return {
    async send(message) {
      const sent = await client.send(new SendRawEmailCommand({
        Source: message.from, Destinations: [message.to], RawMessage: { Data: Buffer.from(toMime(message), 'utf8') },
      }));
      return { providerId: sent.MessageId ?? '' };
    },
  };
}
