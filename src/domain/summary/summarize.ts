import type { Role } from '../notice/types';
import type { SheetValue } from '../grid/sheetData';
import { isComplete, isDate, isUnknownStatus, meetsTarget, rate, statusCategory, taskStatus, warning, type StatusCategory, type Warning } from './rules';
import { fromExcelSerial, excelSerial, type DateSystem } from '../time/isoDate';
import { sourceOf } from '../sources/bySource';
import { DEFAULT_LOOP_SETTINGS, effectiveDue, effectiveStatus, isBehindPace, isExtended, isPendingExtension, isPendingReview, isReturned, loopWarning, reportingPeriod, reportStatus, timePace, type LoopSettings, type LoopWarning, type ReportStatus } from '../loop';

export type SummaryTask = { id: string; sectionNo: number | null; section: string; due: number | null; leads: string[]; /** 事项来源; absent in a workbook from before the column. */ source?: string };
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
  /** 更新日期: a date in 本期 counts as the unit reporting (DESIGN §12). @default null */
  updated?: SheetValue;
  // The loop's columns (DESIGN §12); absent in a ledger from before the loop.
  extensionAsked?: SheetValue;
  extensionReply?: SheetValue;
  extensionGranted?: SheetValue;
  review?: SheetValue;
};
export type SummaryTarget = {
  comparator: string;
  goal: number;
  max: number | null;
  value: SheetValue;
  /** For a year-end level or increase target (its task due 31 December, not a decrease): that year, for 序时进度. @default null */
  paceYear?: number | null;
  /** 任务编号 on 量化指标, where it has one. */
  taskId?: string;
  /** 指标 as 量化指标 names it, where it has the column. */
  name?: string;
};
export type SummaryInput = {
  tasks: SummaryTask[];
  sections: Array<{ no: number; title: string }>;
  /** Ledger units, in sheet order. */
  units: string[];
  /** Current ledger rows (never 已移出分工 ones), unit by unit in sheet order. */
  rows: SummaryRow[];
  targets: SummaryTarget[];
  /** The date system of the workbook the due and done dates were read from. @default 1900 */
  dateSystem?: DateSystem;
  /** 汇总's loop settings. @default DEFAULT_LOOP_SETTINGS */
  loop?: LoopSettings;
  /** 报送记录's 回收日期 by unit: a returned file merged (DESIGN §12). @default [] */
  returns?: Array<{ unit: string; date: SheetValue }>;
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
    /** Loop counts (DESIGN §12): ledger rows, except behindPace (targets). */
    extended: number;
    pendingExtension: number;
    pendingReview: number;
    returned: number;
    behindPace: number;
    /** Ledger rows whose 状态 is outside the list (状态无法识别); such a row's task reads it as no status. */
    statusUnknown: number;
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
      extended: number;
      pendingExtension: number;
      pendingReview: number;
      returned: number;
      /** Reported in 本期 (按时报送 or 迟报). */
      reported: boolean;
      reportStatus: ReportStatus;
      /** Rows whose 状态 is outside the list: counted here, not in `unreported`. */
      statusUnknown: number;
    }
  >;
  /** 本期 and who has not reported (DESIGN §12); dates ISO. */
  reporting: { cycle: string; period: string; start: string; end: string; due: string; notReported: string[]; late: string[] };
  /**
   * The office's queue, in 任务清单 order: extension requests awaiting 延期批复, then (per row)
   * 已完成 awaiting review. `requested` is 申请延期至 (ISO) or null.
   */
  pending: Array<{ kind: 'extension' | 'review'; task: string; unit: string; due: string | null; requested: string | null }>;
  /** 序时进度 at the as-of date for each year with year-end targets. */
  pace: Array<{ year: number; pace: number }>;
  sections: Array<{ no: number; title: string; tasks: number; done: number; overdue: number; completionRate: number | null }>;
  /** Per 事项来源 (DESIGN §13), counting tasks as `overall` does; one entry for a workbook of one source. */
  sources: SourceFigures[];
  overdue: Array<{ task: string; unit: string; due: string; days: number }>;
  /** Per task and per row, what the workbook's 任务状态 / 预警 cells must show. */
  taskStatus: Record<string, { status: string; warning: Warning }>;
  rowWarnings: Array<{ task: string; unit: string; warning: LoopWarning }>;
};

export type SourceFigures = Counts & { name: string; tasks: number; overdue: number; dueSoon: number; completionRate: number | null };

const STATUS_KEY: Record<string, keyof Counts> = { 已完成: 'done', 推进中: 'inProgress', 未启动: 'notStarted', 受阻: 'blocked', 未填报: 'unreported' };
/** Offsets of the per-unit figures in the flat accumulator. */
const F = { rows: 0, lead: 1, joint: 2, support: 3, each: 4, done: 5, inProgress: 6, notStarted: 7, blocked: 8, unreported: 9, overdue: 10, dueSoon: 11, complete: 12, due: 13, onTimeDue: 14, extended: 15, pendingExtension: 16, pendingReview: 17, returned: 18, statusUnknown: 19 } as const;
const FIELDS = 20;
const ROLE_FIELD: Record<Role, number> = { lead: F.lead, joint: F.joint, support: F.support, each: F.each };
const CATEGORY_FIELD: Record<StatusCategory, number> = { done: F.done, inProgress: F.inProgress, notStarted: F.notStarted, blocked: F.blocked, unreported: F.unreported };
const zero = (): Counts => ({ done: 0, inProgress: 0, notStarted: 0, blocked: 0, unreported: 0 });

/**
 * The summary engine (DESIGN §9): the same figures the 汇总 sheet computes with formulas,
 * from the values read back and an as-of date. `overall` and `sections` count tasks (task
 * status); `units` count that unit's ledger rows.
 */
export function summarize(input: SummaryInput, asOf: string, warnDays: number): SummaryReport {
  const system = input.dateSystem ?? 1900;
  const a = excelSerial(asOf, system);
  const loop = input.loop ?? DEFAULT_LOOP_SETTINGS;
  const review = loop.reviewRequired;
  const isoOfDate = (v: unknown): string | null => (typeof v === 'number' && Number.isFinite(v) ? (fromExcelSerial(v, system) ?? String(v)) : null);
  const pending: SummaryReport['pending'] = [];
  const loopTotals = { extended: 0, pendingExtension: 0, pendingReview: 0, returned: 0 };
  // The counts see a row through the loop: its effective 状态 and due date (DESIGN §12).
  const effective = new Map<SummaryRow, { status: unknown; due: number | null }>();

  // One pass over the rows: each row's warning and completeness, grouped by task and by unit.
  // Unit figures are counted in one flat array (unit index × field): keyed increments on
  // objects were most of the time on 100 000 rows.
  const unitIndex = new Map(input.units.map((name, i) => [name, i]));
  const acc = new Float64Array(input.units.length * FIELDS);
  const bump = (i: number): void => {
    acc[i] = (acc[i] as number) + 1;
  };
  const byTask = new Map<string, SummaryRow[]>();
  const rowWarnings: SummaryReport['rowWarnings'] = [];
  const overdue: SummaryReport['overdue'] = [];
  const isoOf = new Map<number, string>();
  let complete = 0;
  let statusUnknown = 0;
  for (const r of input.rows) {
    const w = loopWarning(r, a, warnDays, review);
    const status = effectiveStatus(r, review);
    const due = effectiveDue(r);
    effective.set(r, { status, due });
    const flags = { extended: isExtended(r), pendingExtension: isPendingExtension(r), pendingReview: isPendingReview(r, review), returned: isReturned(r) };
    if (flags.pendingExtension) pending.push({ kind: 'extension', task: r.taskId, unit: r.unit, due: isoOfDate(due), requested: isoOfDate(r.extensionAsked) });
    else if (flags.pendingReview) pending.push({ kind: 'review', task: r.taskId, unit: r.unit, due: isoOfDate(due), requested: null });
    rowWarnings.push({ task: r.taskId, unit: r.unit, warning: w });
    const list = byTask.get(r.taskId);
    if (list) list.push(r);
    else byTask.set(r.taskId, [r]);
    const done = isComplete(r);
    if (done) complete++;
    if (isUnknownStatus(r.status)) statusUnknown++;
    if (w === '逾期') {
      const d = due as number;
      let iso = isoOf.get(d);
      // A due date is generated (locked); a number that is no date shows as itself, never as a made-up year.
      if (iso === undefined) isoOf.set(d, (iso = fromExcelSerial(d, system) ?? String(d)));
      overdue.push({ task: r.taskId, unit: r.unit, due: iso, days: a - d });
    }
    for (const k of ['extended', 'pendingExtension', 'pendingReview', 'returned'] as const) if (flags[k]) loopTotals[k]++;
    const u = unitIndex.get(r.unit);
    if (u === undefined) continue;
    const base = u * FIELDS;
    bump(base + F.rows);
    bump(base + ROLE_FIELD[r.role]);
    const unknown = isUnknownStatus(r.status);
    bump(base + (unknown ? F.statusUnknown : CATEGORY_FIELD[statusCategory(status)]));
    if (w === '逾期') bump(base + F.overdue);
    if (w === '临期') bump(base + F.dueSoon);
    if (done) bump(base + F.complete);
    for (const k of ['extended', 'pendingExtension', 'pendingReview', 'returned'] as const) if (flags[k]) bump(base + F[k]);
    if (isDate(due) && due <= a) {
      bump(base + F.due);
      if (w === '按时完成') bump(base + F.onTimeDue);
    }
  }

  const taskResults: SummaryReport['taskStatus'] = {};
  const overall = { tasks: input.tasks.length, ...zero(), overdue: 0, dueSoon: 0, onTime: 0, late: 0 };
  const sectionAcc = new Map<number, { tasks: number; done: number; overdue: number }>();
  const sourceAcc = new Map<string, Omit<SourceFigures, 'name' | 'completionRate'>>();
  let tasksDue = 0;
  let onTimeDue = 0;
  for (const t of input.tasks) {
    const rows = byTask.get(t.id) ?? [];
    const counted = t.leads.length > 0 ? rows.filter((r) => t.leads.includes(r.unit)) : rows;
    const seen = counted.map((r) => effective.get(r) as { status: unknown; due: number | null });
    const status = taskStatus(seen.map((e) => e.status));
    // 逾期完成 when any counted row finished after its own (effective) due date.
    const late = counted.some((r, k) => isDate(r.doneDate) && isDate(seen[k]?.due) && r.doneDate > (seen[k]?.due as number));
    // An approved extension of a counted row moves the task's due date too (never earlier than 截止日期).
    const due = isDate(t.due) ? Math.max(t.due, ...seen.map((e) => e.due ?? 0)) : t.due;
    const w: Warning = status === '已完成' ? (late ? '逾期完成' : '按时完成') : warning(status, null, due, a, warnDays);
    taskResults[t.id] = { status, warning: w };
    overall[STATUS_KEY[status] as keyof Counts]++;
    if (w === '逾期') overall.overdue++;
    if (w === '临期') overall.dueSoon++;
    if (w === '按时完成') overall.onTime++;
    if (w === '逾期完成') overall.late++;
    if (isDate(t.due) && t.due <= a) {
      // Tasks due by the as-of date are counted by their 截止日期, as 汇总's COUNTIFS over 任务清单 does.
      tasksDue++;
      if (w === '按时完成') onTimeDue++;
    }
    const src = sourceOf(t);
    const f = sourceAcc.get(src) ?? { tasks: 0, ...zero(), overdue: 0, dueSoon: 0 };
    f.tasks++;
    f[STATUS_KEY[status] as keyof Counts]++;
    if (w === '逾期') f.overdue++;
    if (w === '临期') f.dueSoon++;
    sourceAcc.set(src, f);
    if (t.sectionNo !== null) {
      const s = sectionAcc.get(t.sectionNo) ?? { tasks: 0, done: 0, overdue: 0 };
      s.tasks++;
      if (status === '已完成') s.done++;
      if (w === '逾期') s.overdue++;
      sectionAcc.set(t.sectionNo, s);
    }
  }

  const filledTargets = input.targets.filter((g) => isDate(g.value));
  const met = filledTargets.filter((g) => meetsTarget(g.value, g.comparator, g.goal, g.max)).length;
  const paceYears = [...new Set(input.targets.map((g) => g.paceYear ?? null).filter((y): y is number => y !== null))].sort();
  const paceOf = new Map(paceYears.map((y) => [y, timePace(a, y, system)]));
  const behindPace = input.targets.filter((g) => g.paceYear !== undefined && g.paceYear !== null && isBehindPace(targetProgress(g), paceOf.get(g.paceYear) as number, loop.paceTolerance)).length;

  const period = reportingPeriod(asOf, loop);
  const reportDates = new Map<string, unknown[]>(input.units.map((u) => [u, []]));
  for (const r of input.rows) reportDates.get(r.unit)?.push(r.updated ?? null);
  for (const x of input.returns ?? []) reportDates.get(x.unit)?.push(x.date);
  const reportStatuses = new Map(input.units.map((u) => [u, reportStatus(reportDates.get(u) ?? [], period, system)]));

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
      ...loopTotals,
      behindPace,
      statusUnknown,
    },
    units: input.units.map((name, i) => {
      const at = (f: number): number => acc[i * FIELDS + f] as number;
      const rows = at(F.rows);
      const done = at(F.done);
      return {
        name,
        lead: at(F.lead),
        joint: at(F.joint),
        support: at(F.support),
        each: at(F.each),
        rows,
        done,
        inProgress: at(F.inProgress),
        notStarted: at(F.notStarted),
        blocked: at(F.blocked),
        unreported: at(F.unreported),
        overdue: at(F.overdue),
        dueSoon: at(F.dueSoon),
        completionRate: rate(done, rows),
        onTimeRate: rate(at(F.onTimeDue), at(F.due)),
        fillRate: rate(at(F.complete), rows),
        extended: at(F.extended),
        pendingExtension: at(F.pendingExtension),
        pendingReview: at(F.pendingReview),
        returned: at(F.returned),
        reported: reportStatuses.get(name) !== '未报送',
        reportStatus: reportStatuses.get(name) as ReportStatus,
        statusUnknown: at(F.statusUnknown),
      };
    }),
    reporting: {
      cycle: loop.cycle,
      period: period.label,
      start: period.start,
      end: period.end,
      due: period.due,
      notReported: input.units.filter((u) => reportStatuses.get(u) === '未报送'),
      late: input.units.filter((u) => reportStatuses.get(u) === '迟报'),
    },
    pending: inTaskOrder(pending, input.tasks),
    pace: paceYears.map((year) => ({ year, pace: paceOf.get(year) as number })),
    sections: input.sections.map((s) => {
      const acc = sectionAcc.get(s.no) ?? { tasks: 0, done: 0, overdue: 0 };
      return { no: s.no, title: s.title, ...acc, completionRate: rate(acc.done, acc.tasks) };
    }),
    sources: [...sourceAcc].map(([name, f]) => ({ name, ...f, completionRate: rate(f.done, f.tasks) })),
    overdue: inTaskOrder(overdue, input.tasks),
    taskStatus: taskResults,
    rowWarnings,
  };
}

/**
 * The overdue list in 任务清单's order (ledger order within a task), as 汇总 lists it from the
 * index; rows of a task no longer in the list come last.
 */
function inTaskOrder<T extends { task: string }>(list: T[], tasks: SummaryInput['tasks']): T[] {
  const place = new Map<string, number>();
  tasks.forEach((t, i) => {
    if (!place.has(t.id)) place.set(t.id, i);
  });
  const at = (id: string) => place.get(id) ?? tasks.length;
  return list.map((o, i) => ({ o, i })).sort((a, b) => at(a.o.task) - at(b.o.task) || a.i - b.i).map(({ o }) => o);
}

/** 完成进度 as 量化指标's formula computes it for a level or increase target: min(1, value / goal); 0 for a 0. */
export function targetProgress(g: SummaryTarget): number | null {
  if (!isDate(g.value)) return null;
  if (g.goal === 0 || g.value === 0) return 0;
  return Math.min(1, g.value / g.goal);
}
