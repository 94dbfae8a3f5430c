import { clampScore, componentShare, ringGeometry, scoreBand } from './score-ring-math';

describe('score ring maths', () => {
  it('turns a score into a dash offset along the circumference', () => {
    const r = 50;
    const c = 2 * Math.PI * r;
    expect(ringGeometry(0, r).dashOffset).toBeCloseTo(c);
    expect(ringGeometry(100, r).dashOffset).toBeCloseTo(0);
    expect(ringGeometry(25, r).dashOffset).toBeCloseTo(c * 0.75);
    expect(ringGeometry(25, r).circumference).toBeCloseTo(c);
    expect(ringGeometry(25, r).dashArray).toBe(`${c} ${c}`);
  });

  it('clamps scores outside 0..100 and NaN', () => {
    expect(clampScore(-5)).toBe(0);
    expect(clampScore(140)).toBe(100);
    expect(clampScore(NaN)).toBe(0);
    expect(clampScore(Infinity)).toBe(0);
    expect(clampScore(72.6)).toBe(73);
    expect(ringGeometry(250, 10).dashOffset).toBe(0);
  });

  it('picks a band at the thresholds', () => {
    expect([0, 39, 40, 59, 60, 79, 80, 100].map(scoreBand)).toEqual([
      'low',
      'low',
      'fair',
      'fair',
      'good',
      'good',
      'strong',
      'strong',
    ]);
  });

  it('sizes component bars from points out of weight × 100', () => {
    expect(componentShare(20, 0.4)).toBe(50);
    expect(componentShare(40, 0.4)).toBe(100);
    expect(componentShare(90, 0.4)).toBe(100);
    expect(componentShare(10, 0)).toBe(0);
    expect(componentShare(NaN, 0.5)).toBe(0);
  });
});
