import { randomUUID } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { openWorkbook, writeWorkbookFile } from '../adapters/xlsx/files';
import { readWorkbookData } from '../adapters/xlsx/readWorkbook';
import { applyPlanToWorkbook } from '../adapters/xlsx/writePlan';
import { localIsoDate } from '../domain/time/isoDate';
import { prepareSplit } from '../workbook/distribute/splitUnits';
import { OutputError } from '../adapters/xlsx/safeWrite';
import { checkFlags, singleFile, UsageError, valuesOf, type Args } from './args';
import { makeOutputDir, rewriting } from './output';
import type { Io } from './io';

const USAGE = '用法：duban split <工作簿.xlsx> -d <目录> [--unit 单位]… [--force]';

/** Whether anything (a file, a folder, a link, even one pointing nowhere) already has this name. */
const present = (path: string): boolean => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

/**
 * `duban split <book.xlsx> -d <dir> [--unit NAME]…`: one file per unit, named after its ledger,
 * to send out (DESIGN §10). The master records the round (and gets its id on the first split), so it
 * is rewritten holding its lock. Existing files in the folder are replaced only with `--force`.
 */
export async function splitCommand(args: Args, io: Io, today: () => Date = () => new Date()): Promise<number> {
  checkFlags(args, ['-d', '--dir', '--unit', '--force']);
  const book = singleFile(args, USAGE);
  const dir = args.values.get('-d') ?? args.values.get('--dir');
  if (dir === undefined) throw new UsageError(USAGE);
  if (args.values.has('-d') && args.values.has('--dir')) throw new UsageError('-d 只能给一次');
  return rewriting('split', book, io, () => split(book, dir, valuesOf(args, '--unit').map((u) => u.trim()), args.flags.has('--force'), io, today()));
}

async function split(file: string, dir: string, wanted: string[], force: boolean, io: Io, now: Date): Promise<number> {
  const wb = await openWorkbook(file);
  const book = readWorkbookData(wb);
  const date = localIsoDate(now);
  const prepared = prepareSplit({ book, units: wanted, date, newId: randomUUID, bookName: basename(file) });
  if (!prepared.ok) throw new UsageError(prepared.kind === 'noLedgers' ? `${file} 中没有台账工作表（台账-单位），没有可下发的内容` : prepared.kind === 'layout' ? `${prepared.message}；未写入任何内容` : prepared.message);
  const { master } = prepared;
  const targets = prepared.files.map((f) => ({ file: f, path: join(dir, f.fileName) }));
  const taken = targets.filter((t) => present(t.path)).map((t) => t.path);
  if (taken.length > 0 && !force) throw new UsageError(`${taken[0]} 已存在${taken.length > 1 ? `（共 ${taken.length} 个文件）` : ''}，可能是已发回的文件：换一个目录，或确认后加 --force 覆盖；未写入任何内容`);
  await makeOutputDir(join(dir, 'x'));
  const written: string[] = [];
  for (const [i, t] of targets.entries()) {
    io.progress(`写入 ${i + 1}/${targets.length}：${t.path}`);
    const out = new ExcelJS.Workbook();
    out.creator = 'Duban 督办';
    // The unit's file counts dates as the master does: typed dates are carried as the master's serials.
    out.properties.date1904 = book.dateSystem === 1904;
    applyPlanToWorkbook(out, t.file.plan);
    try {
      // A link already in the folder is replaced by the unit's file, never written through.
      await writeWorkbookFile(out, t.path, undefined, { replaceLinks: true });
    } catch (e) {
      throw partlyWritten(e, written, '总表未记录这一轮，请处理后重新下发（加 --force 覆盖已写入的文件）');
    }
    written.push(t.path);
  }
  applyPlanToWorkbook(wb, prepared.masterPlan);
  try {
    await writeWorkbookFile(wb, file);
  } catch (e) {
    throw partlyWritten(e, written, `总表 ${file} 未记录这一轮，单位文件仍可发出，回收时照常合并`);
  }
  io.progress('');
  io.out(`已下发第 ${master.round} 轮（${date}）：${targets.length} 个单位的台账文件写入 ${dir}（总表编号 ${master.masterId}）`);
  for (const t of targets) io.out(`  ${t.file.unit}：${t.path}，${t.file.rows} 行`);
  return 0;
}

/**
 * A write that failed part way (a full disk at the 26th of 52 files): the message says which files
 * were written and what that means, instead of the usual "未写入任何内容".
 */
function partlyWritten(e: unknown, written: readonly string[], then: string): unknown {
  if (!(e instanceof OutputError) || written.length === 0) return e;
  const reason = e.message.replace(/；未写入任何内容$/, '');
  const list = written.length <= 5 ? written.join('、') : `${written.slice(0, 5).join('、')} 等`;
  return new OutputError(`${reason}；此前已写入 ${written.length} 个文件（${list}），${then}`);
}
