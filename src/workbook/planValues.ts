import type { Cell, SheetPlan, WorkbookPlan } from './plan';
import type { SheetData, SheetValue, WorkbookData } from './sheetData';
import { excelSerial } from '../domain/time/isoDate';
import { parseAddress } from './a1';

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
  for (const extra of sheet.extraCells ?? []) {
    const { row, col } = parseAddress(extra.address);
    while (rows.length <= row) rows.push([]);
    const target = rows[row] as SheetValue[];
    while (target.length <= col) target.push(null);
    target[col] = cellValue(extra.cell);
  }
  return { name: sheet.name, rows };
}
