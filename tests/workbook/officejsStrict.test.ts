/**
 * The task pane's actions against the strict fake: a workbook that starts as Excel's do (a blank
 * Sheet1), writes applied only at sync, syncs that fail, protection enforced, text re-typed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runExcel } from '../../src/adapters/officejs/runExcel';
import { officeCellValue } from '../../src/adapters/officejs/cellValues';
import { TASKLIST_AND_FILLED, readWorkbookInExcel } from '../../src/adapters/officejs/readWorkbook';
import { FakeContext, FakeWorkbook, excelRetype, type FakeWorksheet } from '../support/fakeExcel';
import { excelWith, restoreExcelAfterEach } from '../support/fakeExcelHost';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const noProgress = (): void => undefined;
restoreExcelAfterEach();

const ledger = (wb: FakeWorkbook, unit: string): FakeWorksheet => wb.sheet(`台账-${unit}`) as FakeWorksheet;
const valueOf = (ws: FakeWorksheet, cell: string): unknown => {
  const v = ws.cells.get(cell)?.formula;
  return typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
};

/** Type into every ledger's 具体措施 and 责任人 of row 2, as units would; returns what was typed. */
function typeIntoLedgers(wb: FakeWorkbook): Map<string, string> {
  const typed = new Map<string, string>();
  for (const ws of wb.sheets.filter((s) => s.name.startsWith('台账-'))) {
    ws.cell(1, 7).formula = `${ws.name}的措施`;
    ws.cell(1, 9).formula = '张三';
    typed.set(`${ws.name}!H2`, `${ws.name}的措施`);
    typed.set(`${ws.name}!J2`, '张三');
  }
  return typed;
}
const lost = (wb: FakeWorkbook, typed: Map<string, string>): string[] =>
  [...typed].filter(([at, v]) => {
    const [sheet, cell] = at.split('!') as [string, string];
    const ws = wb.sheet(sheet);
    return !ws || !Object.values(Object.fromEntries(ws.cells)).some((c) => c.formula === v) || (cell === 'H2' && !ws);
  }).map(([at]) => at);

describe('生成工作簿 in a workbook as Excel makes it', () => {
  it('a new workbook (a blank Sheet1) is generated into, and the blank Sheet1 goes', async () => {
    const { host, workbook, runOptions } = excelWith();
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    const result = await host.generate(SEED, null, noProgress);
    expect(result).toMatchObject({ sheets: 59, ledgers: 52 });
    expect(workbook.sheets).toHaveLength(59);
    expect(workbook.sheet('Sheet1')).toBeUndefined();
    expect(workbook.activeSheet).toBe('汇总');
    // Excel waits for the user to leave cell-edit mode instead of failing the batch.
    expect(runOptions).toEqual([{ delayForCellEdit: true }]);
  });

  it('a Sheet1 the office wrote in is kept; a Mac 工作表1 that is blank goes', async () => {
    const typedIn = excelWith(new FakeWorkbook({ sheets: ['Sheet1'] }));
    (typedIn.workbook.sheet('Sheet1') as FakeWorksheet).cell(0, 0).formula = '我的笔记';
    await typedIn.host.generate(SEED, null, noProgress);
    expect(valueOf(typedIn.workbook.sheet('Sheet1') as FakeWorksheet, 'A1')).toBe('我的笔记');

    const mac = excelWith(new FakeWorkbook({ sheets: ['工作表1'] }));
    await mac.host.generate(SEED, null, noProgress);
    expect(mac.workbook.sheet('工作表1')).toBeUndefined();
  });

  it('refuses, and changes nothing, when a workbook that is not ours has a sheet named like one of ours', async () => {
    const wb = new FakeWorkbook();
    const theirs = wb.userAddsSheet('汇总');
    theirs.cell(0, 0).formula = '本处自己的汇总';
    const { host } = excelWith(wb);
    await expect(host.generate(SEED, null, noProgress)).rejects.toThrow('不是督办生成的工作簿');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1', '汇总']);
    expect(valueOf(theirs, 'A1')).toBe('本处自己的汇总');
  });

  it('regenerates in place, sheet names compared as Excel does (ignoring case)', async () => {
    const { host, workbook } = excelWith();
    await host.generate(SEED, null, noProgress);
    const typed = typeIntoLedgers(workbook);
    await host.generate(SEED, null, noProgress);
    expect(lost(workbook, typed)).toEqual([]);
    expect(workbook.sheets).toHaveLength(59);
  });
});

describe('a sync that fails in the middle of 生成工作簿', () => {
  it.each([
    ['the second write batch fails whole', { afterOps: 0 }],
    ['the second write batch fails after some of its operations', { afterOps: 200 }],
  ])('%s: every typed value is still in the workbook, and generating again completes', async (_label, failure) => {
    const { host, workbook } = excelWith();
    await host.generate(SEED, null, noProgress);
    const typed = typeIntoLedgers(workbook);
    // Syncs of a regeneration: read (任务清单 and the ledgers, as many as its blocks need, with
    // comments, links, text runs and formulas), look (1), lift protection (1), then write batches: fail the second of those.
    const reading = await readWorkbookInExcel(new FakeContext(workbook) as unknown as Excel.RequestContext, TASKLIST_AND_FILLED, { marks: true, textRuns: true });
    workbook.failSync(reading.syncs + 4, failure);
    const error = (await host.generate(SEED, null, noProgress).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/写入在第 2\/\d+ 批时中断/);
    expect(error.message).toContain('已填写的台账内容都还在');
    expect(lost(workbook, typed)).toEqual([]);
    // The retry reads the workbook as the failure left it and completes.
    await host.generate(SEED, null, noProgress);
    expect(lost(workbook, typed)).toEqual([]);
    expect(workbook.sheets).toHaveLength(59);
  });

  it('cell-edit mode while lifting protection (nothing written yet) is waited out and the run completes', async () => {
    const { host, workbook, contexts } = excelWith();
    await host.generate(SEED, null, noProgress);
    const typed = typeIntoLedgers(workbook);
    const before = contexts.length;
    // Syncs: read (3), look (1), then the one that lifts protection.
    workbook.failSync(5, { code: 'InvalidOperationInCellEditMode' });
    await host.generate(SEED, null, noProgress);
    expect(contexts.length - before).toBe(2); // the run, then its retry
    expect(lost(workbook, typed)).toEqual([]);
  });

  it('is not rerun by itself after a write was sent, even when Excel says cell-edit mode', async () => {
    const { workbook, contexts } = excelWith();
    workbook.failSync(1, { code: 'InvalidOperationInCellEditMode' });
    const wrote = runExcel(async (context, run) => {
      run.wrote = true;
      await context.sync();
    }, async () => undefined);
    await expect(wrote).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(contexts).toHaveLength(1);
  });
});

describe('protection', () => {
  it('a ledger someone protected with a password stops the run before anything is written, and says what to do', async () => {
    const { host, workbook } = excelWith();
    await host.generate(SEED, null, noProgress);
    const typed = typeIntoLedgers(workbook);
    const ws = ledger(workbook, '市财政局');
    ws.protection_ = null;
    workbook.userProtects('台账-市财政局', '123456');
    const before = JSON.stringify([...ws.cells]);
    await expect(host.generate(SEED, null, noProgress)).rejects.toThrow('撤销工作表保护');
    expect(JSON.stringify([...ws.cells])).toBe(before);
    expect(lost(workbook, typed)).toEqual([]);
  });

  it('把文字日期改为日期 on protected ledgers: fixed, and protected again with the same options', async () => {
    const { host, workbook } = excelWith();
    await host.generate(SEED, null, noProgress);
    const ws = ledger(workbook, '市财政局');
    const options = ws.protectedWith;
    expect(options).not.toBeNull();
    ws.cell(1, 15).formula = '2020年11月30日'; // 更新日期, typed as text
    const before = await host.validate(noProgress);
    expect(before.findings.some((f) => f.code === 'TEXT_DATE' && f.sheet === '台账-市财政局')).toBe(true);
    const after = await host.fixAndValidate(noProgress);
    expect(after.findings.some((f) => f.code === 'TEXT_DATE')).toBe(false);
    expect(ws.cells.get('P2')).toMatchObject({ formula: 44165, numberFormat: 'yyyy-mm-dd' });
    expect(ws.protectedWith).toEqual(options);
  });

  it('刷新汇总 in a generated workbook runs against enforced protection', async () => {
    const { host } = excelWith();
    await host.generate(SEED, null, noProgress);
    await expect(host.refreshSummary(noProgress)).resolves.toMatchObject({ tasks: 120 });
  });
});

describe('text stays text', () => {
  const LOOKS_TYPED = ['007', '11.10', '1-2', '2021-06-30', '50%', 'TRUE', 'false', '3月5日', '2020年11月30日', '1,000', '-', '+86 22', '#N/A', 'Jan-1'];

  it.each(LOOKS_TYPED)('the fake re-types %s in a General cell as Excel does, unless written as text', (text) => {
    if (!['-', '+86 22', '#N/A', 'Jan-1'].includes(text)) expect(excelRetype(text)).not.toBeNull();
    expect(String(officeCellValue({ t: 'text', v: text }, 1900)).startsWith("'")).toBe(true);
  });

  it('ids and typed values written through the adapter read back as the same text', async () => {
    const wb = new FakeWorkbook();
    const ctx = new FakeContext(wb) as unknown as Excel.RequestContext;
    const ws = wb.sheets[0] as FakeWorksheet;
    const range = ws.getRange(`A1:A${LOOKS_TYPED.length}`);
    range.formulas = LOOKS_TYPED.map((v) => [officeCellValue({ t: 'text', v }, 1900)]);
    await ctx.sync();
    const book = await readWorkbookInExcel(ctx);
    expect(book.sheets[0]?.rows.map((r) => r[0])).toEqual(LOOKS_TYPED);
    // Without the prefix Excel would have kept none of these as typed.
    const raw = new FakeWorkbook();
    const rawCtx = new FakeContext(raw) as unknown as Excel.RequestContext;
    (raw.sheets[0] as FakeWorksheet).getRange('A1:A3').values = [['007'], ['11.10'], ['TRUE']];
    await rawCtx.sync();
    expect([...(raw.sheets[0] as FakeWorksheet).cells.values()].map((c) => c.formula)).toEqual([7, 11.1, true]);
  });
});

describe('going to a finding', () => {
  it('says so when the finding’s sheet is gone', async () => {
    const { host, workbook } = excelWith();
    await host.generate(SEED, null, noProgress);
    await expect(host.selectCell('台账-不存在的单位', 'H2')).rejects.toThrow('工作表“台账-不存在的单位”已不存在');
    expect(workbook.selected).toBeNull();
    await host.selectCell('台账-市财政局', 'H2');
    expect(workbook.selected).toBe('台账-市财政局!H2');
  });

  it('describes the workbook for the pane: a new one is not generated, ours is', async () => {
    const { host } = excelWith();
    await expect(host.describeWorkbook()).resolves.toEqual({ generated: false, ledgers: [], sources: [], asOf: null, year: null });
    await host.generate(SEED, null, noProgress);
    const state = await host.describeWorkbook();
    expect(state.generated).toBe(true);
    // 任务清单's one 事项来源: the notice's short title.
    expect(state.sources).toEqual(['落实国务院《政府工作报告》重点工作任务分工']);
    expect(state.ledgers).toHaveLength(52);
    expect(state.ledgers[0]).toEqual({ unit: expect.any(String), sheet: `台账-${state.ledgers[0]?.unit}` });
  });
});

describe('reading a large workbook', () => {
  it('reads in blocks that keep every response under the budget, values in their sheet positions', async () => {
    const wb = new FakeWorkbook();
    const ws = wb.sheets[0] as FakeWorksheet;
    for (let r = 0; r < 250; r++) for (let c = 0; c < 4; c++) ws.cell(r + 2, c + 1).formula = `r${r}c${c}`;
    const ctx = new FakeContext(wb) as unknown as Excel.RequestContext & FakeContext;
    const book = await readWorkbookInExcel(ctx, new Set(), { cellsPerRead: 100 });
    // 1 000 cells at 100 a read: names, addresses, then 10 reads of 25 rows × 4 columns.
    expect(ctx.syncs).toBe(12);
    const rows = book.sheets[0]?.rows ?? [];
    expect(rows).toHaveLength(252);
    expect(rows[2]).toEqual([null, 'r0c0', 'r0c1', 'r0c2', 'r0c3']);
    expect(rows[251]).toEqual([null, 'r249c0', 'r249c1', 'r249c2', 'r249c3']);
  });
});
