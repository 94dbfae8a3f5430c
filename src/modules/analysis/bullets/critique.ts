// Critiques bullets and proposes verified rewrites; shared by analyze and later rewrite requests.
import type { BulletCritique } from '../result.ts';
import { verifyClaims, type FactSource } from '../verify/fact-verifier.ts';
import { findProblems } from './problems.ts';
import { rationaleFor, rewriteBullet } from './rewrite.ts';

/** More than this many critiques is a wall of text; the worst bullets come first. */
export const MAX_CRITIQUES = 20;

export function critiqueBullet(original: string, source: FactSource): BulletCritique {
  const problems = findProblems(original);
  const proposed = rewriteBullet(original, problems);
  const verdict = proposed === null ? { accepted: true, reasons: [] } : verifyClaims(proposed, source);
  return { original, problems, rewritten: verdict.accepted ? proposed : null, rationale: rationaleFor(problems), verdict };
}

export function critiqueBullets(bullets: readonly string[], source: FactSource): BulletCritique[] {
  const unique = [...new Set(bullets.map((b) => b.trim()).filter((b) => b.length > 0))];
  return unique.map((b) => critiqueBullet(b, source))
    .filter((c) => c.problems.length > 0)
    .sort((a, b) => b.problems.length - a.problems.length)
    .slice(0, MAX_CRITIQUES);
}
