import { FORMULA_AWARE_SHEETS, type SheetValue, type WorkbookData } from '../../workbook/sheetData';
import { columnLetter } from '../../workbook/a1';

/** Sheets a regeneration never needs to read: they are rebuilt from the notice alone (汇总 is read for its parameters). */
export const GENERATED_ONLY: ReadonlySet<string> = new Set(['任务清单', '责任矩阵', '校验结果', '_台账索引']);

/** Read the sheets that hold values, in one load and two syncs, whatever their size. */
export async function readWorkbookInExcel(context: Excel.RequestContext, skip: ReadonlySet<string> = GENERATED_ONLY): Promise<WorkbookData> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const wanted = sheets.items.filter((ws) => !skip.has(ws.name));
  const ranges = wanted.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    if (FORMULA_AWARE_SHEETS.has(ws.name)) used.load('values,formulas');
    else used.load('values');
    return { name: ws.name, used };
  });
  await context.sync();
  return {
    sheets: ranges.map(({ name, used }) => {
      if (used.isNullObject) return { name, rows: [] };
      const rows = (used.values as SheetValue[][]).map((row) => row.map((v) => (v === '' ? null : v)));
      if (!FORMULA_AWARE_SHEETS.has(name)) return { name, rows };
      // The used range starts at A1 for our sheets; a formula is a string starting with "=".
      const formulaCells: string[] = [];
      (used.formulas as unknown[][]).forEach((row, r) => row.forEach((f, c) => typeof f === 'string' && f.startsWith('=') && formulaCells.push(`${columnLetter(c)}${r + 1}`)));
      return { name, rows, formulaCells };
    }),
  };
}
