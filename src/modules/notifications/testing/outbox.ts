import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

// Reads the outbox folder back as a mail client would: one entry per .eml with its headers and
// the decoded text and HTML parts, for tests that check what really went out.

export type OutboxMessage = { file: string; raw: string; headers: Record<string, string>; text: string; html: string };

const part = (raw: string, type: 'plain' | 'html') => {
  const body = new RegExp(`Content-Type: text/${type}; charset=UTF-8\\r\\nContent-Transfer-Encoding: base64\\r\\n\\r\\n([A-Za-z0-9+/=\\r\\n]+?)\\r\\n--`).exec(raw)?.[1] ?? '';
  return Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8');
};

const decodeHeader = (value: string) => value.replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));

export function parseEml(file: string, raw: string): OutboxMessage {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = decodeHeader(line.slice(colon + 1).trim());
  }
  return { file, raw, headers, text: part(raw, 'plain'), html: part(raw, 'html') };
}

/** Every message in the folder (none when it does not exist yet), in file-name order. */
export async function readOutbox(folder: string): Promise<OutboxMessage[]> {
  const files = (await readdir(folder).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(files.map(async (file) => parseEml(file, await readFile(join(folder, file), 'utf8'))));
}
