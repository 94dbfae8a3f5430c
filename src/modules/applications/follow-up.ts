import type { ApplicationsService } from './service.ts';

// The follow-up reminder's activity. The workflow's timer decides *when*; this decides *whether*
// (the application's own stream: still applied since the same moment) and records FollowUpDue.
// Sending the e-mail is a port the notifications module implements; `key` is the same on every
// retry, so a sender that remembers keys sends once.

export type FollowUp = { applicationId: string; userId: string; appliedAt: string; company: string | null; role: string | null; key: string };
export type SendFollowUp = (followUp: FollowUp) => Promise<void>;

export type FollowUpInput = { applicationId: string; appliedAt: string };

export function createFollowUpActivities(deps: { service: Pick<ApplicationsService, 'recordFollowUpDue'>; sendFollowUp: SendFollowUp }) {
  return {
    async followUpDue(input: FollowUpInput): Promise<'sent' | 'not-due'> {
      const due = await deps.service.recordFollowUpDue(input.applicationId, input.appliedAt);
      if (!due) return 'not-due';
      await deps.sendFollowUp({
        applicationId: due.applicationId, userId: due.userId, appliedAt: due.appliedAt, company: due.company, role: due.role, key: `follow-up:${due.applicationId}:${due.appliedAt}`,
      });
      return 'sent';
    },
  };
}

export type FollowUpActivities = ReturnType<typeof createFollowUpActivities>;

/** Until notifications implements the port: the FollowUpDue event is recorded, nothing is sent. */
export const noFollowUpSender: SendFollowUp = async () => undefined;
