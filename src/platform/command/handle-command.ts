import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../errors.ts';
import { WrongExpectedRevisionError, type CommandContext, type EventStore, type NewEvent } from '../event-store/index.ts';
import { planCommand, type Decider } from './plan.ts';

export type CommandResult<E extends NewEvent> = {
  /** What the command wrote (or, for a retried command, wrote the first time). */
  events: E[];
  /** Global position to wait for before reading your own write; the stream's last one when nothing was written. */
  position: number;
  /** The stream's revision after the command; undefined when the stream still does not exist. */
  revision: number | undefined;
  alreadyHandled: boolean;
};

export const defaultMaxAttempts = 4;

/** Load → fold → decide → append with the expected revision; a conflict re-runs the whole cycle. */
export async function handleCommand<C, S, E extends NewEvent>(
  eventStore: EventStore,
  streamId: string,
  command: C,
  decider: Decider<C, S, E>,
  context: CommandContext,
  options: { maxAttempts?: number } = {},
): Promise<CommandResult<E>> {
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  for (let attempt = 1; ; attempt += 1) {
    const history = await eventStore.readStream(streamId);
    const plan = planCommand(history, command, context.commandId, decider);
    if (plan.kind === 'already-handled') return { events: plan.events, position: plan.position, revision: plan.revision, alreadyHandled: true };
    if (plan.kind === 'nothing') return { events: [], position: plan.position, revision: plan.revision, alreadyHandled: false };
    try {
      const written = await eventStore.append(streamId, plan.events, { expectedRevision: plan.expectedRevision, command: context });
      return { events: plan.events, position: written.position, revision: written.nextExpectedRevision, alreadyHandled: written.alreadyAppended };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (attempt >= maxAttempts) throw new AppError('CONFLICT', { cause: error, details: { streamId, attempts: attempt } });
      // A little jitter so writers that collided do not collide again in lockstep.
      await sleep(Math.random() * 5 * attempt);
    }
  }
}
