import { cellText, type SheetValue, type WorkbookData } from '../grid/sheetData';

/** `报送记录` (DESIGN §12): one row per (轮次, unit), written by split/下发 and merge/回收. */
export const ROUNDS_SHEET = '报送记录';
export const ROUNDS_HEADERS = ['轮次', '单位', '下发日期', '报送截止日', '回收日期', '报送状态', '更新行数'] as const;

export type RoundRecord = {
  round: number | null;
  unit: string;
  /** Serials as read back (null when blank). */
  sent: SheetValue;
  due: SheetValue;
  returned: SheetValue;
  updatedRows: SheetValue;
};

/** The rows of 报送记录, found by header; [] when the workbook has none (a workbook from before the loop). */
export function readRounds(book: WorkbookData): RoundRecord[] {
  const sheet = book.sheets.find((s) => s.name === ROUNDS_SHEET);
  if (!sheet) return [];
  const h = (sheet.rows[0] ?? []).map(cellText);
  const at = (name: (typeof ROUNDS_HEADERS)[number]): number => h.indexOf(name);
  const get = (row: SheetValue[], name: (typeof ROUNDS_HEADERS)[number]): SheetValue => (at(name) < 0 ? null : (row[at(name)] ?? null));
  return sheet.rows
    .slice(1)
    .filter((row) => cellText(get(row, '单位')).length > 0)
    .map((row) => {
      const round = get(row, '轮次');
      return { round: typeof round === 'number' ? round : null, unit: cellText(get(row, '单位')), sent: get(row, '下发日期'), due: get(row, '报送截止日'), returned: get(row, '回收日期'), updatedRows: get(row, '更新行数') };
    });
}
