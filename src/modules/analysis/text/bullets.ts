// Recovers the bullets of experience and project sections from plain text. Glyph bullets ("•", "-")
// with their wrapped continuation lines come first; résumés written as paragraphs are split into
// sentences instead. In a two-column layout the right-hand cell of a line is cut off.
import { DATE_RANGE, MONTH } from './dates.ts';

const BULLET = /^([•●▪◦‣∙·*➢►■□✓❖-]|o(?=\s))\s+/;
const YEAR = /\b(?:19|20)\d{2}\b/;
const DATE_WORD = String.raw`(?:(?:${MONTH}\s+)?(?:19|20)\d{2}|present|current)`;
const LEADING_DATES = new RegExp(String.raw`^${DATE_WORD}(?:\s*[-–—]\s*${DATE_WORD}?)?\s+`, 'i');
/** Second halves that keep their hyphen when a word is broken across lines ("open-/source"). */
const COMPOUND_TAILS = /^(source|based|driven|end|time|stack|facing|level|scale|world|first|like|oriented|quality|term)\b/;

export interface DerivedBullet { readonly text: string; readonly start: number }

function leftCell(line: string): { text: string; indent: number } {
  const indent = line.length - line.trimStart().length;
  return { text: line.trimStart().replace(/\s{4,}\S.*$/, '').trimEnd(), indent };
}

/** A job's title/company/date line rather than a description. */
export function isEntryHeader(cell: string): boolean {
  const words = cell.split(/\s+/).length;
  DATE_RANGE.lastIndex = 0;
  return (DATE_RANGE.test(cell) || YEAR.test(cell)) && words <= 14 && !/[.!?]$/.test(cell);
}

export function stripLeadingDates(cell: string): string {
  return cell.replace(LEADING_DATES, '');
}

function append(current: string, next: string): string {
  if (/[a-z]-$/.test(current) && /^[a-z]/.test(next)) return COMPOUND_TAILS.test(next) ? current + next : current.slice(0, -1) + next;
  return `${current} ${next}`;
}

export function deriveBullets(section: string, baseOffset: number): DerivedBullet[] {
  const lines = section.split('\n');
  const bullets: DerivedBullet[] = [];
  let current: { text: string; start: number } | undefined;
  const flush = () => { if (current && current.text.trim()) bullets.push({ text: current.text.trim(), start: current.start }); current = undefined; };
  let offset = baseOffset;
  for (const line of lines) {
    const { text, indent } = leftCell(line);
    const glyph = BULLET.exec(text);
    if (glyph) {
      flush();
      current = { text: text.slice(glyph[0].length), start: offset + indent + glyph[0].length };
    } else if (current && text && indent > 0 && !isEntryHeader(text)) {
      current.text = append(current.text, text);
    } else if (text) {
      flush();
    }
    offset += line.length + 1;
  }
  flush();
  return bullets.length > 0 ? bullets : sentenceBullets(lines, baseOffset);
}

/** For paragraph-style entries: each sentence of the description is treated as one bullet. */
function sentenceBullets(lines: readonly string[], baseOffset: number): DerivedBullet[] {
  const paragraphs: { text: string; start: number }[] = [];
  let current: { text: string; start: number } | undefined;
  let offset = baseOffset;
  lines.forEach((line, i) => {
    const { text, indent } = leftCell(line);
    const body = stripLeadingDates(text);
    const header = i === 0 || isEntryHeader(text) || (body.split(/\s+/).length <= 8 && !/[.!?]$/.test(body));
    if (!body || header) {
      if (current) paragraphs.push(current);
      current = undefined;
    } else if (current) current.text = append(current.text, body);
    else current = { text: body, start: offset + indent + (text.length - body.length) };
    offset += line.length + 1;
  });
  if (current) paragraphs.push(current);
  return paragraphs.flatMap((p) => p.text.split(/(?<=[.!?])\s+(?=[A-Z])/).map((sentence) => ({ text: sentence.trim(), start: p.start })))
    .filter((b) => b.text.split(/\s+/).length >= 4);
}
