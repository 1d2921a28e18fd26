import { isoDate } from '../time/isoDate';

/**
 * The 统计日期 to offer instead of today (issue 20): the last day of the notice's year, when 汇总
 * counts as of today (`asOf` null: 统计日期 is =TODAY()) and the notice is of an earlier year. Then
 * every task due that year is 逾期 today (115 of the seed's 120), and the office most likely wants
 * the year as it closed. null when a date is set, the notice is of this year (or a later one), or
 * its year is unknown.
 * @example yearEndAsOf(2020, null, '2026-03-01') //=> '2020-12-31'
 * @example yearEndAsOf(2020, '2020-10-31', '2026-03-01') //=> null
 */
export function yearEndAsOf(year: number | null, asOf: string | null, today: string): string | null {
  if (asOf !== null || year === null || !Number.isInteger(year)) return null;
  const now = Number(today.slice(0, 4));
  return Number.isInteger(now) && year < now ? isoDate(year, 12, 31) : null;
}
