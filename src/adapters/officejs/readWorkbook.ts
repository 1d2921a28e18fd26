import { FORMULA_AWARE_SHEETS, type SheetValue, type WorkbookData } from '../../workbook/sheetData';
import { columnLetter, parseAddress } from '../../workbook/a1';
import { loadDateSystem } from './dateSystem';

/** Sheets a regeneration never needs to read: they are rebuilt from the notice alone (汇总 is read for its parameters). */
export const GENERATED_ONLY: ReadonlySet<string> = new Set(['任务清单', '责任矩阵', '校验结果', '_台账索引']);

/**
 * Read the sheets that hold values, in one load and two syncs, whatever their size, with the
 * workbook's date system (loaded in the first sync when the host can say: `dateSystem`, ExcelApi 1.16).
 */
export async function readWorkbookInExcel(context: Excel.RequestContext, skip: ReadonlySet<string> = GENERATED_ONLY, options: { dateSystem?: boolean } = {}): Promise<WorkbookData> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const dateSystem = loadDateSystem(context, options.dateSystem ?? false);
  await context.sync();
  const wanted = sheets.items.filter((ws) => !skip.has(ws.name));
  const ranges = wanted.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    if (FORMULA_AWARE_SHEETS.has(ws.name)) used.load('address,values,formulas');
    else used.load('address,values');
    return { name: ws.name, used };
  });
  await context.sync();
  return {
    dateSystem: dateSystem(),
    sheets: ranges.map(({ name, used }) => {
      if (used.isNullObject) return { name, rows: [] };
      // A unit's own sheet may start below or right of A1: pad so indexes are sheet positions.
      const at = parseAddress((used.address.split('!').pop() ?? 'A1').split(':')[0] as string);
      const pad = (row: SheetValue[]): SheetValue[] => [...Array.from({ length: at.col }, () => null), ...row];
      const rows: SheetValue[][] = [...Array.from({ length: at.row }, () => []), ...(used.values as SheetValue[][]).map((row) => pad(row.map((v) => (v === '' ? null : v))))];
      if (!FORMULA_AWARE_SHEETS.has(name)) return { name, rows };
      // A formula is a string starting with "=".
      const formulaCells: string[] = [];
      (used.formulas as unknown[][]).forEach((row, r) => row.forEach((f, c) => typeof f === 'string' && f.startsWith('=') && formulaCells.push(`${columnLetter(at.col + c)}${at.row + r + 1}`)));
      return { name, rows, formulaCells };
    }),
  };
}
