// Input validation shared by both engines, answered with the API's own error shape.
import { AppError } from '../../../platform/errors.ts';
import { AnalysisInput } from '../input.ts';

export function validateInput(input: unknown): AnalysisInput {
  const parsed = AnalysisInput.safeParse(input);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', { details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  return parsed.data;
}
