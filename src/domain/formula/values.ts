import { Unsupported } from './parse';

/**
 * Values as a spreadsheet computes with them: numbers (dates are serials), text, booleans, an
 * empty cell (null: 0 in arithmetic, "" against text) and errors. The rules here are the ones
 * Excel, WPS and LibreOffice share for the formulas Duban writes.
 */
export class FormulaError {
  constructor(readonly code: '#N/A' | '#VALUE!' | '#DIV/0!' | '#REF!' | '#NAME?' | '#NUM!') {}
}

export type Scalar = number | string | boolean | null | FormulaError;

export const isError = (v: Scalar): v is FormulaError => v instanceof FormulaError;

/** A number as `&` and `TEXT(…,"General")` write it: at most 15 significant digits. */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(15)));
}

export function toNumber(v: Scalar): number | FormulaError {
  if (isError(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const t = v.trim();
  const n = t === '' ? NaN : Number(t);
  return Number.isFinite(n) ? n : new FormulaError('#VALUE!');
}

export function toText(v: Scalar): string | FormulaError {
  if (isError(v)) return v;
  if (v === null) return '';
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

export function toBool(v: Scalar): boolean | FormulaError {
  if (isError(v)) return v;
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const upper = v.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
  return new FormulaError('#VALUE!');
}

/** Type order of a comparison: numbers, then text, then booleans. */
const rank = (v: number | string | boolean): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);

/** -1, 0 or 1; an empty cell compares as 0, "" or FALSE after the other side's type; text ignores case. */
export function compare(a: Scalar, b: Scalar): number | FormulaError {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const blankAs = (other: Scalar): number | string | boolean => (typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0);
  const x = a === null ? blankAs(b) : a;
  const y = b === null ? blankAs(a) : b;
  if (rank(x) !== rank(y)) return Math.sign(rank(x) - rank(y));
  if (typeof x === 'string') {
    const [p, q] = [x.toLowerCase(), (y as string).toLowerCase()];
    return p === q ? 0 : p < q ? -1 : 1;
  }
  const [p, q] = [Number(x), Number(y)];
  return p === q ? 0 : p < q ? -1 : 1;
}

/** `*`, `?` and `~` of a text criterion as a pattern (LibreOffice saves .xlsx with wildcards on). */
function wildcard(s: string): RegExp {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === '~' && i + 1 < s.length) out += (s[++i] as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (ch === '*') out += '[\\s\\S]*';
    else if (ch === '?') out += '[\\s\\S]';
    else out += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 'i');
}

/**
 * The test COUNTIF, COUNTIFS and SUMIF apply to each cell: a number or boolean matches equal values;
 * text may start with `=`, `<>`, `<`, `>`, `<=`, `>=`; a number after it compares numbers, other
 * text compares text (wildcards allowed), and `=` with nothing after it matches empty cells.
 */
export function criterion(c: Scalar): (v: Scalar) => boolean {
  if (isError(c)) throw new Unsupported('error as a criterion');
  if (c === null) return (v) => v === 0;
  if (typeof c === 'number' || typeof c === 'boolean') return (v) => v === c;
  const m = /^(<>|<=|>=|=|<|>)?([\s\S]*)$/.exec(c) as RegExpExecArray;
  const op = m[1] ?? '=';
  const rest = m[2] as string;
  const n = rest.trim() === '' ? NaN : Number(rest);
  if (Number.isFinite(n)) {
    const holds = (d: number): boolean => (op === '=' ? d === 0 : op === '<>' ? d !== 0 : op === '<' ? d < 0 : op === '>' ? d > 0 : op === '<=' ? d <= 0 : d >= 0);
    return (v) => {
      if (typeof v === 'number') return holds(v - n);
      if (op === '<>') return !(typeof v === 'string' && Number(v) === n && v.trim() !== '');
      return op === '=' && typeof v === 'string' && v.trim() !== '' && Number(v) === n;
    };
  }
  if (op === '=' || op === '<>') {
    const empty = rest === '';
    const pattern = wildcard(rest);
    const equal = (v: Scalar): boolean => (empty ? v === null || v === '' : typeof v === 'string' && pattern.test(v));
    return op === '=' ? equal : (v) => !equal(v);
  }
  return (v) => {
    if (typeof v !== 'string') return false;
    const d = compare(v, rest) as number;
    return op === '<' ? d < 0 : op === '>' ? d > 0 : op === '<=' ? d <= 0 : d >= 0;
  };
}

/** Round half away from zero, as TEXT and ROUND do. */
export function roundHalfAway(x: number, digits: number): number {
  const f = 10 ** digits;
  const scaled = Math.abs(x) * f;
  // The tiny nudge absorbs binary noise (0.285 * 100 = 28.499999…).
  return (Math.sign(x) * Math.round(scaled + 1e-9 * Math.max(1, scaled))) / f;
}

/** TEXT(x, format) for the formats a workbook of Duban's uses: `0`, `0.0`, `0%`, `0.0%`. */
export function formatNumber(x: number, format: string): string {
  const m = /^0(?:\.(0+))?(%?)$/.exec(format);
  if (!m) throw new Unsupported(`TEXT format ${format}`);
  const digits = (m[1] ?? '').length;
  const percent = m[2] === '%';
  const value = roundHalfAway(percent ? x * 100 : x, digits);
  return `${value.toFixed(digits)}${percent ? '%' : ''}`;
}
