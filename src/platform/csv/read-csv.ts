// RFC 4180 reading: quoted fields may hold commas, quotes ("") and line breaks. Each record keeps
// the line it started on, so an import can say "row 7" the way a spreadsheet numbers it.

export type CsvRecord = { line: number; cells: string[] };
export type CsvReadResult = { records: CsvRecord[]; problems: { line: number; problem: string }[] };

export function readCsv(text: string, options: { maxRecords?: number } = {}): CsvReadResult {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // spreadsheets write a BOM
  const records: CsvRecord[] = [];
  const problems: CsvReadResult['problems'] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    // A blank line is not a record (but a line with one empty quoted cell is).
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  while (i < input.length) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i += 1; continue; }
      if (ch === '\n') line += 1;
      cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') { quoted = true; i += 1; continue; }
    if (ch === ',') { cells.push(cell); cell = ''; i += 1; continue; }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      if (options.maxRecords !== undefined && records.length > options.maxRecords) break;
      continue;
    }
    cell += ch;
    i += 1;
  }
  if (quoted) problems.push({ line: recordLine, problem: 'a quoted field is never closed' });
  else if (cell !== '' || cells.length > 0) endRecord();
  return { records, problems };
}

/** Records as objects keyed by the (trimmed, lower-cased) header; the header is record 0. */
export function csvRows(text: string, options: { maxRecords?: number } = {}) {
  const { records, problems } = readCsv(text, options);
  const [header, ...rows] = records;
  const names = (header?.cells ?? []).map((name) => name.trim().toLowerCase());
  return {
    header: names,
    problems,
    rows: rows.map((record) => ({
      line: record.line,
      width: record.cells.length,
      values: Object.fromEntries(names.map((name, index) => [name, record.cells[index] ?? ''])),
    })),
  };
}
