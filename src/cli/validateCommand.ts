import type ExcelJS from 'exceljs';
import { openWorkbook } from '../adapters/xlsx/files';
import { readWorkbookData } from '../adapters/xlsx/readWorkbook';
import { applyPlanToWorkbook } from '../adapters/xlsx/writePlan';
import { validateWorkbook } from '../domain/validation/validate';
import { formatValidation, toValidationDocument } from '../domain/validation/document';
import type { Finding } from '../domain/validation/findings';
import { readSummaryParameters } from '../domain/summary/readSummary';
import { localIsoDate } from '../domain/time/isoDate';
import { validationSheet } from '../workbook/sheets/validationSheet';
import { DATE_FORMAT } from '../workbook/plan';
import { checkFlags, UsageError, type Args } from './args';
import { readAsOf } from './asOf';
import type { Io } from './io';

/** `duban validate <book.xlsx> [--json] [--as-of YYYY-MM-DD] [--write] [--fix]` — exit 1 when any error is found. */
export async function validateCommand(args: Args, io: Io, today: () => Date = () => new Date()): Promise<number> {
  checkFlags(args, ['--json', '--as-of', '--write', '--fix']);
  const file = args.positional[0];
  if (file === undefined) throw new UsageError('用法：duban validate <工作簿.xlsx> [--json] [--as-of YYYY-MM-DD] [--write] [--fix]');
  const wb = await openWorkbook(file);
  io.progress('读取工作簿…');
  let book = readWorkbookData(wb);
  if (!book.sheets.some((s) => s.name === '任务清单')) throw new UsageError(`${file} 不是督办工作簿：缺少"任务清单"工作表`);
  const now = today();
  const asOf = readAsOf(args) ?? readSummaryParameters(book).asOf ?? localIsoDate(now);
  io.progress('校验…');
  let result = validateWorkbook(book, asOf);
  if (args.flags.has('--fix')) {
    const fixed = applyFixes(wb, result.findings);
    io.err(`已把 ${fixed} 处文字日期/文字数字改为日期/数字`);
    book = readWorkbookData(wb);
    result = validateWorkbook(book, asOf);
  }
  if (args.flags.has('--write') || args.flags.has('--fix')) {
    if (args.flags.has('--write')) applyPlanToWorkbook(wb, { sheets: [validationSheet(result.findings, asOf)], names: [] });
    await wb.xlsx.writeFile(file);
  }
  io.progress('');
  io.out(args.flags.has('--json') ? JSON.stringify(toValidationDocument(result), null, 2) : formatValidation(result));
  return result.errors > 0 ? 1 : 0;
}

/** Write the fix of every fixable finding (text dates → dates, text numbers → numbers); returns how many. */
function applyFixes(wb: ExcelJS.Workbook, findings: Finding[]): number {
  let n = 0;
  for (const f of findings) {
    if (f.fix === undefined) continue;
    const cell = wb.getWorksheet(f.sheet)?.getCell(f.cell);
    if (!cell) continue;
    cell.value = f.fix;
    if (f.code === 'TEXT_DATE') cell.style = { ...cell.style, numFmt: DATE_FORMAT };
    n++;
  }
  return n;
}
