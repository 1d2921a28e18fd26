import { sourceOf } from '../sources/bySource';
import type { SummaryInput } from './summarize';

/**
 * What one 事项来源 holds, as a workbook of its own would (DESIGN §13): its tasks, their ledger
 * rows and targets, the 板块 and units they touch. `summarize` over it gives the figures of that
 * source alone — what `report --source NAME` reports.
 * @example summarize(inputOfSource(input, '市政府第12次常务会议纪要'), asOf, 15).overall.tasks //=> 6
 */
export function inputOfSource(input: SummaryInput, name: string): SummaryInput {
  const tasks = input.tasks.filter((t) => sourceOf(t) === name);
  const ids = new Set(tasks.map((t) => t.id));
  const rows = input.rows.filter((r) => ids.has(r.taskId));
  const units = new Set(rows.map((r) => r.unit));
  const sections = new Set(tasks.map((t) => t.sectionNo));
  return {
    ...input,
    tasks,
    rows,
    units: input.units.filter((u) => units.has(u)),
    sections: input.sections.filter((s) => sections.has(s.no)),
    targets: input.targets.filter((g) => g.taskId === undefined || ids.has(g.taskId)),
  };
}
