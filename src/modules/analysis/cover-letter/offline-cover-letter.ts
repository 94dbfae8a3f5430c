// A cover letter assembled only from what the résumé shows and the job asks for: matched skills,
// the résumé's own bullets as evidence, its own stated years. Every sentence goes through the
// verifier; one that fails is dropped and the reason kept.
import type { CoverLetter, Keyword } from '../result.ts';
import type { ResumeDocument } from '../text/resume-document.ts';
import { verifyClaims, type FactSource } from '../verify/fact-verifier.ts';

export interface CoverLetterFacts {
  readonly resume: ResumeDocument;
  readonly jobTitle: string | null;
  readonly company: string | undefined;
  readonly matched: readonly Keyword[];
  readonly source: FactSource;
}

const CLAIMED_YEARS = /\b(\d{1,2}\+?)\s*(?:years?|yrs?)\s+(?:of\s+)?(?:[a-z-]+\s+){0,2}experience\b/i;

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** The name is usually the first line, but a right-aligned address can come before it. */
function candidateName(text: string): string | undefined {
  const cells = text.trim().split('\n').slice(0, 3).map((line) => line.trim().split(/\s{3,}/)[0] ?? '');
  const name = cells.find((cell) => /^\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'.-]+){1,2}$/u.test(cell) && !/,/.test(cell));
  return name?.split(' ').map((w) => w.charAt(0) + w.slice(1).toLowerCase()).join(' ');
}

/** Bullets that show a matched skill in use, those with a number first: they make the case. */
function evidenceBullets(resume: ResumeDocument, skills: readonly string[]): string[] {
  const lower = skills.map((s) => s.toLowerCase());
  return resume.bullets.map((b) => b.text)
    .filter((b) => b.split(/\s+/).length <= 40 && lower.some((s) => b.toLowerCase().includes(s)))
    .sort((a, b) => Number(/\d/.test(b)) - Number(/\d/.test(a)))
    .slice(0, 2);
}

export function offlineCoverLetter(facts: CoverLetterFacts): CoverLetter {
  const hard = facts.matched.filter((k) => k.kind === 'hard').map((k) => k.canonical);
  const soft = facts.matched.filter((k) => k.kind === 'soft').map((k) => k.canonical.toLowerCase());
  const role = facts.jobTitle ? `the ${facts.jobTitle} role` : 'this role';
  const years = CLAIMED_YEARS.exec(facts.resume.text)?.[1];
  const sentences = [
    `I am applying for ${role}${facts.company ? ` at ${facts.company}` : ''}.`,
    years ? `I bring ${years} years of experience, as my résumé details.` : '',
    hard.length > 0 ? `My résumé shows hands-on work with ${list(hard.slice(0, 5))}, which this role asks for.` : '',
    ...evidenceBullets(facts.resume, hard).map((b, i) => `${i === 0 ? 'For example' : 'Another example'}: ${b.replace(/[.;]$/, '')}.`),
    soft.length > 0 ? `I would also bring ${list(soft.slice(0, 3))} to the team.` : '',
    `I would welcome the chance to discuss how I can contribute${facts.company ? ` to ${facts.company}` : ''}.`,
  ].filter(Boolean);
  const dropped: CoverLetter['dropped'] = [];
  const kept = sentences.filter((sentence) => {
    const verdict = verifyClaims(sentence, facts.source);
    if (!verdict.accepted) dropped.push({ sentence, reasons: verdict.reasons });
    return verdict.accepted;
  });
  const name = candidateName(facts.resume.text);
  const text = ['Dear Hiring Manager,', kept.join(' '), `Sincerely,${name ? `\n${name}` : ''}`].join('\n\n');
  return { text, dropped };
}
