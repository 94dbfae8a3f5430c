// The lookup the matcher walks: phrase key → skill, with the alias rule that guards ambiguous words.
import { readFileSync } from 'node:fs';
import { phraseKey } from '../text/tokenize.ts';
import { curatedSkills, type CuratedSkill } from './curated-skills.ts';
import { softSkills } from './soft-skills.ts';

export interface Skill {
  readonly name: string;
  readonly category: string;
  readonly kind: 'hard' | 'soft';
}

/** any: case-insensitive; exact: this capitalisation only; context: exact and another skill nearby. */
export type AliasRule = 'any' | 'exact' | 'context';

export interface AliasEntry {
  readonly skill: Skill;
  readonly rule: AliasRule;
  /** The surface form an exact/context alias must show. */
  readonly surface: string;
}

export interface SkillIndex {
  readonly byKey: ReadonlyMap<string, AliasEntry>;
  readonly maxWords: number;
}

interface OnetVocabulary {
  categories: string[];
  skills: [string, number, string?][];
  occupations: [string, string][];
}

let onet: OnetVocabulary | undefined;
export function onetVocabulary(): OnetVocabulary {
  onet ??= JSON.parse(readFileSync(new URL('./onet-vocabulary.json', import.meta.url), 'utf8')) as OnetVocabulary;
  return onet;
}

function addAlias(byKey: Map<string, AliasEntry>, skill: Skill, alias: string, rule?: AliasRule): void {
  const marker = alias[0];
  const surface = marker === '=' || marker === '~' ? alias.slice(1) : alias;
  const key = phraseKey(surface);
  if (!key) return;
  // Later sources overwrite earlier ones: O*NET first, our curated entries last.
  byKey.set(key, { skill, surface, rule: rule ?? (marker === '=' ? 'exact' : marker === '~' ? 'context' : 'any') });
}

function addCurated(byKey: Map<string, AliasEntry>, entries: readonly CuratedSkill[], kind: Skill['kind']): void {
  for (const entry of entries) {
    const skill: Skill = { name: entry.name, category: entry.category, kind };
    const nameIsGuarded = entry.aliases.some((a) => /^[=~]/.test(a) && phraseKey(a.slice(1)) === phraseKey(entry.name));
    if (!nameIsGuarded) addAlias(byKey, skill, entry.name);
    for (const alias of entry.aliases) addAlias(byKey, skill, alias);
  }
}

function build(kind: Skill['kind']): SkillIndex {
  const byKey = new Map<string, AliasEntry>();
  if (kind === 'hard') {
    const { categories, skills } = onetVocabulary();
    for (const [name, categoryIndex, product] of skills) {
      const skill: Skill = { name, category: categories[categoryIndex] ?? 'Software', kind };
      // One-word O*NET names are matched with their exact capitalisation only.
      addAlias(byKey, skill, name, name.includes(' ') ? 'any' : 'exact');
      if (product) addAlias(byKey, skill, product, 'exact');
    }
    addCurated(byKey, curatedSkills, kind);
  } else {
    addCurated(byKey, softSkills, kind);
  }
  let maxWords = 1;
  for (const key of byKey.keys()) maxWords = Math.max(maxWords, key.split(' ').length);
  return { byKey, maxWords };
}

const indexes = new Map<Skill['kind'], SkillIndex>();
export function skillIndex(kind: Skill['kind']): SkillIndex {
  let index = indexes.get(kind);
  if (!index) indexes.set(kind, (index = build(kind)));
  return index;
}
