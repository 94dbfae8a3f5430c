const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

type Cell = string[];

/**
 * Turns mammoth's small, well-formed HTML into lines: one per paragraph or heading, list items with a
 * "• " so bullets stay bullets. Tables are usually layout in résumés ("left column | right column"),
 * so a row whose cells hold several paragraphs is read cell by cell; a row of one-line cells stays one
 * line with its cells split by tabs.
 */
export function htmlToLines(html: string): { lines: string[]; hasTables: boolean } {
  const lines: string[] = [];
  let paragraph = '';
  let row: Cell[] | null = null;
  let cell: Cell | null = null;
  const endParagraph = (): void => {
    const text = paragraph.replace(/\s+/g, ' ').trim();
    paragraph = '';
    if (!text) return;
    if (cell) cell.push(text);
    else lines.push(text);
  };
  for (const token of html.split(/(<[^>]+>)/)) {
    if (!token.startsWith('<')) {
      paragraph += decodeEntities(token);
      continue;
    }
    const tag = /^<\/?([a-z0-9]+)/i.exec(token)?.[1]?.toLowerCase() ?? '';
    const closing = token.startsWith('</');
    if (tag === 'li' && !closing) {
      endParagraph();
      paragraph = '• ';
    } else if (tag === 'tr') {
      endParagraph();
      if (closing && row) lines.push(...rowLines(row));
      row = closing ? null : [];
    } else if (tag === 'td' || tag === 'th') {
      endParagraph();
      if (closing) cell = null;
      else {
        cell = [];
        row?.push(cell);
      }
    } else if (/^(p|h[1-6]|li|ul|ol|table|blockquote|pre|br)$/.test(tag)) {
      endParagraph();
    }
  }
  endParagraph();
  return { lines, hasTables: /<table\b/i.test(html) };
}

function rowLines(row: Cell[]): string[] {
  const cells = row.filter((cell) => cell.length > 0);
  if (cells.every((cell) => cell.length === 1)) return cells.length > 0 ? [cells.map((cell) => cell[0]).join('\t')] : [];
  return cells.flat();
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (/^#x/i.test(body)) return safeCodePoint(Number.parseInt(body.slice(2), 16), entity);
    if (body.startsWith('#')) return safeCodePoint(Number.parseInt(body.slice(1), 10), entity);
    return ENTITIES[body.toLowerCase()] ?? entity;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}
