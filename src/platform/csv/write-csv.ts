// RFC 4180 writing that is safe to open in a spreadsheet: a cell that starts like a formula
// (= + - @, tab, carriage return) gets a leading apostrophe, so Excel, Calc and Sheets show it as
// text instead of running it (CSV injection). A cell that already starts with apostrophes before
// such a character gets one more, so `unguardCell` gives back exactly what was exported.

const formulaStart = /^'*[=+\-@\t\r]/;

export function guardCell(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

/** The inverse of guardCell, for importing a file this product exported. */
export function unguardCell(value: string): string {
  return value.startsWith("'") && formulaStart.test(value.slice(1)) ? value.slice(1) : value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV document: CRLF line ends (RFC 4180), every cell guarded then quoted when needed. */
export function writeCsv(header: readonly string[], rows: readonly (readonly (string | null | undefined)[])[]): string {
  const line = (cells: readonly (string | null | undefined)[]) => cells.map((c) => quote(guardCell(c ?? ''))).join(',');
  return [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}
