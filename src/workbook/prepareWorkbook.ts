import { readHistory } from '../domain/summary/history';
import { parseNotice } from '../domain/notice/parseNotice';
import type { Issue, ParseOptions, ParsedNotice } from '../domain/notice/types';
import { createDirectory, type UnitDirectory } from '../domain/units/directory';
import { buildLedgers, type LedgerBook } from '../domain/ledger/ledgers';
import { formatsLostMessage, type FormatsLost } from '../domain/ledger/formatsLost';
import { readPreviousWorkbook, targetKey, type LayoutProblem, type PreviousWorkbook } from '../domain/ledger/readBack';
import type { WorkbookData } from '../domain/grid/sheetData';
import type { PlanWarning, WorkbookPlan } from './plan';
import { MAX_CELL_TEXT } from './cellLimit';
import { rowsKeyedById } from '../domain/tasklist/keyById';
import { sheetKey } from '../domain/ledger/sheetName';
import { buildWorkbookPlan } from './buildWorkbookPlan';
import { readSummaryParameters } from '../domain/summary/readSummary';
import { readRounds } from '../domain/loop/roundsRecord';
import { DEFAULT_WARN_DAYS, DUBAN_SHEET_NAMES } from '../domain/grid/names';
import { readTaskTables, type TableInput } from '../domain/table/readTaskTables';
import type { TableSource } from '../domain/table/types';
import { placeSource, type SourcePlacement } from './placeSource';

export type PreparedWorkbook = {
  /** The notice as parsed; its issues end with `warnings`. */
  notice: ParsedNotice;
  /** The directory the rebuild used: the workbook's 单位名录 over the built-in one. */
  directory: UnitDirectory;
  ledgers: LedgerBook;
  plan: WorkbookPlan;
  /** How a task-list table was read (columns understood); null for a notice in prose. */
  source: TableSource | null;
  /** Non-empty means: stop, write nothing, show these. */
  problems: LayoutProblem[];
  /** Which 事项来源 a notice or table became or replaced (DESIGN §13); absent for 更新分工. */
  placement?: SourcePlacement | null;
  /** What the workbook holds differently from what was asked: a 统计日期 that was no date, a ledger sheet name 单位名录 asked for that could not be used, text cut to fit a cell. */
  warnings: Issue[];
};


export type PrepareInput = ({ noticeText: string } | { table: TableInput }) & {
  /** Issues found while reading the file (encoding…), listed before the parser's. */
  fileIssues?: Issue[];
  /** The workbook being regenerated, as read back; null for a new workbook. */
  previous: WorkbookData | null;
  asOf: string | null;
  /** Today, read by the caller: with 统计日期 =TODAY() it sizes 汇总's overdue list. */
  today?: string;
  options?: ParseOptions;
  /**
   * Where the tasks come from instead of `noticeText`: the workbook's own 任务清单
   * (prepareFromTaskList). Gets the directory the rebuild uses and the previous workbook as read.
   */
  readNotice?: (directory: UnitDirectory, previous: PreviousWorkbook | null) => ParsedNotice;
  /** Ledger rows follow their task's id even when its text was rewritten (任务清单's ids are the office's keys). @default false */
  matchById?: boolean;
  /** The 事项来源 the input is (`--source NAME`): added, or that source's tasks replaced. @default the workbook's only source */
  source?: string;
};

/**
 * Everything between a notice and a plan, shared by the task pane and the CLI: the workbook's
 * 单位名录 (if any) wins over the built-in directory, typed ledger values are carried over.
 */
export function prepareWorkbook(input: PrepareInput): PreparedWorkbook {
  const previous = input.previous ? readPreviousWorkbook(input.previous) : null;
  const directory = createDirectory(previous?.directory ?? []);
  const table = 'table' in input ? readTable(input.table, input.options ?? {}, directory) : null;
  const read = input.readNotice
    ? input.readNotice(directory, previous)
    : (table?.parsed ?? parseNotice('noticeText' in input ? input.noticeText : '', input.options ?? {}, directory));
  // A notice or table is one source among the workbook's; 更新分工 reads them all from 任务清单.
  const placed = input.readNotice ? null : placeSource(read, input.previous, input.source ?? null, directory);
  const parsed = placed?.notice ?? read;
  const notice = { ...parsed, issues: [...(input.fileIssues ?? []), ...parsed.issues] };
  // Every sheet the workbook will have besides the ledgers: ours, and an office's own sheets (kept).
  const ours = new Set(DUBAN_SHEET_NAMES.map(sheetKey));
  const ledgerSheets = new Set(previous?.ledgerSheets ?? []);
  const foreign = (input.previous?.sheets ?? []).map((s) => s.name).filter((name) => !ours.has(sheetKey(name)) && !ledgerSheets.has(name));
  const rows = input.matchById ? rowsKeyedById(previous?.rows ?? [], notice.tasks) : (previous?.rows ?? []);
  const ledgers = buildLedgers(notice, directory.entries, rows, previous?.sheetNames ?? new Map(), [...DUBAN_SHEET_NAMES, ...foreign]);
  // A rebuild keeps what the office set on 汇总: a typed 统计日期 and its 预警天数.
  const params = input.previous ? readSummaryParameters(input.previous) : null;
  // 统计日期 holding no date (20231231 typed over =TODAY()) goes back to =TODAY(), never to a made-up year.
  const asOfWarnings: Issue[] = params?.asOfProblem && input.asOf === null ? [{ severity: 'warning', code: 'AS_OF_NOT_A_DATE', message: `${params.asOfProblem}；已恢复为公式 =TODAY()，按当天统计`, line: 0 }] : [];
  const plan = buildWorkbookPlan({
    notice,
    directory: directory.entries,
    ledgers,
    asOf: input.asOf ?? params?.asOf ?? null,
    warnDays: params?.warnDays ?? DEFAULT_WARN_DAYS,
    ...(input.today ? { today: input.today } : {}),
    // 调度记录 is never rewritten by a rebuild (no plan names it); 汇总's trend keeps pointing at it.
    history: input.previous ? readHistory(input.previous) : [],
    previousTargets: renumberTargets(previous?.targets ?? new Map(), ledgers.renumbered),
    // The loop's settings and 报送记录 survive every rebuild; a workbook from before the loop gets the defaults and an empty 报送记录.
    ...(params ? { loop: params.loop } : {}),
    rounds: input.previous ? readRounds(input.previous) : [],
  });
  // A ledger of an earlier generation that is not in this one had nothing typed in it (rows with
  // typed values are kept as 已移出分工), or its unit's rows moved to the name 单位名录 asks for:
  // delete it rather than leave a stale sheet behind.
  const planned = new Set(plan.sheets.map((s) => s.name));
  const stale = [...ledgerSheets].filter((name) => !planned.has(name));
  const warnings = [...moveWarnings(ledgers), ...asOfWarnings, ...renameWarnings(ledgers), ...cutWarnings(plan.warnings ?? [], notice), ...aboveHeaderWarnings(previous?.aboveHeader ?? []), ...missingLedgerWarnings(previous?.missingLedgers ?? []), ...formatWarnings(previous?.formatsLost ?? [])];
  return {
    notice: warnings.length > 0 ? { ...notice, issues: [...notice.issues, ...warnings] } : notice,
    directory,
    ledgers,
    source: table?.source ?? null,
    plan: stale.length > 0 ? { ...plan, removeSheets: stale } : plan,
    problems: [...(placed?.problem ? [placed.problem] : []), ...(previous?.problems ?? [])],
    warnings,
    ...(placed ? { placement: placed.placement } : {}),
  };
}

/** A task-list table read with the workbook's directory: its grids, and how to read them. */
function readTable({ grids, ...how }: TableInput, options: ParseOptions, directory: ReturnType<typeof createDirectory>): ReturnType<typeof readTaskTables> {
  return readTaskTables(grids, { ...options, ...how }, directory);
}

/**
 * Every task whose typed values moved to another id (a renumbered notice), in one note: the
 * values followed the task's text.
 */
function moveWarnings(book: LedgerBook): Issue[] {
  if (book.moves.length === 0) return [];
  const list = book.moves.map((m) => `${m.from} → ${m.to}`).join('、');
  return [{ severity: 'warning', code: 'TASK_RENUMBERED', message: `通知的任务编号有变动，${book.moves.length} 项任务的已填内容随任务内容移到了新编号：${list}`, line: 0 }];
}

/** 量化指标's values of renumbered tasks, under the tasks' new ids. */
function renumberTargets(targets: PreviousWorkbook['targets'], renumbered: ReadonlyMap<string, string>): PreviousWorkbook['targets'] {
  if (renumbered.size === 0) return targets;
  const out: PreviousWorkbook['targets'] = new Map();
  const moved: PreviousWorkbook['targets'] = new Map();
  for (const [key, value] of targets) {
    const [id = '', indicator = ''] = key.split('\u0000');
    const to = renumbered.get(id);
    if (to === undefined) out.set(key, value);
    else moved.set(targetKey(to, indicator), value);
  }
  for (const [key, value] of moved) out.set(key, value);
  return out;
}

/**
 * Text a unit put above its ledger's header (a title, a 填报单位 line): the rebuilt ledger starts
 * at its header, so each sheet's lines are named rather than dropped silently.
 */
function aboveHeaderWarnings(cells: NonNullable<PreviousWorkbook['aboveHeader']>): Issue[] {
  const bySheet = new Map<string, string[]>();
  for (const c of cells) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), `${c.cell}“${c.text.length > 20 ? `${c.text.slice(0, 20)}…` : c.text}”`]);
  return [...bySheet].map(([sheet, places]) => ({
    severity: 'warning',
    code: 'TITLE_NOT_KEPT',
    message: `工作表“${sheet}”表头上方的内容重建后不再保留：${places.slice(0, PLACES_SHOWN).join('、')}${places.length > PLACES_SHOWN ? ` 等 ${places.length} 处` : ''}（标题和说明可在重建后重新加上，填报内容请写在表格的行中）`,
    line: 0,
  }));
}

/** Rich text and added conditional formats in ledgers: the rebuilt sheets keep the values only. */
function formatWarnings(lost: readonly FormatsLost[]): Issue[] {
  return lost.map((l) => ({ severity: 'warning', code: 'FORMAT_NOT_KEPT', message: formatsLostMessage(l, '重建后'), line: 0 }));
}

/** Ledgers 单位名录 names that were not in the workbook (deleted by hand): made again, blank, and said so. */
function missingLedgerWarnings(missing: NonNullable<PreviousWorkbook['missingLedgers']>): Issue[] {
  return missing.map((m) => ({
    severity: 'warning',
    code: 'LEDGER_MISSING',
    message: `单位名录列出的“${m.unit}”的台账工作表“${m.sheet}”不在工作簿中，原来填写的内容无法读取，台账按通知重新生成；如果是误删，请从备份或下发给单位的文件中找回（回收的文件可以合并）`,
    line: 0,
  }));
}

function renameWarnings(book: LedgerBook): Issue[] {
  return book.renamed.map((r) => ({
    severity: 'warning',
    code: 'SHEET_NAME_CHANGED',
    message: `单位名录中“${r.unit}”的台账工作表“${r.wanted}”${r.reason}，已改用“${r.sheetName}”`,
    line: 0,
  }));
}

/** Places a cut text is named in a warning; the rest are counted. */
const PLACES_SHOWN = 5;

/** One warning per task (or per sheet, for text of no task) whose text was cut to fit a cell. */
function cutWarnings(cuts: readonly PlanWarning[], notice: ParsedNotice): Issue[] {
  const groups = new Map<string, PlanWarning[]>();
  for (const c of cuts) {
    const key = c.task === null ? `sheet:${c.sheet}` : `task:${c.task}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as PlanWarning;
    const places = group.slice(0, PLACES_SHOWN).map((c) => `${c.sheet}!${c.cell}`).join('、') + (group.length > PLACES_SHOWN ? ` 等 ${group.length} 处` : '');
    const longest = Math.max(...group.map((c) => c.length));
    const what = first.task === null ? `工作表“${first.sheet}”中的文字` : `任务 ${first.task} 的文字`;
    return {
      severity: 'warning',
      code: 'CELL_TEXT_CUT',
      message: `${what}有 ${longest} 个字符，超过 Excel 单元格上限 ${MAX_CELL_TEXT}，${places} 只写入前 ${MAX_CELL_TEXT} 个字符`,
      line: first.task === null ? 0 : (notice.tasks.find((t) => t.id === first.task)?.line ?? 0),
    };
  });
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
