import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openWorkbook, writeWorkbookFile } from '../adapters/xlsx/files';
import { readWorkbookData } from '../adapters/xlsx/readWorkbook';
import { applyPlanToWorkbook } from '../adapters/xlsx/writePlan';
import { readIdentity, type Identity } from '../domain/distribute/identity';
import { ledgersOf } from '../domain/distribute/ledgerBack';
import { readSummaryParameters } from '../domain/summary/readSummary';
import { localIsoDate } from '../domain/time/isoDate';
import { unitFilePlan } from '../workbook/distribute/unitFile';
import { identitySheet } from '../workbook/distribute/identitySheet';
import { roundsAfterSplit } from '../workbook/distribute/mergePlan';
import { checkFlags, singleFile, UsageError, valuesOf, type Args } from './args';
import { makeOutputDir, rewriting } from './output';
import type { Io } from './io';

const USAGE = '用法：duban split <工作簿.xlsx> -d <目录> [--unit 单位]… [--force]';

/** Characters a file name may not hold on Windows, which a sheet name may (`"<>|`). */
const fileName = (sheet: string): string => `${sheet.replace(/["<>|\\/:*?]/g, '_')}.xlsx`;

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
  const { ledgers, problems } = ledgersOf(book);
  if (ledgers.length === 0) throw new UsageError(`${file} 中没有台账工作表（台账-单位），没有可下发的内容`);
  if (problems.length > 0) throw new UsageError(`${(problems[0] as { message: string }).message}；未写入任何内容`);
  for (const name of wanted) {
    if (!ledgers.some((l) => l.unit === name)) throw new UsageError(`工作簿中没有单位“${name}”的台账（单位名见“单位名录”工作表）`);
  }
  const chosen = wanted.length === 0 ? ledgers : ledgers.filter((l) => wanted.includes(l.unit));
  const targets = chosen.map((l) => ({ ledger: l, path: join(dir, fileName(l.sheetName)) }));
  const taken = targets.filter((t) => existsSync(t.path)).map((t) => t.path);
  if (taken.length > 0 && !force) throw new UsageError(`${taken[0]} 已存在${taken.length > 1 ? `（共 ${taken.length} 个文件）` : ''}，可能是已发回的文件：换一个目录，或确认后加 --force 覆盖；未写入任何内容`);
  const before = readIdentity(book);
  const date = localIsoDate(now);
  // The master's id is made once, at its first split, and kept by every later rebuild and split.
  const master: Identity = { kind: 'master', masterId: before?.kind === 'master' ? before.masterId : randomUUID(), round: (before?.kind === 'master' ? before.round : 0) + 1, date, unit: '' };
  const params = readSummaryParameters(book);
  await makeOutputDir(join(dir, 'x'));
  for (const [i, t] of targets.entries()) {
    io.progress(`写入 ${i + 1}/${targets.length}：${t.path}`);
    const out = new ExcelJS.Workbook();
    out.creator = 'Duban 督办';
    // The unit's file counts dates as the master does: typed dates are carried as the master's serials.
    out.properties.date1904 = book.dateSystem === 1904;
    applyPlanToWorkbook(out, unitFilePlan({ book, ledger: t.ledger, identity: { ...master, kind: 'unit', unit: t.ledger.unit }, asOf: params.asOf, warnDays: params.warnDays, reviewRequired: params.loop.reviewRequired }));
    await writeWorkbookFile(out, t.path);
  }
  applyPlanToWorkbook(wb, { sheets: [identitySheet(master), roundsAfterSplit(book, targets.map((t) => t.ledger.unit), master.round, date, params.loop)], names: [] });
  await writeWorkbookFile(wb, file);
  io.progress('');
  io.out(`已下发第 ${master.round} 轮（${date}）：${targets.length} 个单位的台账文件写入 ${dir}（总表编号 ${master.masterId}）`);
  for (const t of targets) io.out(`  ${t.ledger.unit}：${t.path}，${t.ledger.rows.length} 行`);
  return 0;
}
