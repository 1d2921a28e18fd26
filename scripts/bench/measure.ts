import { performance } from 'node:perf_hooks';

export type BenchRow = { name: string; ms: number; baselineMs: number; ratio: number; [extra: string]: unknown };

/** Median wall time of `runs` calls (after one warm-up), in milliseconds. */
export async function median(fn: () => unknown, runs: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/** Time a workload and its baseline alternately, so machine noise hits both alike. */
export async function compare(name: string, work: () => unknown, baseline: () => unknown, runs: number, extra: Record<string, unknown> = {}): Promise<BenchRow> {
  const ms = await median(work, runs);
  const baselineMs = await median(baseline, runs);
  return { name, ms: round(ms), baselineMs: round(baselineMs), ratio: round(ms / baselineMs), ...extra };
}

export const round = (n: number): number => Math.round(n * 100) / 100;
