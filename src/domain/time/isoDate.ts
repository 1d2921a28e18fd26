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

/** Days since 1970-01-01 of an ISO date; NaN when malformed. */
export function epochDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/** Excel's 1900 date system: serial 25569 is 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

/** @example excelSerial('2020-12-31') //=> 44196 */
export function excelSerial(iso: string): number {
  return epochDay(iso) + EXCEL_EPOCH_OFFSET;
}

/** @example fromExcelSerial(44196) //=> '2020-12-31' */
export function fromExcelSerial(serial: number): string {
  const d = new Date((Math.floor(serial) - EXCEL_EPOCH_OFFSET) * 86_400_000);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The calendar day of a local date-time (the caller reads the clock, never this module). */
export function localIsoDate(d: Date): string {
  return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}
