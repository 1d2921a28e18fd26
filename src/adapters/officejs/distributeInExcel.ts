import { IDENTITY_SHEET } from '../../domain/distribute/identity';
import { ledgersOf } from '../../domain/distribute/ledgerBack';
import { hasTypedValue } from '../../domain/ledger/ledgers';
import { formatsLostMessage } from '../../domain/ledger/formatsLost';
import { startMerge, type ReturnedFile } from '../../domain/distribute/merge';
import { readSummary, readSummaryParameters } from '../../domain/summary/readSummary';
import { summarize } from '../../domain/summary/summarize';
import { localIsoDate } from '../../domain/time/isoDate';
import { mergePlan } from '../../workbook/distribute/mergePlan';
import { prepareSplit, splitCommandLine } from '../../workbook/distribute/splitUnits';
import type { CollectResult, DistributeResult, DistributionUnits, Progress } from '../../host/hostTypes';
import { applyPlan } from './applyPlan';
import { readWorkbookInExcel } from './readWorkbook';
import type { RunState } from './runExcel';
import type { ExcelFeatures } from './requirements';
import type { CreateWorkbook, Delivery, SaveFile } from './deliverFiles';


/** The xlsx helpers load with exceljs only when 下发/回收 is used: the pane's first load stays small. */
const xlsx = () => import('../xlsx/xlsxBytes');

/** A new master id: random, so two masters built from one notice are still told apart. */
const newId = (): string => globalThis.crypto.randomUUID();

/**
 * What 下发 reads: every sheet a unit's file takes rows from (its ledger, 任务清单, 量化指标), 汇总 for
 * 统计日期 and 预警天数, `_督办标识`; not the sheets no file needs.
 */
export const DISTRIBUTE_SKIPS: ReadonlySet<string> = new Set(['责任矩阵', '校验结果', '_台账索引', '催办单', '调度记录']);

/** What 回收 reads: 任务清单 too, since 汇总 and 校验结果 are rebuilt from the merged workbook. */
const COLLECT_SKIPS: ReadonlySet<string> = new Set(['责任矩阵', '校验结果', '_台账索引']);

/** The workbook's file name (`Workbook.name`, ExcelApi 1.7), loaded with the read's first sync; '' when the host does not say. */
function workbookName(context: Excel.RequestContext): () => string {
  const wb = context.workbook.load('name');
  return () => (typeof wb.name === 'string' ? wb.name : '');
}

/** The units 下发 can choose from, with their 逾期/临期 rows as of 统计日期 (else today) and whether they have reported. */
export async function distributionUnitsInExcel(context: Excel.RequestContext, features: ExcelFeatures, onProgress: (p: Progress) => void): Promise<DistributionUnits> {
  onProgress({ step: '读取台账…', done: 0, total: 0 });
  const book = await readWorkbookInExcel(context, DISTRIBUTE_SKIPS, { dateSystem: features.dateSystem });
  const { ledgers } = ledgersOf(book);
  const params = readSummaryParameters(book);
  const asOf = params.asOf ?? localIsoDate(new Date());
  const report = book.sheets.some((s) => s.name === '任务清单') ? summarize(readSummary(book).input, asOf, params.warnDays) : null;
  return {
    asOf,
    units: ledgers.map((l) => {
      const counts = report?.units.find((u) => u.name === l.unit);
      return { unit: l.unit, sheet: l.sheetName, rows: l.rows.length, overdue: counts?.overdue ?? 0, dueSoon: counts?.dueSoon ?? 0, notReported: !l.rows.some((r) => hasTypedValue(r.fills)) };
    }),
  };
}

/**
 * 下发: the chosen units' files, the same plans `duban split` writes (one code path:
 * `prepareSplit`), handed over as downloads or opened as new workbooks, and the round recorded in
 * this workbook's `_督办标识` after every file was made.
 */
export async function distributeInExcel(
  context: Excel.RequestContext,
  features: ExcelFeatures,
  units: readonly string[],
  delivery: { kind: Delivery; createWorkbook: CreateWorkbook; save: SaveFile },
  onProgress: (p: Progress) => void,
  run: RunState,
): Promise<DistributeResult> {
  onProgress({ step: '读取台账、任务清单和量化指标…', done: 0, total: 0 });
  const nameOf = workbookName(context);
  const book = await readWorkbookInExcel(context, DISTRIBUTE_SKIPS, { dateSystem: features.dateSystem });
  const name = nameOf();
  const prepared = prepareSplit({ book, units, date: localIsoDate(new Date()), newId, bookName: name });
  if (!prepared.ok) throw new Error(prepared.kind === 'noLedgers' ? '当前工作簿没有台账工作表，请先在“分工”中生成工作簿。' : prepared.message);
  const { planToXlsx, toBase64, zipFiles } = await xlsx();
  const made: Array<{ name: string; bytes: Uint8Array }> = [];
  for (const [i, f] of prepared.files.entries()) {
    onProgress({ step: `制作 ${f.fileName}（${i + 1}/${prepared.files.length}）…`, done: i, total: prepared.files.length });
    const bytes = await planToXlsx(f.plan, book.dateSystem ?? 1900);
    if (delivery.kind === 'open') await delivery.createWorkbook(toBase64(bytes));
    else made.push({ name: f.fileName, bytes });
  }
  const round = prepared.master.round;
  let saved: string | null = null;
  if (delivery.kind === 'download') {
    const one = made.length === 1 ? (made[0] as { name: string; bytes: Uint8Array }) : null;
    saved = one ? one.name : `下发第${round}轮-${made.length}个单位.zip`;
    delivery.save(saved, one ? one.bytes : await zipFiles(made));
  }
  await applyPlan(context, prepared.masterPlan, features, { run });
  return {
    round,
    delivery: delivery.kind === 'open' ? 'opened' : 'download',
    saved,
    files: prepared.files.map((f) => ({ unit: f.unit, file: f.fileName, rows: f.rows })),
    cli: splitCommandLine(units, name || undefined),
  };
}

/** 回收: merge the files units sent back into this workbook, as `duban merge` does, then refresh 汇总 and 校验结果. */
export async function collectInExcel(context: Excel.RequestContext, features: ExcelFeatures, files: ReadonlyArray<{ name: string; bytes: Uint8Array }>, onProgress: (p: Progress) => void, run: RunState): Promise<CollectResult> {
  onProgress({ step: '读取工作簿…', done: 0, total: 0 });
  const book = await readWorkbookInExcel(context, COLLECT_SKIPS, { dateSystem: features.dateSystem });
  if (!book.sheets.some((s) => s.name === IDENTITY_SHEET)) throw new Error('本工作簿还没有下发过（没有下发记录），无法确认回收的文件来自本工作簿：请先“下发”。');
  const { readXlsx } = await xlsx();
  // One file at a time, as duban merge does: a returned workbook is let go once merged.
  const merging = startMerge(book);
  for (const [i, f] of files.entries()) {
    onProgress({ step: `读取 ${f.name}…`, done: i, total: files.length });
    let one: ReturnedFile;
    try {
      one = { file: f.name, book: await readXlsx(f.bytes) };
    } catch (e) {
      one = { file: f.name, book: null, unreadable: (e as Error).message };
    }
    merging.add(one);
  }
  const result = merging.result;
  if (result.problems.length > 0) throw new Error(result.problems.map((p) => p.message).join('；'));
  const refused = result.refused.map((r) => ({ file: r.file, reason: r.reason }));
  // Nothing merged: nothing to write, and 汇总 stays as it was.
  if (result.merged === 0) return { merged: 0, cells: 0, rowsAdded: 0, conflicts: 0, refused };
  const asOf = readSummaryParameters(book).asOf ?? localIsoDate(new Date());
  await applyPlan(context, mergePlan(book, result, asOf, localIsoDate(new Date())), features, { onProgress, run });
  const formatsLost = result.formatsLost.map((x) => `${x.file ?? '本工作簿'}：${formatsLostMessage(x, '合并后')}`);
  return { merged: result.merged, cells: result.cellsTaken, rowsAdded: result.rowsAdded, conflicts: result.conflicts.length, refused, ...(formatsLost.length > 0 ? { formatsLost } : {}) };
}
