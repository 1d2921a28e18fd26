import { meantTargetValue } from './targetValue';
import { cellText, dateSystemOf, type SheetData, type SheetValue, type WorkbookData } from '../grid/sheetData';
import type { DirectoryEntry } from '../units/builtinDirectory';
import type { UnitCategory } from '../notice/types';
import { LEDGER_COLUMNS, UNIT_FILL_KEYS, locateHeader, type HeaderMatch, type LedgerColumnKey } from './columns';
import { address, columnIndex, columnLetter } from '../grid/a1';
import { fromExcelSerial, type DateSystem } from '../time/isoDate';
import { ledgerSheets } from '../summary/readSummary';
import type { Extras, Fills, PreviousRow } from './ledgers';
import { normaliseUnitName } from '../text/normalise';
import { sheetKey } from './sheetName';
import { DUBAN_SHEET_NAMES } from '../grid/names';
import { formatsLost, type FormatsLost } from './formatsLost';

/** A workbook problem that stops a rebuild before anything is written. */
export type LayoutProblem = {
  code: 'HEADER_MISSING' | 'HEADER_DUPLICATE' | 'SHEET_MISSING' | 'HEADER_UNKNOWN' | 'CONTENT_WOULD_BE_LOST' | 'TASK_ID_DUPLICATE' | 'SOURCE_REQUIRED' | 'LEDGER_UNCLAIMED';
  sheet: string;
  column: string;
  message: string;
  /** For CONTENT_WOULD_BE_LOST: every `sheet!cell` that would be lost. */
  cells?: string[];
};

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
  /**
   * Text above a ledger's header row (a title, a 填报单位 line a unit added): not data, so it does
   * not stop a rebuild, but the rebuilt sheet starts at its header and the caller says so.
   */
  aboveHeader?: Array<{ sheet: string; cell: string; text: string }>;
  /** Ledger sheets 单位名录 names that are not in the workbook (deleted): rebuilt blank, and said so. */
  missingLedgers?: Array<{ unit: string; sheet: string }>;
  /** Ledgers with rich text or added conditional formats: the values are kept, those looks are not, and said so. */
  formatsLost?: FormatsLost[];
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
  const aboveHeader = ledgers.flatMap((l) => textAboveHeader(l.sheet));
  const present = new Set(book.sheets.map((s) => sheetKey(s.name)));
  const missingLedgers = [...asked].filter(([, sheet]) => !present.has(sheetKey(sheet))).map(([unit, sheet]) => ({ unit, sheet }));
  problems.push(...unclaimedLedgers(book, new Set(ledgers.map((l) => l.sheet.name)), missingLedgers));
  const lost = ledgers.map(({ sheet }) => formatsLost(sheet)).filter((l): l is FormatsLost => l !== null);
  return {
    directory, sheetNames, ledgerSheets: ledgers.map((l) => l.sheet.name), rows, targets: readTargets(book.sheets.find((s) => s.name === targetsSheet)), problems,
    ...(aboveHeader.length > 0 ? { aboveHeader } : {}),
    ...(lost.length > 0 ? { formatsLost: lost } : {}),
    ...(missingLedgers.length > 0 ? { missingLedgers } : {}),
  };
}

/**
 * Sheets that are ledgers by their header (任务编号 and fill columns, values typed) but belong to no
 * unit: a ledger renamed by hand (`财政局台账`). Rebuilt, its unit would get a blank 台账-市财政局 while
 * the typed values stayed in the orphan, so the rebuild stops and says how to reattach it.
 */
function unclaimedLedgers(book: WorkbookData, read: ReadonlySet<string>, missing: ReadonlyArray<{ unit: string; sheet: string }>): LayoutProblem[] {
  const out: LayoutProblem[] = [];
  for (const sheet of book.sheets) {
    // `_` sheets are Duban's hidden helpers (a unit file's as-sent copy among them).
    if (read.has(sheet.name) || DUBAN_SHEET_KEYS.has(sheetKey(sheet.name)) || sheet.name.startsWith('_')) continue;
    const { row, match } = locateHeader(sheet.rows);
    const fills = UNIT_FILL_KEYS.map((k) => match.columns[k]).filter((i): i is number => i !== undefined);
    if (match.columns.taskId === undefined || fills.length < 2) continue;
    const typed = sheet.rows.slice(row + 1).reduce((n, r) => n + fills.filter((c) => cellText(r[c] ?? null).length > 0).length, 0);
    if (typed === 0) continue;
    const guess = missing.length === 1 ? `（它可能是“${(missing[0] as { sheet: string }).sheet}”改名而来）` : '';
    out.push({
      code: 'LEDGER_UNCLAIMED',
      sheet: sheet.name,
      column: '',
      message: `工作表“${sheet.name}”是一张台账（有“任务编号”和填报列，已填写 ${typed} 处），但不是任何单位的台账工作表${guess}：重建会让这些内容留在它里面、单位得到空白台账。请把它改回原来的名字，或在“单位名录”的“台账工作表”列写上“${sheet.name}”，然后再更新`,
    });
  }
  return out;
}

/** Sheet names of Duban's own sheets, as compared. */
const DUBAN_SHEET_KEYS: ReadonlySet<string> = new Set(DUBAN_SHEET_NAMES.map(sheetKey));


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

/** Non-empty cells above a ledger's header row, with their text. */
function textAboveHeader(sheet: SheetData): Array<{ sheet: string; cell: string; text: string }> {
  const { row: headerRow } = locateHeader(sheet.rows);
  const out: Array<{ sheet: string; cell: string; text: string }> = [];
  sheet.rows.slice(0, headerRow).forEach((row, r) =>
    row.forEach((v, c) => {
      if (cellText(v).length > 0) out.push({ sheet: sheet.name, cell: address(r, c), text: cellText(v) });
    }),
  );
  return out;
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
  const { problems: renamed, extras } = unknownColumns(sheet, headerRow, match);
  problems.push(...renamed);
  const kept = (c: number): boolean => headerKnown(match, c) || extras.some((e) => e.index === c);
  const lost: Lost[] = [];
  const out: PreviousRow[] = [];
  // A ledger Duban wrote (its headers, in order, at the top) shows each task's own text.
  const ownLayout = headerRow !== 0 || LEDGER_COLUMNS.some((c, i) => cellText(sheet.rows[0]?.[i] ?? null).replace(/[\s*＊]/g, '') !== c.header);
  // The task row just above, while rows run on without a gap: a row a unit inserted under it in the
  // protected ledger (its 任务编号 cell is locked, so it stays empty) is another row of that task.
  let above: PreviousRow | null = null;
  sheet.rows.forEach((row, r) => {
    if (r <= headerRow) return;
    const typedId = cellText(get(row, 'taskId'));
    const fills: Fills = {};
    for (const c of LEDGER_COLUMNS) {
      if ((c.role !== 'fill' && c.role !== 'office') || match.columns[c.key] === undefined) continue;
      const v = get(row, c.key);
      if (v !== null && v !== '') fills[c.key] = v;
    }
    const added: Extras = {};
    for (const e of extras) added[e.header] = row[e.index] ?? null;
    const generatedEmpty = GENERATED_KEYS.every((k) => cellText(get(row, k)).length === 0);
    const inserted = above !== null && generatedEmpty && (Object.keys(fills).length > 0 || Object.values(added).some((v) => cellText(v).length > 0));
    const taskId = inserted && above !== null ? above.taskId : typedId;
    const isTaskRow = taskId.length > 0 && (Object.keys(fills).length > 0 || Object.values(added).some((v) => cellText(v).length > 0) || cellText(get(row, 'text')).length > 0 || TASK_ID.test(taskId));
    if (!isTaskRow) {
      above = null;
      // Rows without a 任务编号 (a measure typed under a task, a 填报人 line below the table):
      // nothing would carry them over.
      const what = taskId.length === 0 ? '没有任务编号的行中的值' : '表格下方或不是任务的行中的值';
      row.forEach((v, c) => {
        if (cellText(v).length > 0 && kept(c)) lost.push({ cell: address(r, c), what: `${what}“${preview(v)}”` });
      });
      return;
    }
    const due = get(row, 'due');
    const read: PreviousRow = {
      taskId,
      unit,
      fills,
      ...(extras.length > 0 ? { extras: added } : {}),
      shown:
        inserted && above !== null
          ? { ...above.shown }
          : {
              roleLabel: cellText(get(row, 'role')),
              section: cellText(get(row, 'section')),
              text: cellText(get(row, 'text')),
              leads: cellText(get(row, 'leads')),
              deadlineText: cellText(get(row, 'deadlineText')),
              due: typeof due === 'number' ? fromExcelSerial(due, system) : null,
            },
      ...(ownLayout ? { ownLayout } : {}),
    };
    out.push(read);
    above = read;
  });
  // Cells beside the table: under no header.
  sheet.rows.forEach((row, r) => {
    if (r <= headerRow) return;
    row.forEach((v, c) => {
      if (cellText(v).length > 0 && cellText(sheet.rows[headerRow]?.[c] ?? null).length === 0) lost.push({ cell: address(r, c), what: `表格右侧（无列名的列）的值“${preview(v)}”` });
    });
  });
  lost.push(...markLosses(sheet, headerRow, match));
  lost.push(...mergedFills(sheet, headerRow, match));
  if (lost.length > 0) problems.push(lostProblem(sheet.name, lost));
  return out;
}

/** A task id as Duban writes it: `36`, `36.1`, `3.1.2` (full-width digits and dots too). */
/** The generated columns: all empty on a row a unit inserted. */
const GENERATED_KEYS = LEDGER_COLUMNS.filter((c) => c.role === 'generated').map((c) => c.key);
const TASK_ID = /^[0-9０-９]+(?:[.．][0-9０-９]+)*$/;

/** What cannot be kept, and what the person should do about it (said once per kind in the message). */
type Lost = { cell: string; what: string; fix?: string };

const FIX = {
  moved: '把这些内容移到任务行的填报列（如“备注”）、给行填上任务编号，或删除',
  formula: '把填报列中的公式改为数值（复制后“选择性粘贴—数值”）',
  merged: '取消合并并逐行填写',
} as const;

/** Places named in a message before the rest are counted. */
const PLACES_SHOWN = 10;

const preview = (v: SheetValue): string => {
  const t = cellText(v);
  return t.length > 12 ? `${t.slice(0, 12)}…` : t;
};

/** A column found by its header (cells under no header or an unknown one are reported by column). */
const headerKnown = (match: HeaderMatch, c: number): boolean => Object.values(match.columns).includes(c);

function lostProblem(sheet: string, lost: Lost[]): LayoutProblem {
  const places = lost.slice(0, PLACES_SHOWN).map((l) => `${sheet}!${l.cell}（${l.what}）`).join('、') + (lost.length > PLACES_SHOWN ? ` 等 ${lost.length} 处` : '');
  // Advice for what is there: a formula already in a fill column is not to be "moved to a fill column".
  const fixes = [...new Set(lost.map((l) => l.fix ?? FIX.moved))];
  return {
    code: 'CONTENT_WOULD_BE_LOST',
    sheet,
    column: '',
    cells: lost.map((l) => `${sheet}!${l.cell}`),
    message: `工作表“${sheet}”有 ${lost.length} 处内容重建台账时无法保留：${places}。请${fixes.join('；')}，然后再更新`,
  };
}

/** `H2:H3`: a merged range's first and last cell. */
const RANGE = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/;

/**
 * Merged ranges over fill cells below the header: a merged H2:H3 shows one value for two rows, and a
 * rewrite would copy it into both (or leave one blank) without a word, so the update or merge stops
 * until the unit unmerges them. Merges over generated columns (a 任务内容 shown once for a task's
 * rows in a unit's own layout) change no value and are left alone.
 */
function mergedFills(sheet: SheetData, headerRow: number, match: HeaderMatch): Lost[] {
  const fill = new Set(LEDGER_COLUMNS.filter((c) => c.role === 'fill').map((c) => match.columns[c.key]).filter((i): i is number => i !== undefined));
  const out: Lost[] = [];
  for (const range of sheet.merges ?? []) {
    const m = RANGE.exec(range);
    if (!m || Number(m[2]) <= headerRow + 1) continue;
    const [from, to] = [columnIndex(m[1] as string), columnIndex(m[3] as string)];
    for (let c = from; c <= to; c++) {
      if (fill.has(c)) {
        out.push({ cell: range, what: '合并单元格：合并后只有左上角有值', fix: FIX.merged });
        break;
      }
    }
  }
  return out;
}

/** Comments, hyperlink targets and formulas a unit put in the table: the rebuilt sheet has none of them. */
function markLosses(sheet: SheetData, headerRow: number, match: HeaderMatch): Lost[] {
  const formulaColumns = new Set(LEDGER_COLUMNS.filter((c) => c.role === 'formula').map((c) => match.columns[c.key]).filter((i): i is number => i !== undefined));
  const fillColumns = new Set(LEDGER_COLUMNS.filter((c) => c.role === 'fill' || c.role === 'office').map((c) => match.columns[c.key]).filter((i): i is number => i !== undefined));
  const out: Lost[] = [];
  for (const m of sheet.marks ?? []) {
    if (m.row < headerRow) continue; // a title above the table is not carried over, with its marks
    if (m.kind === 'comment') out.push({ cell: m.address, what: `批注“${preview(m.detail)}”` });
    else if (m.kind === 'hyperlink') out.push({ cell: m.address, what: `超链接 ${m.detail}` });
    else if (m.kind === 'formula' && !(m.row > headerRow && formulaColumns.has(m.col))) {
      const value = sheet.rows[m.row]?.[m.col] ?? null;
      const what = `公式 =${m.detail}${m.cached && cellText(value).length > 0 ? `，只能保留计算结果“${preview(value)}”` : '，文件中没有计算结果'}`;
      out.push({ cell: m.address, what, ...(m.row > headerRow && fillColumns.has(m.col) ? { fix: FIX.formula } : {}) });
    }
  }
  return out;
}

/**
 * Columns whose header names no ledger column. A column a unit added (联系电话) is kept with its
 * values (DESIGN §6): it comes back right of the ledger's own columns. A header that most likely is
 * a fill column renamed (措施内容 where 具体措施 is missing) stops the rebuild instead, naming the
 * header to use: kept as an added column, its values would sit beside an empty 具体措施.
 */
function unknownColumns(sheet: SheetData, headerRow: number, match: HeaderMatch): { problems: LayoutProblem[]; extras: Array<{ index: number; header: string }> } {
  const known = new Set(Object.values(match.columns));
  for (const d of match.duplicates) for (const i of d.indexes) known.add(i);
  const header = sheet.rows[headerRow] ?? [];
  const problems: LayoutProblem[] = [];
  const extras: Array<{ index: number; header: string }> = [];
  header.forEach((h, c) => {
    const name = cellText(h);
    if (name.length === 0 || known.has(c)) return;
    const guess = suggestHeader(name);
    const missing = guess !== null && match.columns[LEDGER_COLUMNS.find((x) => x.header === guess)?.key ?? 'taskId'] === undefined;
    const filled = sheet.rows.slice(headerRow + 1).filter((row) => cellText(row[c] ?? null).length > 0).length;
    if (!missing || filled === 0) {
      // Two added columns of one header stay two columns.
      let unique = name;
      for (let k = 2; extras.some((e) => e.header === unique); k++) unique = `${name}（${k}）`;
      extras.push({ index: c, header: unique });
      return;
    }
    problems.push({
      code: 'HEADER_UNKNOWN',
      sheet: sheet.name,
      column: name,
      message:
        `工作表“${sheet.name}”的“${name}”列（${columnLetter(c)} 列）有 ${filled} 个已填写的值，而台账缺少“${guess}”列：` +
        `如果“${name}”就是“${guess}”，请把列名改为“${guess}”；如果是本单位另加的列，请补回“${guess}”列后再更新`,
    });
  });
  return { problems, extras };
}

/** The fill column a renamed header most likely means: the one sharing most characters (at least two). */
function suggestHeader(name: string): string | null {
  let best: { header: string; score: number } | null = null;
  for (const c of LEDGER_COLUMNS) {
    if (c.role !== 'fill') continue;
    for (const label of [c.header, ...c.aliases]) {
      const score = [...new Set(label)].filter((ch) => name.includes(ch)).length;
      if (score >= 2 && (best === null || score > best.score)) best = { header: c.header, score };
    }
  }
  return best?.header ?? null;
}

function readTargets(sheet: SheetData | undefined): PreviousWorkbook['targets'] {
  const map: PreviousWorkbook['targets'] = new Map();
  if (!sheet || sheet.rows.length === 0) return map;
  const header = (sheet.rows[0] ?? []).map(cellText);
  const [iTask, iInd, iVal, iUpd, iUnit] = ['任务编号', '指标', '完成值', '更新日期', '单位'].map((h) => header.indexOf(h)) as [number, number, number, number, number];
  if (iTask < 0 || iInd < 0) return map;
  for (const [r, row] of sheet.rows.entries()) {
    if (r === 0) continue;
    // `76.5%` in a `%` target is kept as the 76.5 it means: the rebuilt cell has no percent format.
    const value = iVal >= 0 ? meantTargetValue(sheet, r, iVal, iUnit >= 0 ? row[iUnit] : null) : null;
    const updated = iUpd >= 0 ? (row[iUpd] ?? null) : null;
    if ((value === null || value === '') && (updated === null || updated === '')) continue;
    map.set(targetKey(cellText(row[iTask]), cellText(row[iInd])), { value, updated });
  }
  return map;
}

