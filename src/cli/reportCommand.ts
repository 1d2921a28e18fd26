import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { openWorkbook, writeWorkbookFile } from '../adapters/xlsx/files';
import { readWorkbookData } from '../adapters/xlsx/readWorkbook';
import { writeFileAtomic } from '../adapters/xlsx/safeWrite';
import { applyPlanToWorkbook } from '../adapters/xlsx/writePlan';
import { circularDocx } from '../adapters/docx/circularDocx';
import { readSummary, readSummaryParameters } from '../domain/summary/readSummary';
import { sourcesOf } from '../domain/sources/bySource';
import { circularOfBook } from '../domain/report/circularOfBook';
import { localIsoDate } from '../domain/time/isoDate';
import { circularSheet } from '../workbook/sheets/circularSheet';
import { checkFlags, singleFile, UsageError, type Args } from './args';
import { readAsOf } from './asOf';
import { makeOutputDir, rewriting, samePath } from './output';
import type { Io } from './io';

const USAGE = '用法：duban report <工作簿.xlsx> -o <通报.docx> [--as-of YYYY-MM-DD] [--title 通知简称] [--source 事项来源] [--write] [--json] [--force]';

/**
 * `duban report <book.xlsx> -o <通报.docx> [--as-of] [--title] [--write] [--json] [--force]`: the
 * 通报 (DESIGN §12) as a Word document; `--write` also writes it to the workbook's `通报` sheet, as
 * the pane's 生成通报 does. An existing .docx may hold the office's edits of an earlier circular,
 * so it is replaced only with --force.
 */
export async function reportCommand(args: Args, io: Io, today: () => Date = () => new Date()): Promise<number> {
  checkFlags(args, ['-o', '--out', '--as-of', '--title', '--source', '--write', '--json', '--force']);
  const file = singleFile(args, USAGE);
  const out = args.values.get('-o') ?? args.values.get('--out') ?? null;
  if (args.values.has('-o') && args.values.has('--out')) throw new UsageError('-o 只能给一次');
  if (out === null && !args.flags.has('--write')) throw new UsageError(`缺少 -o <通报.docx>；${USAGE}`);
  if (out !== null) {
    if (extname(out).toLowerCase() !== '.docx') throw new UsageError(`通报写成 Word 文件，-o 需要以 .docx 结尾：${out}`);
    if (await samePath(file, out)) throw new UsageError('-o 不能是工作簿本身');
    if (existsSync(out) && !args.flags.has('--force')) throw new UsageError(`${out} 已存在（也许是改过的上期通报）：确认要覆盖它请加 --force，或换一个文件名；未写入任何内容`);
  }
  const run = () => report(file, out, args, io, today);
  return args.flags.has('--write') ? rewriting('report', file, io, run) : run();
}

async function report(file: string, out: string | null, args: Args, io: Io, today: () => Date): Promise<number> {
  const wb = await openWorkbook(file);
  const book = readWorkbookData(wb);
  if (!book.sheets.some((s) => s.name === '任务清单')) throw new UsageError(`${file} 不是督办工作簿：缺少“任务清单”工作表`);
  const params = readSummaryParameters(book);
  const given = readAsOf(args);
  // The same as-of date as `duban summary`: --as-of, else a date typed into 汇总, else today.
  const asOf = given ?? params.asOf ?? localIsoDate(today());
  if (params.asOfProblem && given === null) io.err(`注意：${params.asOfProblem}；本次按 ${asOf} 统计`);
  const source = args.values.get('--source')?.trim() || null;
  if (source !== null) {
    // A 通报 of one source (DESIGN §13): the name must be one the workbook holds.
    const names = sourcesOf(readSummary(book).input.tasks);
    if (!names.includes(source)) throw new UsageError(`工作簿中没有事项来源“${source}”；现有：${names.join('、')}`);
  }
  const circular = circularOfBook(book, { asOf, warnDays: params.warnDays, subject: args.values.get('--title') ?? null, source });

  if (out !== null) {
    await makeOutputDir(out);
    await writeFileAtomic(out, await circularDocx(circular));
    io.err(`已写入通报：${out}（统计日期 ${asOf}）`);
  }
  if (args.flags.has('--write')) {
    applyPlanToWorkbook(wb, { sheets: [circularSheet(circular)], names: [] });
    await writeWorkbookFile(wb, file, book);
    io.err(`已写入“通报”工作表：${file}`);
  }
  const f = circular.figures;
  if (args.flags.has('--json')) io.out(JSON.stringify({ schema: 'duban.report/1', title: circular.title, period: circular.period, figures: f, file: out }, null, 2));
  else io.out(`${circular.title}\n任务 ${f.tasks} 项，已完成 ${f.done} 项，逾期 ${f.overdue} 项，临期 ${f.dueSoon} 项`);
  return 0;
}
