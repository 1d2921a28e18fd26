import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeWorksheet } from '../support/fakeExcel';
import { excelWith, restoreExcelAfterEach } from '../support/fakeExcelHost';
import { excelSerial } from '../../src/domain/time/isoDate';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const noProgress = (): void => undefined;
restoreExcelAfterEach();

describe('统计日期 set from the pane (issue 20), against the strict fake Excel', () => {
  it('the seed counted as of today: the workbook says 2020 and =TODAY(); 按 2020 年底统计 sets B1 and 汇总 counts as of it', async () => {
    const { host, workbook, contexts } = excelWith();
    await host.generate(SEED, null, noProgress);
    expect(await host.describeWorkbook()).toMatchObject({ asOf: null, year: 2020 });
    const today = await host.refreshSummary(noProgress);
    const runs = contexts.length;
    const set = await host.setAsOf('2020-12-31', noProgress);
    // One Excel.run: read, then 汇总 rewritten with its 统计日期.
    expect(contexts.length - runs).toBe(1);
    const b1 = (workbook.sheet('汇总') as FakeWorksheet).cell(0, 1);
    expect(b1.formula).toBe(excelSerial('2020-12-31', 1900));
    expect(b1.numberFormat).toBe('yyyy-mm-dd');
    // As of today every task is late; as of the year's end the 年底前 tasks are due, not late
    // (the figures `duban summary --as-of 2020-12-31` gives for the seed).
    expect(today).toMatchObject({ tasks: 120, overdue: 120 });
    expect(set).toMatchObject({ asOf: '2020-12-31', tasks: 120, overdue: 2, dueSoon: 118 });
    expect(await host.describeWorkbook()).toMatchObject({ asOf: '2020-12-31', year: 2020 });
    // A later 刷新汇总 keeps the date set.
    expect((await host.refreshSummary(noProgress)).asOf).toBe('2020-12-31');
    expect((workbook.sheet('汇总') as FakeWorksheet).cell(0, 1).formula).toBe(excelSerial('2020-12-31', 1900));
  });

  it('refuses what is no date, writing nothing', async () => {
    const { host, workbook } = excelWith();
    await host.generate(SEED, null, noProgress);
    const before = (workbook.sheet('汇总') as FakeWorksheet).cell(0, 1).formula;
    await expect(host.setAsOf('2020-02-30', noProgress)).rejects.toThrow('“2020-02-30”不是日期');
    expect((workbook.sheet('汇总') as FakeWorksheet).cell(0, 1).formula).toBe(before);
    expect(before).toBe('=TODAY()');
  });
});
