import { csvRows, unguardCell, writeCsv } from '../../platform/csv/index.ts';
import { ApplicationDetails, ApplicationStatus } from './events.ts';
import type { ApplicationView } from './queries.ts';

// The tracker as a spreadsheet and back. Export: RFC 4180, formula-safe cells (platform/csv).
// Import: the same columns (extra ones ignored, header names case-insensitive); each bad row is
// reported with its spreadsheet row number and skipped, the good ones are imported.

export const csvColumns = ['company', 'role', 'status', 'posting_url', 'applied_on', 'notes', 'draft_id', 'created_at', 'updated_at'] as const;
export const maxImportRows = 1_000;

export function applicationsCsv(items: readonly ApplicationView[]): string {
  return writeCsv(csvColumns, items.map((a) => [a.company, a.role, a.status, a.postingUrl, a.appliedOn, a.notes, a.draftId, a.createdAt, a.updatedAt]));
}

export type ImportRow = { row: number; status: ApplicationStatus; details: ApplicationDetails };
export type RowError = { row: number; problems: string[] };

export function readApplicationsCsv(text: string): { rows: ImportRow[]; errors: RowError[] } {
  const { header, rows, problems } = csvRows(text, { maxRecords: maxImportRows + 1 });
  const errors: RowError[] = problems.map((p) => ({ row: p.line, problems: [p.problem] }));
  if (!header.includes('company') || !header.includes('role')) return { rows: [], errors: [{ row: 1, problems: ['the header row needs "company" and "role" columns'] }] };
  if (rows.length > maxImportRows) errors.push({ row: rows[maxImportRows]!.line, problems: [`more than ${maxImportRows} rows: the rest is not read`] });
  const good: ImportRow[] = [];
  for (const r of rows.slice(0, maxImportRows)) {
    const cell = (name: string) => unguardCell(r.values[name] ?? '');
    const blank = (value: string) => (value.trim() === '' ? null : value.trim());
    const status = ApplicationStatus.safeParse((blank(cell('status')) ?? 'saved').toLowerCase());
    const details = ApplicationDetails.safeParse({
      company: cell('company'), role: cell('role'), postingUrl: blank(cell('posting_url')), postingId: null,
      draftId: null, notes: cell('notes'), appliedOn: blank(cell('applied_on')),
    });
    const rowProblems = [
      ...(status.success ? [] : [`status: one of ${ApplicationStatus.options.join(', ')}`]),
      ...(details.success ? [] : details.error.issues.slice(0, 4).map((i) => `${i.path.join('.')}: ${i.message}`)),
      ...(r.width > header.length ? [`${r.width} cells for ${header.length} columns`] : []),
    ];
    if (rowProblems.length > 0 || !status.success || !details.success) errors.push({ row: r.line, problems: rowProblems });
    else good.push({ row: r.line, status: status.data, details: details.data });
  }
  return { rows: good, errors };
}
