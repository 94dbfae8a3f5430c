import type { Projection } from './define-projection.ts';
import { analysesProjection } from './analyses.ts';
import { draftsProjection } from './drafts.ts';
import { exportsProjection } from './exports.ts';
import { jobsProjection } from './jobs.ts';
import { postingSearchesProjection } from './posting-searches.ts';
import { postingsProjection } from './postings.ts';
import { applicationsProjection } from './applications.ts';
import { revenueProjection } from './revenue.ts';
import { rewriteReviewsProjection } from './rewrite-reviews.ts';
import { streamCatalog } from './stream-catalog.ts';
import { accountReadModels } from './users-read-models.ts';

// Every projection the projector runs. A module adds its read models here.
export const projections: readonly Projection[] = [streamCatalog, ...accountReadModels, draftsProjection, jobsProjection, analysesProjection, revenueProjection, exportsProjection, rewriteReviewsProjection, postingsProjection, postingSearchesProjection, applicationsProjection];

export function projectionNamed(name: string): Projection | undefined {
  return projections.find((p) => p.name === name);
}

export { defineProjection, tablePrefix, type Projection, type ProjectionBatchHandler, type ProjectionHandler, type ProjectionSpec } from './define-projection.ts';
export { defineSubscriber, type SubscriberSpec } from './define-subscriber.ts';
export { streamCatalog } from './stream-catalog.ts';
export { startProjector, type RunningProjector, type ProjectorOptions } from './projector.ts';
export { prepareProjection, rebuildProjection } from './setup.ts';
export { applyBatch } from './apply-batch.ts';
export { backlogOf, projectionStatus, unpreparedReadModels, type ProjectionStatus } from './status.ts';
export { readModelFigures } from './metrics-figures.ts';
export { createPositionWaiter, type PositionWaiter } from './position-waiter.ts';
export { createReadYourWrites, parseMinPosition } from './read-your-writes.ts';
