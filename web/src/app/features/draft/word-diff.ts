// A word-level diff for bullet rewrites: which words were removed from the original and which were
// added in the rewrite. Tokens are words and the whitespace between them, so joining the parts of
// one side gives back that side's text exactly.

export type DiffKind = 'same' | 'removed' | 'added';

export interface DiffPart {
  kind: DiffKind;
  text: string;
}

/** Above this many token pairs the LCS table gets expensive: show "all removed, all added". */
export const MAX_DIFF_CELLS = 250_000;

export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

function push(parts: DiffPart[], kind: DiffKind, text: string): void {
  if (!text) return;
  const last = parts.at(-1);
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/**
 * Longest-common-subsequence diff over word tokens. Whitespace-only tokens that sit between changes
 * are kept with the changes so the output reads naturally ("led → managed", not "led" "␠" …).
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenize(before ?? '');
  const b = tokenize(after ?? '');
  const parts: DiffPart[] = [];
  if (a.length * b.length > MAX_DIFF_CELLS) {
    push(parts, 'removed', a.join(''));
    push(parts, 'added', b.join(''));
    return parts;
  }
  // lengths[i][j] = LCS length of a[i..] and b[j..]
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1] + 1
          : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(parts, 'same', a[i]);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      push(parts, 'removed', a[i++]);
    } else {
      push(parts, 'added', b[j++]);
    }
  }
  while (i < a.length) push(parts, 'removed', a[i++]);
  while (j < b.length) push(parts, 'added', b[j++]);
  return parts;
}

/** The parts one side shows: the original shows same + removed; the rewrite shows same + added. */
export function sideOf(parts: readonly DiffPart[], side: 'before' | 'after'): DiffPart[] {
  const hidden: DiffKind = side === 'before' ? 'added' : 'removed';
  return parts.filter((part) => part.kind !== hidden);
}
