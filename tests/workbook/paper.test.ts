import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { writePlanFile } from '../../src/adapters/xlsx/files';
import type { PdfPage } from '../support/pdf';
import { isA4, printWithLibreOffice } from '../support/printPdf';

/**
 * The seed workbook as LibreOffice prints it (DESIGN §5): every page A4, every ledger page with
 * the header row, the page header (unit, 统计日期) and the footer; a ledger of one row on one page;
 * no `###`. Before print setup the same file printed 319 pages of US Letter with no header row
 * after the first page.
 */
const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const AS_OF = '2020-12-01';
const LEDGER_HEADER = '任务编号板块任务内容本单位职责牵头单位完成时限截止日期具体措施责任处室责任人计划完成时间成果形式进展情况状态完成日期更新日期预警备注';

describe('the seed workbook printed by LibreOffice', () => {
  const { plan, ledgers } = prepareWorkbook({ noticeText: SEED, previous: null, asOf: AS_OF });
  let pages: PdfPage[] = [];
  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'duban-paper-')), 'seed.xlsx');
    await writePlanFile(plan, file);
    pages = printWithLibreOffice(file);
    // The figure to watch (also printed by `npm run bench`): 319 before print setup.
    console.log(`seed workbook: ${pages.length} PDF pages`);
  }, 300_000);

  const pagesOf = (left: string) => pages.filter((p) => p.text.startsWith(left));

  it('prints every page on A4 with the footer 第 N 页 共 M 页', () => {
    expect(pages.length).toBeGreaterThan(ledgers.ledgers.length);
    pages.forEach((p, i) => {
      expect(isA4(p)).toBe(true);
      expect(p.text).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`);
    });
  });

  it('every ledger page carries its unit, 统计日期 and the header row; a one-row ledger is one page', () => {
    for (const l of ledgers.ledgers) {
      const mine = pagesOf(`${l.unit} 工作台账`);
      expect(mine.length).toBeGreaterThan(0);
      for (const p of mine) {
        expect(p.text).toContain(`统计日期：${AS_OF}`);
        expect(p.text).toContain(LEDGER_HEADER);
      }
      if (l.rows.length === 1) expect(mine).toHaveLength(1);
    }
    expect(ledgers.ledgers.some((l) => l.rows.length === 1)).toBe(true);
    // Fit to one page wide: even the longest ledger takes a few pages, not dozens.
    const longest = Math.max(...ledgers.ledgers.map((l) => pagesOf(`${l.unit} 工作台账`).length));
    expect(longest).toBeLessThanOrEqual(4);
  });

  it('every 任务清单 page repeats the header row; every 责任矩阵 page names units and tasks', () => {
    const tasks = pagesOf('任务清单');
    expect(tasks.length).toBeGreaterThan(1);
    for (const p of tasks) expect(p.text).toContain('任务编号板块事项任务内容牵头单位');
    const matrix = pagesOf('责任矩阵');
    expect(matrix.length).toBeGreaterThan(1);
    const units = (plan.sheets.find((s) => s.name === '责任矩阵')?.columns ?? []).slice(2, -3).map((c) => c.header);
    for (const p of matrix) {
      expect(p.text).toContain('任务编号任务内容');
      expect(units.some((u) => p.text.includes(u))).toBe(true);
    }
  });

  it('no date or number prints as ###, and 汇总 lists no empty pre-numbered slots', () => {
    for (const p of pages) expect(p.text).not.toContain('###');
    const summary = pagesOf('督办汇总');
    expect(summary.length).toBeGreaterThan(0);
    // 4 pages: the 板块 names wrap in column A (cut to six characters before), 44 板块 on two lines each.
    expect(summary.length).toBeLessThanOrEqual(4);
    expect(summary[0]?.text).toContain(`统计日期${AS_OF}`);
    // Every 板块 name is printed whole (wrapped in column A), not cut at the column's edge.
    const printed = summary.map((p) => p.text).join('');
    const cut = plan.sheets.find((s) => s.name === '任务清单')!.rows.map((r) => (r[1] as { v: string } | null)?.v ?? '').filter((l, i, all) => l !== '' && all.indexOf(l) === i).filter((l) => !printed.includes(l));
    expect(cut).toEqual([]);
  });
});
