import { randomUUID } from 'node:crypto';
import { fold, handleCommand } from '../../platform/command/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { EventStore } from '../../platform/event-store/index.ts';
import { applicationDecider, type ApplicationCommand } from './decide.ts';
import { applicationStream, type ApplicationDetails, type ApplicationStatus } from './events.ts';

// load → decide → append for the tracker. A linked draft must be the user's own (asked of the
// drafts module through `ownsDraft`), so nobody can attach, and later open, someone else's draft.

export type ApplicationsServiceDeps = { eventStore: EventStore; ownsDraft(userId: string, draftId: string): Promise<boolean>; now(): Date };
type Req = { requestId: string };

export function createApplicationsService(deps: ApplicationsServiceDeps) {
  const run = (req: Req, userId: string, applicationId: string, command: ApplicationCommand, commandId: string = randomUUID()) =>
    handleCommand(deps.eventStore, applicationStream(applicationId), command, applicationDecider, {
      commandId, correlationId: req.requestId || commandId, actor: { kind: 'user', id: userId }, now: deps.now(),
    });
  const checkDraft = async (userId: string, details: ApplicationDetails) => {
    if (details.draftId && !(await deps.ownsDraft(userId, details.draftId))) throw new AppError('DRAFT_NOT_FOUND');
  };
  const at = () => deps.now().toISOString();

  return {
    /** The current details, from the stream (a partial edit is completed from them, never from the read model). */
    async details(userId: string, applicationId: string): Promise<ApplicationDetails> {
      const state = fold(await deps.eventStore.readStream(applicationStream(applicationId)), applicationDecider);
      if (!state.exists || state.deleted || state.userId !== userId) throw new AppError('APPLICATION_NOT_FOUND');
      return state.details!;
    },
    async create(req: Req, userId: string, input: { status: ApplicationStatus; details: ApplicationDetails }) {
      await checkDraft(userId, input.details);
      const applicationId = randomUUID();
      const written = await run(req, userId, applicationId, { type: 'Create', applicationId, userId, status: input.status, details: input.details, at: at() });
      return { id: applicationId, position: written.position };
    },
    async edit(req: Req, userId: string, applicationId: string, details: ApplicationDetails) {
      await checkDraft(userId, details);
      return { position: (await run(req, userId, applicationId, { type: 'Edit', userId, details, at: at() })).position };
    },
    async move(req: Req, userId: string, applicationId: string, to: ApplicationStatus) {
      return { position: (await run(req, userId, applicationId, { type: 'Move', userId, to, at: at() })).position };
    },
    async remove(req: Req, userId: string, applicationId: string) {
      return { position: (await run(req, userId, applicationId, { type: 'Delete', userId, at: at() })).position };
    },
    /** For the follow-up activity: a retried activity appends nothing twice (command id per timer start). */
    async recordFollowUpDue(applicationId: string, appliedAt: string) {
      const written = await handleCommand(deps.eventStore, applicationStream(applicationId), { type: 'RecordFollowUpDue', appliedAt, at: at() }, applicationDecider, {
        commandId: `follow-up:${applicationId}:${appliedAt}`, correlationId: `application-${applicationId}`, actor: { kind: 'system', id: 'follow-up' }, now: deps.now(),
      });
      const due = written.events.find((e) => e.type === 'FollowUpDue');
      if (!due) return null;
      // Also on a retry (already recorded): the e-mail may not have gone out yet; the sender is idempotent per key.
      const state = fold(await deps.eventStore.readStream(applicationStream(applicationId)), applicationDecider);
      return { ...due.data, company: state.details?.company ?? null, role: state.details?.role ?? null };
    },
  };
}

export type ApplicationsService = ReturnType<typeof createApplicationsService>;
