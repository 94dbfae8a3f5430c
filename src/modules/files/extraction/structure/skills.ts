import { stripBullet } from './bullets.ts';

const SEPARATOR = /\s*(?:[,;|•·\t]|\s{2,}| \/ )\s*/;

/** Skills come as lists, chips or "Category: a, b, c" lines; each distinct item once, in order. */
export function findSkills(lines: readonly string[]): string[] {
  const seen = new Set<string>();
  const skills: string[] = [];
  for (const line of unwrap(lines)) {
    const items = stripBullet(line).replace(/^[^:]{2,30}:\s*/, '');
    for (const item of items.split(SEPARATOR)) {
      const skill = item.replace(/^[\s.]+|[\s.]+$/g, '').replace(/^(and|&)\s+/i, '');
      const key = skill.toLowerCase();
      if (skill.length === 0 || skill.length > 50 || seen.has(key)) continue;
      seen.add(key);
      skills.push(skill);
    }
  }
  return skills;
}

/** "…, Project" + "management, …": a comma list wrapped mid-item continues on a line starting in lower case. */
function unwrap(lines: readonly string[]): string[] {
  const joined: string[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    if (previous !== undefined && /^\p{Ll}/u.test(line.trim()) && !/[,;|•·\t]$/.test(previous)) joined[joined.length - 1] = `${previous} ${line.trim()}`;
    else joined.push(line);
  }
  return joined;
}
