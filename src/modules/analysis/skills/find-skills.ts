// Finds vocabulary skills in text: longest phrase first, never overlapping, with the alias rules
// that keep "C", "Go" or "R" from matching every other line.
import { tokenize, type Token } from '../text/tokenize.ts';
import { skillIndex, type AliasEntry, type Skill } from '../vocabulary/skill-index.ts';

export interface SkillMention {
  readonly skill: Skill;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly tokenIndex: number;
}

/** A phrase may run across spaces, a line break, "/" or "-", but not across "," "(" or ";". */
const JOINABLE = /^(?:[ \t]*\r?\n?[ \t]*|[ \t]*[/-][ \t]*)$/;
/** Glued to a neighbour by these, a guarded word is part of something else ("go-to-market", "R&D"). */
const GLUE = /^[-&'’_@]$/;
/** How far (in tokens) another skill may sit for a context alias to count as a real mention. */
const CONTEXT_WINDOW = 6;

function matchesRule(entry: AliasEntry, tokens: readonly Token[], from: number, to: number): boolean {
  if (entry.rule === 'any') return true;
  const surface = tokens.slice(from, to).map((t) => t.text).join(' ');
  if (surface.replace(/['’]s$/, '') !== entry.surface) return false;
  const before = tokens[from]?.gapBefore ?? ' ';
  const after = tokens[to]?.gapBefore ?? ' ';
  return !(from > 0 && GLUE.test(before)) && !GLUE.test(after);
}

export function findSkills(text: string, kind: Skill['kind'], tokens: readonly Token[] = tokenize(text)): SkillMention[] {
  const { byKey, maxWords } = skillIndex(kind);
  const found: SkillMention[] = [];
  const pending: SkillMention[] = [];
  for (let i = 0; i < tokens.length; ) {
    let matched = 0;
    let key = '';
    const candidates: [number, string][] = [];
    for (let n = 1; n <= maxWords && i + n <= tokens.length; n++) {
      const token = tokens[i + n - 1] as Token;
      if (n > 1 && !JOINABLE.test(token.gapBefore)) break;
      key = n === 1 ? token.key : `${key} ${token.key}`;
      candidates.push([n, key]);
    }
    for (const [n, candidate] of candidates.reverse()) {
      const entry = byKey.get(candidate);
      if (!entry || !matchesRule(entry, tokens, i, i + n)) continue;
      const first = tokens[i] as Token;
      const last = tokens[i + n - 1] as Token;
      const mention = { skill: entry.skill, start: first.start, end: last.end, text: text.slice(first.start, last.end), tokenIndex: i };
      (entry.rule === 'context' ? pending : found).push(mention);
      matched = n;
      break;
    }
    i += Math.max(matched, 1);
  }
  // Context aliases count only beside a skill that stands on its own ("Python, R, SQL").
  const confirmed = pending.filter((m) => found.some((f) => Math.abs(f.tokenIndex - m.tokenIndex) <= CONTEXT_WINDOW
    && tokens[f.tokenIndex]?.line === tokens[m.tokenIndex]?.line));
  return [...found, ...confirmed].sort((a, b) => a.start - b.start);
}
