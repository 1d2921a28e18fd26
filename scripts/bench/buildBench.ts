import ExcelJS from 'exceljs';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { applyPlanToWorkbook } from '../../src/adapters/xlsx/writePlan';
import { applyPlan } from '../../src/adapters/officejs/applyPlan';
import { cellValue } from '../../src/workbook/planValues';
import type { WorkbookPlan } from '../../src/workbook/plan';
import { loadExcelClientLibrary } from '../../tests/support/officeClientLibrary';
import { scaledNotice } from './parseBench';
import { compare, type BenchRow } from './measure';

/** The baseline: raw exceljs writing the same cell values, with no formats, validation or protection. */
async function rawExceljs(plan: WorkbookPlan): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of plan.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    ws.addRow(sheet.columns.map((c) => c.header));
    for (const row of sheet.rows) ws.addRow(row.map((c) => (c !== null && c.t === 'formula' ? { formula: c.f } : cellValue(c))));
  }
  await wb.xlsx.writeBuffer();
}

export async function buildBenchmarks(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [label, times, runs] of [['seed', 1, 5], ['seed ×10', 10, 3], ['seed ×100', 100, 1]] as const) {
    const text = scaledNotice(times);
    const plan = prepareWorkbook({ noticeText: text, previous: null, asOf: null }).plan;
    const row = await compare(
      `build xlsx ${label}`,
      async () => {
        const wb = new ExcelJS.Workbook();
        applyPlanToWorkbook(wb, prepareWorkbook({ noticeText: text, previous: null, asOf: null }).plan);
        await wb.xlsx.writeBuffer();
      },
      () => rawExceljs(plan),
      runs,
    );
    // The requests Excel would receive, measured with Microsoft's own client library (Excel on the
    // web rejects a request over 5 MB = 5120 KB); next to the adapter's own estimate of its largest.
    const lib = loadExcelClientLibrary();
    const stats = await lib.Excel.run((context) => applyPlan(context, plan, { dataValidation: true, conditionalFormats: true, dateSystem: true, pageLayout: true }));
    const sent = lib.requests.map((r) => r.bytes);
    row.cells = plan.sheets.reduce((n, s) => n + s.rows.length * s.columns.length, 0);
    row.officeSyncs = stats.syncs;
    row.largestRequestKB = Math.round(Math.max(...sent) / 1024);
    row.estimatedLargestKB = Math.round(stats.largestRequestBytes / 1024);
    row.totalRequestKB = Math.round(sent.reduce((a, b) => a + b, 0) / 1024);
    rows.push(row);
  }
  return rows;
}
