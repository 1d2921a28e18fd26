import { openWorkbook, UnreadableWorkbook, writeWorkbookFile } from '../adapters/xlsx/files';
import { readWorkbookData } from '../adapters/xlsx/readWorkbook';
import { applyPlanToWorkbook } from '../adapters/xlsx/writePlan';
import { formatsLostMessage } from '../domain/ledger/formatsLost';
import { startMerge, type MergeResult, type ReturnedFile } from '../domain/distribute/merge';
import { readSummaryParameters } from '../domain/summary/readSummary';
import { localIsoDate } from '../domain/time/isoDate';
import { mergePlan, CONFLICT_SHEET } from '../workbook/distribute/mergePlan';
import { withWriteLock } from '../adapters/xlsx/safeWrite';
import { checkFlags, UsageError, type Args } from './args';
import { makeOutputDir, refuseOverwrite, samePath } from './output';
import type { Io } from './io';

const USAGE = '用法：duban merge <工作簿.xlsx> <回收文件.xlsx…> -o <合并后.xlsx> [--json]';

/**
 * `duban merge <book.xlsx> <returned.xlsx…> -o <merged.xlsx> [--json]` (DESIGN §10–§11): exit 1 when
 * a cell conflicts or a file is refused (the others are merged and written), 0 otherwise. `-o` may be
 * the master itself (updated in place); another existing Duban workbook is never replaced.
 */
export async function mergeCommand(args: Args, io: Io, today: () => Date = () => new Date()): Promise<number> {
  checkFlags(args, ['-o', '--out', '--json']);
  const [book, ...returned] = args.positional;
  const out = args.values.get('-o') ?? args.values.get('--out');
  if (book === undefined || returned.length === 0 || out === undefined) throw new UsageError(USAGE);
  await makeOutputDir(out);
  return withWriteLock(out, (note) => io.err(`duban merge: ${note}`), async () => {
    if (!(await samePath(book, out))) await refuseOverwrite(out, false, 'merge');
    return merge(book, returned, out, args.flags.has('--json'), io, today());
  });
}

async function merge(file: string, returned: string[], out: string, json: boolean, io: Io, now: Date): Promise<number> {
  const wb = await openWorkbook(file);
  const master = readWorkbookData(wb);
  if (!master.sheets.some((s) => s.name === '任务清单')) throw new UsageError(`${file} 不是督办工作簿：缺少“任务清单”工作表`);
  // One file at a time, each let go once merged: 52 returned workbooks are never in memory together.
  const merging = startMerge(master);
  if (merging.result.problems.length > 0) throw new UsageError(`${(merging.result.problems[0] as { message: string }).message}；未写入任何内容`);
  for (const [i, path] of returned.entries()) {
    io.progress(`读取并合并 ${i + 1}/${returned.length}：${path}`);
    merging.add(await readReturned(path, file));
  }
  const result = merging.result;
  if (result.problems.length > 0) throw new UsageError(`${(result.problems[0] as { message: string }).message}；未写入任何内容`);
  const asOf = readSummaryParameters(master).asOf ?? localIsoDate(now);
  applyPlanToWorkbook(wb, mergePlan(master, result, asOf, localIsoDate(now)));
  await writeWorkbookFile(wb, out);
  io.progress('');
  io.out(json ? JSON.stringify(toMergeDocument(result), null, 2) : formatMerge(result, out));
  return result.conflicts.length > 0 || result.refused.length > 0 ? 1 : 0;
}

/** One returned file as read, or why it cannot be. */
async function readReturned(path: string, master: string): Promise<ReturnedFile> {
  if (await samePath(path, master)) return { file: path, book: null, unreadable: '这是总表本身，不是回收的文件' };
  try {
    return { file: path, book: readWorkbookData(await openWorkbook(path)) };
  } catch (e) {
    if (!(e instanceof UnreadableWorkbook)) throw e;
    return { file: path, book: null, unreadable: e.message };
  }
}

/** `duban.merge/1` (README). */
export function toMergeDocument(r: MergeResult): object {
  return {
    schema: 'duban.merge/1',
    merged: r.merged,
    cells: r.cellsTaken,
    rowsAdded: r.rowsAdded,
    conflicts: r.conflicts.map((c) => ({ sheet: c.sheet, cell: c.cell, task: c.task, unit: c.unit, column: c.column, master: c.master, returned: c.returned, applied: c.applied, file: c.file, ...(c.masterFrom === undefined ? {} : { masterFrom: c.masterFrom }) })),
    refused: r.refused.map((x) => ({ file: x.file, reason: x.reason })),
    formatsNotKept: r.formatsLost.map((x) => ({ file: x.file, sheet: x.sheet, richTextCells: x.cells, conditionalFormats: x.conditional })),
  };
}

function formatMerge(r: MergeResult, out: string): string {
  const lines = [`已合并 ${r.merged} 份回收文件到 ${out}：采用单位填写 ${r.cellsTaken} 处，新增行 ${r.rowsAdded} 行，冲突 ${r.conflicts.length} 处${r.conflicts.length > 0 ? `（见“${CONFLICT_SHEET}”工作表，已按更新日期采用较新的一方）` : ''}`];
  if (r.refused.length > 0) {
    lines.push(`拒收 ${r.refused.length} 份：`);
    for (const x of r.refused) lines.push(`  ${x.file}：${x.reason}`);
  }
  if (r.formatsLost.length > 0) {
    lines.push('格式未保留（填写的内容都已合并）：');
    for (const x of r.formatsLost) lines.push(`  ${x.file ?? '总表'}：${formatsLostMessage(x, '合并后')}`);
  }
  return lines.join('\n');
}
