import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '../../platform/event-store/index.ts';
import { notificationsSubscriber, ReadModelsBehind } from './subscriber.ts';

// Which event becomes which message, for whom, and what is passed by. The sending itself (opt-outs,
// once per key, the outbox) is the service's, tested against a real outbox and event store.

const userId = '0b6f3a8e-5c1d-4e2f-9a7b-3c4d5e6f7a8b';
const draftId = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const now = new Date('2026-12-01T12:00:00Z');
let position = 0;
const event = (type: string, data: object, occurredAt = '2026-12-01T11:59:00Z'): RecordedEvent => ({
  type, data, streamId: 's', streamPosition: 0, position: ++position,
  metadata: { eventId: `event-${position}`, commandId: 'c', correlationId: 'c', causationId: 'c', actor: { kind: 'system', id: 't' }, occurredAt, schemaVersion: 1 },
});

function setup(options: { owner?: { kind: 'user' | 'guest'; id: string } | null; caughtUp?: boolean } = {}) {
  const sends: unknown[][] = [];
  const subscriber = notificationsSubscriber({
    service: { send: async (...args) => (sends.push(args), 'sent' as const) },
    publicUrl: 'https://coach.example/',
    ownerOfDraft: async () => (options.owner === undefined ? { kind: 'user', id: userId } : options.owner),
    readModelsAt: async () => options.caughtUp ?? true,
    now: () => now,
  });
  return { sends, deliver: (events: RecordedEvent[]) => subscriber.deliver!(events) };
}

describe('the notifications subscriber', () => {
  it('turns a registration, a payment and a finished analysis into one send each, keyed by event id', async () => {
    const { sends, deliver } = setup();
    const events = [
      event('UserRegistered', { userId }),
      event('PaymentReceived', { draftId, amount: 499, currency: 'EUR', sessionId: 'cs_1' }),
      event('AnalysisCompleted', { draftId, jobId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' }),
      event('DraftRenamed', { draftId }),
    ];
    await deliver(events);
    expect(sends).toEqual([
      ['welcome', userId, events[0]!.metadata.eventId, { link: 'https://coach.example/drafts' }],
      ['payment-receipt', userId, events[1]!.metadata.eventId, { link: `https://coach.example/drafts/${draftId}`, amount: { value: 499, currency: 'EUR' } }],
      ['analysis-ready', userId, events[2]!.metadata.eventId, { link: `https://coach.example/drafts/${draftId}` }],
    ]);
  });

  it('writes to nobody for a guest’s draft or a draft that is gone', async () => {
    for (const owner of [{ kind: 'guest' as const, id: userId }, null]) {
      const { sends, deliver } = setup({ owner });
      await deliver([event('AnalysisCompleted', { draftId, jobId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' }), event('PaymentReceived', { draftId, amount: 1, currency: 'EUR' })]);
      expect(sends).toEqual([]);
    }
  });

  it('passes by events older than two days (a first start on an old store mails nobody)', async () => {
    const { sends, deliver } = setup();
    await deliver([event('UserRegistered', { userId }, '2026-11-29T11:59:00Z'), event('UserRegistered', { userId }, '2026-11-29T12:01:00Z')]);
    expect(sends).toHaveLength(1);
  });

  it('fails the batch (to be retried) while the read models are behind, instead of reading "no such person"', async () => {
    const { sends, deliver } = setup({ caughtUp: false });
    await expect(deliver([event('UserRegistered', { userId })])).rejects.toBeInstanceOf(ReadModelsBehind);
    expect(sends).toEqual([]);
  });

  it('fails loudly on an event that does not have the shape it relies on', async () => {
    const { deliver } = setup();
    await expect(deliver([event('UserRegistered', { userId: 'not-a-uuid' })])).rejects.toThrow();
  });
});
