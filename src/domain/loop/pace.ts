import { excelSerial, type DateSystem } from '../time/isoDate';

/**
 * 序时进度 (DESIGN §12): the share of `year` elapsed at the as-of date, days elapsed / days in the
 * year, kept within [0, 1] — the pace a year-end target should keep.
 * @example timePace(excelSerial('2020-07-01', 1900), 2020, 1900) //=> 183 / 366
 */
export function timePace(asOf: number, year: number, system: DateSystem): number {
  const before = excelSerial(`${year - 1}-12-31`, system);
  const days = excelSerial(`${year}-12-31`, system) - before;
  return Math.min(1, Math.max(0, (asOf - before) / days));
}

/**
 * 慢于序时: a level or increase target whose 完成进度 is below 序时进度 − tolerance (percentage
 * points). Only a filled target (a progress that is a number) is judged.
 * @example isBehindPace(0.4, 0.5, 5) //=> true
 */
export function isBehindPace(progress: unknown, pace: number, tolerance: number): boolean {
  return typeof progress === 'number' && Number.isFinite(progress) && progress < pace - tolerance / 100;
}

/** The year of a year-end target: its task's due date is 31 December of that year; null otherwise. */
export function yearEndOf(dueIso: string | null): number | null {
  return dueIso !== null && dueIso.endsWith('-12-31') ? Number(dueIso.slice(0, 4)) : null;
}
