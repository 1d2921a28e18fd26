import type { FillValue } from '../../domain/ledger/ledgers';
import { num, text, type Cell } from '../plan';

/**
 * A value a unit typed, written back unchanged: numbers stay the numbers they were (a date is
 * its serial in the workbook's own date system, and its column has the date format), text stays
 * text. A number that is no date (`20231231` in 计划完成时间) is kept as typed for 校验 to report.
 * Only a non-finite number, which nobody can type (a file damaged by an earlier write), is dropped.
 */
export function fillCell(value: FillValue): Cell {
  if (value === null || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? num(value) : null;
  if (typeof value === 'boolean') return text(value ? 'TRUE' : 'FALSE');
  return text(value);
}
