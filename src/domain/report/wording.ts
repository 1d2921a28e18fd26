/**
 * How the 通报 writes numbers, dates and names. A rate never appears without what it is a rate
 * of, and it is written exactly as `duban summary` prints it (one decimal).
 */

/**
 * A rate with its fraction, or a note when there is nothing to divide by.
 * @example rateText(0.4, 2, 5) //=> '40.0%（2/5）'
 * @example rateText(null, 0, 0) //=> '—（0 项）'
 */
export function rateText(rate: number | null, part: number, whole: number): string {
  if (rate === null || whole === 0) return '—（0 项）';
  return `${percent(rate)}（${part}/${whole}）`;
}

/** @example percent(0.4) //=> '40.0%' */
export const percent = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

/**
 * An ISO date as a 公文 writes it (GB/T 9704: Arabic numerals, no leading zeros).
 * @example chineseDate('2020-08-01') //=> '2020年8月1日'
 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/**
 * The period a monthly circular covers: the month of the as-of date (DESIGN §12: 每月 is the
 * default cycle; a round read from 报送记录 names its own period).
 * @example monthOf('2020-12-20') //=> '2020年12月'
 */
export function monthOf(iso: string): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return `${y}年${m}月`;
}

/**
 * 任务内容 cut for a table cell: whole when short, else its first `max` characters and `…`.
 * Counts code points, so a rare character outside the BMP is never split.
 * @example shorten('加大对稳就业、稳企业的支持力度', 6) //=> '加大对稳就业…'
 */
export function shorten(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, '')];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}…`;
}

/**
 * Names joined as a 公文 lists them.
 * @example listNames(['市财政局', '市医保局']) //=> '市财政局、市医保局'
 */
export const listNames = (names: readonly string[]): string => names.join('、');
