import type { SheetValue, WorkbookData } from '../../workbook/sheetData';

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
    used.load('values');
    return { name: ws.name, used };
  });
  await context.sync();
  return {
    sheets: ranges.map(({ name, used }) => ({
      name,
      rows: used.isNullObject ? [] : (used.values as SheetValue[][]).map((row) => row.map((v) => (v === '' ? null : v))),
    })),
  };
}
