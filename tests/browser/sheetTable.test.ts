import { fakeExcelScript, useTaskPaneBrowser } from '../support/browser';

const env = useTaskPaneBrowser();

describe('从当前工作表读取 in Chromium, against the in-memory Excel injected into the page', () => {
  it('reads the office\'s 分工表 sheet, previews it at 270 px, builds from it and leaves the sheet as it was', async () => {
    const page = await env.newPage();
    await page.setViewportSize({ width: 270, height: 900 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript({ content: fakeExcelScript() });
    await page.goto(`${env.url}/taskpane.html`);
    // The office's own table, typed into the blank Sheet1 of a new workbook, 板块 merged down.
    const typed = await page.evaluate(() => {
      type Cell = { formula: unknown };
      const fake = (window as unknown as { __dubanFake: { workbook: { sheets: Array<{ name: string; cell(r: number, c: number): Cell; userMerges(...a: string[]): void; cells: Map<string, Cell> }> } } }).__dubanFake;
      const ws = fake.workbook.sheets[0]!;
      const rows = [
        ['2020年重点任务分工表'],
        ['板块', '序号', '重点任务', '牵头部门', '配合单位', '完成时限'],
        ['稳就业', '1', '开展职业技能培训。', '市人社局', '市财政局、市教委', '12月底前'],
        ['', '2', '支持高校毕业生就业。', '市教委', '', '9月底前'],
      ];
      rows.forEach((row, r) => row.forEach((v, c) => v !== '' && (ws.cell(r, c).formula = v)));
      ws.userMerges('A1:F1', 'A3:A4');
      return JSON.stringify([...ws.cells.entries()]);
    });
    await page.getByRole('button', { name: '从当前工作表读取' }).click();
    const preview = page.getByRole('region', { name: '分工表预览' });
    await preview.getByText('已读取：工作表“Sheet1” A1:F4').waitFor();
    await preview.getByRole('list', { name: '各列的识别' }).getByText('牵头部门 → 牵头单位').waitFor();
    await preview.getByText('任务 2', { exact: true }).waitFor();
    // Nothing is wider than the pane.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(270);
    await preview.getByRole('button', { name: '按此表生成工作簿' }).click();
    await page.getByText(/已生成 \d+ 张工作表（其中台账 3 张）/).waitFor();
    const after = await page.evaluate(() => {
      const fake = (window as unknown as { __dubanFake: { workbook: { sheets: Array<{ name: string; cells: Map<string, unknown> }> } } }).__dubanFake;
      const ws = fake.workbook.sheets.find((s) => s.name === 'Sheet1');
      return { names: fake.workbook.sheets.map((s) => s.name), cells: ws ? JSON.stringify([...ws.cells.entries()]) : null };
    });
    expect(after.names).toContain('任务清单');
    expect(after.names).toContain('台账-市教委');
    expect(after.cells).toBe(typed);
    expect(errors).toEqual([]);
  });
});
