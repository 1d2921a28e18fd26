import type { Cell, SheetPlan, WorkbookPlan } from './plan';
import { FORMULA_AWARE_SHEETS, type SheetData, type SheetValue, type WorkbookData } from '../domain/grid/sheetData';
import { excelSerial, isDateSerial, LAST_EXCEL_DATE, type DateSystem } from '../domain/time/isoDate';
import { address, parseAddress } from '../domain/grid/a1';

/** The value a cell shows before any formula is computed (formulas read as null), dates as serials of `system`. */
export function cellValue(cell: Cell, system: DateSystem = 1900): SheetValue {
  if (cell === null) return null;
  switch (cell.t) {
    case 'text':
      return cell.v === '' ? null : cell.v;
    case 'number':
      return cell.v;
    case 'date':
      return excelSerial(cell.v, system);
    case 'formula':
      return null;
  }
}

/**
 * A plan as the values a reader would get back from the written workbook (formulas uncomputed),
 * as if written into a workbook of `system` (a new workbook is 1900).
 */
export function planAsData(plan: WorkbookPlan, system: DateSystem = 1900): WorkbookData {
  return { sheets: plan.sheets.map((s) => sheetAsData(s, system)), dateSystem: system };
}

export function sheetAsData(sheet: SheetPlan, system: DateSystem = 1900): SheetData {
  const rows: SheetValue[][] = [];
  if (sheet.columns.some((c) => c.header !== '')) rows.push(sheet.columns.map((c) => (c.header === '' ? null : c.header)));
  else rows.push(sheet.columns.map(() => null));
  for (const r of sheet.rows) rows.push(sheet.columns.map((_, i) => cellValue(r[i] ?? null, system)));
  const formulaCells: string[] = [];
  sheet.rows.forEach((r, i) => r.forEach((c, j) => c?.t === 'formula' && formulaCells.push(address(i + 1, j))));
  const put = (row: number, col: number, cell: Cell) => {
    while (rows.length <= row) rows.push([]);
    const target = rows[row] as SheetValue[];
    while (target.length <= col) target.push(null);
    target[col] = cellValue(cell, system);
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

/** A plan cell no spreadsheet can hold: the adapters write nothing at all. */
export class UnwritableCellError extends Error {}

/**
 * The guard both adapters run before writing anything: every number is finite and every date is
 * a date of the target workbook's system (up to 9999-12-31). Written as it is, a NaN becomes
 * `<v>NaN</v>`, which makes the file invalid, and a date past 9999 has no serial. A plan holding
 * one is a bug upstream (typed values are kept as numbers, never re-dated): stop, naming the cell.
 */
export function assertWritable(plan: WorkbookPlan, system: DateSystem): void {
  const problem = (cell: Cell): string | null => {
    if (cell === null) return null;
    if (cell.t === 'number' && !Number.isFinite(cell.v)) return `要写入的不是有效数字（${String(cell.v)}）`;
    if (cell.t === 'date' && !isDateSerial(excelSerial(cell.v, system), system)) return `要写入的日期“${cell.v}”不是 Excel 能表示的日期（${system} 日期系统，至 ${LAST_EXCEL_DATE}）`;
    return null;
  };
  const refuse = (sheet: string, where: string, p: string): never => {
    throw new UnwritableCellError(`工作表“${sheet}”的 ${where} ${p}，为免损坏文件，未写入任何内容。`);
  };
  // Plain loops, the address built only for a bad cell: this runs over every cell of every write.
  const grid = (sheet: string, cells: Cell[][], row0: number, col0: number): void => {
    for (let i = 0; i < cells.length; i++) {
      const r = cells[i] as Cell[];
      for (let j = 0; j < r.length; j++) {
        const p = problem(r[j] ?? null);
        if (p !== null) refuse(sheet, address(row0 + i, col0 + j), p);
      }
    }
  };
  for (const sheet of plan.sheets) {
    grid(sheet.name, sheet.rows, 1, 0);
    for (const extra of sheet.extraCells ?? []) {
      const p = problem(extra.cell);
      if (p !== null) refuse(sheet.name, extra.address, p);
    }
    for (const block of sheet.blocks ?? []) {
      const { row, col } = parseAddress(block.at);
      grid(sheet.name, block.cells, row, col);
    }
    for (const v of sheet.validations) {
      if (v.type !== 'date') continue;
      for (const d of [v.min, v.max]) {
        const p = problem({ t: 'date', v: d });
        if (p !== null) refuse(sheet.name, `${v.range}（数据验证）`, p);
      }
    }
  }
  for (const edit of plan.cellEdits ?? []) {
    const p = problem(edit.cell);
    if (p !== null) refuse(edit.sheet, edit.address, p);
  }
}
