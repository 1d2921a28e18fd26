import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fakeExcelScript, openPaneWithFakeExcel, useTaskPaneBrowser } from '../support/browser';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');

const env = useTaskPaneBrowser();

type FakeState = { sheets: number; names: string[]; ledgerCell: unknown; syncs: number[] };

describe('生成工作簿 in Chromium, against the in-memory Excel injected into the page', () => {
  it('generates the workbook in one Excel.run, then regenerates in place keeping typed values', async () => {
    const page = await env.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript({ content: fakeExcelScript() });
    await page.goto(`${env.url}/taskpane.html`);
    await page.getByRole('textbox').fill(SEED);
    await page.getByRole('button', { name: '生成工作簿' }).click();
    await page.getByText('已生成 59 张工作表（其中台账 52 张）').waitFor();

    const first = await page.evaluate((): FakeState => {
      const fake = (window as unknown as { __dubanFake: { workbook: { sheets: Array<{ name: string; cells: Map<string, { formula: unknown }> }>; definedNames: Map<string, string> }; contexts: Array<{ requests: number[] }> } }).__dubanFake;
      const ledger = fake.workbook.sheets.find((s) => s.name === '台账-市财政局');
      // A unit types into its ledger between two generations.
      ledger?.cells.set('J2', { ...(ledger.cells.get('J2') as object), formula: '王五' } as { formula: unknown });
      return { sheets: fake.workbook.sheets.length, names: [...fake.workbook.definedNames.keys()], ledgerCell: ledger?.cells.get('A2')?.formula, syncs: fake.contexts.map((c) => c.requests.length) };
    });
    expect(first.sheets).toBe(59); // 52 ledgers, 6 tables (报送记录 among them), the hidden _台账索引
    // DESIGN's settings (§7, §12's loop), the row index's runs, and the reporting period the loop computes.
    expect(first.names.sort()).toEqual([
      'Duban_AsOf', 'Duban_IndexOrder', 'Duban_IndexOverdueRun', 'Duban_IndexTodoRun', 'Duban_PaceTolerance', 'Duban_PeriodEnd',
      'Duban_PeriodStart', 'Duban_ReportCycle', 'Duban_ReportDay', 'Duban_ReportDue', 'Duban_ReviewRequired', 'Duban_WarnDays', 'Duban_Year',
    ]);
    // 市政府各部门分别负责 gives every municipal unit a row for 1.1, written with Excel's text prefix
    // so that Excel keeps the id "1.1" as text instead of the number 1.1.
    expect(first.ledgerCell).toBe("'1.1");
    // The pane looks at the workbook when it opens (1 sync: a new workbook's sheet names) and after
    // generating (4: the names, then 任务清单 read for its 事项来源 — names, where values are, the
    // values); 生成工作簿 is one Excel.run: read back (2: sheet names, where values are; a blank
    // Sheet1 has none to read) + look (1) + write (4: each request's envelope under 4 MB; the loop's
    // columns made the seed's plan need a fourth).
    expect(first.syncs).toEqual([1, 7, 4]);

    // Regenerating the same notice changes nothing: said, with nothing to apply.
    await page.getByRole('button', { name: '重新生成工作簿' }).click();
    const same = page.getByRole('dialog', { name: '重新生成工作簿？' });
    await same.getByText('分工没有变化').waitFor();
    expect(await same.getByRole('button', { name: '重新生成' }).count()).toBe(0);
    await same.getByRole('button', { name: '关闭' }).click();
    // A revised notice (one deadline moved) shows what changes first, and applies only when confirmed.
    await page.getByRole('textbox').fill(SEED.replace('12月底前完成', '11月底前完成'));
    await page.getByText('任务 120').waitFor();
    await page.getByRole('button', { name: '重新生成工作簿' }).click();
    await page.getByRole('dialog', { name: '重新生成工作簿？' }).getByText(/修改 [1-9]\d* 项/).waitFor();
    await page.getByRole('dialog', { name: '重新生成工作簿？' }).getByRole('button', { name: '重新生成' }).click();
    await page.getByText('保留已填写的台账行 1 行').waitFor();
    const kept = await page.evaluate(() => {
      const fake = (window as unknown as { __dubanFake: { workbook: { sheets: Array<{ name: string; cells: Map<string, { formula: unknown }> }> } } }).__dubanFake;
      return fake.workbook.sheets.find((s) => s.name === '台账-市财政局')?.cells.get('J2')?.formula;
    });
    expect(kept).toBe('王五');

    // 刷新汇总: 汇总 and the hidden row index rebuilt in one run, charts drawn by Excel.
    await page.getByRole('tab', { name: '汇总' }).click();
    await page.getByRole('button', { name: '刷新汇总' }).click();
    await page.getByText(/已刷新汇总（统计日期/).waitFor();
    // The figures are in the tiles (the 任务 tile first), not repeated in the status line.
    expect(await page.getByRole('list', { name: '汇总数字' }).getByRole('listitem').first().innerText()).toMatch(/任务\s*120 项/);
    const summary = await page.evaluate(() => {
      const fake = (window as unknown as { __dubanFake: { workbook: { sheets: Array<{ name: string; visibility: string; chartList: Array<{ type: string; title: string }> }> }; contexts: unknown[] } }).__dubanFake;
      const sheets = fake.workbook.sheets;
      return { charts: sheets.find((s) => s.name === '汇总')?.chartList.map((c) => `${c.type} ${c.title}`), index: sheets.find((s) => s.name === '_台账索引')?.visibility, runs: fake.contexts.length, count: sheets.length };
    });
    // Runs: the pane's look at the workbook on opening and after each generate, two generates, the
    // two changes previews before the second (they write nothing), one refresh and the look after it.
    expect(summary).toEqual({ charts: ['BarClustered 各单位完成率', 'Pie 任务状态'], index: 'Hidden', runs: 9, count: 59 });

    // 校验: findings listed, a click goes to the cell, text dates fixed in one more run.
    await page.evaluate(() => {
      const fake = (window as unknown as { __dubanFake: { workbook: { sheets: Array<{ name: string; cells: Map<string, { formula: unknown }> }> } } }).__dubanFake;
      const ledger = fake.workbook.sheets.find((s) => s.name === '台账-市财政局')!;
      ledger.cells.set('P2', { ...(ledger.cells.get('P2') as object), formula: '2020年11月30日' } as { formula: unknown });
    });
    await page.getByRole('tab', { name: '校验' }).click();
    await page.getByRole('button', { name: '校验', exact: true }).click();
    await page.getByText(/校验完成（统计日期 .*）：错误 \d+ 个，警告 \d+ 个/).waitFor();
    // The one text date is fixable and shown; the location goes to its cell.
    await page.getByRole('button', { name: /，台账-市财政局!P2$/ }).click();
    await page.waitForFunction(() => (window as unknown as { __dubanFake: { workbook: { selected: string | null } } }).__dubanFake.workbook.selected === '台账-市财政局!P2');
    await page.getByRole('button', { name: '把文字日期改为日期（1 处）' }).click();
    await page.getByText(/已修正，校验完成/).waitFor();
    const fixed = await page.evaluate(() => {
      const fake = (window as unknown as { __dubanFake: { workbook: { sheets: Array<{ name: string; cells: Map<string, { formula: unknown; numberFormat: string }> }> } } }).__dubanFake;
      const cell = fake.workbook.sheets.find((s) => s.name === '台账-市财政局')!.cells.get('P2')!;
      return { value: cell.formula, format: cell.numberFormat, report: fake.workbook.sheets.some((s) => s.name === '校验结果') };
    });
    expect(fixed).toEqual({ value: 44165, format: 'yyyy-mm-dd', report: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a 2020 notice counted as of today: 按 2020 年底统计 sets 汇总!B1 to 2020-12-31 in Excel, and 汇总 counts as of it', async () => {
    const { page, errors } = await openPaneWithFakeExcel(env, 320);
    await page.getByRole('textbox').fill(SEED);
    await page.getByRole('button', { name: '生成工作簿' }).click();
    await page.getByText('已生成 59 张工作表（其中台账 52 张）').waitFor();
    // Offered right after generating, with the year the workbook holds (汇总's 年度).
    const offer = page.getByRole('button', { name: '按 2020 年底统计' });
    await offer.waitFor();
    await page.getByText(/通知是 2020 年的，统计日期仍是今天/).waitFor();
    expect(await summaryB1(page)).toEqual({ formula: '=TODAY()', numberFormat: 'yyyy-mm-dd' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await offer.click();
    await page.getByText(/统计日期已设为 2020-12-31（汇总!B1），汇总已按此刷新：任务 120 项，已完成 0 项，逾期 2 项，临期 118 项/).waitFor();
    // 44196 is 2020-12-31 in the 1900 date system, shown as a date.
    expect(await summaryB1(page)).toEqual({ formula: 44196, numberFormat: 'yyyy-mm-dd' });
    // The workbook read again holds a date: nothing more is offered, here or on 汇总, whose figures are as of that date.
    await offer.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: '汇总' }).click();
    const figures = page.getByRole('list', { name: '汇总数字' });
    await figures.waitFor();
    expect(await figures.getByRole('listitem').nth(3).innerText()).toMatch(/逾期\s*2 项/);
    expect(await page.getByRole('button', { name: /年底统计/ }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers no year-end 统计日期 once 统计日期 is a date (typed into 汇总!B1 by the office)', async () => {
    const page = await env.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript({ content: fakeExcelScript() });
    await page.goto(`${env.url}/taskpane.html`);
    await page.getByRole('textbox').fill(SEED);
    await page.getByRole('button', { name: '生成工作簿' }).click();
    await page.getByText('已生成 59 张工作表（其中台账 52 张）').waitFor();
    await page.getByRole('button', { name: '按 2020 年底统计' }).waitFor();
    // The office types 2020-10-31 over =TODAY(), then refreshes 汇总.
    await page.evaluate(() => {
      const fake = (window as unknown as { __dubanFake: { workbook: { sheets: Array<{ name: string; cell(r: number, c: number): { formula: unknown } }> } } }).__dubanFake;
      fake.workbook.sheets.find((s) => s.name === '汇总')!.cell(0, 1).formula = 44135;
    });
    await page.getByRole('tab', { name: '汇总' }).click();
    await page.getByRole('button', { name: '刷新汇总' }).click();
    await page.getByText(/已刷新汇总（统计日期 2020-10-31）/).waitFor();
    await page.getByRole('button', { name: /年底统计/ }).waitFor({ state: 'detached' });
    expect(await page.getByText(/统计日期仍是今天/).count()).toBe(0);
    await page.getByRole('tab', { name: '分工' }).click();
    await page.getByRole('button', { name: '更新分工…' }).waitFor();
    expect(await page.getByRole('button', { name: /年底统计/ }).count()).toBe(0);
    expect(await summaryB1(page)).toEqual({ formula: 44135, numberFormat: 'yyyy-mm-dd' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** 汇总!B1 (Duban_AsOf) as the fake Excel holds it. */
function summaryB1(page: Page): Promise<{ formula: unknown; numberFormat: string }> {
  return page.evaluate(() => {
    const fake = (window as unknown as { __dubanFake: { workbook: { sheets: Array<{ name: string; cell(r: number, c: number): { formula: unknown; numberFormat: string } }> } } }).__dubanFake;
    const b1 = fake.workbook.sheets.find((s) => s.name === '汇总')!.cell(0, 1);
    return { formula: b1.formula, numberFormat: b1.numberFormat };
  });
}
