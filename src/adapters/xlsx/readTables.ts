import type ExcelJS from 'exceljs';
import type { Grid } from '../../domain/table/types';
import { mergeSpan } from '../../workbook/tableGrid';

/**
 * Every sheet of an .xlsx as a grid of the text a reader sees, for the task-list reader: numbers
 * as written (`11.1`), dates as `2020年12月31日`, formulas by their cached result, rich text and
 * links by their text; merged areas as spans. Rows start at sheet row 1, so issues name sheet rows.
 */
export function workbookGrids(wb: ExcelJS.Workbook): Grid[] {
  const grids: Grid[] = [];
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // A merged area's other cells repeat its first cell's value in exceljs: only the first holds it.
        cells[c - 1] = cell.isMerged && cell.master.address !== cell.address ? '' : cellText(cell.value);
      });
      rows[r - 1] = Array.from(cells, (v) => v ?? '');
    });
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map((m) => mergeSpan(m, 0, 0));
    grids.push({ name: `工作表“${ws.name}”`, rows: Array.from(rows, (r) => r ?? []), merges });
  });
  return grids;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${value.getUTCFullYear()}年${value.getUTCMonth() + 1}月${value.getUTCDate()}日`;
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || result === null || (typeof result === 'object' && 'error' in result) ? '' : cellText(result as ExcelJS.CellValue);
  }
  if ('text' in value) return String(value.text);
  return '';
}
