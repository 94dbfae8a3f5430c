// Rewrites a bullet by changing its structure only: stronger openers, active voice, no filler.
// It never adds a fact. Where a result is missing it inserts a visible placeholder ("[number]")
// for the person to fill in, and the verifier checks the output either way.
import { capitalize, gerundToPast, participleToPast, toGerund } from './verbs.ts';
import { FILLER, type BulletProblem } from './problems.ts';

const FILLER_REPLACEMENTS: Record<string, string> = { 'in order to': 'to', utilized: 'used', utilizing: 'using', utilize: 'use', 'a variety of': '', 'a number of': '' };
const PASSIVE_START = /^((?:the |our |all |a |an )?[\w/-]+(?: [\w/-]+){0,3}) (?:was|were|has been|have been) (\w+)(?: by (?:me|us|the team|our team))?\b(.*)$/i;

/** Opener patterns and how to restate them with the person as the actor. */
const OPENERS: readonly [RegExp, (m: RegExpExecArray) => string | undefined][] = [
  [/^(?:responsible for|tasked with|in charge of|duties included)\s+(\w+ing)\b(.*)$/i, (m) => past(m[1], m[2])],
  [/^(?:responsible for|in charge of|duties included)\s+(.*)$/i, (m) => `Owned ${m[1]}`],
  [/^(?:helped|assisted)(?: to)?\s+(build|develop|design|create|implement|launch|migrate|improve|deliver|plan|run|test|ship|write|maintain|optimize|automate|set up)\b(.*)$/i, (m) => `Contributed to ${toGerund(m[1] ?? '')}${m[2] ?? ''}`],
  [/^(?:helped with|helped|assisted (?:in|with)|worked on|participated in|was involved in|involved in|helping with|working on|participating in)\s+(.*)$/i, (m) => `Contributed to ${m[1]}`],
  [/^handled\s+(.*)$/i, (m) => `Managed ${m[1]}`],
];

function past(gerund: string | undefined, rest: string | undefined): string | undefined {
  const verb = gerund ? gerundToPast(gerund) : undefined;
  return verb ? `${capitalize(verb)}${rest ?? ''}` : undefined;
}

function strengthenOpener(text: string): string {
  for (const [pattern, restate] of OPENERS) {
    const m = pattern.exec(text);
    const restated = m ? restate(m) : undefined;
    if (restated) return restated;
  }
  return text;
}

function activate(text: string): string {
  const m = PASSIVE_START.exec(text);
  const verb = m ? participleToPast(m[2] ?? '') : undefined;
  if (!m || !verb) return text;
  const subject = (m[1] ?? '').charAt(0).toLowerCase() + (m[1] ?? '').slice(1);
  return `${capitalize(verb)} ${subject}${m[3] ?? ''}`;
}

function dropFiller(text: string): string {
  return text.replace(FILLER, (word) => FILLER_REPLACEMENTS[word.toLowerCase()] ?? '').replace(/\s+([,.;])/g, '$1').replace(/\s{2,}/g, ' ').trim();
}

export function rewriteBullet(original: string, problems: readonly BulletProblem[]): string | null {
  const codes = new Set(problems.map((p) => p.code));
  const ending = /[.;]$/.test(original.trim()) ? '.' : '';
  let text = original.trim().replace(/[.;]+$/, '');
  if (codes.has('FILLER_WORDS')) text = dropFiller(text);
  if (codes.has('WEAK_OPENER')) text = strengthenOpener(text);
  if (codes.has('PASSIVE_VOICE')) text = activate(text);
  if (codes.has('NO_MEASURABLE_RESULT')) text = `${text}, improving [metric] by [number]%`;
  text = capitalize(text) + ending;
  return text === original.trim() ? null : text;
}

export function rationaleFor(problems: readonly BulletProblem[]): string {
  if (problems.length === 0) return 'Already clear and specific.';
  const parts: Record<string, string> = {
    WEAK_OPENER: 'leads with what you did', PASSIVE_VOICE: 'uses active voice', FILLER_WORDS: 'drops filler',
    NO_MEASURABLE_RESULT: 'leaves placeholders for the result: replace [metric] and [number] with real figures, or remove them',
    TOO_LONG: 'is still long: consider splitting it into two bullets',
  };
  return `The rewrite ${problems.map((p) => parts[p.code]).filter(Boolean).join('; ')}. Nothing was added that your résumé does not say.`;
}
