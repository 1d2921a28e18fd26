/**
 * Calendar dates as ISO `YYYY-MM-DD` strings and Excel serials, without a clock or a time zone:
 * a deadline is a day, not an instant.
 */

/** @example isoDate(2020, 8, 8) //=> '2020-08-08' */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** @example lastDayOfMonth(2020, 2) //=> 29 */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Whether a text is a calendar day as `YYYY-MM-DD` (a real one: no 2月30日).
 * @example isIsoDate('2020-12-31') //=> true
 * @example isIsoDate('2020-02-30') //=> false
 */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= lastDayOfMonth(y, mo);
}

/** Days since 1970-01-01 of an ISO date; NaN when malformed. */
export function epochDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/**
 * A workbook's date system: what its serial numbers count from. 1900 (Excel's default: serial
 * 25569 is 1970-01-01) or 1904 (`<workbookPr date1904="1"/>`, the old default of Excel for Mac:
 * serial 0 is 1904-01-01, every serial 1 462 days less). The same date is a different number in
 * each, so every conversion says which one it means.
 */
export type DateSystem = 1900 | 1904;

/** Serial of 1970-01-01 in each system. */
const EPOCH_OFFSET: Record<DateSystem, number> = { 1900: 25569, 1904: 24107 };

/** Excel's last date; beyond it a number is not a date in either system. */
export const LAST_EXCEL_DATE = '9999-12-31';

/**
 * The serial of a date in a workbook's date system; NaN when the text is not an ISO date.
 * @example excelSerial('2020-12-31', 1900) //=> 44196
 * @example excelSerial('2020-12-31', 1904) //=> 42734
 */
export function excelSerial(iso: string, system: DateSystem): number {
  return epochDay(iso) + EPOCH_OFFSET[system];
}

/**
 * Whether a number can be a date serial in this system: finite, above zero, not past
 * 9999-12-31 (a time of day is allowed). `20231231` is not: it would be the year 57289.
 * @example isDateSerial(44196, 1900) //=> true
 * @example isDateSerial(20231231, 1900) //=> false
 */
export function isDateSerial(serial: number, system: DateSystem): boolean {
  return Number.isFinite(serial) && serial > 0 && serial < excelSerial(LAST_EXCEL_DATE, system) + 1;
}

/**
 * The date of a serial in a workbook's date system (a time of day is dropped); null when the
 * number is not a date there (see isDateSerial), never a year past 9999.
 * @example fromExcelSerial(44196, 1900) //=> '2020-12-31'
 * @example fromExcelSerial(42734, 1904) //=> '2020-12-31'
 * @example fromExcelSerial(20231231, 1900) //=> null
 */
export function fromExcelSerial(serial: number, system: DateSystem): string | null {
  if (!isDateSerial(serial, system)) return null;
  const d = new Date((Math.floor(serial) - EPOCH_OFFSET[system]) * 86_400_000);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The calendar day of a local date-time (the caller reads the clock, never this module). */
export function localIsoDate(d: Date): string {
  return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}
