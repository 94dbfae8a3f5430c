export { connectTemporalClient, lazyTemporalClient, type TemporalClient } from './client.ts';
export { runWorkers, installTemporalRuntime, type WorkerPlan, type RunningWorkers } from './worker.ts';
