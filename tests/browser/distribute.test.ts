import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { openPaneWithFakeExcel, useTaskPaneBrowser } from '../support/browser';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
/** Screenshots for a person to look at (`SCREENSHOTS=dir`); none unless asked. */
const SHOTS = process.env.SCREENSHOTS;

const env = useTaskPaneBrowser();

describe('下发 and 回收 in Chromium at 320 px (in-memory Excel injected; files as downloads)', () => {
  it('下发 of chosen units downloads one zip of complete unit files; 回收 of a foreign file warns, one line per file', async () => {
    const { page, errors } = await openPaneWithFakeExcel(env, 320);
    await page.getByRole('textbox').fill(SEED);
    await page.getByRole('button', { name: '生成工作簿' }).click();
    await page.getByText('已生成 59 张工作表（其中台账 52 张）').waitFor();

    await page.getByRole('tab', { name: '台账' }).click();
    const list = page.getByRole('list', { name: '下发的单位' });
    await list.waitFor();
    expect(await list.getByRole('checkbox').count()).toBe(52);
    // Nobody has filled anything yet: every unit is 未填报.
    await page.getByRole('radio', { name: '未填报 52' }).check();
    await page.getByRole('searchbox', { name: '查找单位' }).fill('财政');
    await list.getByRole('checkbox', { name: /市财政局/ }).check();
    await page.getByRole('searchbox', { name: '查找单位' }).fill('教');
    await list.getByRole('checkbox', { name: /市教委/ }).check();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下发 2 个单位' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('下发第1轮-2个单位.zip');
    await page.getByText(/已下发第 1 轮：2 个单位的文件已保存为“下发第1轮-2个单位.zip”/).waitFor();
    if (SHOTS) await page.screenshot({ path: join(SHOTS, '下发-320.png'), fullPage: true });

    const zip = await JSZip.loadAsync(readFileSync((await file.path()) as string));
    expect(Object.keys(zip.files).sort()).toEqual(['台账-市教委.xlsx', '台账-市财政局.xlsx']);
    const fin = new ExcelJS.Workbook();
    await fin.xlsx.load((await zip.file('台账-市财政局.xlsx')!.async('nodebuffer')) as unknown as ExcelJS.Buffer);
    // 任务清单 holds the unit's tasks, not an empty sheet.
    const ledgerTasks = new Set<string>();
    fin.getWorksheet('台账-市财政局')!.eachRow((row, r) => r > 1 && ledgerTasks.add(String(row.getCell(1).value)));
    const listed = new Set<string>();
    fin.getWorksheet('任务清单')!.eachRow((row, r) => r > 1 && listed.add(String(row.getCell(1).value)));
    expect(listed.size).toBeGreaterThan(10);
    expect([...listed].sort()).toEqual([...ledgerTasks].sort());

    // 回收: a file of this round from the other unit is merged; a file that is no unit file is refused.
    const edu = await zip.file('台账-市教委.xlsx')!.async('nodebuffer');
    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet('Sheet1').getCell('A1').value = '别的表';
    const foreignBytes = Buffer.from(await foreign.xlsx.writeBuffer());
    await page.getByLabel('各单位发回的台账文件').setInputFiles([
      { name: '台账-市教委.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: edu },
      { name: '别的表.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: foreignBytes },
    ]);
    const alert = page.getByRole('alert').filter({ hasText: '拒收' });
    await alert.getByText('合并 1 份，拒收 1 份').waitFor();
    expect(await alert.getByRole('listitem').allInnerTexts()).toEqual(['别的表.xlsx：不是督办下发的台账文件（没有“_督办标识”）']);
    // The warning intent, never success.
    expect(await alert.getAttribute('class')).toMatch(/warning|fui-MessageBar/);
    expect(await page.locator('.fui-MessageBar').filter({ hasText: '拒收' }).evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(await page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor));
    if (SHOTS) await page.screenshot({ path: join(SHOTS, '回收-320.png'), fullPage: true });

    await page.getByRole('tab', { name: '汇总' }).click();
    await page.getByRole('button', { name: '刷新汇总' }).click();
    await page.getByText(/已刷新汇总/).waitFor();
    if (SHOTS) await page.screenshot({ path: join(SHOTS, '汇总-320.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
