import { cellText, type SheetData, type SheetValue } from '../grid/sheetData';
import { columnLetter } from '../grid/a1';

/** Whether the cell at (row, col) of a read sheet is a number shown as a percentage. */
export function isPercentCell(sheet: SheetData, row: number, col: number): boolean {
  // Only cells typed with `%` are listed: a short list, searched as it is (a merge edits it).
  const cells = sheet.percentCells;
  return cells !== undefined && cells.length > 0 && cells.includes(`${columnLetter(col)}${row + 1}`);
}

/** A 量化指标 单位 cell that says the target is in percent (`%`, `％`, `%（至5）`). */
export const isPercentUnit = (unit: SheetValue | undefined): boolean => /^[%％]/.test(cellText(unit));

/**
 * What a unit meant by the 完成值 at (row, col) (DESIGN §12): `76.5%` typed into a target whose
 * 单位 is `%` is stored by every spreadsheet as 0.765 with a percent format, and means 76.5.
 * Anything else is the value as read. Rounded to 9 places: 0.765 × 100 is 76.50000000000001.
 * @example meantTargetValue(sheetWith0765InI2AsPercent, 1, 8, '%') //=> 76.5
 */
export function meantTargetValue(sheet: SheetData, row: number, col: number, unit: SheetValue | undefined): SheetValue {
  const v = sheet.rows[row]?.[col] ?? null;
  if (typeof v !== 'number' || !Number.isFinite(v) || !isPercentUnit(unit) || !isPercentCell(sheet, row, col)) return v;
  return Math.round(v * 100 * 1e9) / 1e9;
}
