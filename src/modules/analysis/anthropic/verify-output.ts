// Holds the model to the same rules as the offline engine: critiques only of bullets the résumé
// has, rewrites and letter sentences that pass the verifier, the rest dropped with the reason.
import { MAX_CRITIQUES } from '../bullets/critique.ts';
import type { BulletCritique, CoverLetter } from '../result.ts';
import { verifyClaims, type FactSource } from '../verify/fact-verifier.ts';
import type { ModelOutput } from './model-output.ts';

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

export function verifiedCritiques(output: ModelOutput, bullets: readonly string[], source: FactSource): BulletCritique[] {
  const known = new Map(bullets.map((b) => [normalize(b), b]));
  const seen = new Set<string>();
  const critiques: BulletCritique[] = [];
  for (const c of output.bulletCritiques) {
    const original = known.get(normalize(c.original));
    // A critique of a bullet the résumé does not have is the model talking about something else.
    if (!original || seen.has(original)) continue;
    seen.add(original);
    const verdict = c.rewritten ? verifyClaims(c.rewritten, source) : { accepted: true, reasons: [] };
    critiques.push({ original, problems: c.problems, rewritten: verdict.accepted ? c.rewritten : null, rationale: c.rationale, verdict });
  }
  return critiques.slice(0, MAX_CRITIQUES);
}

export function verifiedCoverLetter(text: string, source: FactSource): CoverLetter {
  const dropped: CoverLetter['dropped'] = [];
  const paragraphs = text.replace(/\r/g, '').split(/\n{2,}/).map((paragraph) => {
    const sentences = paragraph.match(/[^.!?]+[.!?]*["')\]]*\s*/g) ?? [];
    return sentences.filter((sentence) => {
      const verdict = verifyClaims(sentence.trim(), source);
      if (!verdict.accepted) dropped.push({ sentence: sentence.trim(), reasons: verdict.reasons });
      return verdict.accepted;
    }).join('').trim();
  });
  return { text: paragraphs.filter(Boolean).join('\n\n'), dropped };
}
