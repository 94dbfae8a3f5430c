// Every workflow the pipeline worker runs is exported here (the worker bundles this file).
export { draftPipeline } from './draft-pipeline/workflow.ts';
export { applicationFollowUp } from './application-follow-up/workflow.ts';
export { postingsRefresh } from './postings-refresh.ts';
