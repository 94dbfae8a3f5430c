import Stripe from 'stripe';

// Stripe as the product meets it: webhooks signed with the configured secret (by Stripe's own
// code), delivered at least once, in any order, and retried while the endpoint fails, as Stripe
// does (it retries for days; here every few hundred milliseconds).

const signer = new Stripe('sk_test_signer');

export type StripeEvent = { id: string; type: string; created: number; object: 'event'; data: { object: Record<string, unknown> } };

type SessionEventType = 'checkout.session.completed' | 'checkout.session.async_payment_succeeded' | 'checkout.session.expired';

export function sessionEvent(id: string, type: SessionEventType, session: { id: string; draftId: string; paid: boolean }): StripeEvent {
  return {
    id, object: 'event', type, created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: session.id, object: 'checkout.session', payment_status: session.paid ? 'paid' : 'unpaid', payment_intent: session.paid ? `pi_${session.id}` : null,
        amount_total: 499, currency: 'eur', client_reference_id: session.draftId, metadata: { draftId: session.draftId },
      },
    },
  };
}

export class StripeDeliveries {
  /** Every delivery (first sends and duplicates), with the answer it finally got. */
  readonly log: { eventId: string; type: string; status: number }[] = [];
  /** Deliveries Stripe had to repeat because the endpoint failed (network error or 5xx). */
  readonly retryTimes: number[] = [];
  private readonly url: string;
  private readonly secret: string;

  constructor(baseUrl: string, secret: string) {
    this.url = `${baseUrl}/api/payments/webhook`;
    this.secret = secret;
  }

  /** One delivery, retried until it is answered below 500 (each attempt signed afresh, as Stripe does). */
  async deliver(event: StripeEvent): Promise<number> {
    const payload = JSON.stringify(event);
    for (let attempt = 1; ; attempt += 1) {
      const signature = signer.webhooks.generateTestHeaderString({ payload, secret: this.secret });
      try {
        const answer = await fetch(this.url, { method: 'POST', body: payload, headers: { 'content-type': 'application/json', 'stripe-signature': signature } });
        await answer.arrayBuffer();
        if (answer.status < 500 || attempt >= 60) {
          this.log.push({ eventId: event.id, type: event.type, status: answer.status });
          return answer.status;
        }
      } catch (error) {
        if (attempt >= 60) throw error;
      }
      this.retryTimes.push(Date.now());
      await new Promise((r) => setTimeout(r, Math.min(2_000, 150 * attempt)));
    }
  }
}
