import { meantTargetValue } from '../ledger/targetValue';
import type { Role } from '../notice/types';
import { cellText, dateSystemOf, type SheetData, type SheetValue, type WorkbookData } from '../grid/sheetData';
import { locateHeader, REMOVED_MARK, type LedgerColumnKey } from '../ledger/columns';
import { SECTION_HEADING, chineseNumber } from '../notice/patterns';
import type { SummaryInput, SummaryRow, SummaryTarget } from './summarize';
import { fromExcelSerial, type DateSystem } from '../time/isoDate';
import { notADateMessage } from '../validation/textValues';
import { DUBAN_SHEET_NAMES } from '../grid/names';
import { sheetKey } from '../ledger/sheetName';
import { DEFAULT_SOURCE, SOURCE_HEADER } from '../sources/names';
import { sourcesOf } from '../sources/bySource';
import { readLoopSettings, yearEndOf, type LoopSettings } from '../loop';
import { readRounds } from '../loop/roundsRecord';

const ROLE_BY_LABEL: Record<string, Role> = { 牵头: 'lead', 负责: 'joint', 配合: 'support', 分别负责: 'each' };
const COMPARATOR_BY_LABEL: Record<string, string> = { 不低于: '>=', 高于: '>', 不高于: '<=', 低于: '<', 区间: 'range' };

/** Where each summarised thing lives in the workbook, for the formulas that point at it. */
export type SummaryLayout = {
  /** Ledger units with their sheets, in workbook order. */
  units: Array<{ name: string; sheet: string }>;
  /** Every current ledger row: its sheet, 1-based row, and what the index needs. */
  rows: Array<{ sheet: string; row: number; taskId: string; unit: string; role: Role; counted: boolean; due: number | null; section: string }>;
  sections: Array<{ no: number; title: string; label: string }>;
  /** 任务清单's 事项来源, in first-appearance order; [] for a workbook from before the column. */
  sources: string[];
  /**
   * Each task's place in 任务清单 (its sheet row − 1, the first row holding the id): the index is
   * laid out in this order so a task's rows are contiguous (see indexSheet).
   */
  taskOrder: ReadonlyMap<string, number>;
  /** The date system the `due` serials are in (the workbook's). */
  dateSystem: DateSystem;
};

const num = (v: SheetValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Read what the summary needs from a workbook: 任务清单 (ids, sections, leads, due dates), every
 * ledger (found by 单位名录 and the `台账-` prefix, columns by header), and 量化指标.
 * Rows marked 已移出分工 are not current assignments and are left out.
 */
export function readSummary(book: WorkbookData): { input: SummaryInput; layout: SummaryLayout } {
  const tasksSheet = book.sheets.find((s) => s.name === '任务清单');
  const tasks: SummaryInput['tasks'] = [];
  const sections: SummaryLayout['sections'] = [];
  const taskOrder = new Map<string, number>();
  if (tasksSheet) {
    const h = (tasksSheet.rows[0] ?? []).map(cellText);
    const [iId, iSec, iLead, iDue, iSource] = ['任务编号', '板块', '牵头单位', '截止日期', SOURCE_HEADER].map((x) => h.indexOf(x)) as [number, number, number, number, number];
    // A row with 事项来源 blank belongs to the first source named, as 更新分工 reads it.
    const firstSource = iSource < 0 ? null : (tasksSheet.rows.slice(1).map((row) => cellText(row[iSource])).find((x) => x.length > 0) ?? DEFAULT_SOURCE);
    tasksSheet.rows.forEach((row, i) => {
      if (i === 0) return;
      const id = cellText(row[iId]);
      if (id.length === 0) return;
      if (!taskOrder.has(id)) taskOrder.set(id, i);
      const label = iSec >= 0 ? cellText(row[iSec]) : '';
      const m = SECTION_HEADING.exec(label);
      const no = m ? chineseNumber(m[1] as string) : null;
      if (m && no !== null && !sections.some((s) => s.no === no)) sections.push({ no, title: (m[2] as string).trim(), label });
      tasks.push({
        id,
        sectionNo: no,
        section: label,
        due: num(row[iDue]),
        leads: iLead >= 0 ? cellText(row[iLead]).split('、').filter((x) => x.length > 0) : [],
        ...(firstSource === null ? {} : { source: cellText(row[iSource]) || firstSource }),
      });
    });
  }
  const leadsOf = new Map(tasks.map((t) => [t.id, t.leads]));
  const sectionOf = new Map(tasks.map((t) => [t.id, t.section]));

  const units: SummaryLayout['units'] = [];
  const layoutRows: SummaryLayout['rows'] = [];
  const rows: SummaryRow[] = [];
  for (const { sheet, unit } of ledgerSheets(book)) {
    units.push({ name: unit, sheet: sheet.name });
    const { row: headerRow, match } = locateHeader(sheet.rows);
    const get = (row: SheetValue[], key: LedgerColumnKey): SheetValue => {
      const i = match.columns[key];
      return i === undefined ? null : (row[i] ?? null);
    };
    sheet.rows.forEach((row, i) => {
      if (i <= headerRow) return;
      const taskId = cellText(get(row, 'taskId'));
      const role = ROLE_BY_LABEL[cellText(get(row, 'role'))];
      if (taskId.length === 0 || role === undefined || cellText(get(row, 'role')).startsWith(REMOVED_MARK)) return;
      const leads = leadsOf.get(taskId) ?? [];
      const due = num(get(row, 'due'));
      layoutRows.push({ sheet: sheet.name, row: i + 1, taskId, unit, role, counted: leads.length === 0 || leads.includes(unit), due, section: sectionOf.get(taskId) ?? '' });
      rows.push({
        taskId,
        unit,
        role,
        due,
        status: get(row, 'status'),
        doneDate: get(row, 'doneDate'),
        measures: get(row, 'measures'),
        person: get(row, 'person'),
        plannedDate: get(row, 'plannedDate'),
        outputForm: get(row, 'outputForm'),
        updated: get(row, 'updated'),
        extensionAsked: get(row, 'extensionAsked'),
        extensionReply: get(row, 'extensionReply'),
        extensionGranted: get(row, 'extensionGranted'),
        review: get(row, 'review'),
      });
    });
  }

  return {
    input: {
      tasks,
      sections: sections.map(({ no, title }) => ({ no, title })),
      units: units.map((u) => u.name),
      rows,
      targets: readTargets(book.sheets.find((s) => s.name === '量化指标'), new Map(tasks.map((t) => [t.id, t.due === null ? null : fromExcelSerial(t.due, dateSystemOf(book))]))),
      dateSystem: dateSystemOf(book),
      loop: readSummaryParameters(book).loop,
      returns: readRounds(book).filter((r) => r.returned !== null).map((r) => ({ unit: r.unit, date: r.returned })),
    },
    layout: { units, rows: layoutRows, sections, sources: sourcesOf(tasks), taskOrder, dateSystem: dateSystemOf(book) },
  };
}

/**
 * Ledger sheets and their units: the sheet 单位名录's 台账工作表 column names for a unit (matched
 * case-insensitively, as Excel matches sheet names), else any `台账-<单位>` sheet. A value naming
 * one of Duban's own sheets (汇总, 任务清单…) names no ledger. A sheet several units' rows name
 * belongs to the unit its `台账-` name says when that is one of them, else to the first of them:
 * one sheet is never read as two units' ledger.
 */
export function ledgerSheets(book: WorkbookData): Array<{ sheet: SheetData; unit: string }> {
  const directory = book.sheets.find((s) => s.name === '单位名录');
  const claims = new Map<string, string[]>();
  if (directory) {
    const h = (directory.rows[0] ?? []).map(cellText);
    const [iName, iSheet] = [h.indexOf('单位'), h.indexOf('台账工作表')];
    if (iName >= 0 && iSheet >= 0) {
      for (const row of directory.rows.slice(1)) {
        const [unit, sheet] = [cellText(row[iName]), cellText(row[iSheet])];
        if (unit.length === 0 || sheet.length === 0 || OWN_SHEETS.has(sheetKey(sheet))) continue;
        const units = claims.get(sheetKey(sheet)) ?? [];
        if (!units.includes(unit)) units.push(unit);
        claims.set(sheetKey(sheet), units);
      }
    }
  }
  return book.sheets
    .map((sheet) => {
      const named = sheet.name.startsWith('台账-') ? sheet.name.slice(3) : null;
      const claimants = claims.get(sheetKey(sheet.name)) ?? [];
      return { sheet, unit: named !== null && (claimants.length === 0 || claimants.includes(named)) ? named : (claimants[0] ?? null) };
    })
    .filter((x): x is { sheet: SheetData; unit: string } => x.unit !== null);
}

const OWN_SHEETS: ReadonlySet<string> = new Set(DUBAN_SHEET_NAMES.map(sheetKey));

/** 序时进度 applies to level and increase targets (never a ceiling, a range or a decrease) of a year-end task. */
const PACED = new Set(['>=', '>']);

function readTargets(sheet: SheetData | undefined, dueOf: ReadonlyMap<string, string | null>): SummaryTarget[] {
  if (!sheet) return [];
  const h = (sheet.rows[0] ?? []).map(cellText);
  const [iDir, iGoal, iUnit, iValue, iTask, iName] = ['方向', '目标值', '单位', '完成值', '任务编号', '指标'].map((x) => h.indexOf(x)) as [number, number, number, number, number, number];
  const out: SummaryTarget[] = [];
  for (const [r, row] of sheet.rows.entries()) {
    if (r === 0) continue;
    const label = cellText(row[iDir]).replace(/^下降/, '');
    const comparator = COMPARATOR_BY_LABEL[label];
    const goal = num(row[iGoal]);
    if (comparator === undefined || goal === null) continue;
    const max = /（至([\d.]+)）/.exec(cellText(row[iUnit]))?.[1];
    const paced = PACED.has(comparator) && !cellText(row[iDir]).startsWith('下降');
    out.push({ comparator, goal, max: max === undefined ? null : Number(max), value: iValue >= 0 ? meantTargetValue(sheet, r, iValue, row[iUnit]) : null, paceYear: paced ? yearEndOf(dueOf.get(cellText(row[iTask])) ?? null) : null, ...(iTask >= 0 ? { taskId: cellText(row[iTask]) } : {}), ...(iName >= 0 ? { name: cellText(row[iName]) } : {}) });
  }
  return out;
}

/** What 汇总 holds as its parameters. */
export type SummaryParameters = {
  /** A date typed over =TODAY() in 统计日期; null for the formula, an empty cell or something that is no date. */
  asOf: string | null;
  warnDays: number;
  year: number | null;
  /**
   * Why what was typed into 统计日期 is not used (`“统计日期”填写了 20231231，这不是日期…`), or null:
   * the caller counts as of today (or --as-of) and says so, never as of a made-up year.
   */
  asOfProblem: string | null;
  /** The supervision loop's settings (DESIGN §12); defaults for a workbook from before the loop. */
  loop: LoopSettings;
};

/** Where 汇总 holds the loop's settings (value cells; the label is left of each). */
export const LOOP_SETTING_ADDRESSES = { cycle: 'E2', reportDay: 'E3', reviewRequired: 'G2', paceTolerance: 'G3' } as const;

/** The parameters 汇总 holds: a typed 统计日期 (not =TODAY()), 预警天数, 年度. */
export function readSummaryParameters(book: WorkbookData, defaultWarnDays = 15): SummaryParameters {
  const sheet = book.sheets.find((s) => s.name === '汇总');
  const rows = sheet?.rows ?? [];
  const b = (r: number) => rows[r]?.[1];
  const [asOf, warn, year] = [b(0), b(1), b(2)];
  // =TODAY() computes to a number too: only a date typed over it is a fixed 统计日期.
  const typed = !(sheet?.formulaCells ?? []).includes('B1');
  const date = typed && typeof asOf === 'number' ? fromExcelSerial(asOf, dateSystemOf(book)) : null;
  let asOfProblem: string | null = null;
  if (typed && typeof asOf === 'number' && date === null) asOfProblem = notADateMessage('统计日期', asOf);
  else if (typed && (typeof asOf === 'boolean' || (typeof asOf === 'string' && asOf.trim() !== ''))) asOfProblem = `“统计日期”填写了“${String(asOf)}”，这不是日期，请填写日期（例如 2020-12-31），或恢复公式 =TODAY()`;
  return {
    asOf: date,
    warnDays: typeof warn === 'number' && Number.isFinite(warn) && warn >= 0 ? warn : defaultWarnDays,
    year: typeof year === 'number' && Number.isFinite(year) ? year : null,
    asOfProblem,
    loop: readLoopSettings(rows[1]?.[4], rows[2]?.[4], rows[1]?.[6], rows[2]?.[6]),
  };
}
