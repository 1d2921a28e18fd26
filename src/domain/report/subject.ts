import { cellText, type WorkbookData } from '../grid/sheetData';

/**
 * What the circular's title names: the one 事项来源 of 任务清单 (DESIGN §13), when the workbook
 * has that column and all its tasks share one source; otherwise null, and the caller may name it
 * (`duban report --title`). The workbook does not keep the notice's own title.
 */
export function circularSubject(book: WorkbookData): string | null {
  const sheet = book.sheets.find((s) => s.name === '任务清单');
  const header = (sheet?.rows[0] ?? []).map(cellText);
  const at = header.indexOf('事项来源');
  if (!sheet || at < 0) return null;
  const sources = new Set(sheet.rows.slice(1).map((r) => cellText(r[at])).filter((s) => s.length > 0));
  return sources.size === 1 ? ([...sources][0] as string) : null;
}
