import { cutText } from '../domain/text/normalise';
import { address, parseAddress } from '../domain/grid/a1';
import type { Cell, SheetPlan } from './plan';

/** The most characters (UTF-16 units) Excel keeps in a cell; a longer one makes it refuse the file. */
export const MAX_CELL_TEXT = 32767;

/** A text cell cut to fit: where, the task of its row (when the sheet has a 任务编号 column), its length as written. */
export type CutCell = { sheet: string; cell: string; task: string | null; length: number };

/**
 * Cut every text cell of the sheets to Excel's 32 767 characters (never splitting a surrogate
 * pair), so that neither adapter writes a cell Excel refuses. Returns the sheets (unchanged ones
 * as they were) and the cells that were cut.
 *
 * @example capCellText([sheetWithA40000CharTask]).cut //=> [{ sheet: '任务清单', cell: 'D2', task: '1.1', length: 40000 }]
 */
export function capCellText(sheets: readonly SheetPlan[]): { sheets: SheetPlan[]; cut: CutCell[] } {
  const cut: CutCell[] = [];
  const out = sheets.map((sheet) => {
    if (!hasLongText(sheet)) return sheet;
    let changed = false;
    const cap = (cell: Cell, at: string, task: string | null): Cell => {
      if (cell === null || cell.t !== 'text' || cell.v.length <= MAX_CELL_TEXT) return cell;
      changed = true;
      cut.push({ sheet: sheet.name, cell: at, task, length: cell.v.length });
      return { t: 'text', v: cutText(cell.v, MAX_CELL_TEXT) };
    };
    const taskCol = sheet.columns.findIndex((c) => c.header === '任务编号');
    const columns = sheet.columns.map((c, j) => {
      if (c.header.length <= MAX_CELL_TEXT) return c;
      const capped = cap({ t: 'text', v: c.header }, address(0, j), null);
      return { ...c, header: capped?.t === 'text' ? capped.v : '' };
    });
    const rows = sheet.rows.map((row, i) => {
      const id = taskCol >= 0 ? row[taskCol] : null;
      const task = id && id.t === 'text' ? id.v : null;
      return row.map((c, j) => cap(c, address(i + 1, j), task));
    });
    const extraCells = sheet.extraCells?.map((e) => ({ ...e, cell: cap(e.cell, e.address, null) }));
    const blocks = sheet.blocks?.map((b) => {
      const { row, col } = parseAddress(b.at);
      return { ...b, cells: b.cells.map((r, i) => r.map((c, j) => cap(c, address(row + i, col + j), null))) };
    });
    if (!changed) return sheet;
    return { ...sheet, columns, rows, ...(extraCells ? { extraCells } : {}), ...(blocks ? { blocks } : {}) };
  });
  return { sheets: out, cut };
}

const long = (c: Cell): boolean => c !== null && c.t === 'text' && c.v.length > MAX_CELL_TEXT;

function hasLongText(sheet: SheetPlan): boolean {
  return (
    sheet.columns.some((c) => c.header.length > MAX_CELL_TEXT) ||
    sheet.rows.some((r) => r.some(long)) ||
    (sheet.extraCells ?? []).some((e) => long(e.cell)) ||
    (sheet.blocks ?? []).some((b) => b.cells.some((r) => r.some(long)))
  );
}
