import { ScheduleAlreadyRunning, type Client } from '@temporalio/client';
import { POSTINGS_REFRESH_SCHEDULE_ID, taskQueues } from '../../../temporal.config.ts';

// The Temporal schedule that refreshes every configured postings source. Made when the worker
// starts; one that already exists is left as it is (an operator may have paused or retimed it).

export async function ensurePostingsRefreshSchedule(client: Client, everyHours: number): Promise<'created' | 'exists'> {
  try {
    await client.schedule.create({
      scheduleId: POSTINGS_REFRESH_SCHEDULE_ID,
      spec: { intervals: [{ every: `${everyHours}h` }] },
      action: { type: 'startWorkflow', workflowType: 'postingsRefresh', taskQueue: taskQueues.pipeline, args: [] },
      // A slow refresh is never overlapped by the next one.
      policies: { overlap: 'SKIP', catchupWindow: '1h' },
    });
    return 'created';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'exists';
    throw error;
  }
}
