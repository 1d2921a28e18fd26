import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { planAsData } from '../../src/workbook/planValues';
import type { SheetData, SheetValue, WorkbookData } from '../../src/domain/grid/sheetData';
import { LEDGER_COLUMNS, type LedgerColumnKey } from '../../src/domain/ledger/columns';
import { columnLetter } from '../../src/domain/grid/a1';
import { excelSerial } from '../../src/domain/time/isoDate';

/** The seed notice's workbook as data, as-of 2020-12-01, built once per test file. */
export const AS_OF = '2020-12-01';
export const A = excelSerial(AS_OF, 1900);
const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
export const base = planAsData(prepareWorkbook({ noticeText: SEED, previous: null, asOf: AS_OF }).plan);

/** Index of a ledger column in the generated layout. */
export const at = (key: LedgerColumnKey): number => LEDGER_COLUMNS.findIndex((c) => c.key === key);

export const clone = (book: WorkbookData): WorkbookData => ({ sheets: book.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) })) });

export const sheetOf = (book: WorkbookData, name: string): SheetData => book.sheets.find((s) => s.name === name) as SheetData;

/** Every ledger row filled the way the office wants it: no finding at all. */
export function filledCorrectly(): WorkbookData {
  const book = clone(base);
  for (const sheet of book.sheets.filter((s) => s.name.startsWith('台账-'))) {
    sheet.rows.forEach((row, r) => {
      if (r === 0) return;
      const due = row[at('due')] as number | null;
      row[at('measures')] = '制定方案，按月推进';
      row[at('person')] = '张三';
      row[at('plannedDate')] = due ?? A;
      row[at('outputForm')] = '工作方案';
      row[at('status')] = '推进中';
      row[at('progress')] = '已召开推进会';
      // 佐证材料 too, so a row set to 已完成 in a test owes nothing but what the test is about (NO_EVIDENCE).
      row[at('evidence')] = '市财政局文件（2020）12号';
      row[at('updated')] = A;
    });
  }
  return book;
}

/** Sets one cell of a task's (first) row in a ledger; returns its A1 address. */
export function setCell(book: WorkbookData, sheet: string, task: string, key: LedgerColumnKey, value: SheetValue): string {
  const s = sheetOf(book, sheet);
  const r = s.rows.findIndex((row, i) => i > 0 && row[0] === task);
  (s.rows[r] as SheetValue[])[at(key)] = value;
  return `${columnLetter(at(key))}${r + 1}`;
}
