import { describe, expect, it } from '@jest/globals';
import type { PaymentEvent } from './events.ts';
import { availableCredits, decidePayments, evolvePayments, initialPaymentsState, type PaymentsCommand, type PaymentsState, type StripeSessionFact } from './payments-decider.ts';

const draftId = '0b9d7c6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e';
const jobId = '6f0c1a52-3b7e-4f8a-9d21-1c2b3a4d5e6f';
const at = '2026-12-03T09:00:00.000Z';

function run(commands: PaymentsCommand[], state: PaymentsState = initialPaymentsState) {
  const events: PaymentEvent[] = [];
  for (const command of commands) {
    for (const event of decidePayments(command, state)) {
      events.push(event);
      state = evolvePayments(state, event);
    }
  }
  return { state, events };
}

const fact = (kind: StripeSessionFact['kind'], extra: Partial<StripeSessionFact> = {}): PaymentsCommand => ({
  type: 'ApplyStripe', draftId, at,
  fact: { kind, stripeEventId: `evt_${kind}`, sessionId: 'cs_1', paid: kind === 'completed', paymentIntent: 'pi_1', amount: 499, currency: 'EUR', ...extra },
});
const consume = (id = jobId): PaymentsCommand => ({ type: 'Consume', draftId, jobId: id, at });

describe('a draft\'s payments', () => {
  it('credits a paid session once, however often and in whatever order Stripe reports it', () => {
    const orders = [
      [fact('completed'), fact('completed')],
      [fact('async_succeeded'), fact('completed', { paid: false })],
      [fact('completed', { paid: false }), fact('async_succeeded'), fact('async_succeeded')],
      [fact('completed'), fact('expired'), fact('async_failed')],
    ];
    for (const commands of orders) {
      const { state, events } = run(commands);
      expect(events.filter((e) => e.type === 'PaymentReceived')).toHaveLength(1);
      expect(availableCredits(state)).toEqual(['cs_1']);
    }
  });

  it('gives nothing for a session still pending, failed or expired', () => {
    expect(availableCredits(run([fact('completed', { paid: false })]).state)).toEqual([]);
    expect(run([fact('completed', { paid: false }), fact('async_failed')]).events.map((e) => e.type)).toEqual(['PaymentPending', 'PaymentFailed']);
    expect(run([fact('expired'), fact('expired')]).events.map((e) => e.type)).toEqual(['CheckoutExpired']);
  });

  it('lets one job spend one credit, and a retried job nothing more', () => {
    const { state, events } = run([fact('completed'), consume(), consume(), consume('7f0c1a52-3b7e-4f8a-9d21-1c2b3a4d5e6f')]);
    expect(events.filter((e) => e.type === 'PaymentConsumed')).toHaveLength(1);
    expect(availableCredits(state)).toEqual([]);
  });

  it('refunds a consumed payment once, and nothing for a job that paid nothing', () => {
    const refund: PaymentsCommand = { type: 'Refund', draftId, jobId, refundId: 're_1', reason: 'NO_TEXT_LAYER', at };
    expect(run([fact('completed'), consume(), refund, refund]).events.filter((e) => e.type === 'PaymentRefunded')).toHaveLength(1);
    expect(run([refund]).events).toEqual([]);
  });

  it('records a checkout once', () => {
    const start: PaymentsCommand = { type: 'StartCheckout', draftId, sessionId: 'cs_1', amount: 499, currency: 'EUR', ownerId: '11111111-2222-4333-8444-555555555555', at };
    expect(run([start, start]).events).toHaveLength(1);
  });
});
