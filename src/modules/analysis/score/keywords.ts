// Lines the job's keywords up with where the résumé shows them.
import type { ParsedJob } from '../job/parse-job.ts';
import type { Keyword } from '../result.ts';
import type { SkillMention } from '../skills/find-skills.ts';
import type { ResumeDocument } from '../text/resume-document.ts';
import { sectionAt } from '../text/sections.ts';

export interface KeywordMatch {
  readonly matched: Keyword[];
  readonly missing: Keyword[];
  /** Job keywords not shown themselves but covered by an accepted alternative. */
  readonly coveredByAlternative: Keyword[];
}

/** Each keyword lists at most this many places, so a stuffed résumé cannot bloat the result. */
const MAX_LOCATIONS = 10;

export function matchKeywords(job: ParsedJob, resume: ResumeDocument, mentions: readonly SkillMention[]): KeywordMatch {
  const byName = new Map<string, SkillMention[]>();
  for (const m of mentions) byName.set(m.skill.name, [...(byName.get(m.skill.name) ?? []), m]);
  const result: KeywordMatch = { matched: [], missing: [], coveredByAlternative: [] };
  for (const k of job.keywords) {
    const found = byName.get(k.skill.name) ?? [];
    const keyword: Keyword = {
      term: k.term,
      canonical: k.skill.name,
      category: k.skill.category,
      kind: k.skill.kind,
      importance: k.importance,
      jobMentions: k.mentions,
      locations: found.slice(0, MAX_LOCATIONS).map((m) => ({ section: sectionAt(resume.sections, m.start), start: m.start, end: m.end, text: m.text })),
      alternatives: k.alternatives,
    };
    if (found.length > 0) result.matched.push(keyword);
    else if (k.alternatives.some((a) => byName.has(a))) result.coveredByAlternative.push(keyword);
    else result.missing.push(keyword);
  }
  // Required first, then by how often the job repeats it: the order a person should act on.
  const order = (a: Keyword, b: Keyword) => Number(a.importance === 'preferred') - Number(b.importance === 'preferred') || b.jobMentions - a.jobMentions;
  result.matched.sort(order);
  result.missing.sort(order);
  return result;
}
