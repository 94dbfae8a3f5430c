import { sql, type QuerySqlToken } from 'slonik';
import { splitStatements } from './split-statements.ts';

// Migration files and projection migrations are whole SQL scripts read from disk or a constant.
// slonik only builds queries from template literals and runs one statement per query, so the
// script is cut into statements and each wrapped as a one-part template. Never pass text that
// came from a request.
export function rawStatement(statement: string): QuerySqlToken {
  // slonik checks for a frozen `raw` array, which only real template literals have.
  const parts = Object.freeze(Object.assign([statement], { raw: Object.freeze([statement]) })) as unknown as TemplateStringsArray;
  return sql.unsafe(parts);
}

/** Runs a script, statement by statement, on the given connection (use a transaction for atomicity). */
export async function runScript(connection: { query: (q: QuerySqlToken) => Promise<unknown> }, script: string): Promise<void> {
  for (const statement of splitStatements(script)) await connection.query(rawStatement(statement));
}
