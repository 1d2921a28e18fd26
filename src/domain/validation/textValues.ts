import { asciiDigits } from '../text/normalise';
import { isoDate, lastDayOfMonth, LAST_EXCEL_DATE } from '../time/isoDate';

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

/**
 * The date a number means when it was typed as digits (`20231231`), or null.
 * @example digitsAsDate(20231231) //=> '2023-12-31'
 * @example digitsAsDate(20231331) //=> null
 */
export function digitsAsDate(n: number): string | null {
  if (!Number.isInteger(n) || n < 10000101 || n > 99991231) return null;
  const [y, mo, d] = [Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100];
  if (mo < 1 || mo > 12 || d < 1 || d > lastDayOfMonth(y, mo)) return null;
  return isoDate(y, mo, d);
}

/**
 * Why a number in a date cell is not a date, in words a unit can act on (never `NaN`).
 * @example notADateMessage('计划完成时间', 20231231) //=> '“计划完成时间”填写了 20231231，这不是日期（像是把 2023-12-31 写成了数字），请改为日期 2023-12-31'
 */
export function notADateMessage(label: string, n: number): string {
  if (!Number.isFinite(n)) return `“${label}”中的值无法识别（文件里记录的不是有效数字），请重新填写日期（例如 2020-12-31）`;
  const digits = digitsAsDate(n);
  if (digits) return `“${label}”填写了 ${n}，这不是日期（像是把 ${digits} 写成了数字），请改为日期 ${digits}`;
  const why = n <= 0 ? '日期必须在 1900-01-01 之后' : `超出了 Excel 的日期范围，最晚是 ${LAST_EXCEL_DATE}`;
  return `“${label}”填写了 ${n}，这不是日期（${why}），请填写日期（例如 2020-12-31）`;
}

const MAGNITUDE: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 十万: 1e5, 百万: 1e6, 千万: 1e7, 亿: 1e8 };
/** `8.2万人`, `82000人`, `95%`, `1,200 吨`, `约15亿元` */
// The unit is a word, never a remark: `7所（已全部立项）` is a number hidden in text, not 7 of 所（已全部立项）.
const QUANTITY = /^\s*(?:约|大约|共|累计)?\s*([+-]?\d+(?:,\d{3})*(?:\.\d+)?)\s*(十万|百万|千万|万|亿|千|百)?\s*([^\d\s（）()，,。；;：:、]*)\s*$/;

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
