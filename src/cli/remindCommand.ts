import { openWorkbook, writeWorkbookFile } from '../adapters/xlsx/files';
import { readWorkbookData } from '../adapters/xlsx/readWorkbook';
import { applyPlanToWorkbook } from '../adapters/xlsx/writePlan';
import { readSummary, readSummaryParameters } from '../domain/summary/readSummary';
import { formatReminders, reminders, taskTexts } from '../domain/summary/remind';
import { localIsoDate } from '../domain/time/isoDate';
import { remindSheet } from '../workbook/sheets/remindSheet';
import { checkFlags, UsageError, type Args } from './args';
import { readAsOf } from './asOf';
import { rewriting } from './output';
import type { Io } from './io';

/** `duban remind <book.xlsx> [--as-of YYYY-MM-DD] [--json] [--write]`: 催办单 of every unit with 逾期/临期 rows. */
export async function remindCommand(args: Args, io: Io, today: () => Date = () => new Date()): Promise<number> {
  checkFlags(args, ['--json', '--as-of', '--write']);
  const file = args.positional[0];
  if (file === undefined || args.positional.length > 1) throw new UsageError('用法：duban remind <工作簿.xlsx> [--as-of YYYY-MM-DD] [--json] [--write]');
  return args.flags.has('--write') ? rewriting('remind', file, io, () => remind(file, args, io, today)) : remind(file, args, io, today);
}

async function remind(file: string, args: Args, io: Io, today: () => Date): Promise<number> {
  const wb = await openWorkbook(file);
  const book = readWorkbookData(wb);
  if (!book.sheets.some((s) => s.name === '任务清单')) throw new UsageError(`${file} 不是督办工作簿：缺少“任务清单”工作表`);
  const params = readSummaryParameters(book);
  // The same as-of date as `duban summary`: --as-of, else a date typed into 汇总, else today.
  const asOf = readAsOf(args) ?? params.asOf ?? localIsoDate(today());
  if (params.asOfProblem && readAsOf(args) === null) io.err(`注意：${params.asOfProblem}；本次按 ${asOf} 统计`);
  const doc = reminders(readSummary(book).input, taskTexts(book), asOf, params.warnDays);
  if (args.flags.has('--write')) {
    applyPlanToWorkbook(wb, { sheets: [remindSheet(doc)], names: [] });
    await writeWorkbookFile(wb, file, book);
    io.err(`已写入“催办单”工作表：${file}`);
  }
  io.out(args.flags.has('--json') ? JSON.stringify(doc, null, 2) : formatReminders(doc));
  return 0;
}
