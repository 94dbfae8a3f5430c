// All ATS checks, worst first.
import type { AtsFinding } from '../result.ts';
import type { SkillMention } from '../skills/find-skills.ts';
import type { ResumeDocument } from '../text/resume-document.ts';
import { contactFindings } from './contact-findings.ts';
import { acronymFindings, characterFindings, emptinessFindings, stuffingFindings } from './content-findings.ts';
import { layoutFindings, lengthFindings } from './layout-findings.ts';
import { dateFindings, sectionFindings } from './structure-findings.ts';

const RANK = { critical: 0, warning: 1, info: 2 } as const;

export function atsFindings(resume: ResumeDocument, mentions: readonly SkillMention[]): AtsFinding[] {
  const empty = emptinessFindings(resume);
  // With nothing readable, every other check would only repeat the same news.
  if (empty.some((f) => f.code === 'NO_READABLE_TEXT')) return [...empty, ...layoutFindings(resume)].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  return [
    ...empty,
    ...contactFindings(resume),
    ...layoutFindings(resume),
    ...lengthFindings(resume),
    ...sectionFindings(resume),
    ...dateFindings(resume),
    ...stuffingFindings(resume, mentions),
    ...acronymFindings(resume),
    ...characterFindings(resume),
  ].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}
