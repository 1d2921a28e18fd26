import { ROUNDS_HEADERS, ROUNDS_SHEET, type RoundRecord } from '../../domain/loop/roundsRecord';
import { fromExcelSerial, type DateSystem } from '../../domain/time/isoDate';
import { SHEET } from '../../domain/grid/names';
import { DATE_FORMAT, date, formula, num, text, type Cell, type SheetPlan } from '../plan';
import { fillCell } from './fillCell';
import { printSetup } from '../print';

/** A round's new rows, before they are written: dates are ISO. */
export type NewRound = { round: number | null; unit: string; sent: string | null; due: string | null; returned: string | null; updatedRows: number | null };

const dateCell = (v: unknown, system: DateSystem): Cell => {
  if (typeof v !== 'number') return fillCell(typeof v === 'string' || typeof v === 'boolean' ? v : null);
  const iso = fromExcelSerial(v, system);
  return iso === null ? num(v) : date(iso);
};

/**
 * `报送记录` (DESIGN §12): every row already there, as it was, then `added`. 报送状态 is a live formula
 * over the row's own dates (按时报送 when 回收日期 ≤ 报送截止日, 迟报 after, 未报送 while blank).
 */
export function roundsSheet(existing: readonly RoundRecord[], system: DateSystem, added: readonly NewRound[] = []): SheetPlan {
  const rows: Cell[][] = [
    ...existing.map((r) => [r.round === null ? null : num(r.round), text(r.unit), dateCell(r.sent, system), dateCell(r.due, system), dateCell(r.returned, system), null, fillCell(r.updatedRows)]),
    ...added.map((r) => [r.round === null ? null : num(r.round), text(r.unit), date(r.sent), date(r.due), date(r.returned), null, r.updatedRows === null ? null : num(r.updatedRows)]),
  ].map((row, i) => {
    const at = i + 2;
    row[5] = formula(`IF(ISNUMBER(E${at}),IF(AND(ISNUMBER(D${at}),E${at}>D${at}),"迟报","按时报送"),IF(LEN(B${at})>0,"未报送",""))`);
    return row;
  });
  return {
    key: SHEET.rounds.key,
    name: ROUNDS_SHEET,
    columns: ROUNDS_HEADERS.map((header) => ({ header, width: header === '单位' ? 18 : 11, role: 'generated' as const, ...(header.endsWith('日期') || header === '报送截止日' ? { numberFormat: DATE_FORMAT } : {}) })),
    rows,
    freeze: { rows: 1, columns: 0 },
    validations: [],
    conditionalFormats: [],
    protect: false,
    print: printSetup(ROUNDS_SHEET, null, { orientation: 'portrait', fitToWidth: true, titleRows: [1, 1] }),
  };
}
