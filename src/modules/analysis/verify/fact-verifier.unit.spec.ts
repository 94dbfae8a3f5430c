import { describe, expect, it } from '@jest/globals';
import { CLEAN } from '../eval/ats-cases.ts';
import { faithfulRewrites, inventedRewrites } from '../eval/verifier-cases.ts';
import { factSource, verifyClaims } from './fact-verifier.ts';

const source = factSource(CLEAN);

describe('verifyClaims', () => {
  it('accepts restatements and placeholders', () => {
    for (const rewrite of faithfulRewrites) expect(verifyClaims(rewrite, source)).toEqual({ accepted: true, reasons: [] });
  });

  it('rejects every kind of invented fact, saying which', () => {
    const reasons = inventedRewrites.map((r) => verifyClaims(r, source).reasons);
    expect(reasons).toEqual([
      ['name "Amazon" is not in the résumé'],
      ['number "3000" is not in the résumé'],
      ['skill "Kubernetes" is not in the résumé'],
      ['name "Staff" is not in the résumé'],
      ['number "2019" is not in the résumé', 'date "march" is not in the résumé'],
      ['degree "phd" is not in the résumé'],
      ['number "40" is not in the résumé'],
    ]);
  });

  it('allows the role and company applied for when the caller vouches for them', () => {
    const withJob = factSource(CLEAN, ['Senior Platform Engineer', 'Acme']);
    expect(verifyClaims('I am applying for the Senior Platform Engineer role at Acme.', withJob).accepted).toBe(true);
    expect(verifyClaims('I am applying for the Senior Platform Engineer role at Acme.', source).accepted).toBe(false);
  });
});
