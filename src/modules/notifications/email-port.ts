// How the product sends e-mail, whatever carries it: a local outbox folder (the default) or SES.

export type EmailMessage = {
  /** Stable per message (a retry sends the same id): the outbox file name, the Message-ID. */
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The signed unsubscribe address, also sent as List-Unsubscribe. */
  unsubscribeUrl: string;
};

export interface EmailSender {
  send(message: EmailMessage): Promise<{ providerId: string }>;
}
