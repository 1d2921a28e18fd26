import { HISTORY_HEADERS, type SnapshotRow } from '../../domain/summary/history';
import { PAGE } from '../pages';
import { DATE_FORMAT, date, num, text, type Cell, type ColumnPlan, type SheetPlan } from '../plan';
import { SHEET } from '../../domain/grid/names';
import { forPaper, printSetup } from '../print';

const PERCENT = '0.0%';
const WIDTHS = [11, 18, 10, 8, 8, 8, 9, 10, 9];
const rate = (r: number | null): Cell => (r === null ? text('—') : num(r));

/**
 * 调度记录 (DESIGN §5): one row per snapshot for the whole and each unit, in date order. Values,
 * not formulas: each row is what 汇总 said on its date, and stays so.
 */
export function historySheet(rows: readonly SnapshotRow[]): SheetPlan {
  const columns: ColumnPlan[] = HISTORY_HEADERS.map((header, i) => ({
    header,
    width: WIDTHS[i] as number,
    role: 'generated',
    ...(i === 0 ? { numberFormat: DATE_FORMAT } : i >= 6 ? { numberFormat: PERCENT } : {}),
  }));
  return forPaper(
    {
      key: SHEET.history.key,
      name: SHEET.history.name,
      columns,
      rows: rows.map((r) => [date(r.asOf), text(r.scope), num(r.count), num(r.done), num(r.overdue), num(r.dueSoon), rate(r.completionRate), rate(r.onTimeRate), rate(r.fillRate)]),
      freeze: { rows: 1, columns: 2 },
      validations: [],
      conditionalFormats: [],
      protect: false,
      print: printSetup('调度记录', null, PAGE.history),
    },
    rows[rows.length - 1]?.asOf ?? null,
  );
}

/** 1-based rows of 调度记录 that hold the whole (全部), in date order: what 汇总's trend points at. */
export function wholeRows(rows: readonly SnapshotRow[]): Array<{ row: number; asOf: string }> {
  return rows.flatMap((r, i) => (r.scope === '全部' ? [{ row: i + 2, asOf: r.asOf }] : []));
}
