// The rewrites module's public face: the review of a draft's rewritten bullets (offer, accept,
// reject, edit), the accepted set the export uses, and the per-plan quota and cooldown.
export { rewriteEvents, reviewStream, type RewriteEvent, type RewriteEventData, type OfferedChange } from './events.ts';
export { acceptedChanges, decideReview, evolveReview, initialReview, reviewDecider, type DecisionInput, type ReviewCommand, type ReviewState } from './review-decider.ts';
export { changesOf, createRewriteReviewService, maxEditLength, type RewriteReviewService } from './service.ts';
export { createRewriteQuota, type RewriteQuota, type RewriteQuotaDeps } from './rewrite-quota.ts';
export { createReviewReader, createRewriteReviewRouter, type ReviewRouteDeps, type ReviewView } from './routes.ts';
export { rewritesApi } from './api.ts';
