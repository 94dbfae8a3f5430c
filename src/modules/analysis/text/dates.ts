// Date ranges in experience sections, the way résumés write them: "Jan 2023 - Present",
// "06/2018 – 05/2021", "2016 – 2018". Forms ATS parsers often miss ("Summer '19", "Q3 2020")
// are reported by the ATS check rather than guessed at here.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
export const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DATE = String.raw`(?:${MONTH}\s+(?:19|20)\d{2}|(?:0?[1-9]|1[0-2])[/.](?:19|20)\d{2}|(?:19|20)\d{2})`;
const OPEN_END = String.raw`(?:present|current|now|today|ongoing)`;
export const DATE_RANGE = new RegExp(String.raw`(${DATE})\s*(?:[-–—]|to|until)\s*(${DATE}|${OPEN_END})`, 'gi');
/** A range split over two lines by a layout that puts dates in a gutter ("2021 –" / "Present …"). */
const DANGLING_START = new RegExp(String.raw`^\s*(${DATE})\s*[-–—]\s*(?!\s*(?:${DATE}|${OPEN_END}))`, 'i');
const LEADING_END = new RegExp(String.raw`^\s*(${DATE}|${OPEN_END})\b`, 'i');

/** Months since year 0, so ranges can be merged and measured. */
export function parseMonth(value: string, asOf: Date): number | undefined {
  const text = value.trim().toLowerCase();
  if (new RegExp(`^${OPEN_END}$`, 'i').test(text)) return asOf.getUTCFullYear() * 12 + asOf.getUTCMonth();
  const numeric = /^(\d{1,2})[/.](\d{4})$/.exec(text);
  if (numeric) return Number(numeric[2]) * 12 + Number(numeric[1]) - 1;
  const named = /^([a-z]+)\.?\s+(\d{4})$/.exec(text);
  if (named) {
    const month = MONTHS.indexOf((named[1] ?? '').slice(0, 3));
    return month < 0 ? undefined : Number(named[2]) * 12 + month;
  }
  const year = /^(\d{4})$/.exec(text);
  return year ? Number(year[1]) * 12 : undefined;
}

export interface DateRange { readonly start: number; readonly end: number; readonly offset: number; readonly text: string }

export function findDateRanges(text: string, asOf: Date, baseOffset = 0): DateRange[] {
  const ranges: DateRange[] = [];
  const add = (from: string, to: string, offset: number, raw: string) => {
    const start = parseMonth(from, asOf);
    const end = parseMonth(to, asOf);
    if (start !== undefined && end !== undefined && end >= start) ranges.push({ start, end, offset: baseOffset + offset, text: raw });
  };
  for (const m of text.matchAll(DATE_RANGE)) add(m[1] ?? '', m[2] ?? '', m.index, m[0]);
  const lines = text.split('\n');
  let offset = 0;
  lines.forEach((line, i) => {
    const dangling = DANGLING_START.exec(line);
    const next = LEADING_END.exec(lines[i + 1] ?? '');
    if (dangling && next) add(dangling[1] ?? '', next[1] ?? '', offset, `${dangling[0].trim()} ${next[1] ?? ''}`);
    offset += line.length + 1;
  });
  return ranges;
}

/** Years covered by the union of the ranges (overlapping jobs count once). */
export function yearsCovered(ranges: readonly DateRange[]): number {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let months = 0;
  let current: { start: number; end: number } | undefined;
  for (const r of sorted) {
    if (current && r.start <= current.end) current.end = Math.max(current.end, r.end);
    else {
      if (current) months += current.end - current.start;
      current = { start: r.start, end: r.end };
    }
  }
  if (current) months += current.end - current.start;
  return Math.round((months / 12) * 10) / 10;
}
