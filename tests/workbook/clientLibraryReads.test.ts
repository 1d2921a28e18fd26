/**
 * Reading a workbook through Microsoft's real Excel client library (excel-web-16.00 in jsdom) with
 * Excel on the web's 5 MB response limit: reads are sized by what they return, whatever the
 * cells hold, and a read that is still refused is split and retried alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExcelClientLibrary, type ExcelClientLibrary } from '../support/officeClientLibrary';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { planAsData } from '../../src/workbook/planValues';
import { readWorkbookInExcel } from '../../src/adapters/officejs/readWorkbook';
import { createExcelHost } from '../../src/adapters/officejs/excelHost';
import { LEDGER_COLUMNS } from '../../src/domain/ledger/columns';
import type { SheetValue, WorkbookData } from '../../src/domain/grid/sheetData';
import { scaledNotice } from '../../scripts/bench/parseBench';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const LIMIT = 5 * 1024 * 1024;
const MEASURES = LEDGER_COLUMNS.findIndex((c) => c.key === 'measures');
const PROGRESS = LEDGER_COLUMNS.findIndex((c) => c.key === 'progress');
const MB = (n: number): string => `${(n / 1024 / 1024).toFixed(2)} MB`;

const realExcel = (globalThis as { Excel?: unknown }).Excel;
afterAll(() => {
  (globalThis as { Excel?: unknown }).Excel = realExcel;
});

/** A generated workbook's values with every ledger row's 具体措施 and 进展情况 filled by `fill(row)`. */
function filledBook(notice: string, fill: (sheet: string, row: number) => string | null): WorkbookData {
  const book = planAsData(prepareWorkbook({ noticeText: notice, previous: null, asOf: '2020-12-01' }).plan);
  for (const s of book.sheets) {
    if (!s.name.startsWith('台账-')) continue;
    s.rows.forEach((row, r) => {
      const text = r === 0 ? null : fill(s.name, r);
      if (text === null) return;
      row[MEASURES] = text;
      row[PROGRESS] = text;
    });
  }
  return book;
}

/** The workbook's sheets in the harness, as cells it keeps and answers reads from. */
function load(book: WorkbookData): ExcelClientLibrary {
  const lib = loadExcelClientLibrary({ responseLimitBytes: LIMIT });
  for (const s of book.sheets) lib.putSheet(s.name, s.rows.map((r) => r.map((v) => v ?? '')));
  return lib;
}

/** The values as read, trailing blanks aside, against what was put. */
function expectSameValues(read: WorkbookData, book: WorkbookData): void {
  const trim = (rows: SheetValue[][]) => rows.map((r) => r.map((v) => (v === '' ? null : v))).map((r) => r.slice(0, r.reduce<number>((n, v, i) => (v === null ? n : i + 1), 0)));
  for (const s of book.sheets) {
    const got = read.sheets.find((x) => x.name === s.name);
    expect([s.name, trim(got?.rows ?? [])]).toEqual([s.name, trim(s.rows)]);
  }
}

describe('reads sized by the bytes they return (Excel on the web, 5 MB responses)', () => {
  it('at 100× the seed with 1 000-character 具体措施 and 进展情况 in every ledger row, the reader reads it all, every response under 5 MB', async () => {
    // Chinese text: three bytes a character as UTF-8, as Excel on the web sends it.
    const long = '推进措施'.repeat(250);
    const book = filledBook(scaledNotice(100), () => long);
    const lib = load(book);
    const read = await lib.Excel.run((context) => readWorkbookInExcel(context, new Set(), {}));
    expectSameValues(read, book);
    const answered = lib.responses.filter((r) => !r.refused);
    const largest = Math.max(...answered.map((r) => r.bytes));
    console.log(`100× with 1 000-character texts: ${read.reads} reads, largest response ${MB(largest)}, ${lib.responses.filter((r) => r.refused).length} refused and retried`);
    expect(largest).toBeLessThan(LIMIT);
    // Sized by measure, not by luck: at most the first read of long text is refused.
    expect(lib.responses.filter((r) => r.refused).length).toBeLessThanOrEqual(1);
  }, 300_000);

  it('one ledger of 32 767-character cells: the refused read is split and only it is retried', async () => {
    const huge = '进'.repeat(32_767);
    const book = filledBook(SEED, (sheet) => (sheet === '台账-市财政局' ? huge : null));
    const lib = load(book);
    const read = await lib.Excel.run((context) => readWorkbookInExcel(context, new Set(), {}));
    expectSameValues(read, book);
    const refused = lib.responses.filter((r) => r.refused).length;
    const answered = lib.responses.filter((r) => !r.refused);
    console.log(`one ledger of 32 767-character cells: ${read.reads} reads, ${refused} refused and retried, largest response ${MB(Math.max(...answered.map((r) => r.bytes)))}`);
    expect(refused).toBeGreaterThan(0);
    expect(Math.max(...answered.map((r) => r.bytes))).toBeLessThan(LIMIT);
    // Each refused read cost one sync and was asked again in pieces; nothing else was read twice.
    expect(read.syncs).toBe(2 + read.reads + refused);

    // The pane's 校验 goes through the same reader, to the end, and writes 校验结果.
    const before = lib.responses.length;
    (globalThis as { Excel?: unknown }).Excel = lib.Excel;
    const result = await createExcelHost(() => true).validate(() => undefined);
    expect(result.asOf).toBe('2020-12-01');
    expect(lib.workbook.sheets.some((s) => s.name === '校验结果')).toBe(true);
    expect(Math.max(...lib.responses.slice(before).filter((r) => !r.refused).map((r) => r.bytes))).toBeLessThan(LIMIT);
  }, 300_000);
});
