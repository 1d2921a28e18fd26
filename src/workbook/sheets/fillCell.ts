import type { FillValue } from '../../domain/ledger/ledgers';
import { fromExcelSerial } from '../../domain/time/isoDate';
import { num, text, type Cell } from '../plan';

/** A value a unit typed, written back unchanged: numbers stay numbers, dates stay dates, text stays text. */
export function fillCell(value: FillValue, isDate: boolean): Cell {
  if (value === null || value === '') return null;
  if (typeof value === 'number') return isDate && Number.isInteger(value) ? { t: 'date', v: fromExcelSerial(value) } : num(value);
  if (typeof value === 'boolean') return text(value ? 'TRUE' : 'FALSE');
  return text(value);
}
