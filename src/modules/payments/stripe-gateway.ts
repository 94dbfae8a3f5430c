import Stripe from 'stripe';
import { AppError } from '../../platform/errors.ts';

// The only file that talks to Stripe. Tests point it at stripe-mock (STRIPE_API_URL); webhooks are
// verified by Stripe's own signature code on the raw body, with a 5-minute tolerance.

export type StripeSettings = { secretKey: string; webhookSecret?: string; apiUrl?: string };
export type CheckoutRequest = {
  draftId: string; ownerId: string; amount: number; currency: string; successUrl: string; cancelUrl: string; idempotencyKey: string;
};

export const WEBHOOK_TOLERANCE_SECONDS = 300;

export function createStripeGateway(settings: StripeSettings) {
  const api = settings.apiUrl ? new URL(settings.apiUrl) : undefined;
  const stripe = new Stripe(settings.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    ...(api ? { host: api.hostname, port: api.port || (api.protocol === 'https:' ? 443 : 80), protocol: api.protocol === 'http:' ? ('http' as const) : ('https' as const) } : {}),
  });
  return {
    async createCheckout(request: CheckoutRequest): Promise<{ sessionId: string; url: string }> {
      const session = await stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: [{ quantity: 1, price_data: { currency: request.currency.toLowerCase(), unit_amount: request.amount, product_data: { name: 'Résumé analysis' } } }],
        client_reference_id: request.draftId,
        metadata: { draftId: request.draftId, ownerId: request.ownerId },
        payment_intent_data: { metadata: { draftId: request.draftId } },
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
      }, { idempotencyKey: request.idempotencyKey });
      if (!session.url) throw new AppError('PAYMENT_PROVIDER_FAILED', { message: 'Stripe returned a session without a URL.' });
      return { sessionId: session.id, url: session.url };
    },

    async refund(paymentIntent: string, idempotencyKey: string): Promise<string> {
      const refund = await stripe.refunds.create({ payment_intent: paymentIntent, reason: 'requested_by_customer' }, { idempotencyKey });
      return refund.id;
    },

    /** The event, if the signature is ours and fresh; WEBHOOK_SIGNATURE_INVALID otherwise. */
    verifyWebhook(rawBody: Buffer, signature: string | undefined, nowSeconds?: number): Stripe.Event {
      if (!settings.webhookSecret) throw new AppError('NOT_FOUND');
      if (!signature) throw new AppError('WEBHOOK_SIGNATURE_INVALID', { details: { reason: 'missing' } });
      try {
        return stripe.webhooks.constructEvent(rawBody, signature, settings.webhookSecret, WEBHOOK_TOLERANCE_SECONDS, undefined, nowSeconds);
      } catch (error) {
        throw new AppError('WEBHOOK_SIGNATURE_INVALID', { details: { reason: (error as Error).message.includes('Timestamp') ? 'stale' : 'mismatch' } });
      }
    },

    /** For tests and the local demo: a header Stripe would send for this body. */
    signForTest(payload: string, secret: string, timestamp?: number): string {
      return stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp === undefined ? {} : { timestamp }) });
    },
  };
}

export type StripeGateway = ReturnType<typeof createStripeGateway>;
