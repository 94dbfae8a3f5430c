// What makes a bullet weak, each with the reason a reader or recruiter cares.

export interface BulletProblem { readonly code: string; readonly message: string }

export const WEAK_OPENER = /^(responsible for|helped(?: to)?|helping|assisted (?:in|with)|assisting|worked on|working on|participated in|participating in|was involved in|involved in|tasked with|duties included|in charge of|handled)\b/i;
const PASSIVE = /\b(?:was|were|is|are|been|being)\s+(\w+ed|built|led|made|written|run|done|given|taken|shown|grown|driven|chosen|held|sent|kept|won|begun|brought|taught|sold)\b/i;
const NOT_PASSIVE = /\b(?:was|were|is|are)\s+(?:able|based|interested|excited|skilled|experienced|qualified|used to)\b/i;
const MEASURE = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|dozens?|hundreds?|thousands?|millions?|billions?|double[ds]?|tripled?|halved?)\b/i;
export const FILLER = /\b(successfully|various|very|really|basically|actually|etc\.?|in order to|a variety of|a number of|utilized|utilizing|utilize)\b/gi;
export const MAX_WORDS = 30;

export function findProblems(bullet: string): BulletProblem[] {
  const problems: BulletProblem[] = [];
  const opener = WEAK_OPENER.exec(bullet.trim());
  if (opener) problems.push({ code: 'WEAK_OPENER', message: `Opens with "${opener[0]}", which describes a duty rather than what you did. Lead with a strong verb.` });
  if (PASSIVE.test(bullet) && !NOT_PASSIVE.test(bullet)) problems.push({ code: 'PASSIVE_VOICE', message: 'Passive voice hides who did the work. Say what you did.' });
  if (!MEASURE.test(bullet)) problems.push({ code: 'NO_MEASURABLE_RESULT', message: 'No number shows the result. Add scale or impact (users, time, money, percentage).' });
  const words = bullet.trim().split(/\s+/).length;
  if (words > MAX_WORDS) problems.push({ code: 'TOO_LONG', message: `${words} words; recruiters skim bullets of one to two lines (under ${MAX_WORDS} words).` });
  const filler = [...new Set([...bullet.matchAll(FILLER)].map((m) => m[0].toLowerCase()))];
  if (filler.length > 0) problems.push({ code: 'FILLER_WORDS', message: `Filler that adds no information: ${filler.map((f) => `"${f}"`).join(', ')}.` });
  return problems;
}
