import type { SummaryReport } from './summarize';

/** `duban summary --json` (schema `duban.summary/1`): the report without its per-cell internals. */
export function toSummaryDocument(report: SummaryReport): Omit<SummaryReport, 'taskStatus' | 'rowWarnings'> {
  const { taskStatus: _t, rowWarnings: _r, ...doc } = report;
  return doc;
}

const pct = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** The readable table `duban summary` prints. */
export function formatSummary(report: SummaryReport, overdueLimit = 20): string {
  const o = report.overall;
  const out = [
    `统计日期 ${report.asOf}（预警天数 ${report.warnDays}）`,
    `任务 ${o.tasks}：已完成 ${o.done}，推进中 ${o.inProgress}，未启动 ${o.notStarted}，受阻 ${o.blocked}，未填报 ${o.unreported}；逾期 ${o.overdue}，临期 ${o.dueSoon}`,
    `完成率 ${pct(o.completionRate)}  按时完成率 ${pct(o.onTimeRate)}  逾期率 ${pct(o.overdueRate)}  填报率 ${pct(o.fillRate)}  达标率 ${pct(o.targetRate)}`,
    '',
    '单位\t台账行数\t已完成\t推进中\t未启动\t受阻\t未填报\t逾期\t临期\t完成率\t按时完成率\t填报率',
    ...report.units.map((u) => [u.name, u.rows, u.done, u.inProgress, u.notStarted, u.blocked, u.unreported, u.overdue, u.dueSoon, pct(u.completionRate), pct(u.onTimeRate), pct(u.fillRate)].join('\t')),
    ...(report.sources.length > 1
      ? ['', '事项来源\t任务数\t已完成\t逾期\t临期\t完成率', ...report.sources.map((s) => [s.name, s.tasks, s.done, s.overdue, s.dueSoon, pct(s.completionRate)].join('\t'))]
      : []),
    '',
    `逾期 ${report.overdue.length} 行${report.overdue.length > overdueLimit ? `（列出前 ${overdueLimit} 行）` : ''}：`,
    ...report.overdue.slice(0, overdueLimit).map((d) => `  ${d.task}\t${d.unit}\t截止 ${d.due}\t逾期 ${d.days} 天`),
  ];
  return out.join('\n');
}
