// Tokens keep "C++", "C#", "Node.js", ".NET" and "Stripe's" whole, but split on "/" and "-" so
// "Kubernetes/ECS" and "scikit-learn" become separate words that vocabulary phrases can span.

export interface Token {
  readonly text: string;
  /** Lower-cased, possessive removed: the form vocabulary keys are built from. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
  /** Characters between the previous token and this one ("" when glued, " " , "-", "/"…). */
  readonly gapBefore: string;
  readonly line: number;
}

const WORD = /\.?[\p{L}\p{N}](?:[\p{L}\p{N}+#']|\.(?=[\p{L}\p{N}]))*/gu;

export function tokenKey(word: string): string {
  return word.toLowerCase().replace(/['’]s$/, '').replace(/'+$/, '');
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  let line = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const gapBefore = text.slice(previousEnd, start);
    for (const ch of gapBefore) if (ch === '\n') line += 1;
    const word = match[0];
    tokens.push({ text: word, key: tokenKey(word), start, end: start + word.length, gapBefore, line });
    previousEnd = start + word.length;
  }
  return tokens;
}

/** Vocabulary phrases are keyed by their token keys joined with single spaces. */
export function phraseKey(phrase: string): string {
  return tokenize(phrase).map((t) => t.key).join(' ');
}
