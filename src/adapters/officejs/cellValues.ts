import type { Cell } from '../../workbook/plan';
import { excelSerial } from '../../domain/time/isoDate';

/** Characters that make Excel read typed text as a formula or a number sign. */
const FORMULA_START = /^[=+\-@]/;

/**
 * A plan cell as the value given to `range.formulas`. Text that would start a formula gets the
 * apostrophe prefix Excel uses for "this is text", so a notice can never inject a formula.
 */
export function officeCellValue(cell: Cell): string | number {
  if (cell === null) return '';
  switch (cell.t) {
    case 'text':
      return FORMULA_START.test(cell.v) ? `'${cell.v}` : cell.v;
    case 'number':
      return cell.v;
    case 'date':
      return excelSerial(cell.v);
    case 'formula':
      return `=${cell.f}`;
  }
}

/** Excel's column width unit in Office.js is points; the plan speaks characters (≈ 6 pt each at 11 pt). */
export const POINTS_PER_CHAR = 6;
