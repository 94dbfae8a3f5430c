import { accountEvents } from '../modules/accounts/index.ts';
import { draftEvents } from '../modules/drafts/index.ts';
import { exportEvents } from '../modules/exports/index.ts';
import { jobEvents } from '../modules/jobs/index.ts';
import { paymentEvents } from '../modules/payments/index.ts';
import { pipelineEvents } from '../modules/pipeline/index.ts';
import { postingEvents } from '../modules/postings/index.ts';
import { applicationEvents } from '../modules/applications/index.ts';
import { notificationEvents } from '../modules/notifications/index.ts';
import { rewriteEvents } from '../modules/rewrites/index.ts';
import { staffEvents } from '../modules/staff/index.ts';
import { createEventCatalog } from '../platform/event-store/index.ts';

// Every event type the product writes, one list for the API, the worker, the projector and the
// support CLI: appends are validated against it and old shapes are upcast on the way out.
export const eventCatalog = createEventCatalog([...accountEvents, ...draftEvents, ...jobEvents, ...pipelineEvents, ...paymentEvents, ...exportEvents, ...rewriteEvents, ...notificationEvents, ...staffEvents, ...postingEvents, ...applicationEvents]);
