// The jobs module's public face: work a person asked for on a draft, how the pipeline reports it,
// and the dispatcher that hands it to Temporal.
export { jobEvents, jobStream, type JobEvent, type JobEventData, type JobKind, type JobOwner, type JobStepName } from './events.ts';
export { decideJob, evolveJob, finalStep as finalStepOf, initialJobState, jobDecider, type JobCommand, type JobState } from './job-decider.ts';
export { createJobService, type JobRequest, type JobService, type RequestedJob, type StepReport } from './service.ts';
export { createJobReadModel, type JobReadModel, type JobView } from './read-model.ts';
export { createJobsRouter, type JobRouteDeps } from './routes.ts';
export { defaultStreamOptions, type StreamOptions } from './job-events-stream.ts';
export { createJobActivities, type JobActivities } from './activities.ts';
export { createPipelineSignals, type DispatchedJob, type PipelineSignals } from './pipeline-signals.ts';
export { dispatcherProjection } from './dispatcher.ts';
export { createJobsModule, type JobsDeps, type JobsModule } from './module.ts';
export { jobsApi } from './api.ts';
