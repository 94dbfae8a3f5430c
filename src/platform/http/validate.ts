import { z } from 'zod';
import { AppError } from '../errors.ts';
import { describeIssues } from './error-response.ts';

/**
 * Parses `input` with a zod schema; on failure throws VALIDATION_FAILED (422) whose details list
 * each problem as `{ path, code, message }` — never the rejected values. Text Postgres cannot
 * store (a NUL character, an unpaired surrogate — `\u0000` or `\ud800` in JSON) is refused the
 * same way, wherever it sits in what the schema let through, instead of failing later as a 500.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError('VALIDATION_FAILED', { details: { issues: describeIssues(result.error.issues) } });
  const path = unstorableTextAt(result.data);
  if (path !== undefined) {
    throw new AppError('VALIDATION_FAILED', { details: { issues: [{ path, code: 'invalid_text', message: 'Text may not contain NUL characters or unpaired surrogates.' }] } });
  }
  return result.data;
}

const unstorable = (text: string) => text.includes('\u0000') || !text.isWellFormed();

/** The path of the first string (value or key) Postgres cannot store, walked without recursion (input nests freely). */
export function unstorableTextAt(value: unknown): string | undefined {
  const pending: [unknown, string][] = [[value, '']];
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    const join = (key: string | number) => (path === '' ? String(key) : `${path}.${key}`);
    if (typeof current === 'string') {
      if (unstorable(current)) return path;
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push([item, join(index)]));
    } else if (typeof current === 'object' && current !== null && Object.getPrototypeOf(current) === Object.prototype) {
      for (const [key, item] of Object.entries(current)) {
        if (unstorable(key)) return join(key.replace(/[\u0000\ud800-\udfff]/g, '\ufffd'));
        pending.push([item, join(key)]);
      }
    }
  }
  return undefined;
}
