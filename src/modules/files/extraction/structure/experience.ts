import type { ExperienceEntry } from '../extracted-resume.ts';
import { collectBullets, isBullet } from './bullets.ts';
import { findDateRange, mendSplitRanges } from './dates.ts';

const SEPARATOR = /\s*(?:\t|\||•|·| — | – | - | @ |,\s+(?=\p{Lu}))\s*|\s+at\s+(?=\p{Lu})/u;
const LOCATION = /^(?:[\p{Lu}][\p{L}.'-]*)(?: [\p{Lu}][\p{L}.'-]*)*, ?(?:[A-Z]{2}|[\p{Lu}][\p{L}]+)$|^(remote|hybrid|on-?site)$/iu;
const ROLE = /\b(engineer|developer|manager|designer|analyst|scientist|consultant|director|lead|intern|specialist|architect|coordinator|assistant|officer|administrator|accountant|teacher|nurse|associate|head|vp|president|founder|owner|technician|writer|editor|representative|agent|advisor|adviser|programmer|researcher|strategist|butler|executive|supervisor|clerk)\b/i;

/**
 * Experience entries start at a line carrying a date range ("Senior Engineer   Jan 2023 – Present").
 * The short line just before it belongs to the entry too when it is no bullet; the line after it,
 * when no bullet, is the company line. Everything else up to the next entry is bullets.
 */
export function findExperience(sectionLines: readonly string[]): ExperienceEntry[] {
  const lines = mendSplitRanges(sectionLines);
  const starts: number[] = [];
  lines.forEach((line, i) => {
    if (!isBullet(line) && findDateRange(line)) starts.push(titleLineBefore(lines, i, starts.at(-1) ?? -1));
  });
  return starts.map((start, n) => parseEntry(lines.slice(start, starts[n + 1] ?? lines.length)));
}

function titleLineBefore(lines: readonly string[], i: number, previousStart: number): number {
  const before = lines[i - 1];
  const standsAlone = before !== undefined && i - 1 > previousStart && !isBullet(before) && before.length <= 70 && !/^\p{Ll}/u.test(before);
  const afterBullets = i - 2 < 0 || previousStart === -1 || isBullet(lines[i - 2] ?? '') || i - 2 === previousStart;
  return standsAlone && afterBullets && !/[.;]$/.test(before) && !findDateRange(before) ? i - 1 : i;
}

function parseEntry(lines: readonly string[]): ExperienceEntry {
  const dateAt = Math.max(0, lines.findIndex((line) => findDateRange(line)));
  const next = lines[dateAt + 1];
  const companyLine = next !== undefined && !isBullet(next) && next.length <= 60 && !/[.;]$/.test(next);
  const header = lines.slice(0, dateAt + (companyLine ? 2 : 1));
  const range = findDateRange(lines[dateAt] ?? '');
  const parts = header
    .map((line) => (range ? line.replace(range.matched, '') : line))
    .flatMap((line) => line.split(SEPARATOR))
    .map((part) => part.replace(/^[\s,:–—-]+|[\s,:–—-]+$/g, ''))
    .filter((part) => part.length > 0 && !LOCATION.test(part));
  const [title, company] = orderTitleAndCompany(parts[0] ?? null, parts[1] ?? null);
  return { title, company, start: range?.start ?? null, end: range?.end ?? null, bullets: collectBullets(lines.slice(header.length)) };
}

/** "Acme — Software Engineer" names the company first; a role word tells which is which. */
function orderTitleAndCompany(first: string | null, second: string | null): [string | null, string | null] {
  if (first && second && !ROLE.test(first) && ROLE.test(second)) return [second, first];
  return [first, second];
}
