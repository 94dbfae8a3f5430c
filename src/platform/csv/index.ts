// CSV for imports and exports (postings files, the applications tracker).
export { readCsv, csvRows, type CsvRecord, type CsvReadResult } from './read-csv.ts';
export { writeCsv, guardCell, unguardCell } from './write-csv.ts';
