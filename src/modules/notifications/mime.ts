import type { EmailMessage } from './email-port.ts';

// One RFC 5322 message with a text and an HTML part, as the outbox stores it and SES sends it raw.
// Headers are encoded (RFC 2047) and bodies base64, so no value can break the framing.

const encodeHeader = (value: string) => (/^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`);
const base64Lines = (value: string) => Buffer.from(value, 'utf8').toString('base64').replace(/.{1,76}/g, '$&\r\n');
/** Header values never carry line breaks: an address or subject cannot add headers. */
const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ');

export function toMime(message: EmailMessage, date = new Date()): string {
  const boundary = `=_alt_${message.id.replace(/[^A-Za-z0-9]/g, '')}`;
  const domain = oneLine(message.from).split('@')[1]?.replace(/[^A-Za-z0-9.-]/g, '') || 'localhost';
  return [
    `From: ${oneLine(message.from)}`,
    `To: ${oneLine(message.to)}`,
    `Subject: ${encodeHeader(oneLine(message.subject))}`,
    `Date: ${date.toUTCString()}`,
    `Message-ID: <${message.id}@${domain}>`,
    `List-Unsubscribe: <${oneLine(message.unsubscribeUrl)}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(message.text),
    `--${boundary}`,
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(message.html),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
