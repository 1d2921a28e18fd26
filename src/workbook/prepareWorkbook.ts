import { parseNotice } from '../domain/notice/parseNotice';
import type { Issue, ParseOptions, ParsedNotice } from '../domain/notice/types';
import { createDirectory } from '../domain/units/directory';
import { buildLedgers, type LedgerBook } from '../domain/ledger/ledgers';
import { readPreviousWorkbook, type LayoutProblem } from '../domain/ledger/readBack';
import type { WorkbookData } from './sheetData';
import type { WorkbookPlan } from './plan';
import { buildWorkbookPlan } from './buildWorkbookPlan';
import { readSummaryParameters } from '../domain/summary/readSummary';
import { DEFAULT_WARN_DAYS } from './names';

export type PreparedWorkbook = {
  notice: ParsedNotice;
  ledgers: LedgerBook;
  plan: WorkbookPlan;
  /** Non-empty means: stop, write nothing, show these. */
  problems: LayoutProblem[];
  /** Things done differently from what the workbook held, to tell the user (a 统计日期 that was no date). */
  warnings: string[];
};

export type PrepareInput = {
  noticeText: string;
  /** Issues found while reading the file (encoding…), listed before the parser's. */
  fileIssues?: Issue[];
  /** The workbook being regenerated, as read back; null for a new workbook. */
  previous: WorkbookData | null;
  asOf: string | null;
  options?: ParseOptions;
};

/**
 * Everything between a notice and a plan, shared by the task pane and the CLI: the workbook's
 * 单位名录 (if any) wins over the built-in directory, typed ledger values are carried over.
 */
export function prepareWorkbook(input: PrepareInput): PreparedWorkbook {
  const previous = input.previous ? readPreviousWorkbook(input.previous) : null;
  const directory = createDirectory(previous?.directory ?? []);
  const parsed = parseNotice(input.noticeText, input.options ?? {}, directory);
  const notice = { ...parsed, issues: [...(input.fileIssues ?? []), ...parsed.issues] };
  const ledgers = buildLedgers(notice, directory.entries, previous?.rows ?? [], previous?.sheetNames ?? new Map());
  // A rebuild keeps what the office set on 汇总: a typed 统计日期 and its 预警天数.
  const params = input.previous ? readSummaryParameters(input.previous) : null;
  // 统计日期 holding no date (20231231 typed over =TODAY()) goes back to =TODAY(), never to a made-up year.
  const warnings = params?.asOfProblem && input.asOf === null ? [`${params.asOfProblem}；已恢复为公式 =TODAY()，按当天统计`] : [];
  const plan = buildWorkbookPlan({
    notice,
    directory: directory.entries,
    ledgers,
    asOf: input.asOf ?? params?.asOf ?? null,
    warnDays: params?.warnDays ?? DEFAULT_WARN_DAYS,
    previousTargets: previous?.targets ?? new Map(),
  });
  // A ledger of an earlier generation that is not in this one had nothing typed in it (rows with
  // typed values are kept as 已移出分工): delete it rather than leave a stale sheet behind.
  const planned = new Set(plan.sheets.map((s) => s.name));
  const stale = previous ? [...new Set(previous.sheetNames.values())].filter((name) => !planned.has(name) && input.previous?.sheets.some((s) => s.name === name)) : [];
  return { notice, ledgers, plan: stale.length > 0 ? { ...plan, removeSheets: stale } : plan, problems: previous?.problems ?? [], warnings };
}

/**
 * Whether a workbook holds an earlier generation: it has 单位名录 or a 台账- sheet. A new Excel
 * workbook always has a blank `Sheet1`, and an office may add sheets of its own; neither makes a
 * workbook ours.
 */
export function isEarlierGeneration(book: WorkbookData): boolean {
  return book.sheets.some((s) => s.name === '单位名录' || s.name.startsWith('台账-'));
}

/** Excel's default sheet names: `Sheet1` (Windows, the web, most languages), `工作表1` (Mac, Chinese). */
const DEFAULT_SHEET_NAME = /^(sheet|工作表)\d+$/i;

/**
 * Sheets a new workbook came with and nobody wrote in: removed once Duban's sheets are there, so
 * the generated workbook opens on 汇总 without an empty first tab.
 * @example blankDefaultSheets({ sheets: [{ name: 'Sheet1', rows: [] }] }) //=> ['Sheet1']
 */
export function blankDefaultSheets(book: WorkbookData): string[] {
  return book.sheets.filter((s) => DEFAULT_SHEET_NAME.test(s.name) && s.rows.every((row) => row.every((v) => v === null || v === ''))).map((s) => s.name);
}
