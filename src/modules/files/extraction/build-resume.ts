import { AppError } from '../../../platform/errors.ts';
import type { ExtractedResume, LayoutWarning } from './extracted-resume.ts';
import { MAX_TEXT_LENGTH, garbageRatio, normalizeText, truncateText } from './normalize-text.ts';
import type { RawResumeText } from './raw-resume-text.ts';
import { parseStructure } from './structure/parse-structure.ts';

const MIN_READABLE_CHARACTERS = 20;
const GARBAGE_WARNING_RATIO = 0.05;

/**
 * The last, format-independent step. A file with next to no readable characters is refused with
 * NO_TEXT_LAYER: analysing an empty or unreadable résumé would only produce invented advice.
 */
export function buildExtractedResume(raw: RawResumeText): ExtractedResume {
  const { lines, cut } = capLines(raw.lines);
  const normalized = normalizeText(lines);
  const readable = normalized.match(/[\p{L}\p{N}]/gu)?.filter((c) => !/\p{Co}/u.test(c)).length ?? 0;
  if (readable < MIN_READABLE_CHARACTERS) throw new AppError('NO_TEXT_LAYER', { details: { readableCharacters: readable } });

  const { text, truncated: shortened } = truncateText(normalized);
  const truncated = shortened || cut;
  const warnings: LayoutWarning[] = [...raw.warnings];
  if (garbageRatio(text) > GARBAGE_WARNING_RATIO) {
    warnings.push({ code: 'GLYPH_GARBAGE', message: 'Some characters could not be decoded; the fonts may not map to real letters.' });
  }
  if (truncated) warnings.push({ code: 'TEXT_TRUNCATED', message: `Only the first ${text.length} characters were kept.` });
  return { text, structure: parseStructure(text), pageCount: raw.pageCount, warnings };
}

/**
 * Normalising only ever shortens text by much, so lines past twice the text limit can never be kept:
 * dropping them first spares a 100-page upload the work of normalising text that will be cut anyway.
 */
function capLines(lines: readonly string[]): { lines: readonly string[]; cut: boolean } {
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    length += (lines[i]?.length ?? 0) + 1;
    if (length > 2 * MAX_TEXT_LENGTH) return { lines: lines.slice(0, i), cut: true };
  }
  return { lines, cut: false };
}
