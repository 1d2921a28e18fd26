import type { CellSpan, Grid } from '../../domain/table/types';
import { mergeSpan } from '../../workbook/tableGrid';

/** The active sheet (or the selection) as the cell text a reader sees, with its merged areas. */
export type SheetGrid = {
  sheet: string;
  /** What was read, as Excel names it: `A1:F130`. */
  address: string;
  grid: Grid;
  /** False when this Excel cannot report merged areas (before ExcelApi 1.13): merged cells read as their first cell only. */
  mergesRead: boolean;
};

/** `####`: a number or date too wide for its column shows no digits; its value is read instead. */
const HASHES = /^#+$/;

/**
 * Read the active sheet's used range, or the selection, as a grid for the task-list reader: in
 * one load and one sync, the displayed text (dates as the user sees them), the values (for cells
 * that show `####`), where the range starts, and its merged areas (ExcelApi 1.13,
 * `getMergedAreasOrNullObject`; `merges` false on an older Excel).
 */
export async function readSheetGrid(context: Excel.RequestContext, from: 'sheet' | 'selection', merges: boolean): Promise<SheetGrid> {
  const ws = context.workbook.worksheets.getActiveWorksheet();
  ws.load('name');
  // getUsedRange (not …OrNullObject): a blank sheet gives A1, so the merged areas can be asked for in the same sync.
  const range = from === 'selection' ? context.workbook.getSelectedRange() : ws.getUsedRange(true);
  range.load('address,text,values,rowIndex,columnIndex');
  const areas = merges ? range.getMergedAreasOrNullObject() : null;
  areas?.load('address');
  await context.sync();

  const rows = range.text.map((row, r) => row.map((text, c) => (HASHES.test(text) ? String(range.values[r]?.[c] ?? '') : text)));
  const spans: CellSpan[] = areas === null || areas.isNullObject ? [] : splitAreas(areas.address).map((a) => clip(mergeSpan(a, range.rowIndex, range.columnIndex), rows));
  return {
    sheet: ws.name,
    address: range.address.slice(range.address.lastIndexOf('!') + 1),
    grid: { name: `工作表“${ws.name}”`, rows, merges: spans, firstRow: range.rowIndex + 1 },
    mergesRead: merges,
  };
}

/** `Sheet1!A3:E3, Sheet1!B4:B6` → its areas; a comma inside a quoted sheet name (`'a,b'!A1`) is no separator. */
function splitAreas(address: string): string[] {
  return address
    .split(/,(?=(?:[^']*'[^']*')*[^']*$)/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

/** A merged area reaching outside the selection is kept to the part inside it. */
function clip(span: CellSpan, rows: string[][]): CellSpan {
  const width = rows[0]?.length ?? 0;
  return { top: Math.max(0, span.top), left: Math.max(0, span.left), bottom: Math.min(rows.length - 1, span.bottom), right: Math.min(width - 1, span.right) };
}
