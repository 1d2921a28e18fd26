import { IDENTITY_SHEET, readIdentity, type Identity } from '../../domain/distribute/identity';
import { ledgersOf } from '../../domain/distribute/ledgerBack';
import { mergeReturned, type ReturnedFile } from '../../domain/distribute/merge';
import { readSummaryParameters } from '../../domain/summary/readSummary';
import { localIsoDate } from '../../domain/time/isoDate';
import { identitySheet } from '../../workbook/distribute/identitySheet';
import { mergePlan, roundsAfterSplit } from '../../workbook/distribute/mergePlan';
import { unitFilePlan } from '../../workbook/distribute/unitFile';
import type { CollectResult, DistributeResult, Progress } from '../../host/hostTypes';
import { applyPlan } from './applyPlan';
import { readWorkbookInExcel } from './readWorkbook';
import type { RunState } from './runExcel';
import type { ExcelFeatures } from './requirements';

/** Opens a new workbook window from an .xlsx as base64 (`Excel.createWorkbook`, ExcelApi 1.8). */
export type CreateWorkbook = (base64: string) => Promise<void>;

/** What 下发 says where Excel cannot open new workbooks from the add-in. */
export const DISTRIBUTE_BY_CLI =
  '此版本 Excel 不能由加载项新建工作簿（需要 ExcelApi 1.8）。请保存本工作簿，在命令行运行：duban split 工作簿.xlsx -d 下发目录，把生成的“台账-单位.xlsx”发给各单位。';

/** The xlsx helpers load with exceljs only when 下发/回收 is used: the pane's first load stays small. */
const xlsx = () => import('../xlsx/xlsxBytes');

/** A new master id: random, so two masters built from one notice are still told apart. */
const newId = (): string => globalThis.crypto.randomUUID();

/**
 * 下发: one new workbook per unit (its ledger, tasks and targets, identity), opened by Excel, and the
 * round recorded in this workbook's `_督办标识` (DESIGN §10; the same files as `duban split`).
 */
export async function distributeInExcel(context: Excel.RequestContext, features: ExcelFeatures, createWorkbook: CreateWorkbook, onProgress: (p: Progress) => void, run: RunState): Promise<DistributeResult> {
  onProgress({ step: '读取台账…', done: 0, total: 0 });
  const book = await readWorkbookInExcel(context, undefined, { dateSystem: features.dateSystem });
  const { ledgers, problems } = ledgersOf(book);
  if (ledgers.length === 0) throw new Error('当前工作簿没有台账工作表，请先在“分工”中生成工作簿。');
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('；'));
  const before = readIdentity(book);
  const date = localIsoDate(new Date());
  const master: Identity = { kind: 'master', masterId: before?.kind === 'master' ? before.masterId : newId(), round: (before?.kind === 'master' ? before.round : 0) + 1, date, unit: '' };
  const params = readSummaryParameters(book);
  const { planToXlsx, toBase64 } = await xlsx();
  await applyPlan(context, { sheets: [identitySheet(master), roundsAfterSplit(book, ledgers.map((l) => l.unit), master.round, date, params.loop)], names: [] }, features, { run });
  for (const [i, ledger] of ledgers.entries()) {
    onProgress({ step: `新建${ledger.unit}的台账文件…`, done: i, total: ledgers.length });
    const bytes = await planToXlsx(unitFilePlan({ book, ledger, identity: { ...master, kind: 'unit', unit: ledger.unit }, asOf: params.asOf, warnDays: params.warnDays, reviewRequired: params.loop.reviewRequired }), book.dateSystem ?? 1900);
    await createWorkbook(toBase64(bytes));
  }
  return { round: master.round, files: ledgers.map((l) => `${l.sheetName}.xlsx`) };
}

/** 回收: merge the files units sent back into this workbook, as `duban merge` does, then refresh 汇总 and 校验结果. */
export async function collectInExcel(context: Excel.RequestContext, features: ExcelFeatures, files: ReadonlyArray<{ name: string; bytes: Uint8Array }>, onProgress: (p: Progress) => void, run: RunState): Promise<CollectResult> {
  onProgress({ step: '读取工作簿…', done: 0, total: 0 });
  const book = await readWorkbookInExcel(context, undefined, { dateSystem: features.dateSystem });
  if (!book.sheets.some((s) => s.name === IDENTITY_SHEET)) throw new Error('本工作簿还没有下发过（没有下发记录），无法确认回收的文件来自本工作簿：请先“下发”。');
  const { readXlsx } = await xlsx();
  const returned: ReturnedFile[] = [];
  for (const [i, f] of files.entries()) {
    onProgress({ step: `读取 ${f.name}…`, done: i, total: files.length });
    try {
      returned.push({ file: f.name, book: await readXlsx(f.bytes) });
    } catch (e) {
      returned.push({ file: f.name, book: null, unreadable: (e as Error).message });
    }
  }
  const result = mergeReturned(book, returned);
  if (result.problems.length > 0) throw new Error(result.problems.map((p) => p.message).join('；'));
  const asOf = readSummaryParameters(book).asOf ?? localIsoDate(new Date());
  await applyPlan(context, mergePlan(book, result, asOf, localIsoDate(new Date())), features, { onProgress, run });
  return { merged: result.merged, cells: result.cellsTaken, rowsAdded: result.rowsAdded, conflicts: result.conflicts.length, refused: result.refused.map((r) => `${r.file}：${r.reason}`) };
}
