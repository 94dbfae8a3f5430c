import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { isAppError } from '../errors.ts';
import { unstorableTextAt, validate } from './validate.ts';

// Found by the API fuzz run: a NUL in a JSON string reached the event store and Postgres answered
// "unsupported Unicode escape sequence" (a 500). Such text is a validation problem at the edge.

const Body = z.object({ company: z.string(), tags: z.array(z.string()).default([]), meta: z.record(z.string(), z.string()).optional() });

function refusal(input: unknown) {
  try {
    validate(Body, input);
  } catch (error) {
    if (isAppError(error)) return { code: error.code, details: error.details };
    throw error;
  }
  return undefined;
}

describe('validate', () => {
  it('refuses a NUL or an unpaired surrogate anywhere in what the schema let through, naming where', () => {
    expect(refusal({ company: 'Acme\u0000' })).toEqual({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'company', code: 'invalid_text', message: expect.any(String) as unknown }] } });
    expect(refusal(JSON.parse('{"company":"Acme","tags":["ok","\\ud800"]}'))).toMatchObject({ details: { issues: [{ path: 'tags.1' }] } });
    expect(refusal({ company: 'Acme', meta: { 'k\u0000': 'v' } })).toMatchObject({ details: { issues: [{ path: 'meta.k\ufffd' }] } });
  });

  it('ignores what the schema strips, and keeps paired surrogates (emoji) and other control characters', () => {
    expect(refusal({ company: 'Acme 😀 \t', junk: '\u0000' })).toBeUndefined();
    expect(validate(Body, { company: 'Acme 😀' }).company).toBe('Acme 😀');
  });

  it('walks deep input without recursion', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(unstorableTextAt(deep)).toMatch(/^0(\.0)+$/);
  });
});
