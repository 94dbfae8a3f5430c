import { randomUUID } from 'node:crypto';
import type { Context } from 'koa';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { createRouter, rawRequestBody, requestBody, validate, type Router } from '../../platform/http/index.ts';
import type { Owner, PaymentsService } from './service.ts';

// /api/payments: start a Checkout for a draft, and Stripe's webhook (CSRF-exempt: it is signed).

export type PaymentRouteDeps = {
  service: PaymentsService;
  ownerOf(ctx: Context): Promise<Owner>;
  ownsDraft(owner: Owner, draftId: string): Promise<boolean>;
};

export const CheckoutBody = z.object({ draftId: z.uuid() });
export const DraftParams = z.object({ id: z.uuid() });

export function createPaymentsRouter(deps: PaymentRouteDeps): Router {
  const router = createRouter();

  router.post('/api/payments/checkout', async (ctx) => {
    const { draftId } = validate(CheckoutBody, requestBody(ctx));
    const owner = await deps.ownerOf(ctx);
    if (!(await deps.ownsDraft(owner, draftId))) throw new AppError('NOT_FOUND');
    const context = { commandId: randomUUID(), correlationId: String(ctx.state.requestId ?? randomUUID()), actor: owner, now: new Date() };
    const session = await deps.service.startCheckout(owner, draftId, context, ctx.get('idempotency-key') || undefined);
    ctx.status = 201;
    ctx.body = { url: session.url, sessionId: session.sessionId };
  });

  router.post('/api/payments/webhook', async (ctx) => {
    const raw = rawRequestBody(ctx);
    if (!raw) throw new AppError('BAD_REQUEST', { message: 'The webhook body must be JSON.' });
    const outcome = await deps.service.handleWebhook(raw, ctx.get('stripe-signature') || undefined);
    ctx.body = { received: true, applied: outcome.applied };
  });

  router.get('/api/drafts/:id/payment', async (ctx) => {
    const { id } = validate(DraftParams, ctx.params);
    if (!(await deps.ownsDraft(await deps.ownerOf(ctx), id))) throw new AppError('NOT_FOUND');
    ctx.body = await deps.service.status(id);
  });

  return router;
}
