// The pipeline module's public face: the activities the worker registers (made of the other
// modules' pieces), the results it records, and the route that serves them.
export { createPipelineActivities, type PipelineDeps } from './activities.ts';
export { analysisInputOf, bulletsOf, type JobText } from './analysis-input.ts';
export { pipelineEvents, resultStream, type PipelineEvent, type PipelineEventData } from './events.ts';
export { createResultsRouter, type ResultRouteDeps } from './routes.ts';
export { pipelineApi } from './api.ts';
