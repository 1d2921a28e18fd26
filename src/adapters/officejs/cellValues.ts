import type { Cell } from '../../workbook/plan';
import { excelSerial, type DateSystem } from '../../domain/time/isoDate';

/**
 * Text Excel would not keep as text when it is written into a General cell: a formula (`=…`,
 * `+…`, `-…`, `@…`), a number or anything starting like one (`007`, `11.10`, `1-2`, `50%`,
 * `2021-06-30`, `3月5日`), a boolean (`TRUE`), an error literal (`#N/A`), an English month
 * (`Jan-1`). Over-matching is harmless: the apostrophe is invisible and reads back as nothing.
 */
const RETYPED_BY_EXCEL = /^\s*([=+\-@#.\d(（$¥￥€£]|(true|false)\s*$|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.]*\d)/i;

/**
 * A plan cell as the value given to `range.formulas`. Text that Excel would read as a formula, a
 * number, a date or a boolean gets the apostrophe prefix Excel uses for "this is text": a notice
 * can never inject a formula, and typed text (`11.10`, `007`, `2021-06-30`) stays the text it was,
 * as the xlsx adapter writes it. A date is the serial of the workbook's date system. The plan has
 * been through `assertWritable` first, so no NaN or Infinity reaches Excel.
 */
export function officeCellValue(cell: Cell, system: DateSystem): string | number {
  if (cell === null) return '';
  switch (cell.t) {
    case 'text':
      return RETYPED_BY_EXCEL.test(cell.v) ? `'${cell.v}` : cell.v;
    case 'number':
      return cell.v;
    case 'date':
      return excelSerial(cell.v, system);
    case 'formula':
      return `=${cell.f}`;
  }
}

/** Excel's column width unit in Office.js is points; the plan speaks characters (≈ 6 pt each at 11 pt). */
export const POINTS_PER_CHAR = 6;
