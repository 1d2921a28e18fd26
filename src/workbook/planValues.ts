import type { Cell, SheetPlan, WorkbookPlan } from './plan';
import { FORMULA_AWARE_SHEETS, type SheetData, type SheetValue, type WorkbookData } from './sheetData';
import { excelSerial } from '../domain/time/isoDate';
import { address, parseAddress } from './a1';

/** The value a cell shows before any formula is computed (formulas read as null). */
export function cellValue(cell: Cell): SheetValue {
  if (cell === null) return null;
  switch (cell.t) {
    case 'text':
      return cell.v === '' ? null : cell.v;
    case 'number':
      return cell.v;
    case 'date':
      return excelSerial(cell.v);
    case 'formula':
      return null;
  }
}

/** A plan as the values a reader would get back from the written workbook (formulas uncomputed). */
export function planAsData(plan: WorkbookPlan): WorkbookData {
  return { sheets: plan.sheets.map(sheetAsData) };
}

export function sheetAsData(sheet: SheetPlan): SheetData {
  const rows: SheetValue[][] = [];
  if (sheet.columns.some((c) => c.header !== '')) rows.push(sheet.columns.map((c) => (c.header === '' ? null : c.header)));
  else rows.push(sheet.columns.map(() => null));
  for (const r of sheet.rows) rows.push(sheet.columns.map((_, i) => cellValue(r[i] ?? null)));
  const formulaCells: string[] = [];
  sheet.rows.forEach((r, i) => r.forEach((c, j) => c?.t === 'formula' && formulaCells.push(address(i + 1, j))));
  const put = (row: number, col: number, cell: Cell) => {
    while (rows.length <= row) rows.push([]);
    const target = rows[row] as SheetValue[];
    while (target.length <= col) target.push(null);
    target[col] = cellValue(cell);
    if (cell?.t === 'formula') formulaCells.push(address(row, col));
  };
  for (const extra of sheet.extraCells ?? []) {
    const { row, col } = parseAddress(extra.address);
    put(row, col, extra.cell);
  }
  for (const block of sheet.blocks ?? []) {
    const { row, col } = parseAddress(block.at);
    block.cells.forEach((r, i) => r.forEach((c, j) => put(row + i, col + j, c)));
  }
  return { name: sheet.name, rows, ...(FORMULA_AWARE_SHEETS.has(sheet.name) ? { formulaCells } : {}) };
}
