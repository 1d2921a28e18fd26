/**
 * The Office.js adapter in a workbook of the 1904 date system, against the strict fake: Excel
 * gives and takes serials of the workbook's own system (`Range.values`), and says which one it is
 * through `Workbook.use1904DateSystem` (ExcelApi 1.16).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExcelHost } from '../../src/adapters/officejs/excelHost';
import { officeCellValue } from '../../src/adapters/officejs/cellValues';
import { readWorkbookInExcel } from '../../src/adapters/officejs/readWorkbook';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { columnLetter } from '../../src/domain/grid/a1';
import { date } from '../../src/workbook/plan';
import { FakeContext, FakeWorkbook, createFakeExcel, excelRetype, type FakeWorksheet } from '../support/fakeExcel';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const noProgress = (): void => undefined;
const realExcel = (globalThis as { Excel?: unknown }).Excel;
afterEach(() => {
  (globalThis as { Excel?: unknown }).Excel = realExcel;
});

/** Independent of the code under test: days from each system's day 0. */
const serial1904 = (iso: string): number => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1904, 0, 1)) / 86_400_000;
const serial1900 = (iso: string): number => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

const dueById = new Map(prepareWorkbook({ noticeText: SEED, previous: null, asOf: null }).notice.tasks.map((t) => [t.id, t.deadline.due]));

function excelWith(workbook: FakeWorkbook, isSetSupported: (name: string, version: string) => boolean = () => true) {
  const fake = createFakeExcel(workbook);
  (globalThis as { Excel?: unknown }).Excel = fake.Excel;
  return { ...fake, host: createExcelHost(isSetSupported) };
}

const at = (ws: FakeWorksheet, address: string): unknown => ws.cells.get(address)?.formula;
function column(ws: FakeWorksheet, header: string): string {
  for (let c = 0; c < 40; c++) if (at(ws, `${columnLetter(c)}1`) === header) return columnLetter(c);
  throw new Error(`${ws.name} has no ${header}`);
}
function row(ws: FakeWorksheet, taskId: string): number {
  for (let r = 2; r < 2000; r++) if (String(at(ws, `A${r}`)).replace(/^'/, '') === taskId) return r;
  throw new Error(`${ws.name} has no ${taskId}`);
}
const sheet = (wb: FakeWorkbook, name: string): FakeWorksheet => wb.sheet(name) as FakeWorksheet;

/** Every 截止日期 of a sheet as stored, with what it should be in the given serial system. */
function dueCells(ws: FakeWorksheet, serial: (iso: string) => number): Array<{ at: string; stored: unknown; expected: number | null }> {
  const col = column(ws, '截止日期');
  const out: Array<{ at: string; stored: unknown; expected: number | null }> = [];
  for (let r = 2; ; r++) {
    const id = at(ws, `A${r}`);
    if (id === undefined || id === '') break;
    const due = dueById.get(String(id).replace(/^'/, ''));
    if (due === undefined) continue;
    out.push({ at: `${ws.name}!${col}${r}`, stored: at(ws, `${col}${r}`) ?? null, expected: due === null ? null : serial(due) });
  }
  return out;
}

/**
 * Since the supervision loop (DESIGN §12) the index's 截止日期 is the row's effective due date, a
 * formula on its ledger row: 批准时限 when 延期批复 is 同意, else the ledger's own 截止日期 (column G,
 * whose 1904 serials are checked above) — never a serial the index converted itself.
 */
function expectIndexDuesFromLedgers(workbook: FakeWorkbook): void {
  const cells = dueCells(sheet(workbook, '_台账索引'), serial1904);
  expect(cells.length).toBeGreaterThan(100);
  for (const d of cells) expect({ at: d.at, stored: d.stored }).toEqual({ at: d.at, stored: expect.stringMatching(/^=IF\('台账-[^']+'!\w+\d+="同意",.*,IF\(ISNUMBER\(('台账-[^']+'!G\d+)\),\1,""\)\)$/) });
}

describe('生成工作簿, 刷新汇总 and 校验 in a 1904 workbook (ExcelApi 1.16)', () => {
  it('writes 1904 serials, keeps typed dates and 统计日期 through a regeneration, and reads them as the same dates', async () => {
    const workbook = new FakeWorkbook({ date1904: true });
    const { host } = excelWith(workbook);
    await host.generate(SEED, null, noProgress);

    const tasks = dueCells(sheet(workbook, '任务清单'), serial1904);
    expect(tasks.length).toBe(dueById.size);
    for (const d of tasks) expect(d.stored ?? null).toBe(d.expected);

    // A Mac user types dates (Excel stores them as 1904 serials) and fixes the as-of date.
    const ws = sheet(workbook, '台账-市财政局');
    const r = row(ws, '36.1');
    const typed = { 计划完成时间: '2020-08-31', 完成日期: '2020-12-02', 更新日期: '2020-11-30' } as const;
    for (const [header, iso] of Object.entries(typed)) ws.cells.get(`${column(ws, header)}${r}`)!.formula = serial1904(iso);
    ws.cells.get(`${column(ws, '具体措施')}${r}`)!.formula = '出台方案';
    sheet(workbook, '汇总').cells.get('B1')!.formula = serial1904('2020-12-01');

    await host.generate(SEED, null, noProgress);
    const again = sheet(workbook, '台账-市财政局');
    const r2 = row(again, '36.1');
    for (const [header, iso] of Object.entries(typed)) expect({ header, stored: at(again, `${column(again, header)}${r2}`) }).toEqual({ header, stored: serial1904(iso) });
    expect(at(sheet(workbook, '汇总'), 'B1')).toBe(serial1904('2020-12-01'));
    for (const d of dueCells(sheet(workbook, '任务清单'), serial1904)) expect(d.stored ?? null).toBe(d.expected);
    for (const d of dueCells(again, serial1904)) expect(d.stored ?? null).toBe(d.expected);
    expectIndexDuesFromLedgers(workbook);

    await expect(host.refreshSummary(noProgress)).resolves.toMatchObject({ asOf: '2020-12-01' });
    expect(at(sheet(workbook, '汇总'), 'B1')).toBe(serial1904('2020-12-01'));
    expectIndexDuesFromLedgers(workbook);

    const checked = await host.validate(noProgress);
    expect(checked.asOf).toBe('2020-12-01');
    const mine = checked.findings.filter((f) => f.sheet === '台账-市财政局' && f.task === '36.1');
    // 完成日期 is a day after the as-of date; 计划完成时间 is the due date itself (not after it).
    expect(mine.filter((f) => f.code !== 'REQUIRED_EMPTY').map((f) => [f.code, f.cell])).toEqual([['DATE_IN_FUTURE', `${column(again, '完成日期')}${r2}`]]);
  });

  it('把文字日期改为日期 writes the 1904 serial of the date', async () => {
    const workbook = new FakeWorkbook({ date1904: true });
    const { host } = excelWith(workbook);
    await host.generate(SEED, null, noProgress);
    const ws = sheet(workbook, '台账-市财政局');
    ws.cell(1, 15).formula = '2020年11月30日'; // 更新日期, typed as text
    await host.fixAndValidate(noProgress);
    expect(ws.cells.get('P2')).toMatchObject({ formula: serial1904('2020-11-30'), numberFormat: 'yyyy-mm-dd' });
  });

  it('reads the date system in the first of its two syncs', async () => {
    const workbook = new FakeWorkbook({ date1904: true });
    const ctx = new FakeContext(workbook);
    const book = await readWorkbookInExcel(ctx as unknown as Excel.RequestContext, undefined, { dateSystem: true });
    expect(book.dateSystem).toBe(1904);
    expect(ctx.syncs).toBe(2);
    const plain = await readWorkbookInExcel(new FakeContext(new FakeWorkbook()) as unknown as Excel.RequestContext, undefined, { dateSystem: true });
    expect(plain.dateSystem).toBe(1900);
  });
});

describe('20231231 typed into 计划完成时间 and over 统计日期, in Excel', () => {
  it('is kept as typed; 统计日期 goes back to =TODAY(); nothing that is not a finite number reaches a cell', async () => {
    const workbook = new FakeWorkbook();
    const { host } = excelWith(workbook);
    await host.generate(SEED, null, noProgress);
    const ws = sheet(workbook, '台账-市财政局');
    const cell = `${column(ws, '计划完成时间')}${row(ws, '36.1')}`;
    ws.cells.get(cell)!.formula = 20231231;
    sheet(workbook, '汇总').cells.get('B1')!.formula = 20231231;

    const refreshed = await host.refreshSummary(noProgress);
    expect(refreshed.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number(refreshed.asOf.slice(0, 4))).toBeLessThan(10000);
    expect(at(sheet(workbook, '汇总'), 'B1')).toBe('=TODAY()');

    sheet(workbook, '汇总').cells.get('B1')!.formula = 20231231;
    const checked = await host.validate(noProgress);
    expect(checked.findings).toContainEqual(expect.objectContaining({ code: 'AS_OF_NOT_A_DATE', sheet: '汇总', cell: 'B1' }));
    expect(checked.findings).toContainEqual(expect.objectContaining({ code: 'NOT_A_DATE', sheet: '台账-市财政局', cell, message: expect.stringContaining('像是把 2023-12-31 写成了数字') }));
    expect(JSON.stringify(checked.findings)).not.toMatch(/NaN|57289/);

    await host.generate(SEED, null, noProgress);
    expect(at(sheet(workbook, '台账-市财政局'), cell)).toBe(20231231);
    expect(at(sheet(workbook, '汇总'), 'B1')).toBe('=TODAY()');
    const bad = workbook.sheets.flatMap((w) => [...w.cells].filter(([, c]) => typeof c.formula === 'number' && !Number.isFinite(c.formula)).map(([a]) => `${w.name}!${a}`));
    expect(bad).toEqual([]);
  });
});

describe('without ExcelApi 1.16', () => {
  // Excel cannot say which system a workbook uses: the adapter assumes 1900 (Excel's default) and
  // never asks. A 1904 workbook in such an Excel gets 1900 serials: a known limitation.
  it('the adapter assumes 1900 and never loads use1904DateSystem', async () => {
    const older = (name: string, version: string): boolean => name !== 'ExcelApi' || version !== '1.16';
    const workbook = new FakeWorkbook({ date1904: true });
    const { host } = excelWith(workbook, older);
    await host.generate(SEED, null, noProgress);
    for (const d of dueCells(sheet(workbook, '任务清单'), serial1900)) expect(d.stored ?? null).toBe(d.expected);
  });
});

describe('the fake and the cell values', () => {
  it('use1904DateSystem is readable only after load and sync, in that run', async () => {
    const workbook = new FakeWorkbook({ date1904: true });
    const ctx = new FakeContext(workbook);
    expect(() => workbook.use1904DateSystem).toThrow('PropertyNotLoaded');
    workbook.load('use1904DateSystem');
    expect(() => workbook.use1904DateSystem).toThrow('PropertyNotLoaded');
    await ctx.sync();
    expect(workbook.use1904DateSystem).toBe(true);
    new FakeContext(workbook);
    expect(() => workbook.use1904DateSystem).toThrow('PropertyNotLoaded');
  });

  it('dates become serials of the workbook’s system; re-typed text dates too', () => {
    expect(officeCellValue(date('2020-09-30'), 1904)).toBe(serial1904('2020-09-30'));
    expect(officeCellValue(date('2020-09-30'), 1900)).toBe(serial1900('2020-09-30'));
    expect(excelRetype('2020-09-30', 1904)?.value).toBe(serial1904('2020-09-30'));
    expect(excelRetype('2020-09-30')?.value).toBe(serial1900('2020-09-30'));
  });
});
