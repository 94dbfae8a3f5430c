import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { defineEvent, type CommandContext, type EventOf, type EventStore } from '../../platform/event-store/index.ts';

// The person's own cover letter for a draft. The analysis writes a suggestion; the person edits it
// on the draft page and saves it here (one stream per draft, `cover-letter-<draftId>`). The export
// renders what was saved last, so the file is what the person saw in the editor.

export const maxLetterLength = 12_000;
const at = z.iso.datetime({ offset: true });

export const CoverLetterSaved = defineEvent('CoverLetterSaved', z.object({
  draftId: z.uuid(),
  /** Cleaned (see cleanLetter): paragraphs split by one blank line, no control or bidi characters. */
  text: z.string().min(1).max(maxLetterLength),
  /** `edited`: the person's text; `generated`: the analysis's suggestion, saved as it was for an export. */
  source: z.enum(['edited', 'generated']),
  at,
}), { redact: ['text'] });

export const coverLetterEvents = [CoverLetterSaved] as const;
export type CoverLetterEvent = EventOf<typeof CoverLetterSaved>;
export type SavedCoverLetter = CoverLetterEvent['data'];
export const coverLetterStream = (draftId: string) => `cover-letter-${draftId}`;

/**
 * One rule for every letter, typed or generated: NFC; CR/LF to \n; tabs to a space; control,
 * zero-width and bidi-override characters out (a reversed run could hide text in the file);
 * trailing spaces off every line; at most one blank line between paragraphs.
 */
export function cleanLetter(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Paragraphs (split on blank lines), each a list of its lines (a signature keeps its line break). */
export function paragraphsOf(letter: string): string[][] {
  return cleanLetter(letter).split('\n\n').map((p) => p.split('\n').map((line) => line.trim()).filter(Boolean)).filter((p) => p.length > 0);
}

export function createCoverLetterService(deps: { eventStore: EventStore; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const latest = async (draftId: string): Promise<SavedCoverLetter | null> => {
    const events = await deps.eventStore.readStream(coverLetterStream(draftId));
    const last = events.findLast((e) => e.type === 'CoverLetterSaved');
    return last ? (last.data as SavedCoverLetter) : null;
  };
  return {
    latest,

    /** Saves the letter; the same text again writes nothing. The caller has checked the draft is the caller's. */
    async save(draftId: string, text: string, source: SavedCoverLetter['source'], context: CommandContext): Promise<{ position: number | null; saved: boolean; text: string }> {
      const cleaned = cleanLetter(text);
      if (cleaned.length === 0 || cleaned.length > maxLetterLength) {
        throw new AppError('VALIDATION_FAILED', { details: { field: 'text', problem: `a cover letter needs 1 to ${maxLetterLength} characters` } });
      }
      const earlier = await latest(draftId);
      if (earlier?.text === cleaned && (earlier.source === source || source === 'generated')) return { position: null, saved: false, text: cleaned };
      const written = await deps.eventStore.append(coverLetterStream(draftId), [{
        type: 'CoverLetterSaved', data: { draftId, text: cleaned, source, at: now().toISOString() },
      }], { expectedRevision: 'any', command: context });
      return { position: written.position, saved: true, text: cleaned };
    },
  };
}

export type CoverLetterService = ReturnType<typeof createCoverLetterService>;
