import { z } from 'zod';
import { defineEvent, type EventOf } from '../../platform/event-store/index.ts';

// Money for analyses, one stream per draft (`payments-<draftId>`): checkouts started, what Stripe
// told us about each Checkout Session, which job used which payment, and refunds. Amounts are in
// minor units (cents); no card data ever reaches us.

const at = z.iso.datetime({ offset: true });
const sessionId = z.string().min(1).max(255);

export const CheckoutStarted = defineEvent('CheckoutStarted', z.object({
  draftId: z.uuid(), sessionId, amount: z.number().int().nonnegative(), currency: z.string().length(3), ownerId: z.uuid(), at,
}));
/** Money arrived for a session (completed and paid, or an async payment that succeeded). */
export const PaymentReceived = defineEvent('PaymentReceived', z.object({
  draftId: z.uuid(), sessionId, stripeEventId: z.string().max(255), paymentIntent: z.string().max(255).nullable(),
  amount: z.number().int().nonnegative(), currency: z.string().length(3), at,
}));
/** Completed, but the money is still on its way (bank debits and the like). */
export const PaymentPending = defineEvent('PaymentPending', z.object({ draftId: z.uuid(), sessionId, stripeEventId: z.string().max(255), at }));
export const PaymentFailed = defineEvent('PaymentFailed', z.object({ draftId: z.uuid(), sessionId, stripeEventId: z.string().max(255), at }));
export const CheckoutExpired = defineEvent('CheckoutExpired', z.object({ draftId: z.uuid(), sessionId, stripeEventId: z.string().max(255), at }));
/** One analysis job used one payment. */
export const PaymentConsumed = defineEvent('PaymentConsumed', z.object({ draftId: z.uuid(), sessionId, jobId: z.uuid(), at }));
export const PaymentRefunded = defineEvent('PaymentRefunded', z.object({
  draftId: z.uuid(), sessionId, jobId: z.uuid(), refundId: z.string().max(255).nullable(), reason: z.string().max(80), at,
}));

export const paymentEvents = [CheckoutStarted, PaymentReceived, PaymentPending, PaymentFailed, CheckoutExpired, PaymentConsumed, PaymentRefunded] as const;
export type PaymentEvent =
  | EventOf<typeof CheckoutStarted> | EventOf<typeof PaymentReceived> | EventOf<typeof PaymentPending> | EventOf<typeof PaymentFailed>
  | EventOf<typeof CheckoutExpired> | EventOf<typeof PaymentConsumed> | EventOf<typeof PaymentRefunded>;

export const paymentStream = (draftId: string) => `payments-${draftId}`;
