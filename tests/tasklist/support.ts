import type { SheetValue, WorkbookData } from '../../src/domain/grid/sheetData';
import { LEDGER_COLUMNS, type LedgerColumnKey } from '../../src/domain/ledger/columns';
import { excelSerial } from '../../src/domain/time/isoDate';

/** A deep copy of a workbook read back, to edit like an office would. */
export const copyBook = (book: WorkbookData): WorkbookData => ({ ...book, sheets: book.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) })) });

export const sheetOf = (book: WorkbookData, name: string) => {
  const s = book.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

export const col = (book: WorkbookData, sheet: string, header: string): number => {
  const i = sheetOf(book, sheet).rows[0]!.indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in ${sheet}`);
  return i;
};

/** The edits of a real 分工调整 in 任务清单, by header: set cells of the row of `id`. */
export function setTask(book: WorkbookData, id: string, values: Record<string, SheetValue>): void {
  const rows = sheetOf(book, '任务清单').rows;
  const row = rows.find((r) => r[0] === id);
  if (!row) throw new Error(`no task ${id}`);
  for (const [h, v] of Object.entries(values)) row[col(book, '任务清单', h)] = v;
}

export function addTask(book: WorkbookData, values: Record<string, SheetValue>): void {
  const sheet = sheetOf(book, '任务清单');
  const row: SheetValue[] = sheet.rows[0]!.map(() => null);
  for (const [h, v] of Object.entries(values)) row[col(book, '任务清单', h)] = v;
  sheet.rows.push(row);
}

export function deleteTask(book: WorkbookData, id: string): void {
  const sheet = sheetOf(book, '任务清单');
  sheet.rows = sheet.rows.filter((r) => r[0] !== id);
}

export const serial = (iso: string): number => excelSerial(iso, 1900);

const FILL = LEDGER_COLUMNS.filter((c) => c.role === 'fill');
export type Typed = { sheet: string; taskId: string; key: LedgerColumnKey; value: SheetValue };

/**
 * Type into every ledger row: 具体措施 names the row, and every fifth row gets a value in every
 * fill column (dates as serials), so a lost or moved value is seen.
 */
export function fillLedgers(book: WorkbookData): Typed[] {
  const typed: Typed[] = [];
  let n = 0;
  for (const sheet of book.sheets.filter((s) => s.name.startsWith('台账-'))) {
    const header = sheet.rows[0]!;
    for (const row of sheet.rows.slice(1)) {
      const taskId = String(row[0]);
      const keys = n++ % 5 === 0 ? FILL : FILL.filter((c) => c.key === 'measures');
      for (const c of keys) {
        const value = c.key === 'measures' ? `${sheet.name}|${taskId}` : c.kind === 'date' ? 44000 + n : c.key === 'status' ? '推进中' : `${c.header}${n}`;
        row[header.indexOf(c.header)] = value;
        typed.push({ sheet: sheet.name, taskId, key: c.key, value });
      }
    }
  }
  return typed;
}

/** Typed values not found again in the same sheet on a row of the same task id (kept or 已移出分工). */
export function lostValues(book: WorkbookData, typed: readonly Typed[]): Typed[] {
  return typed.filter((t) => {
    const sheet = book.sheets.find((s) => s.name === t.sheet);
    if (!sheet) return true;
    const c = sheet.rows[0]!.indexOf(LEDGER_COLUMNS.find((x) => x.key === t.key)!.header);
    return !sheet.rows.slice(1).some((r) => r[0] === t.taskId && r[c] === t.value);
  });
}
