import { isBehindPace } from '../loop/pace';
import { DEFAULT_LOOP_SETTINGS } from '../loop/settings';
import { targetProgress, type SummaryInput, type SummaryReport } from '../summary/summarize';
import type { BehindPace } from './circular';

/**
 * The targets 慢于序时 (DESIGN §12, Pace) one by one, for the 通报: the same judgement the summary
 * engine counts in `overall.behindPace` (its 序时进度 per year, the workbook's tolerance), with the
 * target's task, 指标 and the units that report it.
 * @example behindPaceOf(input, report).length === report.overall.behindPace //=> true
 */
export function behindPaceOf(input: SummaryInput, report: SummaryReport): BehindPace[] {
  const tolerance = (input.loop ?? DEFAULT_LOOP_SETTINGS).paceTolerance;
  const paceOf = new Map(report.pace.map((p) => [p.year, p.pace]));
  return input.targets.flatMap((g): BehindPace[] => {
    const pace = g.paceYear === undefined || g.paceYear === null ? undefined : paceOf.get(g.paceYear);
    const progress = targetProgress(g);
    if (pace === undefined || progress === null || !isBehindPace(progress, pace, tolerance)) return [];
    const task = g.taskId ?? '';
    const units = [...new Set(input.rows.filter((r) => r.taskId === task).map((r) => r.unit))];
    return [{ task, name: g.name || task, units, progress, pace }];
  });
}
