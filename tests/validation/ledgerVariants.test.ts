import type { SheetValue, WorkbookData } from '../../src/domain/grid/sheetData';
import { validateWorkbook } from '../../src/domain/validation/validate';
import { excelSerial } from '../../src/domain/time/isoDate';
import { AS_OF, at, base, clone, filledCorrectly, setCell, sheetOf } from './filledBook';

// Ledgers that are not quite the generated one (issue #26): a workbook whose 任务清单 was deleted,
// a ledger made before the supervision loop added its columns, and the loop's 延期 columns at the
// edges a clerk meets (a request one day after the 截止日期, a reply with its request).

const F = '台账-市财政局';
const d = (iso: string): number => excelSerial(iso, 1900);
const validate = (book: WorkbookData) =>
  validateWorkbook({ sheets: book.sheets.filter((s) => !s.name.startsWith('台账-') || s.name === F || !base.sheets.some((b) => b.name === s.name)) }, AS_OF).findings;
const brief = (book: WorkbookData) => validate(book).map((f) => `${f.code} ${f.task}`);
/** 市财政局's ledger without the columns of `keys`, as a ledger from before the loop. */
function without(book: WorkbookData, ...keys: Array<Parameters<typeof at>[0]>): WorkbookData {
  const drop = new Set(keys.map(at));
  const sheet = sheetOf(book, F);
  sheet.rows = sheet.rows.map((row) => row.filter((_v, i) => !drop.has(i)));
  return book;
}

describe('a workbook whose 任务清单 was deleted', () => {
  it('a row nobody filled in is still 未填报: the unit owes it whatever the office deleted', () => {
    const book = clone(base);
    book.sheets = book.sheets.filter((s) => s.name !== '任务清单');
    const own = validate(book).filter((f) => f.sheet === F && f.task === '3.1');
    expect(own.map((f) => `${f.code} ${f.message}`)).toEqual(['NOT_REPORTED 任务 3.1 未填报']);
  });
});

describe('a ledger from before the loop (no 佐证材料, 申请延期至 or 延期批复 columns)', () => {
  it('已完成 with its 完成日期 owes no 佐证材料 the ledger has no column for', () => {
    const book = without(filledCorrectly(), 'evidence', 'extensionAsked', 'extensionReason', 'extensionReply', 'extensionGranted', 'review', 'reviewNote', 'closedDate');
    const s = sheetOf(book, F);
    const r = s.rows.findIndex((row, i) => i > 0 && row[0] === '3.1');
    (s.rows[r] as SheetValue[])[at('status')] = '已完成';
    (s.rows[r] as SheetValue[])[at('doneDate')] = d('2020-11-20');
    expect(validate(book)).toEqual([]);
  });
  it('a 延期批复 in a ledger without a 申请延期至 column is a reply to no request', () => {
    const book = without(filledCorrectly(), 'extensionAsked');
    const s = sheetOf(book, F);
    const header = (s.rows[0] as SheetValue[]).map(String);
    const r = s.rows.findIndex((row, i) => i > 0 && row[0] === '3.1');
    (s.rows[r] as SheetValue[])[header.indexOf('延期批复')] = '同意';
    expect(brief(book)).toEqual(['APPROVAL_WITHOUT_REQUEST 3.1']);
  });
});

describe('延期 at its edges', () => {
  it('a request for one day after the 截止日期 is a real request: no finding', () => {
    const book = filledCorrectly();
    setCell(book, F, '3.1', 'extensionAsked', d('2021-01-01'));
    expect(validate(book)).toEqual([]);
  });
  it('a 同意 with its request is no finding', () => {
    const book = filledCorrectly();
    setCell(book, F, '3.1', 'extensionAsked', d('2021-03-31'));
    setCell(book, F, '3.1', 'extensionReply', '同意');
    expect(validate(book)).toEqual([]);
  });
  it('a request typed as text is read as its date: on the 截止日期 it is no request', () => {
    const book = filledCorrectly();
    setCell(book, F, '3.1', 'extensionAsked', '2020年12月31日');
    expect(brief(book)).toEqual(['TEXT_DATE 3.1', 'EXTENSION_NOT_LATER 3.1']);
  });
});
