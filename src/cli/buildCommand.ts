import { localIsoDate } from '../domain/time/isoDate';
import type ExcelJS from 'exceljs';
import { prepareWorkbook, type PreparedWorkbook } from '../workbook/prepareWorkbook';
import { prepareFromTaskList } from '../workbook/prepareFromTaskList';
import { previewChanges } from '../workbook/previewChanges';
import type { TaskDiff } from '../domain/diff/diffTasks';
import type { TaskListFinding } from '../domain/tasklist/readTaskList';
import { openWorkbook, writePlanFile } from '../adapters/xlsx/files';
import { readWorkbookData } from '../adapters/xlsx/readWorkbook';
import { columnsOption, withColumns } from './columnsOption';
import { readInputFile } from './readInput';
import { tableSourceLines } from '../domain/table/overview';
import { checkFlags, UsageError, type Args } from './args';
import { readAsOf } from './asOf';
import { readSummaryParameters } from '../domain/summary/readSummary';
import { yearEndAsOf } from '../domain/summary/yearEndAsOf';
import { makeOutputDir, refuseOverwrite, samePath } from './output';
import { withWriteLock } from '../adapters/xlsx/safeWrite';
import type { Io } from './io';
import { BUILD_MAX_ROWS } from './limits';
import { APPLIED_CHANGE_LINES, printChanges, printFindings } from './buildReport';

const USAGE =
  '用法：duban build <通知.txt|.docx 或 分工表.xlsx|.csv|.docx> -o <工作簿.xlsx> [--as-of YYYY-MM-DD] [--update <已有工作簿.xlsx>] [--dry-run] [--json] [--lead-first] [--columns 任务=列名,…] [--source 事项来源] [--force]；' +
  '按任务清单更新分工：duban build --update <工作簿.xlsx> -o <工作簿.xlsx>';

/**
 * `duban build [<notice>] -o <book.xlsx> [--update <book.xlsx>] [--dry-run] [--json] …`.
 * With `--update` and no notice, the workbook is rebuilt from its own 任务清单 (更新分工). A notice
 * applied with `--update` prints what changes (tasks added, changed, removed; ledger rows that
 * move; from 任务清单, against the last generation); `--dry-run` prints only that and writes nothing, `--json` prints it as `duban.diff/1`.
 * Giving `--update` is the confirmation (DESIGN §5). The output is written holding
 * `<book.xlsx>.lock`, through a temporary file renamed over it. An existing Duban workbook at `-o`
 * is only ever updated; another existing file is replaced only with `--force`.
 */
export async function buildCommand(args: Args, io: Io): Promise<number> {
  checkFlags(args, ['-o', '--out', '--as-of', '--update', '--lead-first', '--force', '--dry-run', '--json', '--columns', '--source']);
  const file = args.positional[0];
  const out = args.values.get('-o') ?? args.values.get('--out');
  const updatePath = args.values.get('--update');
  const dryRun = args.flags.has('--dry-run');
  if (file === undefined && updatePath === undefined) throw new UsageError(USAGE);
  if (out === undefined && !dryRun) throw new UsageError(USAGE);
  if (args.positional.length > 1) throw new UsageError(`多余的参数 ${args.positional.slice(1).join(' ')}；${USAGE}`);
  if (updatePath === undefined && (dryRun || args.flags.has('--json'))) throw new UsageError(`${dryRun ? '--dry-run' : '--json'} 预览对已有工作簿的变更，需要 --update <已有工作簿.xlsx>`);
  if (file === undefined && args.flags.has('--lead-first')) throw new UsageError('--lead-first 用于读取通知；按任务清单更新分工时请去掉它');
  if (file === undefined && args.values.has('--columns')) throw new UsageError('--columns 用于读取分工表；按任务清单更新分工时请去掉它');
  columnsOption(args);
  if (file === undefined && args.values.has('--source')) throw new UsageError('--source 指明通知或分工表作为哪个事项来源；按任务清单更新分工时，来源写在任务清单的“事项来源”列中');
  if (args.values.get('--source')?.trim() === '') throw new UsageError('--source 需要事项来源的名称，例如 --source 市政府第12次常务会议纪要');
  const asOf = readAsOf(args);
  if (dryRun) return preview(file, updatePath as string, asOf, args, io);
  const target = out as string;
  await makeOutputDir(target);
  return withWriteLock(target, (note) => io.err(`duban build: ${note}`), async () => {
    const inPlace = updatePath !== undefined && (await samePath(updatePath, target));
    if (!inPlace) await refuseOverwrite(target, args.flags.has('--force'));
    return build(file, target, updatePath, asOf, args, io);
  });
}

type Prepared = {
  prepared: PreparedWorkbook;
  base: ExcelJS.Workbook | undefined;
  changes: TaskDiff | null;
  findings: TaskListFinding[];
  source: string;
  /** The fixed 统计日期 an updated workbook already holds (kept without --as-of), or null. */
  keptAsOf: string | null;
};

/** Read the input (a notice, or the workbook's 任务清单) and compute the plan; nothing is written. */
async function prepare(file: string | undefined, updatePath: string | undefined, asOf: string | null, args: Args, io: Io): Promise<Prepared> {
  let base: ExcelJS.Workbook | undefined;
  let input: Awaited<ReturnType<typeof readInputFile>> | null = null;
  if (file !== undefined) {
    io.progress('读取通知…');
    input = withColumns(await readInputFile(file), columnsOption(args));
    // Each row of a table gives at least one row of 任务清单: past the limit it is refused on the count,
    // before reading tasks and laying out a workbook that could never be written (a 100 000-row CSV).
    const tableRows = input.kind === 'table' ? input.table.grids.reduce((n, g) => n + g.rows.length, 0) : 0;
    if (tableRows > BUILD_MAX_ROWS) {
      throw new UsageError(`${file} 的表格有 ${tableRows} 行，超过生成工作簿的上限 ${BUILD_MAX_ROWS} 行，未写入任何内容；请把表格分成几份分别生成`);
    }
  }
  if (updatePath !== undefined) {
    io.progress('读取已有工作簿…');
    base = await openWorkbook(updatePath);
  }
  io.progress('生成工作簿…');
  const previous = base ? readWorkbookData(base) : null;
  if (file === undefined) {
    const fromList = prepareFromTaskList(previous as NonNullable<typeof previous>, asOf);
    return { prepared: fromList, base, changes: fromList.changes, findings: fromList.findings, source: `${updatePath as string} 的任务清单`, keptAsOf: readSummaryParameters(previous as NonNullable<typeof previous>).asOf };
  }
  const read = input as NonNullable<typeof input>;
  const prepared = prepareWorkbook({
    ...(read.kind === 'prose' ? { noticeText: read.text } : { table: read.table }),
    fileIssues: read.issues,
    previous,
    asOf,
    today: localIsoDate(new Date()),
    options: { leadFirst: args.flags.has('--lead-first') },
    ...(args.values.has('--source') ? { source: (args.values.get('--source') as string).trim() } : {}),
  });
  const changes = previous !== null && prepared.problems.length === 0 ? previewChanges(previous, prepared) : null;
  return { prepared, base, changes, findings: [], source: file, keptAsOf: previous === null ? null : readSummaryParameters(previous).asOf };
}

/** The first problem that stops a rebuild, as a usage error (exit 2), nothing written. */
function refuse(prepared: PreparedWorkbook, source: string): void {
  if (prepared.problems.length > 0) {
    const first = prepared.problems[0] as (typeof prepared.problems)[number];
    throw new UsageError(`${first.message}${prepared.problems.length > 1 ? `（另有 ${prepared.problems.length - 1} 处问题）` : ''}；未写入任何内容`);
  }
  if (prepared.notice.tasks.length === 0) {
    // A table says why nothing was read (no header, no task column, only a header).
    const reason = prepared.source === null ? undefined : prepared.notice.issues.find((i) => i.severity === 'error');
    throw new UsageError(`${source} 中没有读到任何任务${reason ? `：${reason.message}` : ''}，未生成工作簿`);
  }
}

/** `--dry-run`: the changes (or, from 任务清单, its findings and the rows that move), nothing written. */
async function preview(file: string | undefined, updatePath: string, asOf: string | null, args: Args, io: Io): Promise<number> {
  const { prepared, changes, findings, source } = await prepare(file, updatePath, asOf, args, io);
  io.progress('');
  refuse(prepared, source);
  printFindings(findings, io);
  if (args.flags.has('--json')) {
    io.out(diffJson(changes, file === undefined ? findings : null));
    return 0;
  }
  if (changes !== null) printChanges(changes, file === undefined, io);
  io.out('（预览，未写入任何内容；去掉 --dry-run 即按此更新）');
  return 0;
}

async function build(file: string | undefined, out: string, updatePath: string | undefined, asOf: string | null, args: Args, io: Io): Promise<number> {
  const { prepared, base, changes, findings, source, keptAsOf } = await prepare(file, updatePath, asOf, args, io);
  refuse(prepared, source);
  const rows = prepared.plan.sheets.reduce((n, s) => n + s.rows.length + 1, 0);
  if (rows > BUILD_MAX_ROWS) {
    throw new UsageError(
      `${source} 生成的工作簿有 ${rows} 行（任务 ${prepared.notice.tasks.length} 项），超过上限 ${BUILD_MAX_ROWS} 行，未写入任何内容；请把通知分成几份分别生成`,
    );
  }
  io.progress('写入文件…');
  await writePlanFile(prepared.plan, out, base);
  io.progress('');
  printFindings(findings, io);
  for (const w of prepared.warnings) {
    if (w.code !== 'TASK_RENUMBERED') io.err(`注意：${w.message}`);
    else {
      // One line per move: a long list reads better than one line.
      const { moves } = prepared.ledgers;
      io.err(`注意：通知的任务编号有变动，${moves.length} 项任务的已填内容随任务内容移到了新编号：`);
      for (const m of moves) io.err(`  任务 ${m.from} → ${m.to}`);
    }
  }
  // Said when a workbook is first built: an update keeps the 统计日期 the office already has (or chose).
  const stale = updatePath === undefined ? staleAsOfHint(asOf ?? keptAsOf, prepared.notice.notice.year, localIsoDate(new Date())) : null;
  if (stale !== null) io.err(stale);
  // How a task-list table was read (its header row, each column understood).
  const sourceLines = [...(prepared.source ? tableSourceLines(prepared.source) : []), ...readingProblems(prepared, source)];
  if (args.flags.has('--json')) {
    for (const line of sourceLines) io.err(line);
    io.out(diffJson(changes, file === undefined ? findings : null));
  } else {
    for (const line of sourceLines) io.out(line);
    if (changes !== null) printChanges(changes, file === undefined, io, APPLIED_CHANGE_LINES);
  }
  const { ledgers, keptRows, removedRows, pending } = prepared.ledgers;
  const done =
    `已生成 ${out}：${prepared.plan.sheets.length} 张工作表，任务 ${prepared.notice.tasks.length} 项，单位台账 ${ledgers.length} 张` +
    (updatePath ? `；保留已填写 ${keptRows} 行，已移出分工 ${removedRows} 行` : '') +
    (pending.length > 0 ? `；待明确：${pending.join('、')}` : '');
  // Under --json, stdout is the JSON document alone.
  if (args.flags.has('--json')) io.err(done);
  else io.out(done);
  return 0;
}

/**
 * Without --as-of 统计日期 is =TODAY(): on a notice of an earlier year every task is long past due.
 * Said once, with the date used and the notice's own year end to use instead.
 */
export function staleAsOfHint(asOf: string | null, year: number | null, today: string): string | null {
  const yearEnd = yearEndAsOf(year, asOf, today);
  if (yearEnd === null) return null;
  return `注意：未指定 --as-of，统计日期为 =TODAY()（今天 ${today}），而通知是 ${year} 年的，到期的任务都会算作逾期；按通知当年统计请加 --as-of ${yearEnd}（或在“汇总”B1 输入日期）`;
}

/** `duban.diff/1`; from 任务清单 with its findings as well (each with its cell). */
function diffJson(changes: TaskDiff | null, findings: TaskListFinding[] | null): string {
  return JSON.stringify(findings === null ? changes : { ...changes, findings }, null, 2);
}

/** Problems shown here before `duban parse` would list them all. */
const PROBLEMS_SHOWN = 5;

/**
 * What reading the notice or table found wrong (renumbered ids, unknown units, unread brackets):
 * `duban parse` lists them, and a clerk who goes straight to build must not miss them.
 */
function readingProblems(prepared: PreparedWorkbook, source: string): string[] {
  const own = new Set(prepared.warnings);
  const problems = prepared.notice.issues.filter((i) => i.severity !== 'info' && !own.has(i));
  if (problems.length === 0) return [];
  const lines = problems.slice(0, PROBLEMS_SHOWN).map((i) => `${i.severity === 'error' ? '错误' : '警告'}${i.line > 0 ? `（第 ${i.line} 行）` : ''}：${i.message}`);
  return [`读取时发现 ${problems.length} 处问题：`, ...lines.map((l) => `  ${l}`), ...(problems.length > PROBLEMS_SHOWN ? [`  ……用 duban parse ${source} 查看全部`] : [])];
}
