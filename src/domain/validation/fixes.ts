import type { WorkbookData } from '../grid/sheetData';
import { parseAddress } from '../grid/a1';
import type { Finding } from './findings';

/** The workbook as it reads once the fixes of these findings are written. */
export function withFixes(book: WorkbookData, fixes: readonly Finding[]): WorkbookData {
  const sheets = book.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) }));
  for (const f of fixes) {
    if (f.fix === undefined) continue;
    const sheet = sheets.find((s) => s.name === f.sheet);
    const { row, col } = parseAddress(f.cell);
    const target = sheet?.rows[row];
    if (target) target[col] = f.fix;
  }
  return { ...book, sheets };
}
