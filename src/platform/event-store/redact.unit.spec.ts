import { describe, expect, it } from '@jest/globals';
import { redactEvent, redactValue } from './redact.ts';
import type { RecordedEvent } from './types.ts';

describe('redacting events for support', () => {
  it('hides personal keys at any depth, whole subtrees included, and keeps the rest', () => {
    const data = {
      draftId: 'd-1',
      owner: { kind: 'user', Email: 'ada@example.com', fullName: 'Ada', homeAddress: { city: 'London' } },
      resumeText: 'ten years of…',
      contacts: [{ phoneNumber: '+44', label: 'work' }],
      accessToken: 'abc',
      score: 87,
    };
    expect(redactValue(data)).toEqual({
      draftId: 'd-1',
      owner: { kind: 'user', Email: '[redacted]', fullName: '[redacted]', homeAddress: '[redacted]' },
      resumeText: '[redacted]',
      contacts: [{ phoneNumber: '[redacted]', label: 'work' }],
      accessToken: '[redacted]',
      score: 87,
    });
  });

  it('adds the keys listed for the event type', () => {
    expect(redactValue({ company: 'Acme', city: 'Paris' }, ['City'])).toEqual({ company: 'Acme', city: '[redacted]' });
  });

  it('leaves the envelope readable and the original untouched', () => {
    const event = {
      type: 'ProfileNamed', data: { name: 'Ada' }, streamId: 'user-1', streamPosition: 0, position: 9,
      metadata: { eventId: 'e', commandId: 'c', correlationId: 'r', causationId: 'c', actor: { kind: 'user', id: 'u-1' }, occurredAt: 't', schemaVersion: 1 },
    } satisfies RecordedEvent;
    const shown = redactEvent(event);
    expect(shown).toEqual({ ...event, data: { name: '[redacted]' } });
    expect(event.data.name).toBe('Ada');
  });
});
