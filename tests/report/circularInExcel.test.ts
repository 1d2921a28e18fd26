import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeWorkbook, FakeWorksheet } from '../support/fakeExcel';
import { excelWith, restoreExcelAfterEach } from '../support/fakeExcelHost';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const noProgress = (): void => undefined;
restoreExcelAfterEach();

const setAsOf = (wb: FakeWorkbook, serial: number): void => void ((wb.sheet('汇总') as FakeWorksheet).cell(0, 1).formula = serial);

describe('生成通报 inside Excel (strict fake)', () => {
  it('writes the 通报 sheet, A4 portrait fitted to the page width, each attachment on a new page, and returns its text', async () => {
    const { host, workbook } = excelWith();
    await host.generate(SEED, null, noProgress);
    setAsOf(workbook, 44185); // 2020-12-20
    const result = await host.circular(noProgress);
    expect(result.asOf).toBe('2020-12-20');
    // The workbook's one 事项来源 (the notice's short title) names the notice.
    expect(result.title).toBe('关于落实国务院《政府工作报告》重点工作任务分工重点任务推进情况的通报（2020年12月）');
    expect(result.text[0]).toBe(result.title);
    // The seed as of 2020-12-20: 36.1 and 41.4 are overdue (see tests/cli/summary.test.ts).
    expect(result.text.join('\n')).toContain('（一）市财政局。逾期1项：36.1（截止2020年8月31日，逾期111天）。');
    const ws = workbook.sheet('通报') as FakeWorksheet;
    expect(ws.page).toMatchObject({ paperSize: 'A4', orientation: 'Portrait', rightHeader: '统计日期：2020-12-20' });
    const at = (text: string): number[] => [...ws.cells].filter(([, c]) => c.formula === text).map(([a]) => Number(a.replace(/^[A-Z]+/, '')));
    expect(at(result.title)).toEqual([2]);
    expect(ws.page.rowBreaks).toEqual([...at('附件1'), ...at('附件2')]);
  });
});
