/**
 * An in-memory fake of the part of the Excel object model Duban uses: worksheets, ranges by
 * address (formulas/values/numberFormat, format, protection), tables, data validation,
 * conditional formats, names, sheet protection, freeze panes — and `context.sync()`, which it
 * counts together with the size of each queued request. Reading a loaded property before a
 * sync throws, as in Excel. It does not compute formulas.
 */

import { columnIndex, columnLetter } from '../../src/workbook/a1';

export type FakeCell = { formula: string | number | boolean; numberFormat: string; bold: boolean; fill: string | null; fontColor: string | null; wrap: boolean; locked: boolean };
export type FakeValidation = { range: string; rule: unknown; errorAlert: unknown; prompt: unknown; ignoreBlanks: unknown };
export type FakeConditionalFormat = { range: string; type: string; formula?: string; fill?: string; fontColor?: string; detail?: unknown };

const UTF8 = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) n += s.charCodeAt(i) < 0x80 ? 1 : 3;
  return n;
};

const colIndex = columnIndex;
const colLetter = columnLetter;

type Box = { r0: number; c0: number; r1: number; c1: number; wholeColumns: boolean; wholeSheet: boolean };
function parseRange(address: string | undefined): Box {
  if (address === undefined) return { r0: 0, c0: 0, r1: 1048575, c1: 16383, wholeColumns: false, wholeSheet: true };
  const a = address.replace(/\$/g, '').replace(/^.*!/, '');
  const col = /^([A-Z]+):([A-Z]+)$/.exec(a);
  if (col) return { r0: 0, c0: colIndex(col[1] as string), r1: 1048575, c1: colIndex(col[2] as string), wholeColumns: true, wholeSheet: false };
  const [p, q] = a.split(':') as [string, string | undefined];
  const one = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s);
    if (!m) throw new Error(`fake Excel: bad address ${address}`);
    return { r: Number(m[2]) - 1, c: colIndex(m[1] as string) };
  };
  const s = one(p);
  const e = q ? one(q) : s;
  return { r0: s.r, c0: s.c, r1: e.r, c1: e.c, wholeColumns: false, wholeSheet: false };
}

export class FakeContext {
  readonly workbook: FakeWorkbook;
  syncs = 0;
  /** Size in bytes of each request sent by sync(). */
  readonly requests: number[] = [];
  private pending = 0;
  constructor(workbook: FakeWorkbook) {
    this.workbook = workbook;
    workbook.context = this;
  }
  track(payload: unknown): void {
    this.pending += UTF8(JSON.stringify(payload) ?? '') + 40;
  }
  async sync(): Promise<void> {
    this.syncs++;
    this.requests.push(this.pending);
    this.pending = 0;
  }
}

/** A loadable property: readable only after a sync that follows load(). */
class Loadable {
  protected loadedAtSync = -1;
  constructor(protected readonly ctx: () => FakeContext) {}
  load(_props?: string): this {
    this.ctx().track({ load: _props ?? '' });
    this.loadedAtSync = this.ctx().syncs;
    return this;
  }
  protected ensureLoaded(what: string): void {
    if (this.loadedAtSync < 0 || this.ctx().syncs <= this.loadedAtSync) throw new Error(`PropertyNotLoaded: ${what} was read before load() and sync()`);
  }
}

export class FakeWorkbook {
  context!: FakeContext;
  readonly sheets: FakeWorksheet[] = [];
  readonly definedNames = new Map<string, string>();
  activeSheet: string | null = null;
  selected: string | null = null;
  readonly worksheets = new FakeWorksheets(this);
  readonly names = new FakeNames(this);
  readonly tables = new FakeTables(this);
}

/** The workbook-wide table collection (read only here: tables are added per sheet). */
class FakeTables extends Loadable {
  constructor(private readonly wb: FakeWorkbook) {
    super(() => wb.context);
  }
  get items(): Array<{ name: string; worksheet: { name: string } }> {
    this.ensureLoaded('tables.items');
    return this.wb.sheets.flatMap((s) => s.tableList.map((t) => ({ name: t.name, worksheet: { name: s.name } })));
  }
}

class FakeWorksheets extends Loadable {
  constructor(private readonly wb: FakeWorkbook) {
    super(() => wb.context);
  }
  get items(): FakeWorksheet[] {
    this.ensureLoaded('worksheets.items');
    return [...this.wb.sheets];
  }
  add(name: string): FakeWorksheet {
    this.wb.context.track({ add: name });
    if (this.wb.sheets.some((s) => s.name === name)) throw new Error(`ItemAlreadyExists: ${name}`);
    if (name.length > 31 || /[:\\/?*[\]]/.test(name)) throw new Error(`InvalidArgument: sheet name ${name}`);
    const ws = new FakeWorksheet(this.wb, name);
    this.wb.sheets.push(ws);
    return ws;
  }
  getItem(name: string): FakeWorksheet {
    const ws = this.wb.sheets.find((s) => s.name === name);
    if (!ws) throw new Error(`ItemNotFound: ${name}`);
    return ws;
  }
}

class FakeNames extends Loadable {
  constructor(private readonly wb: FakeWorkbook) {
    super(() => wb.context);
  }
  get items(): Array<{ name: string }> {
    this.ensureLoaded('names.items');
    return [...this.wb.definedNames.keys()].map((name) => ({ name }));
  }
  add(name: string, reference: string): void {
    this.wb.context.track({ name, reference });
    if (this.wb.definedNames.has(name)) throw new Error(`ItemAlreadyExists: name ${name}`);
    this.wb.definedNames.set(name, reference);
  }
  getItem(name: string): { delete(): void } {
    return { delete: () => void this.wb.definedNames.delete(name) };
  }
}

export class FakeWorksheet {
  readonly cells = new Map<string, FakeCell>();
  readonly columnWidths = new Map<number, number>();
  readonly validations: FakeValidation[] = [];
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  readonly tableList: Array<{ name: string; style: string; address: string }> = [];
  protectedWith: unknown = null;
  freeze = { rows: 0, columns: 0 };
  tabColor = '';
  visibility = 'Visible';
  readonly chartList: Array<{ type: string; values: string; categories: string; title: string; position: string }> = [];
  readonly charts: { add(type: string, range: FakeRange, seriesBy: string): FakeChart; load(p: string): void; items: Array<{ delete(): void }> };
  readonly tables: { add(address: string, hasHeaders: boolean): { name: string; style: string }; load(p: string): void; items: Array<{ name: string; convertToRange(): void }> };
  readonly protection: { protect(options?: unknown): void; unprotect(): void };
  readonly freezePanes: { freezeRows(n: number): void; freezeColumns(n: number): void; freezeAt(r: FakeRange): void };

  constructor(
    readonly wb: FakeWorkbook,
    public name: string,
  ) {
    const ctx = () => wb.context;
    const tablesLoad = new (class extends Loadable {})(ctx);
    const list = this.tableList;
    this.tables = {
      add: (address, _h) => {
        ctx().track({ table: address });
        const t = { name: `Table${wb.sheets.reduce((n, s) => n + s.tableList.length, 0) + 1}`, style: 'TableStyleMedium2', address };
        list.push(t);
        return {
          // Table names are unique in a workbook, as in Excel.
          set name(n: string) {
            if (wb.sheets.some((s) => s.tableList.some((x) => x !== t && x.name === n))) throw new Error(`InvalidArgument: a table named ${n} already exists`);
            t.name = n;
          },
          get name() {
            return t.name;
          },
          set style(v: string) {
            t.style = v;
          },
          get style() {
            return t.style;
          },
        };
      },
      load: (p) => void tablesLoad.load(p),
      get items() {
        (tablesLoad as unknown as { ensureLoaded(w: string): void }).ensureLoaded('tables.items');
        return list.map((t) => ({ name: t.name, convertToRange: () => void list.splice(list.indexOf(t), 1) }));
      },
    };
    const chartsLoad = new (class extends Loadable {})(ctx);
    const charts = this.chartList;
    this.charts = {
      add: (type, range, _by) => {
        ctx().track({ chart: type, range: range.address });
        const c = { type, values: range.address, categories: '', title: '', position: '' };
        charts.push(c);
        return {
          title: {
            set text(t: string) {
              c.title = t;
            },
            get text() {
              return c.title;
            },
          },
          series: { getItemAt: () => ({ setXAxisValues: (r: FakeRange) => void (c.categories = r.address) }) },
          setPosition: (a: string) => void (c.position = a),
        };
      },
      load: (p) => void chartsLoad.load(p),
      get items() {
        (chartsLoad as unknown as { ensureLoaded(w: string): void }).ensureLoaded('charts.items');
        return charts.map((c) => ({ delete: () => void charts.splice(charts.indexOf(c), 1) }));
      },
    };
    this.protection = {
      protect: (options) => {
        ctx().track({ protect: options ?? null });
        this.protectedWith = options ?? {};
      },
      unprotect: () => {
        this.protectedWith = null;
      },
    };
    this.freezePanes = {
      freezeRows: (n) => void (this.freeze = { rows: n, columns: 0 }),
      freezeColumns: (n) => void (this.freeze = { rows: 0, columns: n }),
      freezeAt: (r) => void (this.freeze = { rows: r.box.r1 + 1, columns: r.box.c1 + 1 }),
    };
  }

  cell(r: number, c: number): FakeCell {
    const key = `${colLetter(c)}${r + 1}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { formula: '', numberFormat: 'General', bold: false, fill: null, fontColor: null, wrap: false, locked: true };
      this.cells.set(key, cell);
    }
    return cell;
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this, parseRange(address), address ?? '');
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    let [r0, c0, r1, c1] = [Infinity, Infinity, -1, -1];
    for (const [key, cell] of this.cells) {
      if (cell.formula === '') continue;
      const m = /^([A-Z]+)(\d+)$/.exec(key) as RegExpExecArray;
      const [r, c] = [Number(m[2]) - 1, colIndex(m[1] as string)];
      [r0, c0, r1, c1] = [Math.min(r0, r), Math.min(c0, c), Math.max(r1, r), Math.max(c1, c)];
    }
    if (r1 < 0) [r0, c0, r1, c1] = [0, 0, 0, 0];
    // As in Excel, the used range starts at the first used cell, not necessarily A1.
    const address = `${colLetter(c0)}${r0 + 1}:${colLetter(c1)}${r1 + 1}`;
    const range = new FakeRange(this, { r0, c0, r1, c1, wholeColumns: false, wholeSheet: false }, `${this.name}!${address}`);
    range.isNullObject = this.cells.size === 0 || [...this.cells.values()].every((c) => c.formula === '');
    return range;
  }

  activate(): void {
    this.wb.activeSheet = this.name;
  }

  delete(): void {
    this.wb.sheets.splice(this.wb.sheets.indexOf(this), 1);
  }
}

export class FakeRange extends Loadable {
  isNullObject = false;
  readonly format: {
    columnWidth: number;
    wrapText: boolean;
    font: { bold: boolean; color: string };
    fill: { color: string };
    protection: { locked: boolean };
  };
  readonly dataValidation: { rule: unknown; errorAlert: unknown; prompt: unknown; ignoreBlanks: unknown; clear(): void };
  readonly conditionalFormats: { add(type: string): FakeConditionalFormatProxy; clearAll(): void };

  constructor(
    readonly ws: FakeWorksheet,
    readonly box: Box,
    readonly address: string,
  ) {
    super(() => ws.wb.context);
    const each = (fn: (c: FakeCell) => void): void => {
      if (box.wholeColumns || box.wholeSheet) throw new Error('fake Excel: cell formats on whole columns are not modelled');
      for (let r = box.r0; r <= box.r1; r++) for (let c = box.c0; c <= box.c1; c++) fn(ws.cell(r, c));
    };
    const track = (p: unknown) => ws.wb.context.track(p);
    this.format = {
      set columnWidth(w: number) {
        track(w);
        for (let c = box.c0; c <= box.c1; c++) ws.columnWidths.set(c, w);
      },
      get columnWidth(): number {
        return ws.columnWidths.get(box.c0) ?? 0;
      },
      set wrapText(v: boolean) {
        track(v);
        each((c) => (c.wrap = v));
      },
      get wrapText(): boolean {
        return false;
      },
      font: {
        set bold(v: boolean) {
          track(v);
          each((c) => (c.bold = v));
        },
        get bold(): boolean {
          return false;
        },
        set color(v: string) {
          track(v);
          each((c) => (c.fontColor = v));
        },
        get color(): string {
          return '';
        },
      },
      fill: {
        set color(v: string) {
          track(v);
          each((c) => (c.fill = v));
        },
        get color(): string {
          return '';
        },
      },
      protection: {
        set locked(v: boolean) {
          track(v);
          each((c) => (c.locked = v));
        },
        get locked(): boolean {
          return true;
        },
      },
    };
    const validation: FakeValidation = { range: address, rule: null, errorAlert: null, prompt: null, ignoreBlanks: null };
    let added = false;
    const commit = () => {
      if (!added) ws.validations.push(validation);
      added = true;
    };
    this.dataValidation = {
      set rule(v: unknown) {
        track(v);
        validation.rule = v;
        commit();
      },
      get rule(): unknown {
        return validation.rule;
      },
      set errorAlert(v: unknown) {
        track(v);
        validation.errorAlert = v;
      },
      get errorAlert(): unknown {
        return validation.errorAlert;
      },
      set prompt(v: unknown) {
        track(v);
        validation.prompt = v;
      },
      get prompt(): unknown {
        return validation.prompt;
      },
      set ignoreBlanks(v: unknown) {
        validation.ignoreBlanks = v;
      },
      get ignoreBlanks(): unknown {
        return validation.ignoreBlanks;
      },
      clear: () => {
        if (box.wholeSheet) ws.validations.length = 0;
      },
    };
    this.conditionalFormats = {
      add: (type: string) => {
        track(type);
        const cf: FakeConditionalFormat = { range: address, type };
        ws.conditionalFormats.push(cf);
        return conditionalFormatProxy(cf, track);
      },
      clearAll: () => {
        if (box.wholeSheet) ws.conditionalFormats.length = 0;
      },
    };
  }

  set formulas(matrix: Array<Array<string | number | boolean>>) {
    this.write(matrix, (cell, v) => (cell.formula = v));
  }
  set values(matrix: Array<Array<string | number | boolean>>) {
    this.write(matrix, (cell, v) => (cell.formula = v));
  }
  get values(): Array<Array<string | number | boolean>> {
    this.ensureLoaded('range.values');
    const out: Array<Array<string | number | boolean>> = [];
    for (let r = this.box.r0; r <= this.box.r1; r++) {
      const row: Array<string | number | boolean> = [];
      for (let c = this.box.c0; c <= this.box.c1; c++) {
        const v = this.ws.cells.get(`${colLetter(c)}${r + 1}`)?.formula ?? '';
        // Excel shows text typed with an apostrophe without it; formulas are not computed here.
        row.push(typeof v === 'string' && v.startsWith("'") ? v.slice(1) : typeof v === 'string' && v.startsWith('=') ? '' : v);
      }
      out.push(row);
    }
    return out;
  }
  get formulas(): Array<Array<string | number | boolean>> {
    this.ensureLoaded('range.formulas');
    const out: Array<Array<string | number | boolean>> = [];
    for (let r = this.box.r0; r <= this.box.r1; r++) {
      const row: Array<string | number | boolean> = [];
      for (let c = this.box.c0; c <= this.box.c1; c++) row.push(this.ws.cells.get(`${colLetter(c)}${r + 1}`)?.formula ?? '');
      out.push(row);
    }
    return out;
  }
  set numberFormat(matrix: string[][]) {
    this.write(matrix, (cell, v) => (cell.numberFormat = String(v)));
  }

  select(): void {
    this.ws.wb.selected = `${this.ws.name}!${this.address}`;
  }

  clear(): void {
    this.ws.wb.context.track({ clear: this.address });
    if (this.box.wholeSheet) {
      this.ws.cells.clear();
      return;
    }
    for (let r = this.box.r0; r <= this.box.r1; r++) for (let c = this.box.c0; c <= this.box.c1; c++) this.ws.cells.delete(`${colLetter(c)}${r + 1}`);
  }

  private write<T extends string | number | boolean>(matrix: T[][], set: (cell: FakeCell, v: T) => void): void {
    this.ws.wb.context.track(matrix);
    const rows = this.box.r1 - this.box.r0 + 1;
    const cols = this.box.c1 - this.box.c0 + 1;
    if (matrix.length !== rows || matrix.some((row) => row.length !== cols)) {
      throw new Error(`InvalidArgument: ${rows}×${cols} range ${this.address} given a ${matrix.length}×${matrix[0]?.length ?? 0} array`);
    }
    matrix.forEach((row, i) => row.forEach((v, j) => set(this.ws.cell(this.box.r0 + i, this.box.c0 + j), v)));
  }
}

type FakeChart = { title: { text: string }; series: { getItemAt(i: number): { setXAxisValues(r: FakeRange): void } }; setPosition(a: string): void };

type FakeConditionalFormatProxy = {
  custom: { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } };
  dataBar: { positiveFormat: { fillColor: string }; lowerBoundRule: unknown; upperBoundRule: unknown };
  iconSet: { style: string; criteria: unknown };
};

function conditionalFormatProxy(cf: FakeConditionalFormat, track: (p: unknown) => void): FakeConditionalFormatProxy {
  const detail: Record<string, unknown> = {};
  cf.detail = detail;
  return {
    custom: {
      rule: {
        set formula(f: string) {
          track(f);
          cf.formula = f;
        },
        get formula() {
          return cf.formula ?? '';
        },
      },
      format: {
        fill: {
          set color(c: string) {
            cf.fill = c;
          },
          get color() {
            return cf.fill ?? '';
          },
        },
        font: {
          set color(c: string) {
            cf.fontColor = c;
          },
          get color() {
            return cf.fontColor ?? '';
          },
        },
      },
    },
    dataBar: {
      positiveFormat: {
        set fillColor(c: string) {
          cf.fill = c;
        },
        get fillColor() {
          return cf.fill ?? '';
        },
      },
      set lowerBoundRule(v: unknown) {
        detail.lower = v;
      },
      get lowerBoundRule() {
        return detail.lower;
      },
      set upperBoundRule(v: unknown) {
        detail.upper = v;
      },
      get upperBoundRule() {
        return detail.upper;
      },
    },
    iconSet: {
      set style(s: string) {
        detail.style = s;
      },
      get style() {
        return String(detail.style ?? '');
      },
      set criteria(c: unknown) {
        detail.criteria = c;
      },
      get criteria() {
        return detail.criteria;
      },
    },
  };
}

/** A fake `Excel` namespace whose run() hands out a context over one shared workbook. */
export function createFakeExcel(workbook = new FakeWorkbook()): { Excel: { run<T>(fn: (ctx: FakeContext) => Promise<T>): Promise<T> }; workbook: FakeWorkbook; contexts: FakeContext[] } {
  const contexts: FakeContext[] = [];
  return {
    workbook,
    contexts,
    Excel: {
      run: async (fn) => {
        const ctx = new FakeContext(workbook);
        contexts.push(ctx);
        return fn(ctx);
      },
    },
  };
}
