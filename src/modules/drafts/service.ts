import { randomUUID } from 'node:crypto';
import { fold, handleCommand } from '../../platform/command/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor, CommandContext, EventStore } from '../../platform/event-store/index.ts';
import { inspectUpload, resumeKey, type FileStorage } from '../files/index.ts';
import { draftDecider, type DraftCommand } from './decide.ts';
import type { DraftState } from './draft-state.ts';
import { draftStream, type DraftOwner, type DraftSource, type DraftStatus, type JobDescription } from './events.ts';
import { conversionOf } from './owner.ts';
import type { ResumeForm } from './resume-form.ts';

// load → decide → append for every draft command. Files are stored before the event that names
// them is appended and removed after the event that retires them, so a crash leaves at most an
// unreferenced file, never an event pointing at nothing.

export type RequestInfo = { requestId: string };
export type DraftLog = { warn(details: Record<string, unknown>, message: string): void };
export type Upload = { bytes: Uint8Array; fileName: string; contentType?: string };

export type DraftsServiceDeps = { eventStore: EventStore; storage: FileStorage; maxUploadBytes: number; log: DraftLog; now(): Date };

export function createDraftsService(deps: DraftsServiceDeps) {
  const { eventStore, storage, log } = deps;

  const context = (req: RequestInfo, actor: Actor, commandId: string = randomUUID()): CommandContext => ({
    commandId, correlationId: req.requestId || commandId, actor, now: deps.now(),
  });
  const asActor = (owner: DraftOwner): Actor => ({ kind: owner.kind, id: owner.id });
  const load = async (draftId: string): Promise<DraftState> => fold(await eventStore.readStream(draftStream(draftId)), draftDecider);

  async function run(req: RequestInfo, owner: DraftOwner, draftId: string, command: DraftCommand) {
    return handleCommand(eventStore, draftStream(draftId), command, draftDecider, context(req, asActor(owner)));
  }

  /** Removing a file must not undo a command that is already recorded: failures are logged for a sweep. */
  async function removeFiles(draftId: string, keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      await storage.delete(key).catch((error: unknown) => log.warn({ draftId, err: (error as Error).message }, 'stored résumé not removed'));
    }
  }

  return {
    /** `source: 'GENERAL'` (optionally with its form) needs `generalAllowed`: the caller's plan has the general résumé. */
    async create(req: RequestInfo, owner: DraftOwner, input: {
      title: string | null; job: JobDescription | null; source?: DraftSource; form?: ResumeForm | null; generalAllowed?: boolean;
    }) {
      // A guest cookie outlives its conversion only in a replay: it must not write into the account.
      if (await conversionOf(eventStore, owner)) throw new AppError('UNAUTHENTICATED', { details: { reason: 'ended' } });
      const draftId = randomUUID();
      const at = deps.now().toISOString();
      const written = await run(req, owner, draftId, {
        type: 'Create', draftId, owner, title: input.title, job: input.job, at, source: input.source, form: input.form, generalAllowed: input.generalAllowed,
      });
      return { draftId, position: written.position };
    },

    /** Saves a GENERAL draft's form whole (until it is finalized); an unchanged form writes nothing. */
    async saveForm(req: RequestInfo, owner: DraftOwner, draftId: string, form: ResumeForm, generalAllowed: boolean) {
      const conversion = await conversionOf(eventStore, (await load(draftId)).owner);
      const written = await run(req, owner, draftId, { type: 'SaveForm', actor: owner, conversion, form, generalAllowed, at: deps.now().toISOString() });
      return { position: written.position };
    },

    async update(req: RequestInfo, owner: DraftOwner, draftId: string, change: { title?: string | null; job?: JobDescription; status?: DraftStatus }) {
      const conversion = await conversionOf(eventStore, (await load(draftId)).owner);
      const written = await run(req, owner, draftId, { type: 'Update', actor: owner, conversion, at: deps.now().toISOString(), ...change });
      return { position: written.position };
    },

    async remove(req: RequestInfo, owner: DraftOwner, draftId: string) {
      const state = await load(draftId);
      const conversion = await conversionOf(eventStore, state.owner);
      const written = await run(req, owner, draftId, { type: 'Delete', actor: owner, conversion, at: deps.now().toISOString() });
      await removeFiles(draftId, state.storedKeys);
      return { position: written.position };
    },

    async uploadResume(req: RequestInfo, owner: DraftOwner, draftId: string, readUpload: () => Promise<Upload>) {
      const state = await load(draftId);
      const conversion = await conversionOf(eventStore, state.owner);
      const at = deps.now().toISOString();
      // Ask the (pure) decider first: a stranger or a finalized draft costs no reading, parsing or storage.
      const probe = { storageKey: 'probe', displayName: 'probe', size: 1, kind: 'txt' as const, sha256: '0'.repeat(64) };
      draftDecider.decide({ type: 'UploadResume', actor: owner, conversion, file: probe, at }, state);
      const upload = await readUpload();
      const inspected = await inspectUpload(upload.bytes, upload.fileName, { maxBytes: deps.maxUploadBytes }, { contentType: upload.contentType });
      const storageKey = resumeKey(owner, inspected.kind);
      await storage.put(storageKey, upload.bytes, { contentType: inspected.mediaType });
      const file = { storageKey, displayName: inspected.displayName, size: inspected.bytes, kind: inspected.kind, sha256: inspected.sha256 };
      let position: number;
      try {
        position = (await run(req, owner, draftId, { type: 'UploadResume', actor: owner, conversion, file, at })).position;
      } catch (error) {
        await removeFiles(draftId, [storageKey]);
        throw error;
      }
      // The résumé it replaces is of no further use (a late extraction of it is ignored as stale).
      await removeFiles(draftId, state.storedKeys);
      return { resume: { displayName: file.displayName, kind: file.kind, size: file.size, uploadedAt: at }, warnings: inspected.warnings, position };
    },
  };
}

export type DraftsService = ReturnType<typeof createDraftsService>;
