import type { ParsedNotice } from '../domain/notice/types';
import type { DirectoryEntry } from '../domain/units/builtinDirectory';
import type { LedgerBook } from '../domain/ledger/ledgers';
import type { SheetPlan, WorkbookPlan } from './plan';
import type { WorkbookData } from '../domain/grid/sheetData';
import { planAsData } from './planValues';
import { capCellText } from './cellLimit';
import { forPaper } from './print';
import { ledgerSheets, readSummary } from '../domain/summary/readSummary';
import { readHistory, type SnapshotRow } from '../domain/summary/history';
import { locateHeader } from '../domain/ledger/columns';
import { INDEX_SHEET, indexColumnRange, indexSheet } from './sheets/indexSheet';
import type { PreviousWorkbook } from '../domain/ledger/readBack';
import { DEFAULT_WARN_DAYS, NAME, SHEET } from '../domain/grid/names';
import { tasksSheet } from './sheets/tasksSheet';
import { targetsSheet } from './sheets/targetsSheet';
import { matrixSheet } from './sheets/matrixSheet';
import { directorySheet } from './sheets/directorySheet';
import { ledgerSheet } from './sheets/ledgerSheet';
import { SUMMARY_NAME_ADDRESSES, summaryAnchors, summarySheet } from './sheets/summarySheet';
import { LOOP_SETTING_ADDRESSES, readSummaryParameters } from '../domain/summary/readSummary';
import { isPendingExtension, isPendingReview, type LoopSettings } from '../domain/loop';
import { ROUNDS_SHEET, readRounds, type RoundRecord } from '../domain/loop/roundsRecord';
import { roundsSheet } from './sheets/roundsSheet';
import { dateSystemOf } from '../domain/grid/sheetData';

export type WorkbookModel = {
  notice: ParsedNotice;
  directory: readonly DirectoryEntry[];
  ledgers: LedgerBook;
  /** A fixed 统计日期; null writes =TODAY(). */
  asOf: string | null;
  /** 预警天数 W. @default 15 */
  warnDays?: number;
  /** 调度记录 of the workbook being rebuilt: 汇总's trend points at it. @default [] */
  history?: readonly SnapshotRow[];
  /** Today, read by the caller (the plan reads no clock): with 统计日期 =TODAY() it sizes 汇总's overdue list. */
  today?: string;
  /** 量化指标 values typed in a previous generation, by task id and indicator. */
  previousTargets?: PreviousWorkbook['targets'];
  /** 汇总's loop settings of the workbook being rebuilt. @default DEFAULT_LOOP_SETTINGS */
  loop?: LoopSettings;
  /** 报送记录 of the workbook being rebuilt: written back as it was (never lost). @default [] */
  rounds?: readonly RoundRecord[];
};

/**
 * The whole task-division workbook as one plan: 汇总 first (the office opens on it), then
 * 任务清单, 量化指标, 责任矩阵, 单位名录 and one 台账-<单位> per unit.
 */
export function buildWorkbookPlan(model: WorkbookModel): WorkbookPlan {
  const order = new Map(model.directory.map((e, i) => [e.name, i]));
  const body = [
    tasksSheet(model.notice),
    targetsSheet(model.notice, model.previousTargets),
    matrixSheet(model.notice, order),
    directorySheet(model.notice, model.directory, model.ledgers),
    ...model.ledgers.ledgers.map((l, i) => ledgerSheet(l, i)),
    roundsSheet(model.rounds ?? [], 1900),
  ];
  // The summary is laid out from the generated sheets read as a workbook: the same reading
  // `duban summary --write` does on a workbook units have filled, so both give the same 汇总.
  const { summary, index, names } = summaryPlan(planAsData({ sheets: body, names: [] }), model.notice.notice.year, model.asOf, model.warnDays ?? DEFAULT_WARN_DAYS, model.today ?? null, model.history ?? [], model.loop);
  // Text over Excel's 32 767 characters a cell (a notice without line breaks) is cut here, so both
  // adapters write what Excel accepts; the caller reports each cut.
  const { sheets: capped, cut } = capCellText([summary, ...body, index]);
  const sheets = capped.map((s) => forPaper(s, model.asOf));
  const plan: WorkbookPlan = { sheets, names };
  return cut.length > 0 ? { ...plan, warnings: cut.map((c) => ({ code: 'CELL_TEXT_CUT', ...c })) } : plan;
}

/**
 * The 汇总 and `_台账索引` sheets for a workbook as read back, the defined names they use, and
 * `sheets`: those two plus an empty 报送记录 when the workbook has none yet (a workbook from before
 * the loop): 汇总's 报送 formulas count over it. The loop settings are the workbook's own unless given.
 */
export function summaryPlan(
  book: WorkbookData,
  year: number | null,
  asOf: string | null,
  warnDays: number = DEFAULT_WARN_DAYS,
  today: string | null = null,
  history: readonly SnapshotRow[] = readHistory(book),
  loop: LoopSettings = readSummaryParameters(book).loop,
): { summary: SheetPlan; index: SheetPlan; names: WorkbookPlan['names']; sheets: SheetPlan[] } {
  const { layout, input } = readSummary(book);
  const columns = new Map(ledgerSheets(book).map(({ sheet }) => [sheet.name, locateHeader(sheet.rows).match.columns]));
  // The 待办 list is laid out for the requests and reviews waiting now, and a margin for new ones.
  const queued = input.rows.filter((r) => isPendingExtension(r) || isPendingReview(r, loop.reviewRequired)).length;
  const summary = summarySheet(layout, year, asOf, warnDays, today, history, loop, queued);
  const index = indexSheet(layout, columns);
  const anchors = summaryAnchors(layout, asOf, today, queued);
  const rounds = book.sheets.some((s) => s.name === ROUNDS_SHEET) ? [] : [roundsSheet(readRounds(book), dateSystemOf(book))];
  return { summary, index, names: summaryNames(index.rows.length, anchors.loopRow), sheets: [summary, index, ...rounds] };
}

/**
 * The defined names 汇总, 任务清单 and the ledgers read; `indexRows` sizes the ranges over
 * `_台账索引`, `loopRow` is the header row of 汇总's loop block (本期's dates are the row below).
 */
export function summaryNames(indexRows: number, loopRow: number): WorkbookPlan['names'] {
  const summary = (name: string, address: string) => ({ name, sheetKey: SHEET.summary.key, address });
  return [
    { name: NAME.indexOrder, sheetKey: INDEX_SHEET.key, address: indexColumnRange('order', indexRows) },
    { name: NAME.indexOverdueRun, sheetKey: INDEX_SHEET.key, address: indexColumnRange('overdueRun', indexRows) },
    { name: NAME.indexTodoRun, sheetKey: INDEX_SHEET.key, address: indexColumnRange('todoRun', indexRows) },
    summary(NAME.asOf, SUMMARY_NAME_ADDRESSES.asOf),
    summary(NAME.warnDays, SUMMARY_NAME_ADDRESSES.warnDays),
    summary(NAME.year, SUMMARY_NAME_ADDRESSES.year),
    summary(NAME.reportCycle, LOOP_SETTING_ADDRESSES.cycle),
    summary(NAME.reportDay, LOOP_SETTING_ADDRESSES.reportDay),
    summary(NAME.reviewRequired, LOOP_SETTING_ADDRESSES.reviewRequired),
    summary(NAME.paceTolerance, LOOP_SETTING_ADDRESSES.paceTolerance),
    summary(NAME.periodStart, `C${loopRow + 1}`),
    summary(NAME.periodEnd, `D${loopRow + 1}`),
    summary(NAME.reportDue, `E${loopRow + 1}`),
  ];
}
