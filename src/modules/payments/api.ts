import { z } from 'zod';
import { defineOperations } from '../../platform/http/openapi/index.ts';
import { CheckoutBody, DraftParams } from './routes.ts';

// /api/payments and a draft's payment status in the OpenAPI document.

const tag = 'payments';

export const paymentsApi = defineOperations([
  {
    method: 'post', path: '/api/payments/checkout', tag, access: 'caller', summary: 'Start a Stripe Checkout for one analysis of a draft', body: CheckoutBody, bodyRequired: true,
    headers: { 'idempotency-key': { schema: z.string().max(200), description: 'Repeats answer the same Checkout session.' } },
    response: { status: 201, description: 'Redirect the person to `url`.', schema: z.object({ url: z.string(), sessionId: z.string() }) },
    errors: ['UNAUTHENTICATED', 'NOT_FOUND', 'PAYMENTS_DISABLED', 'PAYMENT_PROVIDER_FAILED'],
  },
  {
    method: 'post', path: '/api/payments/webhook', tag, access: 'public', summary: 'Stripe\'s webhook (checkout completed, refunds)',
    csrfExemptBecause: 'Stripe calls it; the Stripe-Signature header over the exact body is the authorisation.',
    headers: { 'stripe-signature': { schema: z.string().max(2_000), description: 'Stripe\'s signature of the raw body.' } },
    body: z.object({}).loose(), bodyRequired: true,
    response: { status: 200, description: 'Received (applied is false for events already seen or not ours).', schema: z.object({ received: z.literal(true), applied: z.boolean() }) },
    errors: ['BAD_REQUEST', 'WEBHOOK_SIGNATURE_INVALID', 'PAYMENTS_DISABLED', 'NOT_FOUND', 'CONFLICT'],
    notFuzzedBecause: 'only a body signed with the webhook secret gets past the signature check',
  },
  {
    method: 'get', path: '/api/drafts/:id/payment', tag, access: 'caller', summary: 'Price, free mode and the credits a draft has', params: DraftParams,
    response: { status: 200, description: 'Payment status.', schema: z.object({ freeMode: z.boolean(), price: z.object({ amount: z.number(), currency: z.string() }).loose(), credits: z.number().int() }) },
    errors: ['UNAUTHENTICATED', 'NOT_FOUND', 'VALIDATION_FAILED'],
  },
]);
