import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, NewEvent, RecordedEvent } from '../../platform/event-store/index.ts';
import { createOutboxSender } from './outbox-sender.ts';
import { createNotificationsService } from './service.ts';
import { renderMessage, type MessageKind } from './templates.ts';
import { unsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token.ts';

const userId = '0b6f3a8e-5c1d-4e2f-9a7b-3c4d5e6f7a8b';
const kinds: MessageKind[] = ['welcome', 'payment-receipt', 'analysis-ready', 'draft-reminder', 'application-follow-up'];
const secret = 'test-notifications-secret-0123456789abcdef';

/** Just enough event store for the service: streams in memory. */
function memoryStore(): EventStore {
  const streams = new Map<string, RecordedEvent[]>();
  let position = 0;
  return {
    async readStream(id: string) { return streams.get(id) ?? []; },
    async append(id: string, events: readonly NewEvent[]) {
      const list = streams.get(id) ?? [];
      for (const e of events) list.push({ ...e, streamId: id, streamPosition: list.length, position: ++position, metadata: {} as RecordedEvent['metadata'] });
      streams.set(id, list);
      return { nextExpectedRevision: list.length - 1, position, alreadyAppended: false };
    },
  } as unknown as EventStore;
}

describe('messages', () => {
  it.each(kinds)('%s has a text and an HTML part, the link and the unsubscribe link, and nothing else of the person', (kind) => {
    const message = renderMessage(kind, { name: 'Maria', link: 'https://coach.example/drafts/1', unsubscribeUrl: 'https://coach.example/u?token=t', amount: { value: 499, currency: 'EUR' }, company: 'Acme' });
    for (const part of [message.text, message.html]) {
      expect(part).toContain('https://coach.example/drafts/1');
      expect(part).toContain('https://coach.example/u?token=t');
      expect(part).toContain('Maria');
    }
    expect(message.subject.length).toBeGreaterThan(5);
  });

  it('has no way to carry résumé text: unknown parameters are not rendered, and a hostile name is escaped and cut to one line', () => {
    const params = { name: '<script>alert(1)</script>\r\nBcc: x@evil', link: 'https://coach.example/d', unsubscribeUrl: 'https://coach.example/u', resumeText: 'Led migration of the payments platform' } as never;
    for (const kind of kinds) {
      const message = renderMessage(kind, params);
      expect(`${message.text}${message.html}`).not.toContain('payments platform');
      expect(message.html).not.toContain('<script>');
      expect(message.text).not.toMatch(/\r|\nBcc:/);
    }
  });
});

describe('unsubscribe token', () => {
  it('names the person and category, and refuses tampering, other secrets and junk', () => {
    const token = unsubscribeToken(secret, userId, 'reminders');
    expect(verifyUnsubscribeToken(secret, token)).toEqual({ userId, category: 'reminders' });
    const forged = `${Buffer.from(`${userId}:receipts`).toString('base64url')}.${token.split('.')[1]}`;
    expect(verifyUnsubscribeToken(secret, forged)).toBeNull();
    expect(verifyUnsubscribeToken(`${secret}x`, token)).toBeNull();
    for (const junk of ['', '.', 'a.b.c', 'x'.repeat(400), `${token}.`]) expect(verifyUnsubscribeToken(secret, junk)).toBeNull();
  });
});

describe('sending through the outbox', () => {
  const setup = async () => {
    const folder = await mkdtemp(join(tmpdir(), 'outbox-'));
    const service = createNotificationsService({
      eventStore: memoryStore(), sender: createOutboxSender(folder), transport: 'outbox', from: 'coach@example.com', publicUrl: 'https://coach.example', signingSecret: secret,
      recipientOf: async () => ({ email: 'maria@example.com', name: 'María' }),
    });
    return { folder, service };
  };

  it('writes one .eml per message with both parts and List-Unsubscribe; the same occasion twice is one message', async () => {
    const { folder, service } = await setup();
    expect(await service.send('draft-reminder', userId, 'draft-1', { link: 'https://coach.example/drafts/1' })).toBe('sent');
    expect(await service.send('draft-reminder', userId, 'draft-1', { link: 'https://coach.example/drafts/1' })).toBe('already-sent');
    const files = await readdir(folder);
    expect(files.filter((f) => f.endsWith('.eml'))).toHaveLength(1);
    const eml = await readFile(join(folder, files[0]!), 'utf8');
    expect(eml).toMatch(/^To: maria@example.com\r$/m);
    expect(eml).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(eml).toContain('Content-Type: text/html; charset=UTF-8');
    expect(eml).toMatch(/^List-Unsubscribe: <https:\/\/coach.example\/api\/notifications\/unsubscribe\?token=/m);
  });

  it('refuses a second message under the same id: the first file stays as it was', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'outbox-'));
    const sender = createOutboxSender(folder);
    const message = { id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427', from: 'coach@example.com', to: 'maria@example.com', unsubscribeUrl: 'https://u', subject: 'first', text: 't', html: 'h' };
    await sender.send(message);
    await Promise.all([sender.send({ ...message, subject: 'second' }), sender.send({ ...message, subject: 'third' })]);
    const files = await readdir(folder);
    expect(files).toEqual(['1b4e28ba-2fa1-41d2-883f-0016d3cca427.eml']);
    expect(await readFile(join(folder, files[0]!), 'utf8')).toMatch(/^Subject: first\r$/m);
  });

  it('sends nothing to an address that carries more than one address (header injection, lists, display names)', async () => {
    for (const email of ['maria@example.com\r\nBcc: evil@example.com', 'maria@example.com, evil@example.com', 'Maria <maria@example.com>', 'maria@exa mple.com', '']) {
      const folder = await mkdtemp(join(tmpdir(), 'outbox-'));
      const service = createNotificationsService({
        eventStore: memoryStore(), sender: createOutboxSender(folder), transport: 'outbox', from: 'coach@example.com', publicUrl: 'https://coach.example', signingSecret: secret,
        recipientOf: async () => ({ email, name: null }),
      });
      expect(await service.send('welcome', userId, 'event-1', { link: 'https://coach.example' })).toBe('invalid-address');
      expect(await readdir(folder).catch(() => [])).toEqual([]);
    }
  });

  it('honours an unsubscribe for its category only', async () => {
    const { folder, service } = await setup();
    await service.unsubscribe(userId, 'reminders');
    expect(await service.send('draft-reminder', userId, 'draft-2', { link: 'https://coach.example/d' })).toBe('unsubscribed');
    expect(await service.send('analysis-ready', userId, 'job-1', { link: 'https://coach.example/d' })).toBe('sent');
    expect((await readdir(folder)).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
  });
});
