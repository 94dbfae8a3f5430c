import { z } from 'zod';
import { errorCatalog, isAppError, type ErrorCode } from '../errors.ts';

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown }; requestId: string };
export type ErrorAnswer = { status: number; body: ErrorBody; headers: Record<string, string>; unexpected: boolean };

const codeByStatus = new Map<number, ErrorCode>();
for (const [code, entry] of Object.entries(errorCatalog) as [ErrorCode, { status: number }][]) {
  if (!codeByStatus.has(entry.status)) codeByStatus.set(entry.status, code);
}

/** Readable zod issues: `{ path: 'experience.0.title', code, message }`, never the input values. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): { path: string; code: string; message: string }[] {
  return issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'symbol' ? part.toString() : String(part))).join('.'),
    code: issue.code,
    message: issue.message,
  }));
}

function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599 ? value : undefined;
}

function stringHeaders(error: unknown): Record<string, string> {
  const headers = (error as { headers?: unknown } | null)?.headers;
  if (typeof headers !== 'object' || headers === null) return {};
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/**
 * Turns anything thrown into the one error shape. AppErrors answer with their code, message and
 * details; zod errors become VALIDATION_FAILED; HTTP errors thrown by Koa or middleware keep their
 * 4xx status with the catalog's code and message; everything else is INTERNAL with nothing of the
 * original error in the body.
 */
export function toErrorAnswer(error: unknown, requestId: string): ErrorAnswer {
  if (isAppError(error)) {
    const body: ErrorBody = { error: { code: error.code, message: error.message }, requestId };
    if (error.details !== undefined) body.error.details = error.details;
    return { status: error.status, body, headers: stringHeaders(error), unexpected: error.status >= 500 && error.code === 'INTERNAL' };
  }
  if (error instanceof z.ZodError) {
    const code = 'VALIDATION_FAILED';
    return {
      status: errorCatalog[code].status,
      body: { error: { code, message: errorCatalog[code].message, details: { issues: describeIssues(error.issues) } }, requestId },
      headers: {},
      unexpected: false,
    };
  }
  const status = httpStatusOf(error);
  if (status !== undefined && status < 500) {
    const code = codeByStatus.get(status) ?? 'BAD_REQUEST';
    return { status, body: { error: { code, message: errorCatalog[code].message }, requestId }, headers: stringHeaders(error), unexpected: false };
  }
  const code = 'INTERNAL';
  return { status: errorCatalog[code].status, body: { error: { code, message: errorCatalog[code].message }, requestId }, headers: {}, unexpected: true };
}
