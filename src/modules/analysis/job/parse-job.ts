// Reads a job description: which skills it asks for and how firmly (required or preferred,
// alternatives such as "Vitest or Jest"), the years and degree it wants, and the title.
import { findSkills, type SkillMention } from '../skills/find-skills.ts';
import { DEGREE_LEVELS, type DegreeLevel } from '../text/degrees.ts';
import { sanitizeText } from '../text/sanitize.ts';
import { tokenize } from '../text/tokenize.ts';
import type { Skill } from '../vocabulary/skill-index.ts';
import { closestOccupation, normalizeTitle, ROLE_NOUN } from './job-title.ts';

export type Importance = 'required' | 'preferred';

export interface JobKeyword {
  readonly skill: Skill;
  readonly term: string;
  readonly importance: Importance;
  readonly mentions: number;
  readonly alternatives: string[];
}

export interface ParsedJob {
  readonly title: string | null;
  readonly normalizedTitle: string | null;
  readonly occupation: { code: string; title: string } | null;
  readonly minYears: number | null;
  readonly degree: { level: DegreeLevel; importance: Importance } | null;
  readonly keywords: readonly JobKeyword[];
}

const PREFERRED_HEADING = /^\s*(nice[- ]to[- ]haves?|preferred( qualifications)?|bonus( points)?|pluses|good to have|desired)\b/i;
const REQUIRED_HEADING = /^\s*(requirements|required|qualifications|must[- ]haves?|what you('ll| will) (need|bring)|who you are|responsibilities)\b/i;
const PREFERRED_CUE = /\b(nice to have|preferred|a plus|is a plus|bonus|appreciated|ideally|familiarity|exposure to|not required|desirable|good to have)\b/i;
const YEARS = /(\d{1,2})\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?\+?\s*years?/gi;
const TITLE_CUE = /\b(?:looking for|hiring|seeking|searching for|join us as|role of)\s+(?:an?|our|the)?\s*((?:[A-Z][\w+#./-]*\s?){1,6})/;
const DEGREE_MENTIONS: readonly [DegreeLevel, RegExp][] = [
  ['associate', /\bassociate'?s? degree\b/i],
  ['bachelor', /\b(bachelor'?s?|b\.?s\.?|b\.?sc|ba|undergraduate degree)\b(?=.{0,40}\b(degree|in|or)\b)/i],
  ['master', /\b(master'?s?|m\.?s\.?|msc|mba)\b(?=.{0,40}\b(degree|in|or)\b)/i],
  ['doctorate', /\b(ph\.?d\.?|doctorate)\b/i],
];

interface Clause { readonly text: string; readonly start: number; readonly importance: Importance }

function clauses(text: string): Clause[] {
  const out: Clause[] = [];
  let block: Importance = 'required';
  for (const m of text.matchAll(/[^.!?;\n]+(?:\n(?![ \t]*\n)[^.!?;\n]*)*[.!?;]?/g)) {
    for (const part of m[0].split(/(?<=:)\s+/)) {
      if (PREFERRED_HEADING.test(part)) block = 'preferred';
      else if (REQUIRED_HEADING.test(part)) block = 'required';
    }
    const importance = block === 'preferred' || PREFERRED_CUE.test(m[0]) ? 'preferred' : 'required';
    out.push({ text: m[0], start: m.index, importance });
  }
  return out;
}

function jobTitle(text: string, given: string | undefined): string | null {
  if (given?.trim()) return given.trim();
  const cue = TITLE_CUE.exec(text)?.[1]?.split(/[.:;,!?](?:\s|$)/)[0]?.trim().replace(/\s+(to|who|with|for)$/i, '');
  if (cue && ROLE_NOUN.test(cue)) return cue;
  const labelled = /^(?:job title|title|role|position)\s*:\s*(.+)$/im.exec(text)?.[1]?.trim();
  if (labelled) return labelled;
  const first = text.trim().split('\n')[0]?.trim() ?? '';
  return first.split(/\s+/).length <= 8 && ROLE_NOUN.test(first) ? first : null;
}

/** Skills joined only by "or" / "," / "/" and at least one "or": the job accepts any of them. */
function alternativeGroups(text: string, mentions: readonly SkillMention[]): Map<SkillMention, string[]> {
  const groups = new Map<SkillMention, string[]>();
  let chain: SkillMention[] = [];
  let hasOr = false;
  const close = () => {
    if (hasOr && chain.length > 1) for (const m of chain) groups.set(m, chain.filter((o) => o.skill.name !== m.skill.name).map((o) => o.skill.name));
    chain = []; hasOr = false;
  };
  mentions.forEach((m, i) => {
    if (chain.length === 0) chain.push(m);
    const next = mentions[i + 1];
    const gap = next ? text.slice(m.end, next.start) : '';
    // Commas may lead up to the "or" ("Amplitude, Mixpanel, or Looker"); nothing extends past it.
    if (next && !hasOr && /^\s*(?:,\s*)?(?:or|\/)\s*$|^\s*,\s*$/i.test(gap)) {
      hasOr ||= /or|\//i.test(gap);
      chain.push(next);
    } else close();
  });
  return groups;
}

export function parseJob(job: { title?: string | undefined; text: string }): ParsedJob {
  const { text } = sanitizeText(job.text);
  const tokens = tokenize(text);
  const parts = clauses(text);
  const importanceAt = (offset: number) => parts.find((c) => offset >= c.start && offset < c.start + c.text.length)?.importance ?? 'required';
  const byName = new Map<string, { skill: Skill; term: string; importance: Importance; mentions: number; alternatives: Set<string> }>();
  for (const kind of ['hard', 'soft'] as const) {
    const mentions = findSkills(text, kind, tokens);
    const groups = alternativeGroups(text, mentions);
    for (const m of mentions) {
      const entry = byName.get(m.skill.name) ?? { skill: m.skill, term: m.text.replace(/\s+/g, ' '), importance: 'preferred', mentions: 0, alternatives: new Set<string>() };
      entry.mentions += 1;
      if (importanceAt(m.start) === 'required') entry.importance = 'required';
      for (const alt of groups.get(m) ?? []) entry.alternatives.add(alt);
      byName.set(m.skill.name, entry);
    }
  }
  const requiredYears = parts.filter((c) => c.importance === 'required').flatMap((c) => [...c.text.matchAll(YEARS)].map((m) => Number(m[1])));
  const degrees = DEGREE_MENTIONS.flatMap(([level, pattern]) => parts.filter((c) => pattern.test(c.text)).map((c) => ({ level, importance: c.importance })));
  degrees.sort((a, b) => DEGREE_LEVELS.indexOf(a.level) - DEGREE_LEVELS.indexOf(b.level));
  const title = jobTitle(text, job.title);
  return {
    title,
    normalizedTitle: title ? normalizeTitle(title) || null : null,
    occupation: title ? closestOccupation(title) : null,
    minYears: requiredYears.length > 0 ? Math.max(...requiredYears.filter((y) => y <= 30)) : null,
    degree: degrees[0] ?? null,
    keywords: [...byName.values()].map((e) => ({ ...e, alternatives: [...e.alternatives] })),
  };
}
