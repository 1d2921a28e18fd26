import { cellText, dateSystemOf, type SheetData, type SheetValue, type WorkbookData } from '../../workbook/sheetData';
import type { DirectoryEntry } from '../units/builtinDirectory';
import type { UnitCategory } from '../notice/types';
import { LEDGER_COLUMNS, locateHeader, type LedgerColumnKey } from './columns';
import { fromExcelSerial, type DateSystem } from '../time/isoDate';
import { ledgerSheets } from '../summary/readSummary';
import type { Fills, PreviousRow } from './ledgers';
import { normaliseUnitName } from '../text/normalise';
import { sheetKey } from './sheetName';

/** A workbook problem that stops a rebuild before anything is written. */
export type LayoutProblem = { code: 'HEADER_MISSING' | 'HEADER_DUPLICATE' | 'SHEET_MISSING'; sheet: string; column: string; message: string };

export type PreviousWorkbook = {
  directory: DirectoryEntry[];
  /**
   * unit → the ledger sheet name it asks for: 单位名录's 台账工作表, else the sheet its ledger was
   * read from. Units that keep the sheet they were read from come first: they keep its name.
   */
  sheetNames: Map<string, string>;
  /** The sheets read as ledgers. */
  ledgerSheets: string[];
  rows: PreviousRow[];
  targets: Map<string, { value: SheetValue; updated: SheetValue }>;
  problems: LayoutProblem[];
};

const CATEGORY_BY_LABEL: Record<string, UnitCategory> = {
  市级部门: 'municipal',
  中央驻地单位: 'central',
  单位集合: 'group',
  待明确: 'placeholder',
  其他: 'other',
  未登记: 'unknown',
};


/** Key of a target row that survives renumbering: task id and indicator. */
export const targetKey = (taskId: string, indicator: string): string => `${taskId}\u0000${indicator}`;

/**
 * Read what a previous generation of the workbook holds: the user's 单位名录, every ledger's
 * typed values keyed by (任务编号, unit), and 量化指标's filled values. Ledgers are found by
 * 单位名录's 台账工作表 column and by the `台账-` prefix; columns by header text with aliases.
 */
export function readPreviousWorkbook(book: WorkbookData, directorySheet = '单位名录', targetsSheet = '量化指标'): PreviousWorkbook {
  const problems: LayoutProblem[] = [];
  const { directory, sheetNames: asked } = readDirectory(book.sheets.find((s) => s.name === directorySheet));
  const rows: PreviousRow[] = [];
  const ledgers = ledgerSheets(book).map(({ sheet, unit }) => ({ sheet, unit: normaliseUnitName(unit) }));
  const sheetNames = new Map<string, string>();
  for (const { sheet, unit } of ledgers) {
    const wanted = asked.get(unit);
    if (!sheetNames.has(unit) && (wanted === undefined || sheetKey(wanted) === sheetKey(sheet.name))) sheetNames.set(unit, wanted ?? sheet.name);
    rows.push(...readLedgerSheet(sheet, unit, problems, dateSystemOf(book)));
  }
  for (const [unit, wanted] of asked) if (!sheetNames.has(unit)) sheetNames.set(unit, wanted);
  if (!book.sheets.some((s) => s.name === directorySheet) && !book.sheets.some((s) => s.name.startsWith('台账-'))) {
    problems.push({ code: 'SHEET_MISSING', sheet: directorySheet, column: '', message: `这不是督办生成的工作簿：没有“${directorySheet}”工作表，也没有“台账-”工作表` });
  }
  return { directory, sheetNames, ledgerSheets: ledgers.map((l) => l.sheet.name), rows, targets: readTargets(book.sheets.find((s) => s.name === targetsSheet)), problems };
}

function readDirectory(sheet: SheetData | undefined): { directory: DirectoryEntry[]; sheetNames: Map<string, string> } {
  const directory: DirectoryEntry[] = [];
  const sheetNames = new Map<string, string>();
  if (!sheet || sheet.rows.length === 0) return { directory, sheetNames };
  const header = (sheet.rows[0] ?? []).map(cellText);
  const at = (name: string): number => header.indexOf(name);
  const [iName, iFull, iAlias, iCat, iSheet] = [at('单位'), at('全称'), at('别名'), at('类别'), at('台账工作表')];
  if (iName < 0) return { directory, sheetNames };
  sheet.rows.slice(1).forEach((row, k) => {
    const name = normaliseUnitName(cellText(row[iName]));
    if (name.length === 0) return;
    directory.push({
      name,
      fullName: iFull >= 0 ? cellText(row[iFull]) : '',
      aliases: iAlias >= 0 ? cellText(row[iAlias]).split(/[、，,;；\s]+/).map(normaliseUnitName).filter((a) => a.length > 0) : [],
      category: (iCat >= 0 ? CATEGORY_BY_LABEL[cellText(row[iCat])] : undefined) ?? 'unknown',
      order: k,
    });
    const chosen = iSheet >= 0 ? cellText(row[iSheet]) : '';
    if (chosen.length > 0) sheetNames.set(name, chosen);
  });
  return { directory, sheetNames };
}

function readLedgerSheet(sheet: SheetData, unit: string, problems: LayoutProblem[], system: DateSystem): PreviousRow[] {
  const { row: headerRow, match } = locateHeader(sheet.rows);
  for (const d of match.duplicates) {
    problems.push({ code: 'HEADER_DUPLICATE', sheet: sheet.name, column: d.header, message: `工作表“${sheet.name}”中“${d.header}”列出现了 ${d.indexes.length} 次，无法确定以哪一列为准` });
  }
  if (match.columns.taskId === undefined) {
    problems.push({ code: 'HEADER_MISSING', sheet: sheet.name, column: '任务编号', message: `工作表“${sheet.name}”缺少“任务编号”列，无法按任务对应已填写的内容` });
    return [];
  }
  const get = (row: SheetValue[], key: LedgerColumnKey): SheetValue => {
    const i = match.columns[key];
    return i === undefined ? null : (row[i] ?? null);
  };
  const out: PreviousRow[] = [];
  for (const row of sheet.rows.slice(headerRow + 1)) {
    const taskId = cellText(get(row, 'taskId'));
    if (taskId.length === 0) continue;
    const fills: Fills = {};
    for (const c of LEDGER_COLUMNS) {
      if (c.role !== 'fill' || match.columns[c.key] === undefined) continue;
      const v = get(row, c.key);
      if (v !== null && v !== '') fills[c.key] = v;
    }
    const due = get(row, 'due');
    out.push({
      taskId,
      unit,
      fills,
      shown: {
        roleLabel: cellText(get(row, 'role')),
        section: cellText(get(row, 'section')),
        text: cellText(get(row, 'text')),
        leads: cellText(get(row, 'leads')),
        deadlineText: cellText(get(row, 'deadlineText')),
        due: typeof due === 'number' ? fromExcelSerial(due, system) : null,
      },
    });
  }
  return out;
}

function readTargets(sheet: SheetData | undefined): PreviousWorkbook['targets'] {
  const map: PreviousWorkbook['targets'] = new Map();
  if (!sheet || sheet.rows.length === 0) return map;
  const header = (sheet.rows[0] ?? []).map(cellText);
  const [iTask, iInd, iVal, iUpd] = ['任务编号', '指标', '完成值', '更新日期'].map((h) => header.indexOf(h)) as [number, number, number, number];
  if (iTask < 0 || iInd < 0) return map;
  for (const row of sheet.rows.slice(1)) {
    const value = iVal >= 0 ? (row[iVal] ?? null) : null;
    const updated = iUpd >= 0 ? (row[iUpd] ?? null) : null;
    if ((value === null || value === '') && (updated === null || updated === '')) continue;
    map.set(targetKey(cellText(row[iTask]), cellText(row[iInd])), { value, updated });
  }
  return map;
}

