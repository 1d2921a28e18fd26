import type { Role } from '../notice/types';
import type { SheetValue } from '../../workbook/sheetData';
import { isComplete, isDate, meetsTarget, rate, statusCategory, taskStatus, warning, type StatusCategory, type Warning } from './rules';
import { fromExcelSerial, excelSerial } from '../time/isoDate';

export type SummaryTask = { id: string; sectionNo: number | null; section: string; due: number | null; leads: string[] };
export type SummaryRow = {
  taskId: string;
  unit: string;
  role: Role;
  due: number | null;
  status: SheetValue;
  doneDate: SheetValue;
  measures: SheetValue;
  person: SheetValue;
  plannedDate: SheetValue;
  outputForm: SheetValue;
};
export type SummaryTarget = { comparator: string; goal: number; max: number | null; value: SheetValue };
export type SummaryInput = {
  tasks: SummaryTask[];
  sections: Array<{ no: number; title: string }>;
  /** Ledger units, in sheet order. */
  units: string[];
  /** Current ledger rows (never 已移出分工 ones), unit by unit in sheet order. */
  rows: SummaryRow[];
  targets: SummaryTarget[];
};

type Counts = { done: number; inProgress: number; notStarted: number; blocked: number; unreported: number };

export type SummaryReport = {
  schema: 'duban.summary/1';
  asOf: string;
  warnDays: number;
  overall: Counts & {
    tasks: number;
    overdue: number;
    dueSoon: number;
    onTime: number;
    late: number;
    completionRate: number | null;
    onTimeRate: number | null;
    overdueRate: number | null;
    fillRate: number | null;
    targetRate: number | null;
  };
  units: Array<
    Counts & {
      name: string;
      lead: number;
      joint: number;
      support: number;
      each: number;
      rows: number;
      overdue: number;
      dueSoon: number;
      completionRate: number | null;
      onTimeRate: number | null;
      fillRate: number | null;
    }
  >;
  sections: Array<{ no: number; title: string; tasks: number; done: number; overdue: number; completionRate: number | null }>;
  overdue: Array<{ task: string; unit: string; due: string; days: number }>;
  /** Per task and per row, what the workbook's 任务状态 / 预警 cells must show. */
  taskStatus: Record<string, { status: string; warning: Warning }>;
  rowWarnings: Array<{ task: string; unit: string; warning: Warning }>;
};

const STATUS_KEY: Record<string, keyof Counts> = { 已完成: 'done', 推进中: 'inProgress', 未启动: 'notStarted', 受阻: 'blocked', 未填报: 'unreported' };
const CATEGORY_KEY: Record<StatusCategory, keyof Counts> = { done: 'done', inProgress: 'inProgress', notStarted: 'notStarted', blocked: 'blocked', unreported: 'unreported' };
const zero = (): Counts => ({ done: 0, inProgress: 0, notStarted: 0, blocked: 0, unreported: 0 });

/**
 * The summary engine (DESIGN §9): the same figures the 汇总 sheet computes with formulas,
 * from the values read back and an as-of date. `overall` and `sections` count tasks (task
 * status); `units` count that unit's ledger rows.
 */
export function summarize(input: SummaryInput, asOf: string, warnDays: number): SummaryReport {
  const a = excelSerial(asOf);
  const rowWarnings = input.rows.map((r) => ({ task: r.taskId, unit: r.unit, warning: warning(r.status, r.doneDate, r.due, a, warnDays) }));

  const byTask = new Map<string, SummaryRow[]>();
  for (const r of input.rows) byTask.set(r.taskId, [...(byTask.get(r.taskId) ?? []), r]);
  const taskResults: SummaryReport['taskStatus'] = {};
  const overall = { tasks: input.tasks.length, ...zero(), overdue: 0, dueSoon: 0, onTime: 0, late: 0 };
  let tasksDue = 0;
  let onTimeDue = 0;
  for (const t of input.tasks) {
    const rows = byTask.get(t.id) ?? [];
    const leadRows = rows.filter((r) => t.leads.includes(r.unit));
    const counted = t.leads.length > 0 ? leadRows : rows;
    const status = taskStatus(counted.map((r) => r.status));
    // 逾期完成 when any counted row finished after the task's due date (its latest completion is late).
    const late = counted.some((r) => isDate(r.doneDate) && isDate(t.due) && r.doneDate > t.due);
    const w: Warning = status === '已完成' ? (late ? '逾期完成' : '按时完成') : warning(status, null, t.due, a, warnDays);
    taskResults[t.id] = { status, warning: w };
    overall[STATUS_KEY[status] as keyof Counts]++;
    if (w === '逾期') overall.overdue++;
    if (w === '临期') overall.dueSoon++;
    if (w === '按时完成') overall.onTime++;
    if (w === '逾期完成') overall.late++;
    if (isDate(t.due) && t.due <= a) {
      tasksDue++;
      if (w === '按时完成') onTimeDue++;
    }
  }

  const complete = input.rows.filter((r) => isComplete(r)).length;
  const filledTargets = input.targets.filter((g) => isDate(g.value));
  const met = filledTargets.filter((g) => meetsTarget(g.value, g.comparator, g.goal, g.max)).length;

  const units = input.units.map((name) => {
    const rows = input.rows.map((r, i) => ({ r, w: rowWarnings[i]?.warning as Warning })).filter((x) => x.r.unit === name);
    const counts = zero();
    for (const { r } of rows) counts[CATEGORY_KEY[statusCategory(r.status)]]++;
    const due = rows.filter(({ r }) => isDate(r.due) && r.due <= a);
    return {
      name,
      lead: rows.filter(({ r }) => r.role === 'lead').length,
      joint: rows.filter(({ r }) => r.role === 'joint').length,
      support: rows.filter(({ r }) => r.role === 'support').length,
      each: rows.filter(({ r }) => r.role === 'each').length,
      rows: rows.length,
      ...counts,
      overdue: rows.filter(({ w }) => w === '逾期').length,
      dueSoon: rows.filter(({ w }) => w === '临期').length,
      completionRate: rate(counts.done, rows.length),
      onTimeRate: rate(due.filter(({ w }) => w === '按时完成').length, due.length),
      fillRate: rate(rows.filter(({ r }) => isComplete(r)).length, rows.length),
    };
  });

  const sections = input.sections.map((s) => {
    const tasks = input.tasks.filter((t) => t.sectionNo === s.no);
    const done = tasks.filter((t) => taskResults[t.id]?.status === '已完成').length;
    return { no: s.no, title: s.title, tasks: tasks.length, done, overdue: tasks.filter((t) => taskResults[t.id]?.warning === '逾期').length, completionRate: rate(done, tasks.length) };
  });

  const overdue = input.rows
    .map((r, i) => ({ r, w: rowWarnings[i]?.warning }))
    .filter(({ w }) => w === '逾期')
    .map(({ r }) => ({ task: r.taskId, unit: r.unit, due: fromExcelSerial(r.due as number), days: a - (r.due as number) }));

  return {
    schema: 'duban.summary/1',
    asOf,
    warnDays,
    overall: {
      ...overall,
      completionRate: rate(overall.done, overall.tasks),
      onTimeRate: rate(onTimeDue, tasksDue),
      overdueRate: rate(overall.overdue, tasksDue),
      fillRate: rate(complete, input.rows.length),
      targetRate: rate(met, filledTargets.length),
    },
    units,
    sections,
    overdue,
    taskStatus: taskResults,
    rowWarnings,
  };
}
