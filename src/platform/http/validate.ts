import { z } from 'zod';
import { AppError } from '../errors.ts';
import { describeIssues } from './error-response.ts';

/**
 * Parses `input` with a zod schema; on failure throws VALIDATION_FAILED (422) whose details list
 * each problem as `{ path, code, message }` — never the rejected values.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('VALIDATION_FAILED', { details: { issues: describeIssues(result.error.issues) } });
}
