import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { FollowUpActivities } from '../../modules/applications/index.ts';
import { steps } from '../../../temporal.config.ts';
import { applicationStatusChanged, type FollowUpWorkflowInput } from './messages.ts';

// One per application that became "applied": a durable timer of FOLLOW_UP_DAYS. A status move
// cancels it; a move back to "applied" restarts it from that moment. When the timer runs out the
// activity records FollowUpDue (and the e-mail goes out) — it checks the application's stream
// again, so a move the signal did not bring in time still prevents the reminder.

const { followUpDue } = proxyActivities<FollowUpActivities>(steps.followUp);

export async function applicationFollowUp(input: FollowUpWorkflowInput): Promise<'sent' | 'not-due' | 'cancelled'> {
  let appliedAt = input.appliedAt;
  let cancelled = false;
  let moves = 0;
  setHandler(applicationStatusChanged, (move) => {
    moves += 1;
    cancelled = move.to !== 'applied';
    if (!cancelled) appliedAt = move.at;
  });
  for (;;) {
    const seen = moves;
    const remaining = Math.max(1, Date.parse(appliedAt) + input.followUpMs - Date.now());
    const moved = await condition(() => moves !== seen, remaining);
    if (!moved) return followUpDue({ applicationId: input.applicationId, appliedAt });
    if (cancelled) return 'cancelled';
  }
}
