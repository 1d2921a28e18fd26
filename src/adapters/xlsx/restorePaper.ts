import ExcelJS from 'exceljs';
import type { PaperRestore } from '../../workbook/restorePaper';
import { rowHeight } from '../../workbook/print';
import { applyPrint } from './writePlan';

/** exceljs's width of a column the file gives none. */
const DEFAULT_WIDTH = 8.43;

/**
 * Put back the page setup of each sheet named, and size its rows to their wrapped text (the text
 * as it is now, in the columns as wide as they are now): rows a unit filled or inserted included.
 */
export function restorePaper(wb: ExcelJS.Workbook, restore: readonly PaperRestore[]): void {
  for (const r of restore) {
    const ws = wb.getWorksheet(r.sheet);
    if (!ws) continue;
    applyPrint(ws, r.print);
    if (!r.fitRows) continue;
    const widths: number[] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const texts: Array<{ text: string; width: number; wrap: boolean }> = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const width = (widths[c] ??= ws.getColumn(c).width ?? DEFAULT_WIDTH);
        texts.push({ text: typeof cell.text === 'string' ? cell.text : '', width, wrap: cell.alignment?.wrapText === true });
      });
      row.height = rowHeight(texts);
    });
  }
}
