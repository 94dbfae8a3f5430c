import type { NotificationsService } from './service.ts';

// The applications tracker's follow-up e-mail: the tracker's SendFollowUp port (its activity
// decides whether one is due), implemented here so the message, its link into the web app and its
// opt-out stay with the other messages. `key` names the "applied" moment: one e-mail per timer.

export type FollowUpMail = { applicationId: string; userId: string; company: string | null; key: string };

export function applicationFollowUpSender(deps: { service: Pick<NotificationsService, 'send'>; publicUrl: string }) {
  const base = deps.publicUrl.replace(/\/+$/, '');
  return async (followUp: FollowUpMail): Promise<void> => {
    await deps.service.send('application-follow-up', followUp.userId, followUp.key, {
      link: `${base}/tracker/${followUp.applicationId}`, company: followUp.company ?? undefined,
    });
  };
}
