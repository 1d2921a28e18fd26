import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeWorkbook, FakeWorksheet } from '../support/fakeExcel';
import { excelWith, restoreExcelAfterEach } from '../support/fakeExcelHost';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const noProgress = (): void => undefined;
restoreExcelAfterEach();

/** Fix 统计日期 on 汇总 (B1), as an office would type it: the seed's tasks are all due by 2020-12-31. */
const setAsOf = (wb: FakeWorkbook, serial: number): void => void ((wb.sheet('汇总') as FakeWorksheet).cell(0, 1).formula = serial);

describe('生成催办单 and 存档本期 inside Excel (strict fake)', () => {
  it('writes 催办单 with a page break before every unit but the first and A4 page setup', async () => {
    const { host, workbook } = excelWith();
    await host.generate(SEED, null, noProgress);
    setAsOf(workbook, 44185); // 2020-12-20: 11 days before the year-end deadlines
    const result = await host.remind(noProgress);
    expect(result.asOf).toBe('2020-12-20');
    expect(result.units).toBeGreaterThan(1);
    const ws = workbook.sheet('催办单') as FakeWorksheet;
    expect(ws.page).toMatchObject({ paperSize: 'A4', orientation: 'Portrait', titleRows: '$1:$1', rightHeader: '统计日期：2020-12-20' });
    const titles = [...ws.cells].filter(([, c]) => typeof c.formula === 'string' && c.formula.startsWith('致：')).map(([a]) => Number(a.slice(1)));
    expect(titles).toHaveLength(result.units);
    expect(ws.page.rowBreaks).toEqual(titles.sort((a, b) => a - b).slice(1));
  });

  it('存档本期 appends, reports a clash for the same date without writing, and replaces when asked', async () => {
    const { host, workbook } = excelWith();
    await host.generate(SEED, null, noProgress);
    setAsOf(workbook, 44165);
    const first = await host.snapshot(false, noProgress);
    expect(first).toMatchObject({ asOf: '2020-11-30', clash: false, rows: 53 });
    const history = workbook.sheet('调度记录') as FakeWorksheet;
    const before = JSON.stringify([...history.cells]);
    const again = await host.snapshot(false, noProgress);
    expect(again).toMatchObject({ clash: true, replaced: false });
    expect(JSON.stringify([...history.cells])).toBe(before);
    expect(await host.snapshot(true, noProgress)).toMatchObject({ clash: true, replaced: true, rows: 53, periods: 1, units: 52 });
    setAsOf(workbook, 44185);
    expect(await host.snapshot(false, noProgress)).toMatchObject({ asOf: '2020-12-20', clash: false, rows: 106, periods: 2, units: 52 });
    // 汇总's trend points at the whole's row of each snapshot.
    const summary = workbook.sheet('汇总') as FakeWorksheet;
    const refs = [...summary.cells.values()].map((c) => String(c.formula)).filter((f) => f.startsWith("='调度记录'!G"));
    expect(refs).toEqual(["='调度记录'!G2", "='调度记录'!G55"]);
    expect(summary.chartList.map((c) => c.type)).toContain('Line');
  });
});
