// An independent check on generated text, deliberately simpler than the verifier it audits:
// every number and every recognised skill in a rewrite or letter must occur in the résumé. The
// job title may be named (the letter says which role it applies for) without claiming its skills.
import { findSkills } from '../skills/find-skills.ts';

const NUMBER = /\d+(?:[.,]\d+)*/g;

export function inventedFacts(generated: string, resumeText: string, jobTitle: string | null = null): string[] {
  const withoutTitle = jobTitle ? generated.split(jobTitle).join(' ') : generated;
  const text = withoutTitle.replace(/\[[^\]]*\]/g, ' ');
  const resumeNumbers = new Set((resumeText.match(NUMBER) ?? []).map((n) => n.replace(/,/g, '')));
  const resumeSkills = new Set(findSkills(resumeText, 'hard').map((m) => m.skill.name));
  return [
    ...(text.match(NUMBER) ?? []).map((n) => n.replace(/,/g, '')).filter((n) => !resumeNumbers.has(n)).map((n) => `number ${n}`),
    ...findSkills(text, 'hard').map((m) => m.skill.name).filter((s) => !resumeSkills.has(s)).map((s) => `skill ${s}`),
  ];
}
