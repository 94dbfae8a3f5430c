import { describe, expect, it } from '@jest/globals';
import { csvRows, guardCell, readCsv, unguardCell, writeCsv } from './index.ts';

describe('CSV', () => {
  it('reads quoted commas, doubled quotes and line breaks, numbering records by their first line', () => {
    const { records, problems } = readCsv('a,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n\nlast,1');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['two\nlines', 'z'] },
      { line: 6, cells: ['last', '1'] },
    ]);
  });

  it('reports an unclosed quote and skips a byte-order mark', () => {
    expect(readCsv('\ufeffa\n"open').problems).toEqual([{ line: 2, problem: 'a quoted field is never closed' }]);
    expect(csvRows('\ufeffTitle, City \nx,y').rows[0]!.values).toEqual({ title: 'x', city: 'y' });
  });

  it('writes cells that start like formulas as text, and gives them back exactly on import', () => {
    const hostile = ['=HYPERLINK("http://evil","x")', '+1+1', '-2', '@SUM(A1)', '\tTab', "'=already", "''+x", "'plain", 'fine, "quoted"'];
    const csv = writeCsv(['value'], hostile.map((v) => [v]));
    const cells = readCsv(csv).records.slice(1).map((r) => r.cells[0]!);
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells.map(unguardCell)).toEqual(hostile);
    expect(guardCell('plain')).toBe('plain');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
