import type { SheetValue } from '../grid/sheetData';
import { excelSerial, fromExcelSerial, isoDate, type DateSystem } from '../time/isoDate';
import { parseFormula, Unsupported, type Area, type Node } from './parse';
import { compare, criterion, formatNumber, FormulaError, isError, roundHalfAway, toBool, toNumber, toText, type Scalar } from './values';

/**
 * The formulas of a workbook computed as a spreadsheet would, so a write can store every formula's
 * result with it (DESIGN §5: no stale cached value; a viewer or printer that does not recalculate
 * shows the true figures). It knows the classic functions Duban's sheets use; a formula using any
 * other (a user's own) is reported unknown, and its cell is left for the spreadsheet to compute.
 */

/** A cell as the file holds it: a value, or a formula (without `=`). */
export type GridCell = { value: SheetValue } | { formula: string };

export type Grid = {
  /** 1-based row and column. */
  cell(sheet: string, row: number, col: number): GridCell | undefined;
  /** The last row holding anything (whole-column ranges stop there). */
  lastRow(sheet: string): number;
  hasSheet(sheet: string): boolean;
  /** A defined name's reference, such as `'汇总'!$B$1`. */
  name(name: string): string | undefined;
};

type Value = Scalar | { area: Area & { sheet: string } } | { list: Scalar[] };
type At = { sheet: string; row: number; col: number };

const key = (sheet: string, row: number, col: number): string => `${sheet}\u0000${row}\u0000${col}`;
const isArea = (v: Value): v is { area: Area & { sheet: string } } => v !== null && typeof v === 'object' && 'area' in v;
const isList = (v: Value): v is { list: Scalar[] } => v !== null && typeof v === 'object' && 'list' in v;

export class FormulaEngine {
  private readonly memo = new Map<string, Scalar | Unsupported>();
  private readonly busy = new Set<string>();
  private readonly parsed = new Map<string, Node | Unsupported>();
  /** Areas already read, and MATCH's lookups over them: a sheet's MATCH formulas share a few ranges. */
  private readonly areas = new Map<string, Scalar[]>();
  private readonly exact = new Map<string, Map<string, number>>();
  private readonly ascending = new Map<string, Array<{ i: number; v: Scalar }>>();

  /** `today` is TODAY()'s serial in the workbook's date system (the domain reads no clock). */
  constructor(
    private readonly grid: Grid,
    private readonly today: number,
    private readonly system: DateSystem = 1900,
  ) {}

  /** The value of a cell; `undefined` when its formula (or one it depends on) is beyond this engine. */
  valueAt(sheet: string, row: number, col: number): Scalar | undefined {
    const v = this.cellValue(sheet, row, col);
    return v instanceof Unsupported ? undefined : v;
  }

  private cellValue(sheet: string, row: number, col: number): Scalar | Unsupported {
    const cell = this.grid.cell(sheet, row, col);
    if (cell === undefined) return null;
    if ('value' in cell) return cell.value;
    const k = key(sheet, row, col);
    const known = this.memo.get(k);
    if (known !== undefined) return known;
    if (this.busy.has(k)) return new Unsupported('circular reference');
    this.busy.add(k);
    let result: Scalar | Unsupported;
    try {
      const v = this.evaluate(this.parse(cell.formula), { sheet, row, col });
      // A formula that is a reference to an empty cell shows 0.
      result = isArea(v) ? (this.single(v) ?? 0) : this.scalar(v);
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      result = e;
    } finally {
      this.busy.delete(k);
    }
    this.memo.set(k, result);
    return result;
  }

  private parse(formula: string): Node {
    let node = this.parsed.get(formula);
    if (node === undefined) {
      try {
        node = parseFormula(formula);
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
        node = e;
      }
      this.parsed.set(formula, node);
    }
    if (node instanceof Unsupported) throw node;
    return node;
  }

  /** A cell's value inside an evaluation: unknown anywhere makes the whole formula unknown. */
  private read(sheet: string, row: number, col: number): Scalar {
    if (!this.grid.hasSheet(sheet)) throw new Unsupported(`no sheet ${sheet}`);
    const v = this.cellValue(sheet, row, col);
    if (v instanceof Unsupported) throw v;
    return v;
  }

  private single(v: { area: Area & { sheet: string } }): Scalar {
    const a = v.area;
    if (a.r1 !== a.r2 || a.c1 !== a.c2) return new FormulaError('#VALUE!');
    return this.read(a.sheet, a.r1, a.c1);
  }

  /** A single value; an array constant where one value is wanted gives its first item, as spreadsheets do. */
  private scalar(v: Value): Scalar {
    return isArea(v) ? this.single(v) : isList(v) ? (v.list[0] ?? null) : v;
  }

  /** Every cell of an area, row by row; a whole column stops at the sheet's last row. */
  private cells(area: Area & { sheet: string }): Scalar[] {
    const last = Math.min(area.r2, this.grid.lastRow(area.sheet));
    const k = this.areaKey(area, last);
    const known = this.areas.get(k);
    if (known !== undefined) return known;
    const out: Scalar[] = [];
    for (let r = area.r1; r <= last; r++) for (let c = area.c1; c <= area.c2; c++) out.push(this.read(area.sheet, r, c));
    this.areas.set(k, out);
    return out;
  }

  /** Values never change during one evaluation, so an area's cells are read once (computing a book is not quadratic). */
  private areaKey(area: Area & { sheet: string }, last: number): string {
    return `${area.sheet}\u0000${area.r1}:${last}:${area.c1}:${area.c2}`;
  }

  private area(node: Node, at: At): Area & { sheet: string } {
    const v = this.evaluate(node, at);
    if (!isArea(v)) throw new Unsupported('a range was expected');
    return v.area;
  }

  private evaluate(node: Node, at: At): Value {
    switch (node.k) {
      case 'num':
      case 'str':
      case 'bool':
        return node.v;
      case 'ref':
        return { area: { ...node.area, sheet: node.area.sheet ?? at.sheet } };
      case 'name': {
        const target = this.grid.name(node.name);
        if (target === undefined) throw new Unsupported(`name ${node.name}`);
        const ref = this.parse(target);
        if (ref.k !== 'ref' || ref.area.sheet === null) throw new Unsupported(`name ${node.name} is not a reference`);
        return { area: { ...ref.area, sheet: ref.area.sheet } };
      }
      case 'unary': {
        const n = toNumber(this.scalar(this.evaluate(node.arg, at)));
        return isError(n) ? n : node.op === '-' ? -n : n;
      }
      case 'bin':
        return this.binary(node.op, this.scalar(this.evaluate(node.left, at)), this.scalar(this.evaluate(node.right, at)));
      case 'call':
        return this.call(node.fn, node.args, at);
      case 'array':
        return { list: node.v };
    }
  }

  private binary(op: string, a: Scalar, b: Scalar): Scalar {
    if (op === '&') {
      const [x, y] = [toText(a), toText(b)];
      return isError(x) ? x : isError(y) ? y : x + y;
    }
    if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
      const d = compare(a, b);
      if (isError(d)) return d;
      return op === '=' ? d === 0 : op === '<>' ? d !== 0 : op === '<' ? d < 0 : op === '>' ? d > 0 : op === '<=' ? d <= 0 : d >= 0;
    }
    const [x, y] = [toNumber(a), toNumber(b)];
    if (isError(x)) return x;
    if (isError(y)) return y;
    if (op === '+') return x + y;
    if (op === '-') return x - y;
    if (op === '*') return x * y;
    if (op === '/') return y === 0 ? new FormulaError('#DIV/0!') : x / y;
    if (op === '^') return x ** y;
    throw new Unsupported(`operator ${op}`);
  }

  private call(fn: string, args: Node[], at: At): Value {
    const arg = (i: number): Scalar => {
      const n = args[i];
      if (n === undefined) throw new Unsupported(`${fn} needs argument ${i + 1}`);
      return this.scalar(this.evaluate(n, at));
    };
    /** Every value of the arguments, ranges spread (SUM, COUNTA, MIN, AND, OR). */
    const spread = (): Array<{ v: Scalar; fromRange: boolean }> =>
      args.flatMap((n): Array<{ v: Scalar; fromRange: boolean }> => {
        const v = this.evaluate(n, at);
        if (isList(v)) return v.list.map((x) => ({ v: x, fromRange: false }));
        return isArea(v) ? this.cells(v.area).map((x) => ({ v: x, fromRange: true })) : [{ v, fromRange: false }];
      });
    switch (fn) {
      case 'IF': {
        const c = toBool(arg(0));
        if (isError(c)) return c;
        const branch = c ? args[1] : args[2];
        if (branch === undefined) return c ? true : false;
        return this.evaluate(branch, at);
      }
      case 'IFERROR': {
        const v = this.evaluate(args[0] as Node, at);
        return isError(this.scalar(v)) ? this.evaluate(args[1] as Node, at) : v;
      }
      case 'AND':
      case 'OR': {
        const bools = spread().filter((x) => !(x.fromRange && typeof x.v === 'string') && x.v !== null).map((x) => toBool(x.v));
        const error = bools.find(isError);
        if (error) return error;
        return fn === 'AND' ? bools.every((b) => b === true) : bools.some((b) => b === true);
      }
      case 'NOT': {
        const b = toBool(arg(0));
        return isError(b) ? b : !b;
      }
      case 'ISNUMBER':
        return typeof arg(0) === 'number';
      case 'ISBLANK':
        return arg(0) === null;
      case 'ISERROR':
        return isError(arg(0));
      case 'NA':
        return new FormulaError('#N/A');
      case 'N': {
        const v = arg(0);
        return typeof v === 'number' || isError(v) ? v : typeof v === 'boolean' ? (v ? 1 : 0) : 0;
      }
      case 'TODAY':
        return this.today;
      case 'ROW':
        return args.length === 0 ? at.row : this.area(args[0] as Node, at).r1;
      case 'LEN': {
        const t = toText(arg(0));
        return isError(t) ? t : [...t].length;
      }
      case 'TRIM': {
        const t = toText(arg(0));
        return isError(t) ? t : t.replace(/ +/g, ' ').replace(/^ | $/g, '');
      }
      case 'TEXT': {
        const [v, f] = [toNumber(arg(0)), toText(arg(1))];
        if (isError(v)) return typeof arg(0) === 'string' ? (arg(0) as string) : v;
        if (isError(f)) return f;
        return formatNumber(v, f);
      }
      case 'ROUND': {
        const [v, d] = [toNumber(arg(0)), toNumber(arg(1))];
        return isError(v) ? v : isError(d) ? d : roundHalfAway(v, d);
      }
      case 'SUBSTITUTE': {
        if (args.length > 3) throw new Unsupported('SUBSTITUTE of one instance');
        const [t, from, to] = [toText(arg(0)), toText(arg(1)), toText(arg(2))];
        if (isError(t)) return t;
        if (isError(from)) return from;
        if (isError(to)) return to;
        return from === '' ? t : t.split(from).join(to);
      }
      case 'INT': {
        const v = toNumber(arg(0));
        return isError(v) ? v : Math.floor(v);
      }
      case 'CHOOSE': {
        const i = toNumber(arg(0));
        if (isError(i)) return i;
        const chosen = args[Math.trunc(i)];
        return Math.trunc(i) < 1 || chosen === undefined ? new FormulaError('#VALUE!') : this.evaluate(chosen, at);
      }
      case 'DATE':
        return this.date(toNumber(arg(0)), toNumber(arg(1)), toNumber(arg(2)));
      case 'YEAR':
      case 'MONTH':
      case 'DAY': {
        const n = toNumber(arg(0));
        if (isError(n)) return n;
        const iso = fromExcelSerial(n, this.system);
        if (iso === null) throw new Unsupported(`${fn} of ${n}`);
        return Number(iso.slice(...(fn === 'YEAR' ? [0, 4] : fn === 'MONTH' ? [5, 7] : [8, 10])));
      }
      case 'ABS': {
        const v = toNumber(arg(0));
        return isError(v) ? v : Math.abs(v);
      }
      case 'SUM':
      case 'MIN':
      case 'MAX':
      case 'COUNT':
      case 'COUNTA':
        return this.aggregate(fn, spread());
      case 'COUNTIF':
      case 'COUNTIFS':
      case 'SUMIF':
        return this.conditional(fn, args, at);
      case 'INDEX': {
        const a = this.area(args[0] as Node, at);
        const r = toNumber(arg(1));
        const c = args.length > 2 ? toNumber(arg(2)) : 1;
        if (isError(r)) return r;
        if (isError(c)) return c;
        const [ri, ci] = [Math.trunc(r), Math.trunc(c)];
        if (ri === 0 || ci === 0) throw new Unsupported('INDEX of a whole row or column');
        if (ri < 0 || ci < 0 || a.r1 + ri - 1 > a.r2 || a.c1 + ci - 1 > a.c2) return new FormulaError('#REF!');
        return { area: { sheet: a.sheet, r1: a.r1 + ri - 1, r2: a.r1 + ri - 1, c1: a.c1 + ci - 1, c2: a.c1 + ci - 1 } };
      }
      case 'MATCH': {
        const within = this.evaluate(args[1] as Node, at);
        const kind = args.length > 2 ? toNumber(arg(2)) : 1;
        if (isList(within)) return this.matchList(arg(0), within.list, kind);
        if (!isArea(within)) throw new Unsupported('MATCH in a value');
        return this.match(arg(0), within.area, kind);
      }
      case 'HYPERLINK':
        return args.length > 1 ? arg(1) : arg(0);
      default:
        throw new Unsupported(`function ${fn}`);
    }
  }

  private aggregate(fn: string, values: Array<{ v: Scalar; fromRange: boolean }>): Scalar {
    if (fn === 'COUNTA') return values.filter((x) => x.v !== null).length;
    // In a range only numbers count; a value typed as an argument is read as a number.
    const numbers: number[] = [];
    for (const { v, fromRange } of values) {
      if (isError(v)) return v;
      if (typeof v === 'number') numbers.push(v);
      else if (!fromRange && fn !== 'COUNT') {
        const n = toNumber(v);
        if (isError(n)) return n;
        numbers.push(n);
      }
    }
    if (fn === 'COUNT') return numbers.length;
    if (fn === 'SUM') return numbers.reduce((s, n) => s + n, 0);
    if (numbers.length === 0) return 0;
    return fn === 'MIN' ? Math.min(...numbers) : Math.max(...numbers);
  }

  private conditional(fn: string, args: Node[], at: At): Scalar {
    const pairs: Array<{ area: Area & { sheet: string }; test: (v: Scalar) => boolean }> = [];
    // COUNTIF and SUMIF take one (range, criterion) pair; COUNTIFS any number of them.
    const until = fn === 'COUNTIFS' ? args.length : 2;
    if (until < 2 || until % 2 !== 0) throw new Unsupported(`${fn} with ${args.length} arguments`);
    for (let i = 0; i < until; i += 2) {
      pairs.push({ area: this.area(args[i] as Node, at), test: criterion(this.scalar(this.evaluate(args[i + 1] as Node, at))) });
    }
    const first = (pairs[0] as (typeof pairs)[number]).area;
    const sumArea = fn === 'SUMIF' ? (args[2] ? this.area(args[2], at) : first) : null;
    const height = Math.min(first.r2, this.lastOf(pairs.map((p) => p.area))) - first.r1 + 1;
    const width = first.c2 - first.c1 + 1;
    let total = 0;
    for (let i = 0; i < height; i++) {
      for (let j = 0; j < width; j++) {
        if (!pairs.every((p) => p.test(this.read(p.area.sheet, p.area.r1 + i, p.area.c1 + j)))) continue;
        if (sumArea === null) total += 1;
        else {
          const v = this.read(sumArea.sheet, sumArea.r1 + i, sumArea.c1 + j);
          if (isError(v)) return v;
          if (typeof v === 'number') total += v;
        }
      }
    }
    return total;
  }

  /** Where scanning several aligned areas can stop: the last row any of their sheets holds, relative to the first. */
  private lastOf(areas: ReadonlyArray<Area & { sheet: string }>): number {
    const first = areas[0] as Area & { sheet: string };
    return Math.max(...areas.map((a) => first.r1 + (Math.min(a.r2, this.grid.lastRow(a.sheet)) - a.r1)));
  }

  /** DATE(year, month, day): months and days past their ends roll over (month 13, day 0), as spreadsheets do. */
  private date(y: number | FormulaError, m: number | FormulaError, d: number | FormulaError): Scalar {
    if (isError(y)) return y;
    if (isError(m)) return m;
    if (isError(d)) return d;
    const year = Math.trunc(y) < 1900 ? Math.trunc(y) + 1900 : Math.trunc(y);
    const day = new Date(Date.UTC(year, Math.trunc(m) - 1, Math.trunc(d)));
    // Before 1900-03-01 Excel's serials count a 29 February 1900 that never was: left to the spreadsheet.
    if (day.getUTCFullYear() < 1900 || (day.getUTCFullYear() === 1900 && day.getUTCMonth() < 2)) throw new Unsupported('DATE before 1900-03-01');
    if (day.getUTCFullYear() > 9999) return new FormulaError('#NUM!');
    return excelSerial(isoDate(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()), this.system);
  }

  /** MATCH over an array constant: exact only (the lists Duban writes are not sorted). */
  private matchList(x: Scalar, list: Scalar[], kind: number | FormulaError): Scalar {
    if (isError(x)) return x;
    if (isError(kind)) return kind;
    if (kind !== 0 || (typeof x === 'string' && /[*?~]/.test(x))) throw new Unsupported('MATCH in a list, not exact');
    const i = list.findIndex((v) => v !== null && !isError(v) && typeof v === typeof x && compare(v, x) === 0);
    return i < 0 ? new FormulaError('#N/A') : i + 1;
  }

  /** MATCH: exact (0), or the last value ≤ x of ascending data (1), found by binary search as a spreadsheet does. */
  private match(x: Scalar, area: Area & { sheet: string }, kind: number | FormulaError): Scalar {
    if (isError(x)) return x;
    if (isError(kind)) return kind;
    if (area.c1 !== area.c2 && area.r1 !== area.r2) throw new Unsupported('MATCH over a block');
    const values = this.cells(area);
    const k = this.areaKey(area, Math.min(area.r2, this.grid.lastRow(area.sheet)));
    if (kind === 0) {
      // An empty lookup value compares by the other side's type: rare, so scanned.
      if (x === null) {
        const i = values.findIndex((v) => v !== null && !isError(v) && compare(v, x) === 0);
        return i < 0 ? new FormulaError('#N/A') : i + 1;
      }
      // A spreadsheet reads * ? ~ in exact MATCH as wildcards; Duban writes none, so a user's is left to it.
      if (typeof x === 'string' && /[*?~]/.test(x)) throw new Unsupported('MATCH with wildcards');
      let index = this.exact.get(k);
      if (index === undefined) {
        index = new Map();
        values.forEach((v, i) => {
          const vk = v === null || isError(v) ? null : lookupKey(v);
          if (vk !== null && !(index as Map<string, number>).has(vk)) (index as Map<string, number>).set(vk, i);
        });
        this.exact.set(k, index);
      }
      const i = index.get(lookupKey(x));
      return i === undefined ? new FormulaError('#N/A') : i + 1;
    }
    if (kind !== 1) throw new Unsupported('MATCH type -1');
    // The data is sorted (Duban lays it out so): the last value of x's type that is not above x.
    const typed = `${k}\u0000${typeof x}`;
    let same = this.ascending.get(typed);
    if (same === undefined) {
      same = [];
      values.forEach((v, i) => {
        if (v !== null && !isError(v) && typeof v === typeof x) (same as Array<{ i: number; v: Scalar }>).push({ i, v });
      });
      this.ascending.set(typed, same);
    }
    let [lo, hi] = [0, same.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((compare((same[mid] as { v: Scalar }).v, x) as number) > 0) hi = mid;
      else lo = mid + 1;
    }
    return lo === 0 ? new FormulaError('#N/A') : (same[lo - 1] as { i: number }).i + 1;
  }
}

/** What MATCH(x, …, 0) compares equal: a number, text ignoring case, or a boolean, each only with its own type. */
function lookupKey(v: number | string | boolean): string {
  return typeof v === 'number' ? `n${v}` : typeof v === 'string' ? `s${v.toLowerCase()}` : `b${v}`;
}
