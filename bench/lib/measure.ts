// Small timing helpers: fixed-duration throughput with N concurrent workers, and percentiles.

/** Runs `writers` loops of `step` for `durationMs` after a warm-up; answers units per second. */
export async function throughput(writers: number, durationMs: number, step: (writer: number) => Promise<number>): Promise<number> {
  const warmUpUntil = performance.now() + Math.min(500, durationMs / 4);
  const until = warmUpUntil + durationMs;
  let units = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      while (performance.now() < until) {
        const done = await step(writer);
        if (performance.now() > warmUpUntil) units += done;
      }
    }),
  );
  return (units / durationMs) * 1000;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
