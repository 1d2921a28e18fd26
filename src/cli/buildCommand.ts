import { localIsoDate } from '../domain/time/isoDate';
import type ExcelJS from 'exceljs';
import { prepareWorkbook } from '../workbook/prepareWorkbook';
import { openWorkbook, writePlanFile } from '../adapters/xlsx/files';
import { readWorkbookData } from '../adapters/xlsx/readWorkbook';
import { readNoticeFile } from './readNotice';
import { checkFlags, UsageError, type Args } from './args';
import { readAsOf } from './asOf';
import { makeOutputDir, refuseOverwrite, samePath } from './output';
import { withWriteLock } from '../adapters/xlsx/safeWrite';
import type { Io } from './io';
import { BUILD_MAX_ROWS } from './limits';

const USAGE = '用法：duban build <通知.txt|.docx> -o <工作簿.xlsx> [--as-of YYYY-MM-DD] [--update <已有工作簿.xlsx>] [--lead-first] [--force]';

/**
 * `duban build <notice> -o <book.xlsx> [--as-of YYYY-MM-DD] [--update <book.xlsx>] [--lead-first] [--force]`.
 * The output is written holding `<book.xlsx>.lock`, through a temporary file renamed over it. An
 * existing Duban workbook at `-o` is only ever updated (`--update` it); another existing file is
 * replaced only with `--force`.
 */
export async function buildCommand(args: Args, io: Io): Promise<number> {
  checkFlags(args, ['-o', '--out', '--as-of', '--update', '--lead-first', '--force']);
  const file = args.positional[0];
  const out = args.values.get('-o') ?? args.values.get('--out');
  if (file === undefined || out === undefined) throw new UsageError(USAGE);
  if (args.positional.length > 1) throw new UsageError(`多余的参数 ${args.positional.slice(1).join(' ')}；${USAGE}`);
  const asOf = readAsOf(args);
  const updatePath = args.values.get('--update');
  await makeOutputDir(out);
  return withWriteLock(out, (note) => io.err(`duban build: ${note}`), async () => {
    const inPlace = updatePath !== undefined && (await samePath(updatePath, out));
    if (!inPlace) await refuseOverwrite(out, args.flags.has('--force'));
    return build(file, out, updatePath, asOf, args, io);
  });
}

async function build(file: string, out: string, updatePath: string | undefined, asOf: string | null, args: Args, io: Io): Promise<number> {
  io.progress('读取通知…');
  const { text, issues } = await readNoticeFile(file);
  let base: ExcelJS.Workbook | undefined;
  if (updatePath !== undefined) {
    io.progress('读取已有工作簿…');
    base = await openWorkbook(updatePath);
  }
  io.progress('生成工作簿…');
  const prepared = prepareWorkbook({
    noticeText: text,
    fileIssues: issues,
    previous: base ? readWorkbookData(base) : null,
    asOf,
    today: localIsoDate(new Date()),
    options: { leadFirst: args.flags.has('--lead-first') },
  });
  if (prepared.problems.length > 0) {
    const first = prepared.problems[0] as (typeof prepared.problems)[number];
    throw new UsageError(`${first.message}${prepared.problems.length > 1 ? `（另有 ${prepared.problems.length - 1} 处问题）` : ''}；未写入任何内容`);
  }
  if (prepared.notice.tasks.length === 0) throw new UsageError(`${file} 中没有读到任何任务，未生成工作簿`);
  const rows = prepared.plan.sheets.reduce((n, s) => n + s.rows.length + 1, 0);
  if (rows > BUILD_MAX_ROWS) {
    throw new UsageError(
      `${file} 生成的工作簿有 ${rows} 行（任务 ${prepared.notice.tasks.length} 项），超过上限 ${BUILD_MAX_ROWS} 行，未写入任何内容；请把通知分成几份分别生成`,
    );
  }
  io.progress('写入文件…');
  await writePlanFile(prepared.plan, out, base);
  io.progress('');
  for (const w of prepared.warnings) {
    if (w.code !== 'TASK_RENUMBERED') io.err(`注意：${w.message}`);
    else {
      // One line per move: a long list reads better than one line.
      const { moves } = prepared.ledgers;
      io.err(`注意：通知的任务编号有变动，${moves.length} 项任务的已填内容随任务内容移到了新编号：`);
      for (const m of moves) io.err(`  任务 ${m.from} → ${m.to}`);
    }
  }
  const { ledgers, keptRows, removedRows, pending } = prepared.ledgers;
  io.out(
    `已生成 ${out}：${prepared.plan.sheets.length} 张工作表，任务 ${prepared.notice.tasks.length} 项，单位台账 ${ledgers.length} 张` +
      (updatePath ? `；保留已填写 ${keptRows} 行，已移出分工 ${removedRows} 行` : '') +
      (pending.length > 0 ? `；待明确：${pending.join('、')}` : ''),
  );
  return 0;
}
