import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { openPaneWithFakeExcel, useTaskPaneBrowser } from '../support/browser';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const MINUTES = readFileSync(join(__dirname, '..', 'sources', 'fixtures', 'changwu-2020-12.txt'), 'utf8');
const SEED_SOURCE = '落实国务院《政府工作报告》重点工作任务分工';
const MEETING = '市政府第12次常务会议纪要';

const env = useTaskPaneBrowser();

type Row = { id: string; source: string; deadline: string; text: string };

/** 任务清单 in the fake Excel, a row a task, by its header's columns. */
function taskList(page: Page): Promise<Row[]> {
  return page.evaluate(() => {
    const fake = (window as unknown as { __dubanFake: { workbook: { sheets: Array<{ name: string; cell(r: number, c: number): { formula: unknown }; usedBox(): { r1: number; c1: number } | null }> } } }).__dubanFake;
    const ws = fake.workbook.sheets.find((s) => s.name === '任务清单')!;
    const box = ws.usedBox()!;
    const text = (r: number, c: number): string => {
      const v = ws.cell(r, c).formula;
      return typeof v === 'string' && v.startsWith("'") ? v.slice(1) : String(v ?? '');
    };
    const header = Array.from({ length: box.c1 + 1 }, (_, c) => text(0, c));
    const at = (h: string): number => header.indexOf(h);
    return Array.from({ length: box.r1 }, (_, i) => ({ id: text(i + 1, at('任务编号')), source: text(i + 1, at('事项来源')), deadline: text(i + 1, at('完成时限')), text: text(i + 1, at('任务内容')) }));
  });
}

/** A unit's typed value in its ledger: what a rebuild must keep. */
function ledgerValue(page: Page, sheet: string, cell: string): Promise<unknown> {
  return page.evaluate(([s, a]) => {
    const fake = (window as unknown as { __dubanFake: { workbook: { sheets: Array<{ name: string; cells: Map<string, { formula: unknown }> }> } } }).__dubanFake;
    return fake.workbook.sheets.find((x) => x.name === s)?.cells.get(a as string)?.formula;
  }, [sheet, cell]);
}

/**
 * 重新生成 in the changes dialog, then wait until the rebuild is written: the earlier generation's
 * message is still on screen, so the wait is on Excel runs (the rebuild, then the pane's look at
 * the workbook, which starts once the rebuild has finished).
 */
async function confirmAndWait(page: Page, dialog: Locator): Promise<void> {
  const runs = (): Promise<number> => page.evaluate(() => (window as unknown as { __dubanFake: { contexts: unknown[] } }).__dubanFake.contexts.length);
  const before = await runs();
  await dialog.getByRole('button', { name: '重新生成' }).click();
  await page.waitForFunction((n) => (window as unknown as { __dubanFake: { contexts: unknown[] } }).__dubanFake.contexts.length >= n + 2, before);
  await page.getByText(/已生成 \d+ 张工作表/).waitFor();
}

describe('事项来源 in the pane, in Chromium against the in-memory Excel (DESIGN §13)', () => {
  it('adds the minutes as a second source keeping the notice’s 120 tasks, then updates the minutes alone', async () => {
    const { page, errors } = await openPaneWithFakeExcel(env, 320);
    const notice = page.getByRole('textbox', { name: /任务分工通知/ });
    await notice.fill(SEED);
    await page.getByRole('button', { name: '生成工作簿' }).click();
    await page.getByText('已生成 59 张工作表（其中台账 52 张）').waitFor();
    // A unit types into its ledger (a row of the notice's task 1.1).
    await page.evaluate(() => {
      const fake = (window as unknown as { __dubanFake: { workbook: { sheets: Array<{ name: string; cells: Map<string, { formula: unknown }> }> } } }).__dubanFake;
      const ledger = fake.workbook.sheets.find((s) => s.name === '台账-市财政局')!;
      ledger.cells.set('J2', { ...(ledger.cells.get('J2') as object), formula: '王五' } as { formula: unknown });
    });
    const seedRows = await taskList(page);
    expect(seedRows).toHaveLength(120);
    expect(new Set(seedRows.map((r) => r.source))).toEqual(new Set([SEED_SOURCE]));

    // The minutes, titled otherwise than the workbook's one source: nothing is proposed (updating would
    // move the notice's 120 tasks out), and 重新生成 waits for the office's choice.
    await notice.fill(MINUTES);
    await page.getByText('任务 6', { exact: true }).waitFor();
    const update = page.getByRole('radio', { name: `更新已有来源：${SEED_SOURCE}` });
    expect(await update.isChecked()).toBe(false);
    await page.getByText(`请选择这份通知是更新已有的事项来源“${SEED_SOURCE}”，还是作为新的事项来源添加。`).first().waitFor();
    // Chosen anyway, the preview warns that the notice's 120 tasks would go, in a message that keeps its
    // own height above the long list of changes (it once ran over the lines below at 320 px).
    await update.check();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.getByRole('button', { name: '重新生成工作簿' }).click();
    const replace = page.getByRole('dialog', { name: '重新生成工作簿？' });
    const warning = replace.getByText(/^这次更新会把工作簿中的 120 项任务移出分工，只保留 0 项。/);
    await warning.waitFor();
    expect(await warning.evaluate((el) => { const bar = el.closest('.fui-MessageBar') as HTMLElement; return bar.scrollHeight - bar.clientHeight; })).toBeLessThanOrEqual(1);
    await replace.getByRole('button', { name: '取消' }).click();
    await replace.waitFor({ state: 'detached' });
    await page.setViewportSize({ width: 320, height: 900 });
    await page.getByRole('radio', { name: '作为新的事项来源添加' }).check();
    const name = page.getByRole('textbox', { name: /新事项来源的名称/ });
    // Prefilled from the minutes' title.
    expect(await name.inputValue()).toBe('天津市人民政府常务会议纪要第12次');
    await name.fill(SEED_SOURCE);
    await page.getByText(`“${SEED_SOURCE}”已是本工作簿的事项来源`, { exact: false }).waitFor();
    await name.fill(MEETING);
    // The question fits the pane: nothing wider than 320 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.getByRole('button', { name: '重新生成工作簿' }).click();
    const add = page.getByRole('dialog', { name: '重新生成工作簿？' });
    await add.getByText(`作为新的事项来源“${MEETING}”加入：已有来源的任务不变。`).waitFor();
    await add.getByText('新增任务 6 项，修改 0 项，移出 0 项', { exact: false }).waitFor();
    await confirmAndWait(page, add);

    const two = await taskList(page);
    expect(two).toHaveLength(126);
    // The notice's 120 tasks are as they were; the minutes' 6 follow, ids prefixed with their 简称.
    expect(two.slice(0, 120)).toEqual(seedRows);
    expect(two.slice(120).map((r) => r.id)).toEqual(['纪要12-1.1', '纪要12-2.1', '纪要12-3.1', '纪要12-4.1', '纪要12-5.1', '纪要12-6.1']);
    expect(two.slice(120).every((r) => r.source === MEETING)).toBe(true);
    expect(await ledgerValue(page, '台账-市财政局', 'J2')).toBe('王五');

    // The minutes revised (task 3 moved to October): the workbook now has two sources, and the
    // notice is named as neither, so the pane waits for a choice.
    await notice.fill(MINUTES.replace('9月底前完成', '10月底前完成'));
    await page.getByRole('radio', { name: '更新已有来源' }).waitFor();
    const regenerate = page.getByRole('button', { name: '重新生成工作簿' });
    expect(await regenerate.getAttribute('aria-disabled')).toBe('true');
    await page.getByText(/工作簿中有 2 个事项来源：请选择/).waitFor();
    await page.getByRole('radio', { name: '更新已有来源' }).check();
    const which = page.getByRole('radiogroup', { name: '要更新的事项来源' });
    expect(await which.getByRole('radio').count()).toBe(2);
    await which.getByRole('radio', { name: MEETING }).check();
    await regenerate.click();
    const revise = page.getByRole('dialog', { name: '重新生成工作簿？' });
    await revise.getByText(`更新事项来源“${MEETING}”：其他来源的任务不变。`).waitFor();
    await revise.getByText('新增任务 0 项，修改 1 项，移出 0 项', { exact: false }).waitFor();
    await confirmAndWait(page, revise);

    const revised = await taskList(page);
    expect(revised.slice(0, 120)).toEqual(seedRows);
    expect(revised.map((r) => r.id)).toEqual(two.map((r) => r.id));
    expect(revised[122]?.deadline).toContain('10月底前');
    expect(two[122]?.deadline).toContain('9月底前');
    expect(revised.filter((r, i) => i !== 122)).toEqual(two.filter((r, i) => i !== 122));
    expect(await ledgerValue(page, '台账-市财政局', 'J2')).toBe('王五');
    expect(errors).toEqual([]);
    await page.close();
  });
});
