// What is in the words themselves: nothing readable, keyword stuffing, acronyms never spelled
// out, characters an ATS turns into noise.
import type { AtsFinding } from '../result.ts';
import type { SkillMention } from '../skills/find-skills.ts';
import type { ResumeDocument } from '../text/resume-document.ts';
import { ACRONYMS, acronymPattern } from './acronyms.ts';
import { finding, type Evidence } from './finding.ts';

/** A skill named this often (or this dense) reads as stuffing to recruiters and to ATS filters. */
const STUFFING_COUNT = 10;
const STUFFING_DENSITY = 0.03;
const STUFFING_MIN_COUNT = 5;
const ODD_CHARACTERS = /[\ue000-\uf8ff\ufffd]|\p{Extended_Pictographic}|(?<=^|\s)[§¶ðþ#](?=\s)/gmu;

export function emptinessFindings(resume: ResumeDocument): AtsFinding[] {
  const letters = resume.text.match(/\p{L}/gu)?.length ?? 0;
  const findings: AtsFinding[] = [];
  if (letters < 50) findings.push(finding('NO_READABLE_TEXT', 'critical', 'Almost no readable text was found. If this is a scan or an image, an ATS sees an empty résumé.'));
  if (resume.truncated) findings.push(finding('TEXT_TRUNCATED', 'warning', 'The résumé text is far longer than any résumé; only its beginning was analysed.'));
  return findings;
}

export function stuffingFindings(resume: ResumeDocument, mentions: readonly SkillMention[]): AtsFinding[] {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.skill.name, (counts.get(m.skill.name) ?? 0) + 1);
  const words = Math.max(resume.tokens.length, 1);
  const stuffed = [...counts].filter(([, n]) => n >= STUFFING_COUNT || (n >= STUFFING_MIN_COUNT && n / words > STUFFING_DENSITY));
  if (stuffed.length === 0) return [];
  const evidence: Evidence[] = stuffed.map(([name, n]) => ({ text: `"${name}" appears ${n} times` }));
  return [finding('KEYWORD_STUFFING', 'warning', 'Some keywords are repeated far more than a reader needs. Recruiters and newer ATS penalise stuffing: name each skill where you used it.', evidence)];
}

export function acronymFindings(resume: ResumeDocument): AtsFinding[] {
  const evidence: Evidence[] = [];
  for (const [acronym, { expansion, pattern }] of Object.entries(ACRONYMS)) {
    const found = acronymPattern(acronym).exec(resume.text);
    if (found && !pattern.test(resume.text)) evidence.push({ text: `${acronym} (${expansion})`, start: found.index, end: found.index + acronym.length });
  }
  if (evidence.length === 0) return [];
  return [finding('ACRONYMS_NOT_SPELLED_OUT', 'info', 'Some acronyms are never written out. Spell each out once, e.g. "Machine Learning (ML)", so searches for either form find you.', evidence)];
}

export function characterFindings(resume: ResumeDocument): AtsFinding[] {
  const evidence: Evidence[] = [...resume.text.matchAll(ODD_CHARACTERS)].map((m) => ({
    text: `U+${(m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} "${m[0]}"`, start: m.index, end: m.index + m[0].length,
  }));
  if (resume.controlCharacters > 0) evidence.unshift({ text: `${resume.controlCharacters} invisible control character(s)` });
  if (evidence.length === 0) return [];
  return [finding('UNUSUAL_CHARACTERS', 'info', 'Icons, symbols or invisible characters were found. ATS turn them into noise: use plain words ("Email:", "Phone:") instead of icons.', evidence)];
}
