// slonik refuses several statements in one query, so a migration script is cut into statements
// here. Enough of SQL's lexical rules to cut only at real semicolons: quoted strings and
// identifiers, dollar-quoted bodies (plpgsql functions), line and block comments.

export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const text = script.slice(start, end).trim();
    if (text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, '').trim().length > 0) statements.push(text);
  };
  while (i < script.length) {
    const char = script[i]!;
    const next = script[i + 1];
    if (char === '-' && next === '-') {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end + 1;
    } else if (char === '/' && next === '*') {
      const end = script.indexOf('*/', i + 2);
      if (end === -1) throw new SyntaxError('unterminated /* comment');
      i = end + 2;
    } else if (char === "'" || char === '"') {
      i = closingQuote(script, i, char) + 1;
    } else if (char === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(script.slice(i))?.[0];
      if (tag) {
        const end = script.indexOf(tag, i + tag.length);
        if (end === -1) throw new SyntaxError(`unterminated ${tag} quote`);
        i = end + tag.length;
      } else i += 1;
    } else if (char === ';') {
      push(i);
      i += 1;
      start = i;
    } else i += 1;
  }
  push(script.length);
  return statements;
}

/** Index of the quote closing the one at `open`; a doubled quote is an escaped one. */
function closingQuote(script: string, open: number, quote: string): number {
  let i = open + 1;
  for (;;) {
    const end = script.indexOf(quote, i);
    if (end === -1) throw new SyntaxError(`unterminated ${quote} quote`);
    if (script[end + 1] === quote) i = end + 2;
    else return end;
  }
}
