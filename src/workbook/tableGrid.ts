import type { CellSpan } from '../domain/table/types';
import { parseAddress } from '../domain/grid/a1';

/**
 * A merged area's A1 address (`A3:E3`, `'分工表'!A3:E3`, a single cell `B2`) as a span in a grid
 * whose first cell is at 0-based sheet row `top`, column `left` — shared by the exceljs and
 * Office.js readers of a task-list sheet.
 *
 * @example mergeSpan('分工表!B3:B5', 1, 0) //=> { top: 1, left: 1, bottom: 3, right: 1 }
 */
export function mergeSpan(a1: string, top: number, left: number): CellSpan {
  const range = a1.slice(a1.lastIndexOf('!') + 1);
  const [from = '', to = from] = range.split(':');
  const a = parseAddress(from);
  const b = parseAddress(to);
  return { top: a.row - top, left: a.col - left, bottom: b.row - top, right: b.col - left };
}
