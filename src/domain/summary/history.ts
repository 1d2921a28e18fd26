import { cellText, dateSystemOf, type SheetValue, type WorkbookData } from '../grid/sheetData';
import { fromExcelSerial } from '../time/isoDate';
import type { SummaryReport } from './summarize';

/** One row of 调度记录: the whole (按任务) or one unit (按台账行) on one as-of date. */
export type SnapshotRow = {
  asOf: string;
  /** 全部 for the whole, else the unit. */
  scope: string;
  /** Tasks for the whole, ledger rows for a unit (as on 汇总). */
  count: number;
  done: number;
  overdue: number;
  dueSoon: number;
  completionRate: number | null;
  onTimeRate: number | null;
  fillRate: number | null;
};

export const WHOLE = '全部';
export const HISTORY_HEADERS = ['统计日期', '范围', '任务数/台账行数', '已完成', '逾期', '临期', '完成率', '按时完成率', '填报率'] as const;

/** The rows a snapshot appends: the whole first, then each unit in ledger order. */
export function snapshotRows(report: SummaryReport): SnapshotRow[] {
  const o = report.overall;
  return [
    { asOf: report.asOf, scope: WHOLE, count: o.tasks, done: o.done, overdue: o.overdue, dueSoon: o.dueSoon, completionRate: o.completionRate, onTimeRate: o.onTimeRate, fillRate: o.fillRate },
    ...report.units.map((u) => ({ asOf: report.asOf, scope: u.name, count: u.rows, done: u.done, overdue: u.overdue, dueSoon: u.dueSoon, completionRate: u.completionRate, onTimeRate: u.onTimeRate, fillRate: u.fillRate })),
  ];
}

const numberOr = (v: SheetValue | undefined, fallback: number | null): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** 调度记录 as the workbook holds it (columns found by header); [] when there is none yet. */
export function readHistory(book: WorkbookData): SnapshotRow[] {
  const sheet = book.sheets.find((s) => s.name === '调度记录');
  if (!sheet) return [];
  const header = (sheet.rows[0] ?? []).map(cellText);
  const at = HISTORY_HEADERS.map((h) => header.indexOf(h));
  const system = dateSystemOf(book);
  const rows: SnapshotRow[] = [];
  for (const row of sheet.rows.slice(1)) {
    const get = (k: number) => row[at[k] as number];
    const raw = get(0);
    const asOf = typeof raw === 'number' ? fromExcelSerial(raw, system) : cellText(raw) || null;
    if (asOf === null || cellText(get(1)).length === 0) continue;
    rows.push({
      asOf,
      scope: cellText(get(1)),
      count: numberOr(get(2), 0) as number,
      done: numberOr(get(3), 0) as number,
      overdue: numberOr(get(4), 0) as number,
      dueSoon: numberOr(get(5), 0) as number,
      completionRate: numberOr(get(6), null),
      onTimeRate: numberOr(get(7), null),
      fillRate: numberOr(get(8), null),
    });
  }
  return rows;
}

/**
 * 调度记录 with a new snapshot: earlier rows are kept as they are; rows of the same as-of date
 * are replaced only when `replace` (the caller asked the user), otherwise `clash` says so and
 * nothing changes. Rows stay in date order, so the trend reads left to right.
 */
export function addSnapshot(history: readonly SnapshotRow[], fresh: readonly SnapshotRow[], replace: boolean): { rows: SnapshotRow[]; clash: boolean } {
  const date = fresh[0]?.asOf;
  const clash = history.some((r) => r.asOf === date);
  if (clash && !replace) return { rows: [...history], clash };
  const kept = history.filter((r) => r.asOf !== date);
  // A stable sort: rows of one date keep their order (the whole, then units).
  return { rows: [...kept, ...fresh].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0)), clash };
}
