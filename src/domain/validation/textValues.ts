import { asciiDigits } from '../text/normalise';
import { isoDate, lastDayOfMonth } from '../time/isoDate';

/** Dates units type as text: `2020年12月31日`, `2020.12.31`, `2020/12/31`, `2020-12-31`, full-width digits too. */
const TEXT_DATE = /^\s*(\d{4})\s*(?:年|[.\-/．／－])\s*(\d{1,2})\s*(?:月|[.\-/．／－])\s*(\d{1,2})\s*日?\s*$/;

/**
 * The date a text means, or null.
 * @example parseTextDate('２０２０年１２月３１日') //=> '2020-12-31'
 * @example parseTextDate('2020.13.01') //=> null
 */
export function parseTextDate(text: string): string | null {
  const m = TEXT_DATE.exec(asciiDigits(text));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > lastDayOfMonth(y, mo)) return null;
  return isoDate(y, mo, d);
}

const MAGNITUDE: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 十万: 1e5, 百万: 1e6, 千万: 1e7, 亿: 1e8 };
/** `8.2万人`, `82000人`, `95%`, `1,200 吨`, `约15亿元` */
const QUANTITY = /^\s*(?:约|大约|共|累计)?\s*([+-]?\d+(?:,\d{3})*(?:\.\d+)?)\s*(十万|百万|千万|万|亿|千|百)?\s*([^\d\s]*)\s*$/;

export type Quantity = { value: number; magnitude: number; unit: string };

/**
 * A typed 完成值 read as a quantity: number, magnitude (万/亿) and measure unit.
 * @example parseQuantity('8.2万人') //=> { value: 8.2, magnitude: 10000, unit: '人' }
 */
export function parseQuantity(text: string): Quantity | null {
  const m = QUANTITY.exec(asciiDigits(text).replace(/％/g, '%'));
  if (!m) return null;
  return { value: Number((m[1] as string).replace(/,/g, '')), magnitude: MAGNITUDE[m[2] ?? ''] ?? 1, unit: m[3] ?? '' };
}
