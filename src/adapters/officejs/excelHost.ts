import type { WorkbookHost } from '../../taskpane/hostTypes';
import { prepareWorkbook } from '../../workbook/prepareWorkbook';
import { applyPlan } from './applyPlan';
import { readWorkbookInExcel } from './readWorkbook';
import { detectFeatures, featureWarnings } from './requirements';
import { runExcel } from './runExcel';

/** The WorkbookHost backed by Excel: the only place the task pane's actions meet Office.js. */
export function createExcelHost(isSetSupported: (name: string, version: string) => boolean = defaultIsSetSupported): WorkbookHost {
  const features = detectFeatures(isSetSupported);
  const minimum = isSetSupported('ExcelApi', '1.7');
  return {
    unavailableReason: minimum ? null : '此版本 Excel 过旧（需要 ExcelApi 1.7，即 Excel 2019、Microsoft 365 或网页版 Excel）。',
    warnings: featureWarnings(features),
    generate: (noticeText, onProgress) =>
      runExcel(async (context) => {
        onProgress({ step: '读取工作簿…', done: 0, total: 1 });
        const previous = await readWorkbookInExcel(context);
        const prepared = prepareWorkbook({ noticeText, previous: previous.sheets.length > 0 ? previous : null, asOf: null });
        if (prepared.problems.length > 0) throw new Error(prepared.problems.map((p) => p.message).join('；'));
        const stats = await applyPlan(context, prepared.plan, features, onProgress);
        return {
          sheets: prepared.plan.sheets.length,
          ledgers: prepared.ledgers.ledgers.length,
          syncs: stats.syncs + 2,
          keptRows: prepared.ledgers.keptRows,
          removedRows: prepared.ledgers.removedRows,
        };
      }),
  };
}

function defaultIsSetSupported(name: string, version: string): boolean {
  // Outside Office (a browser test with an injected Excel) there is no requirements API: assume current Excel.
  if (typeof Office === 'undefined' || !Office.context?.requirements) return true;
  return Office.context.requirements.isSetSupported(name, version);
}
