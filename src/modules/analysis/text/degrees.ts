// Degree levels, ordered so a requirement can be compared with what the résumé shows.
export const DEGREE_LEVELS = ['none', 'associate', 'bachelor', 'master', 'doctorate'] as const;
export type DegreeLevel = (typeof DEGREE_LEVELS)[number];

const PATTERNS: readonly [DegreeLevel, RegExp][] = [
  ['doctorate', /\b(ph\.?\s?d\.?|doctorate|doctoral|doctor of)\b/i],
  ['master', /\b(master'?s?|m\.?\s?sc?\.?(?=\s|,|$)|msc|mba|m\.?\s?eng|m\.?\s?tech|ms in|m\.s\.)\b/i],
  ['bachelor', /\b(bachelor'?s?|b\.?\s?sc?\.?(?=\s|,|$)|bsc|b\.?\s?tech|b\.?\s?eng|b\.?\s?a\.?(?= in)|ba in|bs in|b\.s\.|undergraduate degree)\b/i],
  ['associate', /\b(associate'?s? degree|associate of)\b/i],
];

export function highestDegree(text: string): DegreeLevel {
  for (const [level, pattern] of PATTERNS) if (pattern.test(text)) return level;
  return 'none';
}

export function degreeRank(level: DegreeLevel): number {
  return DEGREE_LEVELS.indexOf(level);
}
