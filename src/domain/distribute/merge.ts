import { dateSystemOf, type WorkbookData } from '../grid/sheetData';
import type { DateSystem } from '../time/isoDate';
import { columnLetter } from '../grid/a1';
import type { LayoutProblem } from '../ledger/readBack';
import { UNIT_FILL_KEYS, LEDGER_COLUMNS, headerOf, type LedgerColumnKey } from '../ledger/columns';
import type { FillValue, Ledger, LedgerRow } from '../ledger/ledgers';
import { IDENTITY_SHEET, SENT_SHEET, SENT_TARGETS_SHEET, readIdentity, sentCheck, type Identity } from './identity';
import { formulaFills, mergeTargets, plainPercents, type TargetEdit } from './mergeTargets';
import { isBlank, sameValue } from './sameValue';
import type { Conflict } from './conflict';
import type { SheetData } from '../grid/sheetData';
import { ledgersOf } from './ledgerBack';
import { returnedIsNewer } from './updatedDay';
import { formatsLost, type FormatsLost } from '../ledger/formatsLost';

/** A returned file as read: its workbook, or why it could not be read at all. */
export type ReturnedFile = { file: string; book: WorkbookData | null; unreadable?: string };

export type Refusal = { file: string; reason: string };

export type MergeResult = {
  /** What rewriting the master's ledgers could not keep (comments, typed formulas…): non-empty means stop, write nothing. */
  problems: LayoutProblem[];
  /** Every ledger of the master, the merged ones rewritten; in the master's order. */
  ledgers: Ledger[];
  /** Units whose ledger changed. */
  changedUnits: string[];
  conflicts: Conflict[];
  refused: Refusal[];
  /** Files merged. */
  merged: number;
  /** 量化指标 as merged (the master's rows with the units' 完成值/更新日期), and the cells changed; null when the master has none. */
  /** 量化指标 as merged, the cells set, and which unit of this merge set each (A1 → unit). */
  targets: { sheet: SheetData; changed: TargetEdit[]; takenBy: Map<string, string> } | null;
  /** Cells that took the unit's value, and rows the units added. */
  cellsTaken: number;
  rowsAdded: number;
  /** Each merged file's unit and how many of its ledger rows the merge changed or added: 报送记录's 回收 rows. */
  returned: Array<{ unit: string; rowsUpdated: number }>;
  /**
   * Looks the merge does not carry: rich text and added conditional formats in a merged file's ledger
   * (`file`), or in a master ledger the merge rewrites (`file` null). Values are all merged.
   */
  formatsLost: Array<FormatsLost & { file: string | null }>;
};

/** Generated cells a unit must not change: they say what was assigned (DESIGN §10). */
const ASSIGNMENT: ReadonlyArray<{ key: LedgerColumnKey; of: (r: LedgerRow) => string }> = [
  { key: 'section', of: (r) => r.section },
  { key: 'text', of: (r) => r.text },
  { key: 'role', of: (r) => r.roleLabel },
  { key: 'leads', of: (r) => r.leads },
  { key: 'deadlineText', of: (r) => r.deadlineText },
  { key: 'due', of: (r) => r.due ?? '' },
];


/** A column of a row: a fill column by key, or a column the unit added by header. */
type Column = { key: LedgerColumnKey } | { header: string };
const valueOf = (row: LedgerRow | undefined, c: Column): FillValue => (row === undefined ? null : 'key' in c ? (row.fills[c.key] ?? null) : (row.extras?.[c.header] ?? null));
function setValue(row: LedgerRow, c: Column, v: FillValue): void {
  if ('key' in c) {
    if (isBlank(v)) delete row.fills[c.key];
    else row.fills[c.key] = v;
  } else row.extras = { ...row.extras, [c.header]: v };
}

const byTask = (rows: readonly LedgerRow[]): Map<string, LedgerRow[]> => {
  const m = new Map<string, LedgerRow[]>();
  for (const r of rows) m.set(r.taskId, [...(m.get(r.taskId) ?? []), r]);
  return m;
};

/**
 * Merge returned unit files into the master's ledgers (DESIGN §10). Rows are matched by (任务编号,
 * unit, n-th row of that pair); for each fill cell and each column a unit added, the value at the
 * split (kept in the file) tells who changed it: only the unit → the unit's value; only the office →
 * the master's; both, differently → a conflict, the side whose row has the later 更新日期 applied
 * (the unit's when neither or both have the same). Rows a unit added come after its task's rows.
 * Files from another master, a second file of one unit, altered assignment cells, or files that
 * cannot be read are refused with a one-line reason naming the task id (never its text) and, for
 * another workbook, that workbook's file name (never its id); the others are merged.
 */
export function mergeReturned(master: WorkbookData, files: readonly ReturnedFile[]): MergeResult {
  const merging = startMerge(master);
  for (const f of files) merging.add(f);
  return merging.result;
}

/**
 * The same merge, one file at a time: the caller reads a file, adds it and lets it go, so 52
 * returned workbooks are never held at once (only the master and the merged ledgers are). Files
 * added after `result.problems` is non-empty are ignored.
 */
export function startMerge(master: WorkbookData): { add(file: ReturnedFile): void; result: MergeResult } {
  const identity = readIdentity(master);
  const system = dateSystemOf(master);
  const { ledgers, problems } = ledgersOf(master);
  const targets = master.sheets.find((s) => s.name === '量化指标');
  const result: MergeResult = { problems, ledgers, targets: targets ? { sheet: { ...targets, rows: targets.rows.map((r) => [...r]), ...(targets.percentCells ? { percentCells: [...targets.percentCells] } : {}) }, changed: [], takenBy: new Map() } : null, changedUnits: [], conflicts: [], refused: [], merged: 0, cellsTaken: 0, rowsAdded: 0, returned: [], formatsLost: [] };
  const taken = new Map<string, string>();
  // 完成值 the office typed as `76.5%` are written as the 76.5 they mean, so 量化指标's formulas agree with the engine.
  if (problems.length === 0 && result.targets) result.targets.changed.push(...plainPercents(result.targets.sheet));
  return {
    result,
    add(f: ReturnedFile): void {
      if (result.problems.length > 0) return;
      const changedBefore = new Set(result.changedUnits);
      const reason = mergeOne(f.book === null ? f : { ...f, book: inDateSystem(f.book, system) }, identity, result, taken);
      if (reason !== null) result.refused.push({ file: f.file, reason });
      // A master ledger the merge now rewrites: what of its own look is lost is said once.
      for (const unit of result.changedUnits.filter((u) => !changedBefore.has(u))) {
        const name = result.ledgers.find((l) => l.unit === unit)?.sheetName;
        const sheet = master.sheets.find((s) => s.name === name);
        const lost = sheet ? formatsLost(sheet) : null;
        if (lost) result.formatsLost.push({ ...lost, file: null });
      }
    },
  };
}

/** Columns holding dates, by header: a ledger's date columns and 量化指标's 更新日期. */
const DATE_HEADERS = new Set([...LEDGER_COLUMNS.filter((c) => c.kind === 'date').flatMap((c) => [c.header, ...c.aliases]), '更新日期']);
/** Days between the two systems' serials of one date (1900's are larger). */
const SYSTEM_GAP = 1462;

/**
 * A returned workbook with its date cells counted as the master counts them: a unit's file saved
 * in the other date system (Excel for Mac's 1904) holds 2020-11-24 as a serial 1 462 days smaller,
 * which copied as it is would read 2016-11-23. Dates are shifted in every sheet's date columns
 * (by header, in its first rows), so the ledger, its as-sent copy and 量化指标 agree.
 */
function inDateSystem(book: WorkbookData, to: DateSystem): WorkbookData {
  const from = dateSystemOf(book);
  if (from === to) return book;
  const delta = from === 1904 ? SYSTEM_GAP : -SYSTEM_GAP;
  const sheets = book.sheets.map((sheet) => {
    const headerRow = sheet.rows.findIndex((r, i) => i < 10 && r.some((v) => typeof v === 'string' && DATE_HEADERS.has(v.replace(/\s/g, ''))));
    if (headerRow < 0) return sheet;
    const header = sheet.rows[headerRow] as readonly unknown[];
    const columns = header.map((v, i) => (typeof v === 'string' && DATE_HEADERS.has(v.replace(/\s/g, '')) ? i : -1)).filter((i) => i >= 0);
    const rows = sheet.rows.map((r, i) => (i <= headerRow ? r : r.map((v, c) => (typeof v === 'number' && columns.includes(c) ? v + delta : v))));
    return { ...sheet, rows };
  });
  return { ...book, sheets, dateSystem: to };
}

/** Merge one file into `result`; the reason it is refused, or null. Nothing changes when refused. */
function mergeOne(f: ReturnedFile, master: Identity | null, result: MergeResult, taken: Map<string, string>): string | null {
  if (f.book === null) return f.unreadable ?? '无法读取';
  // The master's date system: the file was converted to it before this call.
  const system = dateSystemOf(f.book);
  const id = readIdentity(f.book);
  if (id === null || id.kind !== 'unit') return `不是督办下发的台账文件（没有“${IDENTITY_SHEET}”）`;
  if (master === null) return '本工作簿还没有下发记录，无法确认这个文件来自本工作簿（请先下发）';
  if (id.masterId !== master.masterId) return `这个文件来自另一个工作簿${id.book ? `“${id.book}”` : ''}（第 ${id.round} 轮，${id.date} 下发），不是本工作簿下发的`;
  const forged = sentCheck(master, id);
  if (forged !== null) return forged;
  const ledger = result.ledgers.find((l) => l.unit === id.unit);
  if (!ledger) return `总表中没有单位“${id.unit}”的台账`;
  const earlier = taken.get(id.unit);
  if (earlier !== undefined) return `本次已合并${id.unit}的另一份文件 ${earlier}，同一单位一次只合并一份`;
  // The unit's ledger is the sheet of the master's name for it (单位名录 may name it without `台账-`),
  // read as `台账-<unit>` whatever it is called.
  const own = f.book.sheets.find((s) => s.name === ledger.sheetName) ?? f.book.sheets.find((s) => s.name === `台账-${id.unit}`);
  const asLedger = `台账-${id.unit}`;
  const back = ledgersOf({ ...f.book, sheets: own ? [{ ...own, name: asLedger }] : [] });
  const returned = back.ledgers.find((l) => l.unit === id.unit);
  if (!returned) return `文件中没有${id.unit}的台账工作表`;
  if (back.problems.length > 0) return (back.problems[0] as { message: string }).message;
  const sentSheet = f.book.sheets.find((s) => s.name === SENT_SHEET);
  if (!sentSheet) return `文件缺少下发时的台账记录（“${SENT_SHEET}”工作表），无法判断哪些内容是本单位改的`;
  const sent = ledgersOf({ ...f.book, sheets: [{ ...sentSheet, name: asLedger }] }).ledgers[0]?.rows ?? [];
  const altered = assignmentChange(sent, returned.rows);
  if (altered !== null) return altered;
  const backTargets = f.book.sheets.find((s) => s.name === '量化指标');
  const targetFormulas = backTargets ? formulaFills(backTargets) : null;
  if (targetFormulas !== null) return targetFormulas;

  // The office's columns (延期批复, 审核结果…) are never taken from a returned file, whatever it holds.
  const columns: Column[] = [...UNIT_FILL_KEYS.map((key) => ({ key })), ...[...new Set([...(ledger.extraColumns ?? []), ...(returned.extraColumns ?? [])])].map((header) => ({ header }))];
  const rows = ledger.rows.map((r) => ({ ...r, fills: { ...r.fills }, ...(r.extras ? { extras: { ...r.extras } } : {}) }));
  const [mine, theirs, before] = [byTask(rows), byTask(returned.rows), byTask(sent)];
  const conflicts: Array<Omit<Conflict, 'sheet' | 'cell'> & { row: LedgerRow }> = [];
  let cells = 0;
  let added = 0;
  const touched = new Set<LedgerRow>();
  for (const [task, back] of theirs) {
    const here = mine.get(task) ?? [];
    const was = before.get(task) ?? [];
    back.forEach((r, n) => {
      let m = here[n];
      if (m === undefined) {
        // A row the unit added: under the task's last row, showing the task as its first row does.
        const last = here[here.length - 1] ?? rows[rows.length - 1];
        const model = here[0] ?? r;
        m = { ...model, fills: {}, extras: {} };
        rows.splice(last === undefined ? rows.length : rows.indexOf(last) + 1, 0, m);
        here.push(m);
        added++;
      }
      const row = m;
      const applyReturned = returnedIsNewer(r.fills.updated, row.fills.updated, system);
      for (const c of columns) {
        const [mv, rv, bv] = [valueOf(row, c), valueOf(r, c), valueOf(was[n], c)];
        if (sameValue(rv, bv) || sameValue(rv, mv)) continue;
        touched.add(row);
        if (sameValue(mv, bv)) {
          setValue(row, c, rv);
          cells++;
          continue;
        }
        conflicts.push({ row, task, unit: id.unit, column: 'key' in c ? headerOf(c.key) : c.header, master: mv, returned: rv, applied: applyReturned ? 'returned' : 'master', file: f.file });
        if (applyReturned) setValue(row, c, rv);
      }
    });
  }
  const extraColumns = columns.filter((c): c is { header: string } => 'header' in c).map((c) => c.header);
  const merged: Ledger = { ...ledger, rows, ...(extraColumns.length > 0 ? { extraColumns } : {}) };
  result.ledgers = result.ledgers.map((l) => (l === ledger ? merged : l));
  for (const c of conflicts) {
    const { row, ...rest } = c;
    result.conflicts.push({ ...rest, sheet: ledger.sheetName, cell: cellOf(merged, row, c.column) });
  }
  if (cells + added + conflicts.length > 0) result.changedUnits.push(id.unit);
  const sentTargets = f.book.sheets.find((s) => s.name === SENT_TARGETS_SHEET);
  if (result.targets && sentTargets && backTargets) {
    const t = mergeTargets(result.targets.sheet, sentTargets, backTargets, id.unit, f.file, result.targets.takenBy, system);
    result.targets.changed.push(...t.changed);
    result.conflicts.push(...t.conflicts);
    result.cellsTaken += t.changed.length - t.conflicts.filter((c) => c.applied === 'returned').length;
  }
  result.cellsTaken += cells;
  result.rowsAdded += added;
  result.merged++;
  result.returned.push({ unit: id.unit, rowsUpdated: touched.size });
  const lost = own ? formatsLost(own, ledger.sheetName) : null;
  if (lost) result.formatsLost.push({ ...lost, file: f.file });
  taken.set(id.unit, f.file);
  return null;
}


/**
 * Whether the unit altered what was assigned: a row's generated cells say something no row of its
 * task said at the split, or a row names a task that was not sent. Blank generated cells are no
 * change (a row the unit inserted for a second measure, wherever among its task's rows).
 */
function assignmentChange(sent: readonly LedgerRow[], back: readonly LedgerRow[]): string | null {
  const before = byTask(sent);
  for (const [task, rows] of byTask(back)) {
    const was = before.get(task);
    if (was === undefined) return `任务 ${task} 不是下发给本单位的任务（分工列不能改动）`;
    for (const r of rows) {
      for (const a of ASSIGNMENT) {
        const v = a.of(r);
        if (v === '' || was.some((w) => a.of(w) === v)) continue;
        return `任务 ${task} 的“${headerOf(a.key)}”被改动：分工列由总表确定，不能在台账中修改`;
      }
    }
  }
  return null;
}

/** A1 address of a column of a row in the merged ledger as `ledgerSheet` writes it. */
function cellOf(ledger: Ledger, row: LedgerRow, column: string): string {
  const own = LEDGER_COLUMNS.findIndex((c) => c.header === column);
  const col = own >= 0 ? own : LEDGER_COLUMNS.length + (ledger.extraColumns ?? []).indexOf(column);
  return `${columnLetter(col)}${ledger.rows.indexOf(row) + 2}`;
}
