// The verifier: a rewrite or a cover-letter sentence may restate the résumé, never add to it.
// It rejects any text that brings in a number, date, degree, skill, employer or title the résumé
// does not contain. Both engines run every generated sentence through it.
import type { Verdict } from '../result.ts';
import { findSkills } from '../skills/find-skills.ts';
import { MONTH } from '../text/dates.ts';
import { tokenize } from '../text/tokenize.ts';

export interface FactSource {
  /** Lower-cased words of the résumé. */
  readonly words: ReadonlySet<string>;
  readonly numbers: ReadonlySet<string>;
  readonly skills: ReadonlySet<string>;
  readonly lowerText: string;
}

const PLACEHOLDER = /\[[^\]]{1,40}\]/g;
const NUMBER = /\d+(?:[.,]\d+)*/g;
const DEGREE = /\b(ph\.?d|doctorate|master'?s?|mba|m\.sc|msc|bachelor'?s?|b\.sc|bsc|b\.tech|associate'?s degree)\b/gi;
const MONTH_WORD = new RegExp(String.raw`\b${MONTH}(?=\s|,|$)`, 'gi');
/** Capitalised words a letter or rewrite may use without them being facts. */
const ALLOWED_CAPITALISED = new Set(['i', "i'm", "i've", "i'd", 'dear', 'hiring', 'manager', 'team', 'sincerely', 'regards', 'kind', 'best', 'thank', 'thanks', 'my', 'in', 'at', 'as', 'with', 'the', 'this', 'your', 'you', 'we', 'for', 'and', 'résumé', 'resume']);

const normalizeNumber = (n: string) => n.replace(/,/g, '').replace(/\.0+$/, '');

export function factSource(resumeText: string, allowedExtra: readonly string[] = []): FactSource {
  const all = [resumeText, ...allowedExtra].join('\n');
  return {
    words: new Set(tokenize(all).map((t) => t.key)),
    numbers: new Set((all.match(NUMBER) ?? []).map(normalizeNumber)),
    skills: new Set(findSkills(all, 'hard').map((m) => m.skill.name)),
    lowerText: all.toLowerCase(),
  };
}

export function verifyClaims(candidate: string, source: FactSource): Verdict {
  const text = candidate.replace(PLACEHOLDER, ' ');
  const reasons: string[] = [];
  for (const n of new Set((text.match(NUMBER) ?? []).map(normalizeNumber))) {
    if (!source.numbers.has(n)) reasons.push(`number "${n}" is not in the résumé`);
  }
  const skills = findSkills(text, 'hard');
  for (const skill of new Set(skills.map((m) => m.skill.name))) {
    if (!source.skills.has(skill)) reasons.push(`skill "${skill}" is not in the résumé`);
  }
  // Words the checks above already judged (skills, degrees, months) are not judged again as names.
  const judged = [...skills, ...[...text.matchAll(DEGREE), ...text.matchAll(MONTH_WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }))];
  const alreadyJudged = (offset: number) => judged.some((m) => offset >= m.start && offset < m.end);
  for (const m of new Set((text.match(DEGREE) ?? []).map((d) => d.toLowerCase()))) {
    if (!source.lowerText.includes(m.replace(/'s$/, ''))) reasons.push(`degree "${m}" is not in the résumé`);
  }
  for (const m of new Set((text.match(MONTH_WORD) ?? []).map((d) => d.toLowerCase()))) {
    if (!source.words.has(m.replace(/\.$/, ''))) reasons.push(`date "${m}" is not in the résumé`);
  }
  // Capitalised words after the start of a sentence are names: employers, schools, titles, places.
  for (const token of tokenize(text)) {
    const sentenceStart = /(^|[.!?:]\s*|\n\s*)$/.test(text.slice(0, token.start));
    if (sentenceStart || !/^\p{Lu}/u.test(token.text) || ALLOWED_CAPITALISED.has(token.key) || alreadyJudged(token.start)) continue;
    if (!source.words.has(token.key)) reasons.push(`name "${token.text}" is not in the résumé`);
  }
  return { accepted: reasons.length === 0, reasons: [...new Set(reasons)] };
}
