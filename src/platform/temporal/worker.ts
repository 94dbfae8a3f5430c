import { DefaultLogger, NativeConnection, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import { temporalConnection } from '../../../temporal.config.ts';

export type WorkerPlan = {
  taskQueue: string;
  activities?: object;
  workflowsPath?: string;
  workflowBundle?: WorkerOptions['workflowBundle'];
  maxConcurrentActivityTaskExecutions?: number;
};

export type RunningWorkers = { done: Promise<void>; shutdown(): Promise<void> };

/**
 * Starts one worker per plan on a shared connection; `done` settles when they all stop
 * (after `shutdown()`, or when one fails, which stops the rest: a half-running worker is worse).
 */
export async function runWorkers(
  config: { TEMPORAL_NAMESPACE: string; temporalAddress: string },
  plans: WorkerPlan[],
): Promise<RunningWorkers> {
  const { namespace, address } = temporalConnection(config);
  const connection = await NativeConnection.connect({ address });
  const workers = await Promise.all(
    plans.map((plan) => Worker.create({ connection, namespace, ...plan, shutdownGraceTime: '10 seconds' })),
  );
  const shutdown = async () => {
    for (const worker of workers) if (worker.getState() === 'RUNNING') worker.shutdown();
  };
  const done = Promise.all(
    workers.map((worker) => worker.run().catch(async (error: unknown) => {
      await shutdown();
      throw error;
    })),
  ).then(() => undefined).finally(() => connection.close());
  return { done, shutdown };
}

let runtimeInstalled = false;
/** Routes the SDK's own logs through one level (once per process; the SDK allows one install). */
export function installTemporalRuntime(level: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' = 'WARN'): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger(level) });
  runtimeInstalled = true;
}
