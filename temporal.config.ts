import type { ActivityOptions, LocalActivityOptions, RetryPolicy } from '@temporalio/common';

// The one table of Temporal settings shared by workers, workflows and the API's client.
// Workflows import this file, so it stays pure data: no environment, no I/O.

/** Namespace and address come from the validated environment (TEMPORAL_NAMESPACE, TEMPORAL_ADDRESS). */
export function temporalConnection(config: { TEMPORAL_NAMESPACE: string; temporalAddress: string }) {
  return { namespace: config.TEMPORAL_NAMESPACE, address: config.temporalAddress };
}

/** Workers scale per task queue: text extraction, analysis and export are the heavy ones. */
export const taskQueues = {
  pipeline: 'draft-pipeline',
  extract: 'draft-extract',
  analyze: 'draft-analyze',
  export: 'draft-export',
} as const;
export type TaskQueue = (typeof taskQueues)[keyof typeof taskQueues];

const transient: RetryPolicy = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 };

/**
 * Per step: where it runs, how long one attempt may take, and how it is retried. Errors that no
 * retry can fix are thrown as non-retryable ApplicationFailures whose type the UI explains.
 */
export const steps = {
  pay: { taskQueue: taskQueues.pipeline, startToCloseTimeout: '30 seconds', retry: transient },
  extract: {
    taskQueue: taskQueues.extract,
    startToCloseTimeout: '2 minutes',
    heartbeatTimeout: '30 seconds',
    retry: { ...transient, maximumAttempts: 5, nonRetryableErrorTypes: ['UNREADABLE_FILE', 'NO_TEXT_FOUND', 'FILE_TOO_LARGE'] },
  },
  analyze: {
    taskQueue: taskQueues.analyze,
    startToCloseTimeout: '3 minutes',
    retry: { ...transient, maximumAttempts: 6, nonRetryableErrorTypes: ['INVALID_ANALYSIS_INPUT'] },
  },
  rewrite: {
    taskQueue: taskQueues.analyze,
    startToCloseTimeout: '3 minutes',
    retry: { ...transient, maximumAttempts: 6, nonRetryableErrorTypes: ['REWRITE_QUOTA_EXCEEDED'] },
  },
  export: {
    taskQueue: taskQueues.export,
    startToCloseTimeout: '2 minutes',
    retry: { ...transient, maximumAttempts: 5, nonRetryableErrorTypes: ['UNKNOWN_TEMPLATE'] },
  },
  remind: { taskQueue: taskQueues.pipeline, startToCloseTimeout: '1 minute', retry: { ...transient, maximumAttempts: 20 } },
  /** Applications tracker: record FollowUpDue and hand the reminder e-mail to notifications. */
  followUp: { taskQueue: taskQueues.pipeline, startToCloseTimeout: '1 minute', retry: { ...transient, maximumAttempts: 20 } },
  /** Postings: fetch and import every configured source (each fetch is bounded by its own timeout). */
  refreshPostings: { taskQueue: taskQueues.pipeline, startToCloseTimeout: '10 minutes', retry: { ...transient, maximumAttempts: 3 } },
} as const satisfies Record<string, ActivityOptions>;
export type Step = keyof typeof steps;

const DAY_MS = 24 * 60 * 60 * 1000;
/** A draft left unfinished this long gets one reminder email. */
export const REMIND_AFTER_MS = 7 * DAY_MS;
/** The postings refresh schedule's id (created idempotently when the worker starts; period POSTINGS_REFRESH_HOURS). */
export const POSTINGS_REFRESH_SCHEDULE_ID = 'postings-refresh';
/** How long an analysis waits for its payment before the job fails with PAYMENT_NOT_RECEIVED. */
export const PAYMENT_WAIT_MS = 2 * DAY_MS;
/** A finalized draft's workflow ends after this long without a new request (a new one restarts it). */
export const IDLE_AFTER_FINALIZE_MS = 30 * DAY_MS;
/** Recording a step's outcome is a local activity: quick, on the workflow's own worker. */
export const recordOptions = { startToCloseTimeout: '10 seconds', retry: transient } as const satisfies LocalActivityOptions;
/** Past this many history events a long-lived draft workflow continues as new. */
export const CONTINUE_AS_NEW_AFTER_EVENTS = 2_000;
