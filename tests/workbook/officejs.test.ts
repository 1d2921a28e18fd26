import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { applyPlan, REQUEST_LIMIT_BYTES } from '../../src/adapters/officejs/applyPlan';
import { readWorkbookInExcel } from '../../src/adapters/officejs/readWorkbook';
import { runExcel } from '../../src/adapters/officejs/runExcel';
import { createExcelHost } from '../../src/adapters/officejs/excelHost';
import { FakeContext, FakeWorkbook, createFakeExcel } from '../support/fakeExcel';
import { scaledNotice } from '../../scripts/bench/parseBench';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const ALL = { dataValidation: true, conditionalFormats: true, dateSystem: true, pageLayout: true };
const ctxOf = (wb: FakeWorkbook) => new FakeContext(wb) as unknown as Excel.RequestContext & FakeContext;

async function apply(text: string, features = ALL, wb = new FakeWorkbook()) {
  const { plan } = prepareWorkbook({ noticeText: text, previous: null, asOf: null });
  const ctx = ctxOf(wb);
  const stats = await applyPlan(ctx, plan, features);
  return { wb, ctx, stats, plan };
}

describe('Office.js adapter against the in-memory Excel', () => {
  it('writes the seed workbook in 5 syncs: one to look, four to write (each envelope under the 4 MB aim, 20 % below the limit)', async () => {
    const { ctx, stats, wb } = await apply(SEED);
    expect(ctx.syncs).toBe(5);
    expect(stats.syncs).toBe(5);
    // A new workbook's Sheet1 is left to the caller (the pane removes it when blank).
    expect(wb.sheets.map((s) => s.name)).toHaveLength(60);
    expect(wb.sheets[0]?.name).toBe('Sheet1');
    expect(wb.sheets.find((s) => s.name === '_台账索引')?.visibility).toBe('Hidden');
    expect(wb.activeSheet).toBe('汇总');
  });

  it.each([10, 100])('at %i× the seed, syncs grow only with megabytes and every request stays under 4 MB', async (times) => {
    const { ctx, stats } = await apply(scaledNotice(times));
    // By the adapter's own (conservative) estimate: one sync to look, then batches of at most
    // 4 MB. A sheet is kept whole in one batch when it fits, so a batch is at least half full.
    const estimated = stats.requests.reduce((a, b) => a + b, 0);
    expect(ctx.syncs).toBe(stats.syncs);
    expect(ctx.syncs).toBeLessThanOrEqual(2 + 2 * Math.ceil(estimated / REQUEST_LIMIT_BYTES));
    // By the fake's own measurement every request is under the limit.
    expect(Math.max(...ctx.requests)).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
  });

  it('writes text that looks like a formula as text (apostrophe prefix), never as a formula', async () => {
    const text = '1．=HYPERLINK("http://example.invalid","点我")。（市财政局牵头，12月底前完成）\n2020年1月1日';
    const { wb } = await apply(text);
    const tasks = wb.sheets.find((s) => s.name === '任务清单')!;
    expect(tasks.cells.get('D2')?.formula).toBe('\'=HYPERLINK("http://example.invalid","点我")。');
    const values = [...wb.sheets.flatMap((s) => [...s.cells.values()])].filter((c) => typeof c.formula === 'string' && c.formula.startsWith('=HYPERLINK'));
    expect(values).toEqual([]);
  });

  it('without ExcelApi 1.8 it skips data validation and says so; the rest is written', async () => {
    const { wb } = await apply(SEED, { dataValidation: false, conditionalFormats: true, dateSystem: true, pageLayout: true });
    expect(wb.sheets.flatMap((s) => s.validations)).toEqual([]);
    expect(wb.sheets.find((s) => s.name === '台账-市财政局')?.conditionalFormats.length).toBe(6);
    const host = createExcelHost((_n, v) => v <= '1.7');
    expect(host.unavailableReason).toBeNull();
    expect(host.warnings.join('')).toContain('ExcelApi 1.8');
    expect(createExcelHost(() => false).unavailableReason).toContain('ExcelApi 1.7');
  });

  it('protects ledgers with only the fill columns unlocked, and no password', async () => {
    const { wb } = await apply(SEED);
    const ledger = wb.sheets.find((s) => s.name === '台账-市财政局')!;
    // Units insert rows (several measures) and columns (联系电话) without unprotecting (填报说明, issue 19).
    expect(ledger.protectedWith).toEqual({ allowAutoFilter: true, allowFormatColumns: true, allowFormatRows: true, allowInsertRows: true, allowInsertColumns: true, allowSort: false });
    expect(ledger.cells.get('H2')?.locked).toBe(false); // 具体措施
    expect(ledger.cells.get('C2')?.locked).toBe(true); // 任务内容
    expect(ledger.cells.get('Q2')?.locked).toBe(true); // 预警 (formula)
    expect(wb.sheets.find((s) => s.name === '单位名录')?.protectedWith).toBeNull();
  });

  it('regenerating in place reuses the sheets, keeps a user sheet, and clears old formats', async () => {
    const wb = new FakeWorkbook();
    await apply(SEED, ALL, wb);
    const mine = wb.userAddsSheet('我的备忘');
    mine.cell(0, 0).formula = '别删我';
    const ctx = ctxOf(wb);
    const previous = await readWorkbookInExcel(ctx);
    expect(ctx.syncs).toBe(3); // sheet names, where values are, the values (one read for the seed)
    const { plan } = prepareWorkbook({ noticeText: SEED, previous, asOf: null });
    await applyPlan(ctxOf(wb), plan, ALL);
    expect(wb.sheets.map((s) => s.name)).toContain('我的备忘');
    expect(wb.sheets.find((s) => s.name === '我的备忘')?.cells.get('A1')?.formula).toBe('别删我');
    expect(wb.sheets.filter((s) => s.name === '台账-市财政局')).toHaveLength(1);
    expect(wb.sheets.find((s) => s.name === '台账-市财政局')?.conditionalFormats).toHaveLength(6);
  });

  it('the fake refuses reads before sync, as Excel does', async () => {
    const wb = new FakeWorkbook();
    const ctx = ctxOf(wb);
    wb.worksheets.load('items/name');
    expect(() => wb.worksheets.items).toThrow('PropertyNotLoaded');
    await ctx.sync();
    expect(wb.worksheets.items.map((s) => s.name)).toEqual(['Sheet1']);
  });
});

describe('runExcel', () => {
  const realExcel = (globalThis as { Excel?: unknown }).Excel;
  afterEach(() => {
    (globalThis as { Excel?: unknown }).Excel = realExcel;
  });

  it('retries once when Excel is in cell-edit mode, then succeeds', async () => {
    let calls = 0;
    (globalThis as { Excel?: unknown }).Excel = {
      run: async (_options: unknown, fn: (c: unknown) => Promise<number>) => {
        calls++;
        if (calls === 1) throw Object.assign(new Error('busy'), { code: 'InvalidOperationInCellEditMode' });
        return fn({});
      },
    };
    await expect(runExcel(async () => 42, async () => undefined)).resolves.toBe(42);
    expect(calls).toBe(2);
  });

  it('surfaces every other error unchanged', async () => {
    const fake = createFakeExcel();
    (globalThis as { Excel?: unknown }).Excel = { run: () => Promise.reject(Object.assign(new Error('GeneralException'), { code: 'GeneralException' })) };
    await expect(runExcel(async () => 1, async () => undefined)).rejects.toThrow('GeneralException');
    expect(fake.contexts).toEqual([]);
  });

  it('tells the user to leave cell-edit mode when the retry also fails', async () => {
    (globalThis as { Excel?: unknown }).Excel = { run: () => Promise.reject(Object.assign(new Error('busy'), { code: 'InvalidOperationInCellEditMode' })) };
    await expect(runExcel(async () => 1, async () => undefined)).rejects.toThrow('单元格编辑状态');
  });
});

describe('regenerating when the set of units changes', () => {
  it('deletes the untouched ledger of a unit that left, and never reuses a table name still held', async () => {
    const wb = new FakeWorkbook();
    await apply(SEED, ALL, wb);
    // Item 42 is the only task of 市地震局 and 市气象局: without it they have no ledger and every
    // later ledger's table number shifts down by two.
    const revised = SEED.split('\n').filter((l) => !/^\s*42．/.test(l)).join('\n');
    const previous = await readWorkbookInExcel(ctxOf(wb));
    const { plan } = prepareWorkbook({ noticeText: revised, previous, asOf: null });
    expect(plan.removeSheets).toEqual(['台账-市地震局', '台账-市气象局']);
    await applyPlan(ctxOf(wb), plan, ALL);
    expect(wb.sheets.map((s) => s.name)).not.toContain('台账-市地震局');
    const names = wb.sheets.flatMap((s) => s.tableList.map((t) => t.name));
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => n.startsWith('Duban_Ledger_'))).toHaveLength(50);
  });

  it('keeps the ledger of a unit that left when something was typed in it', async () => {
    const wb = new FakeWorkbook();
    await apply(SEED, ALL, wb);
    wb.sheets.find((s) => s.name === '台账-市地震局')!.cell(1, 7).formula = '已有措施';
    const revised = SEED.split('\n').filter((l) => !/^\s*42．/.test(l)).join('\n');
    const previous = await readWorkbookInExcel(ctxOf(wb));
    const { plan } = prepareWorkbook({ noticeText: revised, previous, asOf: null });
    expect(plan.removeSheets).toEqual(['台账-市气象局']);
    await applyPlan(ctxOf(wb), plan, ALL);
    expect(wb.sheets.find((s) => s.name === '台账-市地震局')?.cells.get('H2')?.formula).toBe('已有措施');
    expect(wb.sheets.find((s) => s.name === '台账-市地震局')?.cells.get('D2')?.formula).toBe('已移出分工（原：负责）');
  });

  it('a table name held by a sheet the plan does not touch is not taken over', async () => {
    const wb = new FakeWorkbook();
    const other = wb.userAddsSheet('旧任务表');
    other.tableList.push({ name: 'Duban_Tasks', style: 'TableStyleLight9', address: 'A1:B2', box: { r0: 0, c0: 0, r1: 1, c1: 1, wholeColumns: false, wholeSheet: false } });
    await apply(SEED, ALL, wb);
    expect(wb.sheets.find((s) => s.name === '任务清单')?.tableList.map((t) => t.name)).toEqual(['Duban_Tasks_2']);
    expect(other.tableList.map((t) => t.name)).toEqual(['Duban_Tasks']);
  });
});

describe('reading a sheet that does not start at A1', () => {
  it('pads rows and columns so every value keeps its sheet position', async () => {
    const wb = new FakeWorkbook();
    const ctx = ctxOf(wb);
    const ws = wb.userAddsSheet('台账-自定义');
    ws.cell(2, 1).formula = '任务编号';
    ws.cell(3, 1).formula = '3.1';
    ws.cell(3, 3).formula = '张三';
    const book = await readWorkbookInExcel(ctx);
    // The used range is B3:D4: each of its rows is three cells wide, shifted one column right.
    expect(book.sheets.find((s) => s.name === '台账-自定义')?.rows).toEqual([[], [], [null, '任务编号', null, null], [null, '3.1', null, '张三']]);
  });
});
