// Splits the résumé text into plain and highlighted segments from keyword offsets. The template
// renders each segment as text (never innerHTML). Offsets come from the server and are not trusted:
// out of range, reversed, fractional, NaN or overlapping ranges are clamped, dropped or merged.

export interface HighlightRange {
  start: number;
  end: number;
  /** The keyword(s) this range shows, for the tooltip and screen readers. */
  label: string;
}

export interface Segment {
  text: string;
  /** Empty for plain text. */
  labels: string[];
}

/** Text beyond this is not shown (a résumé is a few thousand characters). */
export const MAX_HIGHLIGHT_CHARS = 60_000;
/** Ranges beyond this are ignored: the page stays responsive whatever the server sends. */
export const MAX_RANGES = 5_000;

export function segmentText(
  text: string,
  ranges: readonly HighlightRange[],
  maxChars = MAX_HIGHLIGHT_CHARS,
): Segment[] {
  const source = typeof text === 'string' ? text.slice(0, Math.max(0, maxChars)) : '';
  const length = source.length;
  if (length === 0) return [];

  const clean = ranges
    .slice(0, MAX_RANGES)
    .flatMap((range) => {
      const rawStart = Number(range?.start);
      const rawEnd = Number(range?.end);
      if (!Number.isFinite(rawStart) || !Number.isFinite(rawEnd)) return [];
      const start = Math.max(0, Math.min(length, Math.floor(Math.min(rawStart, rawEnd))));
      const end = Math.max(0, Math.min(length, Math.ceil(Math.max(rawStart, rawEnd))));
      return end > start ? [{ start, end, label: String(range.label ?? '') }] : [];
    })
    .sort((x, y) => x.start - y.start || x.end - y.end);

  // Merge overlapping or touching ranges, keeping every label once.
  const merged: { start: number; end: number; labels: string[] }[] = [];
  for (const range of clean) {
    const last = merged.at(-1);
    if (last && range.start < last.end) {
      last.end = Math.max(last.end, range.end);
      if (range.label && !last.labels.includes(range.label)) last.labels.push(range.label);
    } else {
      merged.push({ start: range.start, end: range.end, labels: range.label ? [range.label] : [] });
    }
  }

  const segments: Segment[] = [];
  let cursor = 0;
  for (const range of merged) {
    if (range.start > cursor)
      segments.push({ text: source.slice(cursor, range.start), labels: [] });
    // A range without a label is still highlighted; give it a neutral label.
    segments.push({
      text: source.slice(range.start, range.end),
      labels: range.labels.length ? range.labels : ['keyword'],
    });
    cursor = range.end;
  }
  if (cursor < length) segments.push({ text: source.slice(cursor), labels: [] });
  return segments;
}
