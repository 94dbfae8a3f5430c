// Résumé and job text arrive from PDF extraction, pastes and uploads: they can hold NUL bytes,
// bidi overrides, zero-width characters and other controls. We replace each such code unit with a
// space instead of deleting it, so every offset we report still points into the caller's text.

const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;

/** Longest text we analyse; the rest is ignored and reported, so one paste cannot stall a worker. */
export const MAX_ANALYSED_CHARS = 60_000;

export interface SanitizedText {
  readonly text: string;
  readonly truncated: boolean;
  readonly controlCharacters: number;
}

export function sanitizeText(raw: string): SanitizedText {
  const truncated = raw.length > MAX_ANALYSED_CHARS;
  const clipped = truncated ? raw.slice(0, MAX_ANALYSED_CHARS) : raw;
  let controlCharacters = 0;
  // \f (page break from pdftotext) becomes a newline of the same length: pages are counted before this.
  const text = clipped.replace(CONTROL, () => {
    controlCharacters += 1;
    return ' ';
  }).replace(/\f/g, '\n');
  return { text, truncated, controlCharacters };
}

/** Pages as the extractor marks them with form feeds, when it did. */
export function countFormFeedPages(raw: string): number | undefined {
  const breaks = raw.replace(/\f\s*$/, '').split('\f').length - 1;
  return breaks > 0 ? breaks + 1 : undefined;
}
