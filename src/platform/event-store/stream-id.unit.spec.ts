import { describe, expect, it } from '@jest/globals';
import { categoryOf, streamIdProblem } from './stream-id.ts';

describe('stream ids', () => {
  it('accepts category-id names', () => {
    expect(streamIdProblem('draft-5c0d7a52-3d55-4a8e-9a57-0b2f3c9e51d4')).toBeUndefined();
    expect(streamIdProblem('user-a.b_c:d@e')).toBeUndefined();
  });

  it.each([
    ['', /empty/], ['x'.repeat(201), /longer/], ['$all', /letters/], ['-draft', /letters/], ['draft 1', /letters/],
    ['draft\n1', /letters/], ['dräft-1', /letters/], [42, /string/],
  ])('refuses %j', (streamId, problem) => {
    expect(streamIdProblem(streamId)).toMatch(problem);
  });

  it('takes the category from before the first dash', () => {
    expect(categoryOf('draft-1-2')).toBe('draft');
    expect(categoryOf('settings')).toBe('settings');
  });
});
