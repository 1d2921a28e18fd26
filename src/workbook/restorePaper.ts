import type { WorkbookData } from '../domain/grid/sheetData';
import { SHEET } from '../domain/grid/names';
import { ledgerSheets, readSummaryParameters } from '../domain/summary/readSummary';
import type { PrintPlan } from './plan';
import { PAGE, ledgerHeaderLeft, withLegend } from './pages';
import { printSetup } from './print';
import { CONFLICT_SHEET } from './distribute/mergePlan';

/**
 * What every write of a master restores (DESIGN §5), whoever saved the file last: each sheet Duban
 * lays out prints as laid out — fit to one page wide, A4, its orientation and title rows, a header
 * with the fixed 统计日期 when 汇总 has one — and the rows of its tables are as high as their
 * wrapped text. LibreOffice saves `fitToPage="true"`, which exceljs reads as false; a unit's typing
 * in LibreOffice or WPS does not grow a row whose height Duban set.
 */
export type PaperRestore = { sheet: string; print: PrintPlan; fitRows: boolean };

export function paperToRestore(book: WorkbookData): PaperRestore[] {
  const names = new Set(book.sheets.map((s) => s.name));
  // Only a master: a unit's file is laid out whole by split, and has no 汇总 to read 统计日期 from.
  if (!names.has(SHEET.summary.name) || !names.has(SHEET.tasks.name)) return [];
  const asOf = readSummaryParameters(book).asOf;
  const own: PaperRestore[] = [
    { sheet: SHEET.summary.name, print: printSetup('督办汇总', asOf, PAGE.summary), fitRows: false },
    { sheet: SHEET.tasks.name, print: printSetup('任务清单', asOf, PAGE.tasks), fitRows: true },
    { sheet: SHEET.targets.name, print: printSetup('量化指标', asOf, PAGE.targets), fitRows: true },
    { sheet: SHEET.matrix.name, print: printSetup('责任矩阵', asOf, PAGE.matrix), fitRows: false },
    { sheet: SHEET.directory.name, print: printSetup('单位名录', asOf, PAGE.directory), fitRows: true },
    { sheet: SHEET.history.name, print: printSetup('调度记录', asOf, PAGE.history), fitRows: false },
    { sheet: SHEET.validation.name, print: printSetup('校验结果', asOf, PAGE.validation), fitRows: true },
    { sheet: CONFLICT_SHEET, print: printSetup(CONFLICT_SHEET, asOf, PAGE.conflicts), fitRows: true },
  ];
  const ledgers = ledgerSheets(book).map(({ sheet, unit }): PaperRestore => ({ sheet: sheet.name, print: withLegend(printSetup(ledgerHeaderLeft(unit), asOf, PAGE.ledger)), fitRows: true }));
  return [...own, ...ledgers].filter((r) => names.has(r.sheet));
}
