import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPaneWithFakeExcel, useTaskPaneBrowser } from '../support/browser';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
/** Screenshots for a person to look at (`SCREENSHOTS=dir`); none unless asked. */
const SHOTS = process.env.SCREENSHOTS;

const env = useTaskPaneBrowser();

type FakeSheets = { __dubanFake: { workbook: { selected: string | null; sheets: Array<{ name: string; cells: Map<string, { formula: unknown }> }> } } };

/**
 * The pane's 汇总 tab lists what the office has to answer (DESIGN §12): a unit's 延期申请 awaiting
 * 延期批复 and, with review required, 已完成 awaiting 审核; one click goes to the cell to answer in.
 */
describe('the 汇总 tab lists pending extensions and reviews, in Chromium at 320 px', () => {
  it('lists a request and a done row from the ledgers, and goes to the row\'s 延期批复 on a click', async () => {
    const { page, errors } = await openPaneWithFakeExcel(env, 320);
    await page.getByRole('textbox').fill(SEED);
    await page.getByRole('button', { name: '生成工作簿' }).click();
    await page.getByText(/已生成 59 张工作表/).waitFor();

    // 市财政局 asks to move its first task to 2021-03-31 (S: 申请延期至) and reports its second done; review is required (汇总!G2).
    await page.evaluate(() => {
      const wb = (window as unknown as FakeSheets).__dubanFake.workbook;
      const put = (sheet: string, cell: string, value: unknown) => {
        const s = wb.sheets.find((x) => x.name === sheet)!;
        s.cells.set(cell, { ...(s.cells.get(cell) as object), formula: value } as { formula: unknown });
      };
      put('台账-市财政局', 'S2', 44286);
      put('台账-市财政局', 'T2', '项目开工推迟');
      put('台账-市财政局', 'N3', '已完成');
      put('台账-市财政局', 'O3', 44150);
      put('汇总', 'G2', '是');
    });
    await page.getByRole('tab', { name: '汇总' }).click();
    await page.getByRole('button', { name: '刷新汇总' }).click();
    await page.getByText(/已刷新汇总/).waitFor();

    const asks = page.getByRole('list', { name: '待批复的延期申请' });
    await asks.waitFor();
    expect(await asks.getByRole('listitem').allInnerTexts()).toEqual([expect.stringMatching(/^任务 \S+ · 市财政局 · 截止 \d{4}-\d{2}-\d{2}，申请延期至 2021-03-31$/)]);
    const reviews = page.getByRole('list', { name: '待审核的办结' });
    expect(await reviews.getByRole('listitem').allInnerTexts()).toEqual([expect.stringMatching(/^任务 \S+ · 市财政局 · 报已完成，待审核$/)]);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, '汇总-待办-320.png'), fullPage: true });

    // A click goes to the cell the office answers in: 延期批复 (V) of that row.
    await asks.getByRole('button').first().click();
    await page.waitForFunction(() => (window as unknown as FakeSheets).__dubanFake.workbook.selected === '台账-市财政局!V2');
    // Nothing sideways at 320 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
