// The score ring's geometry and colour band, kept pure so the maths is tested on its own.

export type ScoreBand = 'low' | 'fair' | 'good' | 'strong';

export const BAND_LABELS: Readonly<Record<ScoreBand, string>> = {
  low: 'Low match',
  fair: 'Fair match',
  good: 'Good match',
  strong: 'Strong match',
};

/** A score 0..100 (anything else is clamped; NaN counts as 0). */
export function clampScore(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.min(100, Math.max(0, Math.round(score)));
}

export function scoreBand(score: number): ScoreBand {
  const value = clampScore(score);
  if (value >= 80) return 'strong';
  if (value >= 60) return 'good';
  if (value >= 40) return 'fair';
  return 'low';
}

export interface RingGeometry {
  radius: number;
  circumference: number;
  /** stroke-dasharray for the arc. */
  dashArray: string;
  /** stroke-dashoffset: the circumference for 0, 0 for 100. */
  dashOffset: number;
}

export function ringGeometry(score: number, radius: number): RingGeometry {
  const circumference = 2 * Math.PI * radius;
  const dashOffset = circumference * (1 - clampScore(score) / 100);
  return { radius, circumference, dashArray: `${circumference} ${circumference}`, dashOffset };
}

/** Width of a component's bar, 0..100 %: points earned out of the points it could earn (weight × 100). */
export function componentShare(points: number, weight: number): number {
  const max = weight * 100;
  if (!Number.isFinite(points) || !Number.isFinite(max) || max <= 0) return 0;
  return Math.min(100, Math.max(0, (points / max) * 100));
}
