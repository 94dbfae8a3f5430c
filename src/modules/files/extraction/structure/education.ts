import type { EducationEntry } from '../extracted-resume.ts';
import { isBullet, stripBullet } from './bullets.ts';
import { findDates, mendSplitRanges } from './dates.ts';

const SEPARATOR = /\s*(?:\t|\||•|·| — | – | - )\s*/;
const DEGREE = /\b(bachelor|master|b\.?sc|m\.?sc|b\.?s\.?|b\.?a\.?|m\.?s\.?|m\.?a\.?|mba|ph\.?d|doctor(ate)?|associate|diploma|certificate|b\.?tech|m\.?tech|b\.?eng|m\.?eng|high school|a-levels?|gcse|degree|abitur|licence|licenciatura)\b/i;
const INSTITUTION = /\b(university|universit[éäà]t?|college|institute|school|academy|polytechnic|conservatory|hochschule|école|ecole)\b/i;
const LOCATION = /^[\p{Lu}][\p{L}. '-]*(, ?[\p{Lu}][\p{L}. '-]*){1,2}$/u;
const DETAIL = /\b(gpa|grade|honou?rs|coursework|thesis|dissertation|minor|dean'?s list)\b/i;

/**
 * Each line is cut into parts; a part is a date, a degree or an institution. A part that would fill
 * a field the current entry already has starts the next entry ("UC Berkeley | 2019", a degree line,
 * then "MIT | 2021" …). Locations and details (GPA, coursework) are left out.
 */
export function findEducation(sectionLines: readonly string[]): EducationEntry[] {
  const entries: EducationEntry[] = [];
  const fresh = (): EducationEntry => {
    const entry = { institution: null, degree: null, start: null, end: null };
    entries.push(entry);
    return entry;
  };
  for (const line of unwrap(mendSplitRanges(sectionLines))) {
    if ((isBullet(line) && entries.length > 0) || DETAIL.test(line)) continue;
    for (const raw of stripBullet(line).split(SEPARATOR)) {
      const dates = findDates(raw);
      const text = (dates ? raw.replace(dates.matched, '') : raw).replace(/^[\s,()–-]+|[\s,()–-]+$/g, '');
      if (dates) {
        const current = entries.at(-1);
        const entry = !current || current.end ? fresh() : current;
        entry.start = dates.start;
        entry.end = dates.end;
      }
      for (const [field, value] of fieldsOf(text)) {
        const target = entries.at(-1);
        const entry = !target || target[field] ? fresh() : target;
        entry[field] = value;
      }
    }
  }
  return entries.filter((entry) => entry.institution ?? entry.degree);
}

/** "MSc in Computer Science, MIT, Cambridge, USA" → degree, institution (the place is dropped). */
function fieldsOf(text: string): Array<['degree' | 'institution', string]> {
  if (!text || LOCATION.test(text) && !INSTITUTION.test(text) && !DEGREE.test(text)) return [];
  if (!DEGREE.test(text)) return [['institution', text]];
  const segments = text.split(/,\s+/);
  let at = segments.findIndex((segment) => INSTITUTION.test(segment) && !DEGREE.test(segment));
  // "PhD in Computer Science, CalTech": the field is named with "in", so what follows is the school.
  if (at === -1 && /\sin\s/.test(segments[0] ?? '') && segments.length > 1) at = 1;
  if (at <= 0) return [['degree', text]];
  return [['degree', segments.slice(0, at).join(', ')], ['institution', segments[at] ?? '']];
}

/** A narrow column wraps "Bachelor of Science in" / "Industrial Engineering": a line ending on a joining word continues. */
function unwrap(lines: readonly string[]): string[] {
  const joined: string[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    const continues = previous !== undefined && (/(\b(in|of|and|for|the|at)|[&,-])$/i.test(previous.trim()) || /^\p{Ll}/u.test(line.trim()));
    if (continues) joined[joined.length - 1] = `${previous.trim()} ${line.trim()}`;
    else joined.push(line);
  }
  return joined;
}
