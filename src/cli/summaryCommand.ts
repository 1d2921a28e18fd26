import { openWorkbook, writeWorkbookFile } from '../adapters/xlsx/files';
import { readWorkbookData } from '../adapters/xlsx/readWorkbook';
import { applyPlanToWorkbook } from '../adapters/xlsx/writePlan';
import { readSummary, readSummaryParameters } from '../domain/summary/readSummary';
import { summarize } from '../domain/summary/summarize';
import { formatSummary, toSummaryDocument } from '../domain/summary/document';
import { addSnapshot, readHistory, snapshotRows } from '../domain/summary/history';
import { historySheet } from '../workbook/sheets/historySheet';
import { localIsoDate } from '../domain/time/isoDate';
import { summaryPlan } from '../workbook/buildWorkbookPlan';
import { checkFlags, singleFile, UsageError, type Args } from './args';
import { readAsOf } from './asOf';
import { rewriting } from './output';
import type { Io } from './io';

/** `duban summary <book.xlsx> [--json] [--as-of YYYY-MM-DD] [--write] [--snapshot [--replace]]` */
export async function summaryCommand(args: Args, io: Io, today: () => Date = () => new Date()): Promise<number> {
  checkFlags(args, ['--json', '--as-of', '--write', '--snapshot', '--replace']);
  const file = singleFile(args, '用法：duban summary <工作簿.xlsx> [--json] [--as-of YYYY-MM-DD] [--write] [--snapshot [--replace]]');
  if (args.flags.has('--replace') && !args.flags.has('--snapshot')) throw new UsageError('--replace 只能与 --snapshot 一起使用');
  // --write and --snapshot hold the file's lock from reading to writing, so no other duban writer comes between.
  const writes = args.flags.has('--write') || args.flags.has('--snapshot');
  return writes ? rewriting('summary', file, io, () => summary(file, args, io, today)) : summary(file, args, io, today);
}

async function summary(file: string, args: Args, io: Io, today: () => Date): Promise<number> {
  const wb = await openWorkbook(file);
  const book = readWorkbookData(wb);
  if (!book.sheets.some((s) => s.name === '任务清单')) throw new UsageError(`${file} 不是督办工作簿：缺少“任务清单”工作表`);
  const params = readSummaryParameters(book);
  const given = readAsOf(args);
  // The as-of date: --as-of, else a date typed into 汇总, else today (the only clock read, here in the CLI).
  const now = today();
  const asOf = given ?? params.asOf ?? localIsoDate(now);
  if (params.asOfProblem && given === null) io.err(`注意：${params.asOfProblem}；本次按 ${asOf} 统计`);
  const report = summarize(readSummary(book).input, asOf, params.warnDays);
  if (args.flags.has('--snapshot')) {
    // 调度记录 gains this date's rows; a second snapshot of one date replaces only that date's rows, when asked.
    const { rows, clash } = addSnapshot(readHistory(book), snapshotRows(report), args.flags.has('--replace'));
    if (clash && !args.flags.has('--replace')) throw new UsageError(`调度记录中已有 ${asOf} 的记录，未作改动；如要用本次结果替换该日的记录，请加 --replace`);
    // A snapshot records 汇总 as it is; it does not fix 统计日期 the way --write --as-of does.
    const { sheets, names } = summaryPlan(book, params.year, params.asOf, params.warnDays, localIsoDate(now), rows);
    applyPlanToWorkbook(wb, { sheets: [...sheets, historySheet(rows)], names });
    await writeWorkbookFile(wb, file);
    io.err(`已存档 ${asOf}：调度记录共 ${rows.length} 行${clash ? '（替换了该日原有的记录）' : ''}`);
  } else if (args.flags.has('--write')) {
    const { sheets, names } = summaryPlan(book, params.year, given ?? params.asOf, params.warnDays, localIsoDate(now));
    applyPlanToWorkbook(wb, { sheets, names });
    await writeWorkbookFile(wb, file);
    io.err(`已重建“汇总”和它的行索引：${file}`);
  }
  io.out(args.flags.has('--json') ? JSON.stringify(toSummaryDocument(report), null, 2) : formatSummary(report));
  return 0;
}
