import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { planAsData } from '../../src/workbook/planValues';
import type { SheetValue, WorkbookData } from '../../src/domain/grid/sheetData';
import { validateWorkbook } from '../../src/domain/validation/validate';
import { LEDGER_COLUMNS } from '../../src/domain/ledger/columns';
import { scaledNotice } from './parseBench';
import { compare, type BenchRow } from './measure';

/** The seed notice scaled until its ledgers hold ~100 000 rows, filled as units do: mostly right, 2 % with mistakes. */
export function bigWorkbook(targetRows = 100_000): { book: WorkbookData; rows: number } {
  const times = Math.ceil(targetRows / 463); // the seed makes 463 ledger rows
  const book = planAsData(prepareWorkbook({ noticeText: scaledNotice(times), previous: null, asOf: '2020-12-01' }).plan);
  const at = (h: string) => LEDGER_COLUMNS.findIndex((c) => c.header === h);
  let rows = 0;
  for (const sheet of book.sheets.filter((s) => s.name.startsWith('台账-'))) {
    sheet.rows.forEach((row: SheetValue[], i) => {
      if (i === 0) return;
      rows++;
      row[at('具体措施')] = '措施';
      row[at('责任人')] = '张三';
      row[at('计划完成时间')] = rows % 100 === 0 ? '2020年8月1日' : 44000;
      row[at('成果形式')] = '工作方案';
      row[at('状态')] = rows % 100 === 1 ? '完成了' : '推进中';
      row[at('进展情况')] = '推进中';
      row[at('更新日期')] = 44160;
    });
  }
  return { book, rows };
}

export async function validateBenchmarks(): Promise<BenchRow[]> {
  const { book, rows } = bigWorkbook();
  // The baseline: a loop that only reads the same cells.
  const readCells = () => {
    let n = 0;
    for (const sheet of book.sheets) for (const row of sheet.rows) for (const v of row) if (v !== null) n++;
    return n;
  };
  let findings = 0;
  const row = await compare(
    'validate ~100 000 ledger rows',
    () => {
      findings = validateWorkbook(book, '2020-12-01').findings.length;
    },
    readCells,
    5,
    { rows },
  );
  row.findings = findings;
  return [row];
}
