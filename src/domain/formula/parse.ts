/**
 * A parser for the classic formulas Duban writes (and the ones LibreOffice, WPS or Excel save back
 * in their place): numbers, text, cell and range references with an optional sheet, defined names,
 * function calls, array constants (`{"每月","每季度"}`) and the operators `+ - * / ^ & = <> < > <= >=`. Anything else is `Unsupported`,
 * and the caller leaves that formula for the spreadsheet to compute on open.
 */

export class Unsupported extends Error {}

/** A rectangle of one sheet, 1-based, inclusive; a whole column runs to row Infinity. */
export type Area = { sheet: string | null; r1: number; c1: number; r2: number; c2: number };

export type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'ref'; area: Area }
  | { k: 'name'; name: string }
  | { k: 'call'; fn: string; args: Node[] }
  /** An array constant, rows joined: the lists Duban's formulas look values up in. */
  | { k: 'array'; v: Array<number | string | boolean> }
  | { k: 'unary'; op: '-' | '+'; arg: Node }
  | { k: 'bin'; op: string; left: Node; right: Node };

type Token = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'ref'; area: Area } | { t: 'word'; v: string } | { t: 'op'; v: string };

// Sticky patterns read at a position (`lastIndex`): the formula is scanned once, never sliced, so a
// long formula costs its length, and every write computes thousands of them (DESIGN §5).
const CELL = /\$?([A-Z]{1,3})\$?(\d{1,7})/iy;
const COLUMN = /\$?([A-Z]{1,3})(?![\w(])/iy;
const AFTER_CELL = /[\w(]/y;
const WORD = /[^\s()+\-*/^&=<>,;:"'!%{}]+/y;
const SPACE = /\s+/y;
const TEXT = /"((?:[^"]|"")*)"/y;
const QUOTED_SHEET = /'((?:[^']|'')+)'!/y;
const BARE_SHEET = /([^\s()+\-*/^&=<>,;:"'!%{}]+)!/y;
const NUMBER = /(\d+\.?\d*|\.\d+)(E[+-]?\d+)?/iy;
const OPERATORS = ['<>', '<=', '>=', '+', '-', '*', '/', '^', '&', '=', '<', '>', '(', ')', ',', '%', '{', '}', ';'];

/** `pattern` matched exactly at `at`, or null. */
function matchAt(pattern: RegExp, s: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(s);
}

const letters = (s: string): number => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** A cell (`$B$3`) or a column (`$A`) at `at`, with its length. */
function areaPart(s: string, at: number): { r: number; c: number; length: number } | null {
  const cell = matchAt(CELL, s, at);
  if (cell && matchAt(AFTER_CELL, s, at + cell[0].length) === null) return { r: Number(cell[2]), c: letters(cell[1] as string), length: cell[0].length };
  const column = matchAt(COLUMN, s, at);
  return column ? { r: 0, c: letters(column[1] as string), length: column[0].length } : null;
}

/** A cell (`$B$3`) or a column range (`$A:$C`) at `at`, with its length. */
function readArea(s: string, at: number, sheet: string | null): { area: Area; length: number } | null {
  const first = areaPart(s, at);
  if (!first) return null;
  if (s[at + first.length] === ':') {
    const second = areaPart(s, at + first.length + 1);
    if (second && (first.r === 0) === (second.r === 0)) {
      const whole = first.r === 0;
      return {
        area: { sheet, r1: whole ? 1 : Math.min(first.r, second.r), c1: Math.min(first.c, second.c), r2: whole ? Infinity : Math.max(first.r, second.r), c2: Math.max(first.c, second.c) },
        length: first.length + 1 + second.length,
      };
    }
  }
  // A lone column letter is a name or a function, not a reference.
  if (first.r === 0) return null;
  return { area: { sheet, r1: first.r, c1: first.c, r2: first.r, c2: first.c }, length: first.length };
}

function operatorAt(s: string, at: number): string | undefined {
  for (const o of OPERATORS) if (s.startsWith(o, at)) return o;
  return undefined;
}

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  const s = formula;
  let at = s.startsWith('=') ? 1 : 0;
  while (at < s.length) {
    const space = matchAt(SPACE, s, at);
    if (space) {
      at += space[0].length;
      continue;
    }
    if (s[at] === '"') {
      const m = matchAt(TEXT, s, at);
      if (!m) throw new Unsupported('unterminated text');
      tokens.push({ t: 'str', v: (m[1] as string).replace(/""/g, '"') });
      at += m[0].length;
      continue;
    }
    // A sheet: 'quoted name'! or bare!
    let sheet: string | null = null;
    const quoted = matchAt(QUOTED_SHEET, s, at);
    const prefix = quoted ?? matchAt(BARE_SHEET, s, at);
    if (prefix) {
      sheet = (prefix[1] as string).replace(/''/g, "'");
      at += prefix[0].length;
    }
    const area = readArea(s, at, sheet);
    if (area) {
      tokens.push({ t: 'ref', area: area.area });
      at += area.length;
      continue;
    }
    if (sheet !== null) throw new Unsupported(`reference after ${sheet}!`);
    const number = matchAt(NUMBER, s, at);
    if (number) {
      tokens.push({ t: 'num', v: Number(number[0]) });
      at += number[0].length;
      continue;
    }
    const op = operatorAt(s, at);
    if (op) {
      tokens.push({ t: 'op', v: op });
      at += op.length;
      continue;
    }
    const word = matchAt(WORD, s, at);
    if (!word) throw new Unsupported(`cannot read ${s.slice(at, at + 10)}`);
    tokens.push({ t: 'word', v: word[0] });
    at += word[0].length;
  }
  return tokens;
}

/** Binary operators by precedence, lowest first (Excel's order). */
const LEVELS: readonly (readonly string[])[] = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/'], ['^']];

/** Parse a formula (with or without its leading `=`); throws `Unsupported` on anything outside the grammar. */
export function parseFormula(formula: string): Node {
  const tokens = tokenize(formula);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const isOp = (v: string): boolean => {
    const t = peek();
    return t !== undefined && t.t === 'op' && t.v === v;
  };
  const expect = (v: string): void => {
    if (!isOp(v)) throw new Unsupported(`expected ${v}`);
    at++;
  };
  const binary = (level: number): Node => {
    if (level === LEVELS.length) return unary();
    let left = binary(level + 1);
    for (;;) {
      const t = peek();
      if (!t || t.t !== 'op' || !(LEVELS[level] as readonly string[]).includes(t.v)) return left;
      at++;
      left = { k: 'bin', op: t.v, left, right: binary(level + 1) };
    }
  };
  const unary = (): Node => {
    if (isOp('-') || isOp('+')) {
      const op = (tokens[at++] as { v: '-' | '+' }).v;
      return { k: 'unary', op, arg: unary() };
    }
    const node = primary();
    if (isOp('%')) {
      at++;
      return { k: 'bin', op: '/', left: node, right: { k: 'num', v: 100 } };
    }
    return node;
  };
  const primary = (): Node => {
    const t = tokens[at++];
    if (!t) throw new Unsupported('formula ends early');
    if (t.t === 'num') return { k: 'num', v: t.v };
    if (t.t === 'str') return { k: 'str', v: t.v };
    if (t.t === 'ref') return { k: 'ref', area: t.area };
    if (t.t === 'op' && t.v === '{') {
      const items: Array<number | string | boolean> = [];
      for (;;) {
        const negative = isOp('-');
        if (negative) at++;
        const item = tokens[at++];
        if (item?.t === 'num') items.push(negative ? -item.v : item.v);
        else if (item?.t === 'str' && !negative) items.push(item.v);
        else if (item?.t === 'word' && !negative && /^(TRUE|FALSE)$/i.test(item.v)) items.push(item.v.toUpperCase() === 'TRUE');
        else throw new Unsupported('array constant item');
        if (isOp(',') || isOp(';')) {
          at++;
          continue;
        }
        break;
      }
      expect('}');
      return { k: 'array', v: items };
    }
    if (t.t === 'op' && t.v === '(') {
      const inner = binary(0);
      expect(')');
      return inner;
    }
    if (t.t === 'word') {
      if (isOp('(')) {
        at++;
        const args: Node[] = [];
        if (!isOp(')')) {
          for (;;) {
            args.push(binary(0));
            if (isOp(',')) {
              at++;
              continue;
            }
            break;
          }
        }
        expect(')');
        // Excel saves newer functions as `_xlfn.NAME`; the name is what counts.
        return { k: 'call', fn: t.v.toUpperCase().replace(/^_XLFN\./, ''), args };
      }
      const upper = t.v.toUpperCase();
      if (upper === 'TRUE' || upper === 'FALSE') return { k: 'bool', v: upper === 'TRUE' };
      return { k: 'name', name: t.v };
    }
    throw new Unsupported(`unexpected ${t.v}`);
  };
  const node = binary(0);
  if (at !== tokens.length) throw new Unsupported('text after the formula');
  return node;
}
