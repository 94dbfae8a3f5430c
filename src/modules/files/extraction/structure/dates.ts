const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE = `(?:${MONTH}\\.?\\s+\\d{4}|\\d{1,2}[/.]\\d{4}|\\d{4}[/-]\\d{2}|\\d{4})`;
const OPEN_END = '(?:present|current|now|today|ongoing)';

/** "Jan 2023 – Present", "06/2019 - 05/2021", "2019 to 2021" … */
const RANGE = new RegExp(`(${DATE})\\s*(?:-|–|—|to|until)\\s*(${DATE}|${OPEN_END})`, 'i');
const SINGLE = new RegExp(`\\b(${DATE})\\b`, 'i');

export interface DateSpan {
  start: string | null;
  end: string | null;
  /** The matched text, to be cut out of the line it came from. */
  matched: string;
}

export function findDateRange(line: string): DateSpan | null {
  const match = RANGE.exec(line);
  if (!match) return null;
  return { start: tidy(match[1]), end: tidy(match[2]), matched: match[0] };
}

/** A range, or failing that a single date (taken as the end: "UC Berkeley | 2019" is when it finished). */
export function findDates(line: string): DateSpan | null {
  const range = findDateRange(line);
  if (range) return range;
  const single = SINGLE.exec(line);
  return single ? { start: null, end: tidy(single[1]), matched: single[0] } : null;
}

function tidy(value: string | undefined): string | null {
  if (!value) return null;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return /^(present|current|now|today|ongoing)$/i.test(trimmed) ? 'Present' : trimmed;
}

const DANGLING_START = new RegExp(`^(${DATE})\\s*(?:-|–|—|to)\\s+(?!${DATE}|${OPEN_END})(.*)$`, 'i');
const LEADING_END = new RegExp(`^(${DATE}|${OPEN_END})\\b\\s*(.*)$`, 'i');

/**
 * Layouts with a date margin (moderncv and friends) wrap "June 2020 –" / "Present" over two lines,
 * each followed by body text. This puts the range back together on the first line.
 */
export function mendSplitRanges(lines: readonly string[]): string[] {
  const mended = [...lines];
  for (let i = 0; i + 1 < mended.length; i++) {
    const start = DANGLING_START.exec(mended[i] ?? '');
    const end = start ? LEADING_END.exec(mended[i + 1] ?? '') : null;
    if (!start || !end) continue;
    mended[i] = `${start[1]} – ${end[1]} ${start[2]}`.trim();
    mended[i + 1] = end[2] ?? '';
  }
  return mended.filter((line) => line.trim().length > 0);
}
