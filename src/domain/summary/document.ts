import type { SummaryReport } from './summarize';

/** `duban summary --json` (schema `duban.summary/1`): the report without its per-cell internals. */
export function toSummaryDocument(report: SummaryReport): Omit<SummaryReport, 'taskStatus' | 'rowWarnings'> {
  const { taskStatus: _t, rowWarnings: _r, ...doc } = report;
  return doc;
}

/** What each rate counts, in one line above the tables: people ask why 填报率 is low when a unit "reported". */
export const RATE_DEFINITIONS =
  '口径：完成率＝已完成÷任务数（分单位为÷台账行数）；按时完成率、逾期率的分母是截止日期已到的任务；填报率只计填报完整的台账行（具体措施、责任人、计划完成时间、成果形式、状态都按要求填写，已完成的还有完成日期）；达标率＝达标÷已填完成值的指标；百分比保留一位小数';

const pct = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** The readable table `duban summary` prints. */
export function formatSummary(report: SummaryReport, overdueLimit = 20): string {
  const o = report.overall;
  const out = [
    `统计日期 ${report.asOf}（预警天数 ${report.warnDays}）`,
    `任务 ${o.tasks}：已完成 ${o.done}，推进中 ${o.inProgress}，未启动 ${o.notStarted}，受阻 ${o.blocked}，未填报 ${o.unreported}；逾期 ${o.overdue}，临期 ${o.dueSoon}`,
    ...(o.statusUnknown > 0 ? [`台账中 ${o.statusUnknown} 行的状态无法识别（不是 未启动、推进中、已完成、受阻）：分单位统计中单独计数，不算未填报；这些行的任务按未填报计，请运行 duban validate 查看并改正`] : []),
    `完成率 ${pct(o.completionRate)}  按时完成率 ${pct(o.onTimeRate)}  逾期率 ${pct(o.overdueRate)}  填报率 ${pct(o.fillRate)}  达标率 ${pct(o.targetRate)}`,
    RATE_DEFINITIONS,
    '',
    '单位\t台账行数\t已完成\t推进中\t未启动\t受阻\t未填报\t状态无法识别\t逾期\t临期\t完成率\t按时完成率\t填报率',
    ...report.units.map((u) => [u.name, u.rows, u.done, u.inProgress, u.notStarted, u.blocked, u.unreported, u.statusUnknown, u.overdue, u.dueSoon, pct(u.completionRate), pct(u.onTimeRate), pct(u.fillRate)].join('\t')),
    ...(report.sources.length > 1
      ? ['', '事项来源\t任务数\t已完成\t逾期\t临期\t完成率', ...report.sources.map((s) => [s.name, s.tasks, s.done, s.overdue, s.dueSoon, pct(s.completionRate)].join('\t'))]
      : []),
    '',
    `逾期 ${report.overdue.length} 行${report.overdue.length > overdueLimit ? `（列出前 ${overdueLimit} 行）` : ''}：`,
    ...report.overdue.slice(0, overdueLimit).map((d) => `  ${d.task}\t${d.unit}\t截止 ${d.due}\t逾期 ${d.days} 天`),
  ];
  return out.join('\n');
}
