import { z } from 'zod';
import { defineOperations } from '../../platform/http/openapi/index.ts';
import { Query } from './routes.ts';

// The unsubscribe link of every e-mail, in the OpenAPI document.

export const notificationsApi = defineOperations([
  {
    method: 'get', path: '/api/notifications/unsubscribe', tag: 'notifications', access: 'public', summary: 'Opt out of one kind of e-mail (the link in each e-mail)',
    query: Query,
    response: { status: 200, description: 'Opted out.', schema: z.object({ unsubscribed: z.literal(true), category: z.string() }) },
    errors: ['UNSUBSCRIBE_LINK_INVALID', 'CONFLICT'],
  },
]);
