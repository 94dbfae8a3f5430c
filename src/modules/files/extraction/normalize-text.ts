export const MAX_TEXT_LENGTH = 20_000;

/**
 * One canonical text for every format: NFKC (ligatures like "ﬁ" become "fi", full-width digits
 * become digits), no control characters, words broken at line ends rejoined, tidy whitespace.
 * Tabs survive on purpose: they mark a wide gap between cells on one line (skills, dates).
 */
export function normalizeText(lines: readonly string[]): string {
  let text = lines.join('\n').normalize('NFKC');
  text = text.replace(/\r\n?/g, '\n').replace(/[\u2028\u2029\u000b\u000c]/g, '\n');
  text = text.replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '');
  // A soft hyphen only ever marks a possible break: drop it, and rejoin the word if it broke there.
  text = text.replace(/\u00ad[ \t]*\n[ \t]*/g, '').replace(/\u00ad/g, '');
  text = joinHyphenatedLines(text);
  text = text.replace(/[ \u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ');
  text = text.replace(/ *\t[\t ]*/g, '\t');
  text = text
    .split('\n')
    .map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ''))
    .join('\n');
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

/** Cuts at a line end where possible so the last line is not half a sentence. */
export function truncateText(text: string, max = MAX_TEXT_LENGTH): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  let cut = text.slice(0, max);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  const lastLine = cut.lastIndexOf('\n');
  return { text: (lastLine > max * 0.9 ? cut.slice(0, lastLine) : cut).trimEnd(), truncated: true };
}

/**
 * Share of characters that cannot be real text: unmapped glyphs come out as U+FFFD, private-use
 * code points or pdf.js's "(cid:…)" names when a font carries no Unicode table.
 */
export function garbageRatio(text: string): number {
  const letters = text.replace(/\s/g, '');
  if (letters.length === 0) return 0;
  const bad = (letters.match(/[\ufffd\ue000-\uf8ff]|\p{Co}/gu)?.length ?? 0) + (text.match(/\(cid:\d+\)/g)?.join('').length ?? 0);
  return bad / letters.length;
}

/**
 * A hard hyphen at a line end followed by a lower-case letter joins the two lines. Whether the hyphen
 * stays is decided by the document itself: "devel-/oping" loses it when "developing" appears elsewhere;
 * otherwise it stays, because résumé tools rarely hyphenate while compounds like "cloud-native" often
 * break exactly there.
 */
function joinHyphenatedLines(text: string): string {
  if (!/-[ \t]*\n/.test(text)) return text;
  const words = new Set(text.toLowerCase().match(/\p{L}+/gu) ?? []);
  return text.replace(/(\p{L}+)-[ \t]*\n[ \t]*(\p{Ll}+)/gu, (_, left: string, right: string) =>
    words.has(`${left}${right}`.toLowerCase()) ? `${left}${right}` : `${left}-${right}`,
  );
}
