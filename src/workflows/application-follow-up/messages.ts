import { defineSignal } from '@temporalio/workflow';

// The follow-up workflow's id and messages, shared by the workflow and the dispatcher.
export const followUpWorkflowId = (applicationId: string) => `application-${applicationId}`;

/** An application moved: to "applied" again (the timer restarts from `at`), or anywhere else (cancelled). */
export type StatusMove = { to: string; at: string };
export const applicationStatusChanged = defineSignal<[StatusMove]>('applicationStatusChanged');

export type FollowUpWorkflowInput = { applicationId: string; appliedAt: string; followUpMs: number };
