import { isComplete, isDate, meetsTarget } from '../summary/rules';
import type { SummaryInput, SummaryReport } from '../summary/summarize';
import { excelSerial } from '../time/isoDate';

/** The numerators and denominators behind `summary --json`'s rates, so the 通报 can write each rate with its fraction. */
export type RateParts = {
  /** Tasks whose due date is on or before the as-of date (按时完成率 and 逾期率 divide by this). */
  tasksDue: number;
  /** Of those, tasks 按时完成. */
  onTimeDue: number;
  /** Ledger rows, and rows filled in completely (填报率). */
  rows: number;
  completeRows: number;
  /** 量化指标 with a 完成值, and of those the ones that meet their target (达标率). */
  filledTargets: number;
  metTargets: number;
};

/**
 * The parts of each rate, by the same rules (DESIGN §9) and from the same task results as the
 * summary engine: `rateParts(...).onTimeDue / tasksDue` is `overall.onTimeRate`, and so on.
 */
export function rateParts(report: SummaryReport, input: SummaryInput): RateParts {
  const a = excelSerial(report.asOf, input.dateSystem ?? 1900);
  let tasksDue = 0;
  let onTimeDue = 0;
  for (const t of input.tasks) {
    if (!isDate(t.due) || t.due > a) continue;
    tasksDue++;
    if (report.taskStatus[t.id]?.warning === '按时完成') onTimeDue++;
  }
  const filled = input.targets.filter((g) => isDate(g.value));
  return {
    tasksDue,
    onTimeDue,
    rows: input.rows.length,
    completeRows: input.rows.filter(isComplete).length,
    filledTargets: filled.length,
    metTargets: filled.filter((g) => meetsTarget(g.value, g.comparator, g.goal, g.max) === true).length,
  };
}
