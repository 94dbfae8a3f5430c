import type Stripe from 'stripe';
import { z } from 'zod';
import { fold, handleCommand } from '../../platform/command/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { CommandContext, EventStore } from '../../platform/event-store/index.ts';
import { paymentStream } from './events.ts';
import { availableCredits, paymentsDecider, sessionOfJob, type PaymentsCommand, type StripeSessionFact } from './payments-decider.ts';
import type { StripeGateway } from './stripe-gateway.ts';

// Payments for analyses. Without a Stripe gateway the product is in free mode: every pay step is
// waived (and recorded as such). With one, a FREE-plan analysis needs a paid, unused Checkout
// Session on its draft; PRO includes analyses.

export type Owner = { kind: 'user' | 'guest'; id: string };
export type PaymentDecision = { status: 'waived' | 'included' | 'paid' | 'required' };
export type PaymentsDeps = {
  eventStore: EventStore;
  gateway?: StripeGateway;
  price: { amount: number; currency: string };
  publicUrl: string;
  planOf(owner: Owner): Promise<'GUEST' | 'FREE' | 'PRO'>;
  /** The draft's owner, read from its own stream (the pipeline must not wait for projections). */
  ownerOfDraft(draftId: string): Promise<Owner | null>;
  now?: () => Date;
};

const stripeKinds: Record<string, StripeSessionFact['kind']> = {
  'checkout.session.completed': 'completed',
  'checkout.session.async_payment_succeeded': 'async_succeeded',
  'checkout.session.async_payment_failed': 'async_failed',
  'checkout.session.expired': 'expired',
};
const system = (commandId: string, now: Date): CommandContext => ({ commandId, correlationId: commandId, actor: { kind: 'system', id: 'payments' }, now });

export function createPaymentsService(deps: PaymentsDeps) {
  const { eventStore, gateway } = deps;
  const now = deps.now ?? (() => new Date());
  const load = async (draftId: string) => fold(await eventStore.readStream(paymentStream(draftId)), paymentsDecider);
  const run = (draftId: string, command: PaymentsCommand, context: CommandContext) => handleCommand(eventStore, paymentStream(draftId), command, paymentsDecider, context);

  return {
    freeMode: !gateway,

    async status(draftId: string) {
      return { freeMode: !gateway, price: deps.price, credits: gateway ? availableCredits(await load(draftId)).length : 0 };
    },

    async startCheckout(owner: Owner, draftId: string, context: CommandContext, idempotencyKey?: string) {
      if (!gateway) throw new AppError('PAYMENTS_DISABLED');
      if (owner.kind !== 'user') throw new AppError('UNAUTHENTICATED', { message: 'Create an account or sign in to pay.', details: { reason: 'missing' } });
      const back = `${deps.publicUrl.replace(/\/+$/, '')}/drafts/${draftId}`;
      const session = await gateway.createCheckout({
        draftId, ownerId: owner.id, ...deps.price, successUrl: `${back}?payment=done`, cancelUrl: `${back}?payment=cancelled`,
        idempotencyKey: `checkout:${draftId}:${idempotencyKey ?? context.commandId}`,
      }).catch((error: unknown) => {
        throw error instanceof AppError ? error : new AppError('PAYMENT_PROVIDER_FAILED', { cause: error });
      });
      const at = context.now.toISOString();
      const written = await run(draftId, { type: 'StartCheckout', draftId, sessionId: session.sessionId, ...deps.price, ownerId: owner.id, at }, context);
      return { ...session, position: written.position };
    },

    /** Verifies and applies one webhook delivery; a duplicate (same event id), in turn or at once, changes nothing. */
    async handleWebhook(rawBody: Buffer, signature: string | undefined): Promise<{ applied: boolean; type: string }> {
      if (!gateway) throw new AppError('NOT_FOUND');
      const event = gateway.verifyWebhook(rawBody, signature);
      const kind = stripeKinds[event.type];
      if (!kind) return { applied: false, type: event.type };
      const session = event.data.object as Stripe.Checkout.Session;
      const draftId = z.uuid().safeParse(session.metadata?.draftId ?? session.client_reference_id);
      if (!draftId.success) return { applied: false, type: event.type };
      const intent = session.payment_intent;
      const fact: StripeSessionFact = {
        kind, stripeEventId: event.id, sessionId: session.id,
        paid: session.payment_status === 'paid' || session.payment_status === 'no_payment_required',
        paymentIntent: typeof intent === 'string' ? intent : (intent?.id ?? null),
        amount: session.amount_total ?? 0, currency: (session.currency ?? deps.price.currency).toUpperCase(),
      };
      // The time comes from the event, so concurrent deliveries write identical events (kept once).
      const at = new Date(event.created * 1000);
      const written = await run(draftId.data, { type: 'ApplyStripe', draftId: draftId.data, fact, at: at.toISOString() }, system(`stripe:${event.id}`, at));
      return { applied: written.events.length > 0 && !written.alreadyHandled, type: event.type };
    },

    /** Before a job is queued: FREE needs a credit when payments are on. */
    async admit(owner: Owner, job: { draftId: string; kind: string }): Promise<void> {
      if (!gateway || job.kind !== 'analysis') return;
      const plan = await deps.planOf(owner);
      if (plan !== 'FREE') return;
      if (availableCredits(await load(job.draftId)).length > 0) return;
      throw new AppError('PAYMENT_REQUIRED', { details: { ...deps.price, checkout: '/api/payments/checkout' } });
    },

    /** The pipeline's pay step: spends one credit per job (a retry spends nothing more). */
    async decide(job: { draftId: string; jobId: string }): Promise<PaymentDecision> {
      if (!gateway) return { status: 'waived' };
      const owner = await deps.ownerOfDraft(job.draftId);
      const plan = owner ? await deps.planOf(owner) : 'FREE';
      if (plan === 'PRO') return { status: 'included' };
      if (plan === 'GUEST') return { status: 'waived' };
      const at = now();
      await run(job.draftId, { type: 'Consume', draftId: job.draftId, jobId: job.jobId, at: at.toISOString() }, system(`consume:${job.jobId}`, at));
      return { status: sessionOfJob(await load(job.draftId), job.jobId) ? 'paid' : 'required' };
    },

    /** A paid job failed for good: the money goes back (once), through Stripe. */
    async refund(job: { draftId: string; jobId: string; reason: string }): Promise<{ refunded: boolean }> {
      if (!gateway) return { refunded: false };
      const state = await load(job.draftId);
      const sessionId = sessionOfJob(state, job.jobId);
      const session = sessionId ? state.sessions[sessionId] : undefined;
      if (!session || session.refunded) return { refunded: false };
      const refundId = session.paymentIntent ? await gateway.refund(session.paymentIntent, `refund:${job.jobId}`) : null;
      const at = now();
      await run(job.draftId, { type: 'Refund', draftId: job.draftId, jobId: job.jobId, refundId, reason: job.reason, at: at.toISOString() }, system(`refund:${job.jobId}`, at));
      return { refunded: true };
    },
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
