import { createExcelHost } from '../../src/adapters/officejs/excelHost';
import { FakeWorkbook, createFakeExcel } from './fakeExcel';

const realExcel = (globalThis as { Excel?: unknown }).Excel;

/** Put the global `Excel` back after each test of the calling file. */
export function restoreExcelAfterEach(): void {
  afterEach(() => {
    (globalThis as { Excel?: unknown }).Excel = realExcel;
  });
}

/** A fake Excel installed as the global the adapter uses, and the pane's host over it; the workbook starts as Excel's do. */
export function excelWith(workbook = new FakeWorkbook()) {
  const fake = createFakeExcel(workbook);
  (globalThis as { Excel?: unknown }).Excel = fake.Excel;
  return { ...fake, host: createExcelHost(() => true) };
}
