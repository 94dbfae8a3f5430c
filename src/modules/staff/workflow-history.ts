import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { Client } from '@temporalio/client';
import { AppError } from '../../platform/errors.ts';

// A draft workflow's Temporal history, as support reads it: each step's scheduling, attempts,
// failures and timings (inputs and results are left out), and whether today's code still replays it.

export type HistoryLine = { id: number; at: string; type: string; activity?: string; attempt?: number; errorType?: string; message?: string; signal?: string };
type RawEvent = Record<string, unknown> & { eventId: string; eventTime: string; eventType: string };

const grpcNotFound = 5;
const short = (type: string) => type.replace(/^EVENT_TYPE_/, '').toLowerCase();

export function summarizeHistory(json: { events?: RawEvent[] }): HistoryLine[] {
  const scheduled = new Map<string, string>();
  return (json.events ?? []).map((event) => {
    const line: HistoryLine = { id: Number(event.eventId), at: event.eventTime, type: short(event.eventType) };
    const attributes = Object.entries(event).find(([key]) => key.endsWith('EventAttributes'))?.[1] as Record<string, unknown> | undefined;
    const name = (attributes?.activityType as { name?: string } | undefined)?.name;
    if (name) {
      scheduled.set(event.eventId, name);
      line.activity = name;
    }
    const scheduledId = attributes?.scheduledEventId as string | undefined;
    if (scheduledId && scheduled.has(scheduledId)) line.activity = scheduled.get(scheduledId);
    if (typeof attributes?.attempt === 'number') line.attempt = attributes.attempt;
    const failure = attributes?.failure as { message?: string; applicationFailureInfo?: { type?: string } } | undefined;
    if (failure) {
      line.message = failure.message?.slice(0, 300);
      line.errorType = failure.applicationFailureInfo?.type;
    }
    if (typeof attributes?.signalName === 'string') line.signal = attributes.signalName;
    return line;
  });
}

export function createWorkflowHistories(deps: { client: Client; workflowsPath: string }) {
  const fetch = async (workflowId: string) => {
    try {
      return await deps.client.workflow.getHandle(workflowId).fetchHistory();
    } catch (error) {
      // fetchHistory passes on the raw gRPC NOT_FOUND (status 5) rather than a WorkflowNotFoundError.
      if ((error as Error).name === 'WorkflowNotFoundError' || (error as { code?: unknown }).code === grpcNotFound) {
        throw new AppError('NOT_FOUND', { message: 'No workflow has run for this draft.' });
      }
      throw error;
    }
  };
  return {
    async raw(workflowId: string): Promise<unknown> {
      return JSON.parse(historyToJSON(await fetch(workflowId))) as unknown;
    },
    async summary(workflowId: string): Promise<HistoryLine[]> {
      return summarizeHistory(JSON.parse(historyToJSON(await fetch(workflowId))) as { events: RawEvent[] });
    },
    /** Replays the history against the current workflow code: deterministic, or the reason it is not. */
    async replay(workflowId: string): Promise<{ deterministic: boolean; error?: string }> {
      const history = await fetch(workflowId);
      // Loaded on first use: the worker's native module is heavy and only replays need it.
      const { Worker } = await import('@temporalio/worker');
      try {
        await Worker.runReplayHistory({ workflowsPath: deps.workflowsPath, bundlerOptions: { logger: quiet } } as never, history, workflowId);
        return { deterministic: true };
      } catch (error) {
        return { deterministic: false, error: `${(error as Error).name}: ${(error as Error).message}`.slice(0, 2_000) };
      }
    },
  };
}

const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };
export type WorkflowHistories = ReturnType<typeof createWorkflowHistories>;
