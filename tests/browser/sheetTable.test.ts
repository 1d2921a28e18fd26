import { openPaneWithFakeExcel, useTaskPaneBrowser } from '../support/browser';

const env = useTaskPaneBrowser();

describe('从当前工作表读取 in Chromium, against the in-memory Excel injected into the page', () => {
  it('reads the office\'s 分工表 sheet, previews it at 270 px, builds from it and leaves the sheet as it was', async () => {
    const { page, errors } = await openPaneWithFakeExcel(env, 270);
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
    expect(await preview.getByRole('list', { name: '各列的识别' }).getByRole('combobox', { name: '“牵头部门”列作为' }).inputValue()).toBe('牵头单位');
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

  it('a unit column under a header Duban does not know: the clerk names it in the picker, the counts follow, and 生成 builds with it', async () => {
    const { page, errors } = await openPaneWithFakeExcel(env, 320);
    await page.evaluate(() => {
      type Cell = { formula: unknown };
      const fake = (window as unknown as { __dubanFake: { workbook: { sheets: Array<{ cell(r: number, c: number): Cell; userMerges(...a: string[]): void }> } } }).__dubanFake;
      const ws = fake.workbook.sheets[0]!;
      // 协同方 names no kind of column, and 牵头部门 already gives the table a unit column: 协同方 goes unread.
      const rows = [
        ['2020年重点任务分工表'],
        ['序号', '重点任务', '牵头部门', '协同方', '完成时限'],
        ['1', '开展职业技能培训。', '市人社局', '市财政局、市教委', '12月底前'],
        ['2', '支持高校毕业生就业。', '市教委', '市人社局', '9月底前'],
        ['3', '建设创业孵化基地。', '市科技局', '市财政局、市商务局', '10月底前'],
      ];
      rows.forEach((row, r) => row.forEach((v, c) => v !== '' && (ws.cell(r, c).formula = v)));
      ws.userMerges('A1:E1');
    });
    await page.getByRole('button', { name: '从当前工作表读取' }).click();
    const preview = page.getByRole('region', { name: '分工表预览' });
    const partner = preview.getByRole('combobox', { name: '“协同方”列作为' });
    const figures = preview.getByRole('region', { name: '解析结果' });
    await figures.getByText('任务 3', { exact: true }).waitFor();
    expect(await partner.inputValue()).toBe('不用');
    await figures.getByText('单位 3', { exact: true }).waitFor();
    await figures.getByText('配合 0', { exact: true }).waitFor();

    await partner.selectOption('配合单位');
    await figures.getByText('单位 5', { exact: true }).waitFor();
    await figures.getByText('配合 5', { exact: true }).waitFor();
    await figures.getByText('任务 3', { exact: true }).waitFor();
    await preview.getByText('按指定').waitFor();
    expect(await partner.inputValue()).toBe('配合单位');
    // The pickers stack one under another: nothing is wider than the pane.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const boxes = await preview.getByRole('combobox').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    expect(boxes).toHaveLength(5);
    for (const right of boxes) expect(right).toBeLessThanOrEqual(320);

    await preview.getByRole('button', { name: '按此表生成工作簿' }).click();
    await page.getByText(/已生成 \d+ 张工作表（其中台账 5 张）/).waitFor();
    const book = await page.evaluate(() => {
      type Sheet = { name: string; cells: Map<string, { formula: unknown }> };
      const fake = (window as unknown as { __dubanFake: { workbook: { sheets: Sheet[] } } }).__dubanFake;
      const list = fake.workbook.sheets.find((s) => s.name === '任务清单');
      const rows: string[][] = [];
      for (const [key, cell] of list?.cells ?? []) {
        const [, col, row] = /^([A-Z]+)(\d+)$/.exec(key) ?? [];
        if (col === undefined || col.length > 1) continue;
        const r = Number(row) - 1;
        (rows[r] ??= [])[col.charCodeAt(0) - 65] = String(cell.formula ?? '');
      }
      return { names: fake.workbook.sheets.map((s) => s.name), rows: [...rows].map((r) => [...(r ?? [])].map((v) => v ?? '')) };
    });
    expect(book.names).toEqual(expect.arrayContaining(['台账-市财政局', '台账-市商务局', '台账-市人社局', '台账-市教委', '台账-市科技局']));
    const header = book.rows.findIndex((r) => r.includes('任务编号'));
    const at = (name: string) => book.rows[header]?.indexOf(name) ?? -1;
    // Ids are typed as text (`'1`), as Excel keeps 11.10 from becoming 11.1.
    const task = (id: string) => book.rows.find((r) => r[at('任务编号')] === `'${id}`) ?? [];
    expect(task('1')[at('牵头单位')]).toBe('市人社局');
    expect(task('1')[at('配合单位')]).toMatch(/^市财政局[、，,\n]市教委$/);
    expect(task('3')[at('配合单位')]).toMatch(/^市财政局[、，,\n]市商务局$/);
    expect(errors).toEqual([]);
  });
});
