import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { createRouter, validate, type Router } from '../../platform/http/index.ts';
import type { NotificationsService } from './service.ts';
import { verifyUnsubscribeToken } from './unsubscribe-token.ts';

// The unsubscribe link from every e-mail. It is a GET because mail clients open links; it only ever
// opts out (idempotent, nothing to forge: the signed token names the person and the category).

export const Query = z.object({ token: z.string().min(1).max(300) });

export function createNotificationsRouter(deps: { service: NotificationsService; signingSecret: string }): Router {
  const router = createRouter();
  router.get('/api/notifications/unsubscribe', async (ctx) => {
    const { token } = validate(Query, ctx.query);
    const grant = verifyUnsubscribeToken(deps.signingSecret, token);
    if (!grant) throw new AppError('UNSUBSCRIBE_LINK_INVALID');
    await deps.service.unsubscribe(grant.userId, grant.category);
    ctx.set('cache-control', 'no-store');
    ctx.body = { unsubscribed: true, category: grant.category };
  });
  return router;
}
