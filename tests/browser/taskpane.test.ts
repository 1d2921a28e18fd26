import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OFFICE_CDN_PREFIX, useTaskPaneBrowser } from '../support/browser';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');

const env = useTaskPaneBrowser();

/** Open the task pane and record every request the page makes. */
async function openPane(): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await env.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.url}/taskpane.html`);
  await page.getByRole('heading', { name: '督办 · 任务分工台账' }).waitFor();
  return { page, requests, errors };
}

describe('task pane in Chromium (outside Excel)', () => {
  it('loads, parses a pasted notice and shows its figures', async () => {
    const { page, errors } = await openPane();
    await page.getByRole('textbox').fill(SEED);
    await page.getByText('任务 120').waitFor();
    await page.getByText('板块 44').waitFor();
    await page.getByText('牵头 74').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says plainly that generating needs Excel, and keeps the button disabled', async () => {
    const { page } = await openPane();
    await page.getByRole('textbox').fill(SEED);
    await page.getByText('当前不在 Excel 中运行').waitFor();
    expect(await page.getByRole('button', { name: '生成工作簿' }).isDisabled()).toBe(true);
    await page.close();
  });

  it.each(['labelled-forms.gb18030.txt', 'labelled-forms.docx'])('reads %s chosen with the file picker', async (name) => {
    const { page, errors } = await openPane();
    await page.locator('input[type=file]').setInputFiles(join(__dirname, '..', 'parser', 'fixtures', name));
    await page.getByText('任务 7').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads nothing from outside its own origin but office.js from Microsoft\'s CDN', async () => {
    const { page, requests } = await openPane();
    await page.getByRole('textbox').fill(SEED);
    await page.getByText('任务 120').waitFor();
    const outside = requests.filter((r) => !r.startsWith(env.url) && !r.startsWith('data:'));
    expect(outside.filter((r) => !r.startsWith(OFFICE_CDN_PREFIX))).toEqual([]);
    expect(outside).toContain(`${OFFICE_CDN_PREFIX}office.js`);
    await page.close();
  });
});
