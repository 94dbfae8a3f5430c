// The staff module's public face: support's window on a draft (timeline, workflow history,
// replay, bundle) and the admin's controls (overview, retries, plans, feature flags).
export { staffEvents, flagsStream, FlagName, type StaffEvent } from './events.ts';
export { createFeatureFlags, defaultFlags, foldFlags, type FeatureFlags, type Flags } from './feature-flags.ts';
export { createWorkflowHistories, summarizeHistory, type HistoryLine, type WorkflowHistories } from './workflow-history.ts';
export { draftTimeline, type TimelineEntry } from './draft-timeline.ts';
export { adminOverview, listJobs, JobFilter } from './overview.ts';
export { createStaffRouter, type StaffRouteDeps } from './routes.ts';
export { staffApi } from './api.ts';
