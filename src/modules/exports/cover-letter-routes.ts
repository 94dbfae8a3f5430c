import { randomUUID } from 'node:crypto';
import type { Context } from 'koa';
import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { Actor, CommandContext } from '../../platform/event-store/index.ts';
import { createRouter, requestBody, validate, type Router } from '../../platform/http/index.ts';
import { cleanLetter, maxLetterLength, type CoverLetterService } from './cover-letter.ts';

// The cover letter a person saves on the draft page (GET / PUT), and the check an export makes
// before its job is queued: a letter to export, the saved one or — never saved — the analysis's
// own suggestion, saved as it is so the export step reads one stream and nothing else.

const DraftParams = z.object({ id: z.uuid() });
/** Longer than the cleaned limit on purpose: control characters and blank runs come off first (here, so validate's NUL check sees clean text). */
const SaveBody = z.object({ text: z.string().min(1).max(maxLetterLength * 2).transform(cleanLetter) });
const savedRow = z.object({ text: z.string(), source: z.string(), saved_at: z.number(), position: z.number() });
const generatedRow = z.object({ text: z.string().nullable() });

export type CoverLetterRouteDeps = {
  pool: DatabasePool;
  service: CoverLetterService;
  /** The caller, when the draft is theirs; null otherwise (answers 404). */
  ownerOfDraft(ctx: Context, draftId: string): Promise<Actor | null>;
};

/** The newest analysis's suggested letter (read model), or null (no analysis, or not on the plan). */
async function generatedLetter(pool: DatabasePool, draftId: string): Promise<string | null> {
  const row = await pool.maybeOne(sql.type(generatedRow)`
    select body -> 'coverLetter' ->> 'text' as text from analyses where draft_id = ${draftId} and kind = 'analysis' order by created_at desc limit 1`);
  return row?.text?.trim() ? row.text : null;
}

export function createCoverLetterRouter(deps: CoverLetterRouteDeps): Router {
  const router = createRouter();
  const owner = async (ctx: Context) => {
    const { id } = validate(DraftParams, ctx.params);
    const actor = await deps.ownerOfDraft(ctx, id);
    if (!actor) throw new AppError('NOT_FOUND');
    return { id, actor };
  };

  // `letter: null` (not 404) when nothing was saved: the page then shows the analysis's suggestion.
  router.get('/api/drafts/:id/cover-letter', async (ctx) => {
    const { id } = await owner(ctx);
    const saved = await deps.pool.maybeOne(sql.type(savedRow)`select text, source, saved_at, position from exports_cover_letters where draft_id = ${id}`);
    ctx.set('cache-control', 'private, no-store');
    ctx.body = { letter: saved ? { text: saved.text, source: saved.source, savedAt: new Date(saved.saved_at).toISOString() } : null };
  });

  router.put('/api/drafts/:id/cover-letter', async (ctx) => {
    const { id, actor } = await owner(ctx);
    const body = validate(SaveBody, requestBody(ctx) ?? {});
    const context: CommandContext = { commandId: randomUUID(), correlationId: String(ctx.state.requestId ?? randomUUID()), actor, now: new Date() };
    const result = await deps.service.save(id, body.text, 'edited', context);
    ctx.body = { text: result.text, saved: result.saved, position: result.position };
  });

  return router;
}

/**
 * Before a cover-letter export is queued: the draft has a letter to export. A letter never saved is
 * the analysis's suggestion, saved now (source `generated`); none at all is COVER_LETTER_NOT_FOUND.
 */
export function createCoverLetterAdmission(deps: { pool: DatabasePool; service: CoverLetterService }) {
  return async (draftId: string, actor: Actor, correlationId: string): Promise<void> => {
    if (await deps.service.latest(draftId)) return;
    const generated = await generatedLetter(deps.pool, draftId);
    if (!generated) throw new AppError('COVER_LETTER_NOT_FOUND');
    await deps.service.save(draftId, generated, 'generated', { commandId: `cover-letter-seed:${draftId}`, correlationId, actor, now: new Date() });
  };
}
