/**
 * An in-memory fake of the part of the Excel object model Duban uses: worksheets, ranges by
 * address (formulas/values/numberFormat, format, protection), tables, data validation,
 * conditional formats, names, sheet protection, freeze panes — and `context.sync()`, which it
 * counts together with the size of each queued request. It does not compute formulas.
 *
 * It is meant to be as strict as Excel, not kinder:
 * - a new workbook has one blank sheet, `Sheet1`;
 * - calls only queue; nothing happens until `sync()`, which applies the queue in order and stops
 *   at the first failing operation (earlier ones stay applied, as in Excel), rejecting with an
 *   error that has Excel's `code`; reading a loaded property before its sync throws;
 * - `failSync(n)` makes the n-th sync of the workbook (counted over every Excel.run) fail;
 * - protection is enforced: writing a locked cell, formatting without `allowFormatCells`,
 *   changing `locked`, validation or conditional formats on a protected sheet, protecting a
 *   protected sheet, unprotecting an unprotected one or without its password → AccessDenied;
 * - sheet, table and name lookups ignore case; tables may not overlap;
 * - text written to a General cell is re-typed as Excel does (`1-2`, `2021-06-30`, `50%`, `TRUE`,
 *   `007` become dates, numbers, booleans) unless it starts with an apostrophe;
 * - a workbook has a date system (`date1904`, as Excel for Mac's old default): serials are stored
 *   as given, re-typed dates become serials of that system, and `workbook.use1904DateSystem`
 *   (ExcelApi 1.16) is readable only after `workbook.load('use1904DateSystem')` and a sync.
 */

import { columnIndex, columnLetter } from '../../src/domain/grid/a1';
import { excelSerial, fromExcelSerial, type DateSystem } from '../../src/domain/time/isoDate';

export type Scalar = string | number | boolean;
export type FakeCell = {
  formula: Scalar;
  numberFormat: string;
  bold: boolean;
  fill: string | null;
  fontColor: string | null;
  wrap: boolean;
  locked: boolean;
  /** Text a person formatted in parts (`userFormatsInParts`); otherwise one run in the cell's font. */
  textRuns?: FakeTextRun[];
};
export type FakeTextRun = { text: string; font?: { bold?: boolean; italic?: boolean; color?: string; underline?: string; strikethrough?: boolean; name?: string } };
type FakeCellProperties = { hyperlink?: { address: string }; textRuns?: FakeTextRun[] };
export type FakeValidation = { range: string; rule: unknown; errorAlert: unknown; prompt: unknown; ignoreBlanks: unknown };
export type FakeConditionalFormat = { range: string; type: string; formula?: string; fill?: string; fontColor?: string; detail?: unknown };
export type Protection = { options: Record<string, unknown>; password: string | null };

const UTF8 = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) n += s.charCodeAt(i) < 0x80 ? 1 : 3;
  return n;
};

/** An error as Office.js raises it: `code` is what callers switch on. */
export class FakeExcelError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
    readonly debugInfo: { code: string; message: string; errorLocation?: string } = { code, message },
  ) {
    super(message);
  }
}
const fail = (code: string, message: string, where?: string): never => {
  throw new FakeExcelError(code, message, { code, message, ...(where ? { errorLocation: where } : {}) });
};

type Box = { r0: number; c0: number; r1: number; c1: number; wholeColumns: boolean; wholeSheet: boolean };
function parseRange(address: string | undefined): Box {
  if (address === undefined) return { r0: 0, c0: 0, r1: 1048575, c1: 16383, wholeColumns: false, wholeSheet: true };
  const a = address.replace(/\$/g, '').replace(/^.*!/, '');
  const rows = /^(\d+):(\d+)$/.exec(a);
  if (rows) return { r0: Number(rows[1]) - 1, c0: 0, r1: Number(rows[2]) - 1, c1: 16383, wholeColumns: true, wholeSheet: false };
  const col = /^([A-Z]+):([A-Z]+)$/.exec(a);
  if (col) return { r0: 0, c0: columnIndex(col[1] as string), r1: 1048575, c1: columnIndex(col[2] as string), wholeColumns: true, wholeSheet: false };
  const [p, q] = a.split(':') as [string, string | undefined];
  const one = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s);
    if (!m) throw new FakeExcelError('InvalidArgument', `bad address ${address}`);
    return { r: Number(m[2]) - 1, c: columnIndex(m[1] as string) };
  };
  const s = one(p);
  const e = q ? one(q) : s;
  return { r0: s.r, c0: s.c, r1: e.r, c1: e.c, wholeColumns: false, wholeSheet: false };
}
const overlaps = (a: Box, b: Box): boolean => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * What Excel stores when text is written into a General cell: numbers, percentages, booleans and
 * dates are recognised (zh-CN Excel also reads 2020年11月30日 and 11月30日 as dates).
 * Returns the stored value and the number format Excel gives the cell, or null to keep the text.
 * @example excelRetype('007') //=> { value: 7 }
 */
export function excelRetype(text: string, system: DateSystem = 1900): { value: Scalar; numberFormat?: string } | null {
  const s = text.trim();
  if (s === '') return null;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return { value: Number(s) };
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return { value: Number(s.replace(/,/g, '')) };
  const pct = /^([+-]?\d+(\.\d+)?)%$/.exec(s);
  if (pct) return { value: Number(pct[1]) / 100, numberFormat: '0%' };
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === 'true' };
  const ymd = /^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$/.exec(s);
  if (ymd) return date(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), system);
  const md = /^(\d{1,2})[-/月](\d{1,2})日?$/.exec(s);
  if (md) return date(2026, Number(md[1]), Number(md[2]), system);
  return null;
}
function date(y: number, m: number, d: number, system: DateSystem): { value: number; numberFormat: string } | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return { value: excelSerial(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, system), numberFormat: 'yyyy/m/d' };
}

type Op = { run(): void; where: string };

export class FakeContext {
  readonly workbook: FakeWorkbook;
  syncs = 0;
  /** Size in bytes of each request sent by sync(). */
  readonly requests: number[] = [];
  private pending = 0;
  private queue: Op[] = [];
  constructor(workbook: FakeWorkbook) {
    this.workbook = workbook;
    workbook.context = this;
  }
  track(payload: unknown): void {
    this.pending += UTF8(JSON.stringify(payload) ?? '') + 40;
  }
  /** Queue an operation for the next sync. */
  enqueue(where: string, payload: unknown, run: () => void): void {
    this.track(payload);
    this.queue.push({ where, run });
  }
  async sync(): Promise<void> {
    this.syncs++;
    this.requests.push(this.pending);
    this.pending = 0;
    const ops = this.queue;
    this.queue = [];
    this.workbook.pendingSheets.length = 0;
    const failure = this.workbook.nextSyncFailure();
    for (let i = 0; i < ops.length; i++) {
      if (failure && i === Math.min(failure.afterOps, ops.length - 1)) fail(failure.code, 'An internal error has occurred.', 'sync');
      (ops[i] as Op).run();
    }
    if (failure && ops.length === 0) fail(failure.code, 'An internal error has occurred.', 'sync');
  }
}

/** A loadable object: its properties are readable only after the sync that follows load(). */
class Loadable {
  protected loaded = false;
  constructor(protected readonly ctx: () => FakeContext) {}
  load(props?: string | Record<string, unknown>): this {
    this.ctx().enqueue('load', { load: props ?? '' }, () => {
      this.loaded = true;
      this.snapshot();
    });
    return this;
  }
  /** Capture what a load returns at its place in the queue. */
  protected snapshot(): void {}
  protected ensureLoaded(what: string): void {
    if (!this.loaded) fail('PropertyNotLoaded', `PropertyNotLoaded: ${what} was read before load() and sync()`);
  }
}

export type FakeWorkbookOptions = {
  /** Sheet names a new workbook starts with; Excel's is ['Sheet1']. */
  sheets?: string[];
  /** The 1904 date system (`<workbookPr date1904="1"/>`). @default false */
  date1904?: boolean;
};

export class FakeWorkbook {
  context!: FakeContext;
  readonly sheets: FakeWorksheet[] = [];
  /** Sheets added in the queue and not yet synced: getItem finds them, as Excel's proxies do. */
  readonly pendingSheets: FakeWorksheet[] = [];
  readonly definedNames = new Map<string, string>();
  activeSheet: string | null = null;
  selected: string | null = null;
  readonly worksheets = new FakeWorksheets(this);
  readonly names = new FakeNames(this);
  readonly tables = new FakeTables(this);
  /** `workbook.comments` (ExcelApi 1.10): every sheet's comments. */
  readonly comments = new FakeComments(this);
  /** Syncs over the workbook's life, counted across contexts. */
  totalSyncs = 0;
  /** The workbook's date system, as the file has it. */
  date1904: boolean;
  private readonly failures = new Map<number, { code: string; afterOps: number }>();
  /** The context whose sync loaded `use1904DateSystem`: a proxy's loaded values belong to its run. */
  private dateSystemLoadedIn: FakeContext | null = null;
  /** The file name `workbook.name` (ExcelApi 1.7) gives. */
  fileName = '督办台账.xlsx';
  private nameLoadedIn: FakeContext | null = null;

  constructor(options: FakeWorkbookOptions = {}) {
    for (const name of options.sheets ?? ['Sheet1']) this.sheets.push(new FakeWorksheet(this, name));
    this.activeSheet = this.sheets[0]?.name ?? null;
    this.date1904 = options.date1904 ?? false;
  }

  /** `workbook.load(...)`: `use1904DateSystem` (ExcelApi 1.16) and `name` (1.7) are modelled. */
  load(props: string): this {
    const ctx = this.context;
    const wanted = props.split(',').map((p) => p.trim());
    ctx.enqueue('Workbook.load', { load: props }, () => {
      for (const p of wanted) if (p !== 'use1904DateSystem' && p !== 'name') fail('InvalidArgument', `fake Excel: Workbook.load(${p}) is not modelled`, 'Workbook.load');
      if (wanted.includes('use1904DateSystem')) this.dateSystemLoadedIn = ctx;
      if (wanted.includes('name')) this.nameLoadedIn = ctx;
    });
    return this;
  }
  get name(): string {
    if (this.nameLoadedIn !== this.context) fail('PropertyNotLoaded', 'PropertyNotLoaded: workbook.name was read before load() and sync()');
    return this.fileName;
  }
  /** Readable after its load was synced in the same run, as in Excel. */
  get use1904DateSystem(): boolean {
    if (this.dateSystemLoadedIn !== this.context) fail('PropertyNotLoaded', 'PropertyNotLoaded: workbook.use1904DateSystem was read before load() and sync()');
    return this.date1904;
  }
  /** Serials re-typed from text are in the workbook's system. */
  get dateSystem(): DateSystem {
    return this.date1904 ? 1904 : 1900;
  }

  /** Make the n-th sync from now (1 = the next one) fail after applying `afterOps` of its operations. */
  failSync(n: number, options: { code?: string; afterOps?: number } = {}): void {
    this.failures.set(this.totalSyncs + n, { code: options.code ?? 'GeneralException', afterOps: options.afterOps ?? 0 });
  }
  nextSyncFailure(): { code: string; afterOps: number } | undefined {
    return this.failures.get(++this.totalSyncs);
  }
  /** What a user does by hand between runs (adds a sheet): immediate, no sync. */
  userAddsSheet(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this, name);
    this.sheets.push(ws);
    return ws;
  }
  /** A user protects a sheet by hand, perhaps with a password. */
  userProtects(name: string, password: string | null = null, options: Record<string, unknown> = {}): void {
    const ws = this.sheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    ws.protection_ = { options, password };
  }
  sheet(name: string): FakeWorksheet | undefined {
    return this.sheets.find((s) => same(s.name, name));
  }
  /** The selection (`selected`, as `Range.select` or the user left it), else A1 of the active sheet. */
  getSelectedRange(): FakeRange {
    const [sheet, address] = this.selected === null ? [this.activeSheet ?? '', 'A1'] : [this.selected.slice(0, this.selected.lastIndexOf('!')), this.selected.slice(this.selected.lastIndexOf('!') + 1)];
    return this.worksheets.getItem(sheet).getRange(address);
  }
  /** A user adds a comment or a hyperlink by hand: immediate, no sync. */
  userAddsComment(sheet: string, address: string, content: string): void {
    this.mustHave(sheet).comments.set(address, content);
  }
  userAddsHyperlink(sheet: string, address: string, target: string): void {
    this.mustHave(sheet).hyperlinks.set(address, target);
  }
  /** A person types text in runs of different fonts (a bold word): the value is their text. */
  userFormatsInParts(sheet: string, address: string, runs: FakeTextRun[]): void {
    const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
    const cell = this.mustHave(sheet).cell(Number(m[2]) - 1, columnIndex(m[1] as string));
    cell.formula = runs.map((r) => r.text).join('');
    cell.textRuns = runs;
  }
  private mustHave(name: string): FakeWorksheet {
    const ws = this.sheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  }
}

/** Excel quotes a sheet name in an address when it holds anything but letters, digits and _. */
const quotedSheet = (name: string): string => (/^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

/** `workbook.comments`: loaded as `items/content`; each comment's getLocation() is a range. */
class FakeComments extends Loadable {
  private list: Array<{ content: string; getLocation(): FakeRange }> = [];
  constructor(private readonly wb: FakeWorkbook) {
    super(() => wb.context);
  }
  override load(props?: string | Record<string, unknown>): this {
    if (props !== 'items/content') fail('InvalidArgument', `fake Excel: comments.load(${JSON.stringify(props)}) is not modelled`, 'CommentCollection.load');
    return super.load(props);
  }
  protected override snapshot(): void {
    this.list = this.wb.sheets.flatMap((ws) =>
      [...ws.comments].map(([address, content]) => ({
        content,
        getLocation: () => new FakeRange(ws, parseRange(address), `${quotedSheet(ws.name)}!${address}`),
      })),
    );
  }
  get items(): Array<{ content: string; getLocation(): FakeRange }> {
    this.ensureLoaded('comments.items');
    return this.list;
  }
}

/** The workbook-wide table collection (read only here: tables are added per sheet). */
class FakeTables extends Loadable {
  private list: Array<{ name: string; worksheet: { name: string } }> = [];
  constructor(private readonly wb: FakeWorkbook) {
    super(() => wb.context);
  }
  protected override snapshot(): void {
    this.list = this.wb.sheets.flatMap((s) => s.tableList.map((t) => ({ name: t.name, worksheet: { name: s.name } })));
  }
  get items(): Array<{ name: string; worksheet: { name: string } }> {
    this.ensureLoaded('tables.items');
    return this.list;
  }
}

class FakeWorksheets extends Loadable {
  private list: FakeWorksheet[] = [];
  constructor(private readonly wb: FakeWorkbook) {
    super(() => wb.context);
  }
  protected override snapshot(): void {
    this.list = [...this.wb.sheets];
    for (const ws of this.list) ws.snapshotProtection();
  }
  get items(): FakeWorksheet[] {
    this.ensureLoaded('worksheets.items');
    return this.list;
  }
  add(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.wb, name);
    this.wb.pendingSheets.push(ws);
    this.wb.context.enqueue('worksheets.add', { add: name }, () => {
      if (this.wb.sheet(name)) fail('ItemAlreadyExists', `A sheet named ${name} already exists.`, 'WorksheetCollection.add');
      if (name.length > 31 || /[:\\/?*[\]]/.test(name)) fail('InvalidArgument', `sheet name ${name}`, 'WorksheetCollection.add');
      this.wb.sheets.push(ws);
    });
    return ws;
  }
  getActiveWorksheet(): FakeWorksheet {
    return this.getItem(this.wb.activeSheet ?? '');
  }
  /** As in Excel, a name that does not exist fails at sync (ItemNotFound), not here. */
  getItem(name: string): FakeWorksheet {
    return this.wb.sheet(name) ?? this.wb.pendingSheets.find((s) => same(s.name, name)) ?? new FakeWorksheet(this.wb, name);
  }
}

class FakeNames extends Loadable {
  private list: Array<{ name: string }> = [];
  constructor(private readonly wb: FakeWorkbook) {
    super(() => wb.context);
  }
  protected override snapshot(): void {
    this.list = [...this.wb.definedNames.keys()].map((name) => ({ name }));
  }
  get items(): Array<{ name: string }> {
    this.ensureLoaded('names.items');
    return this.list;
  }
  private key(name: string): string | undefined {
    return [...this.wb.definedNames.keys()].find((k) => same(k, name));
  }
  add(name: string, reference: string): void {
    this.wb.context.enqueue('names.add', { name, reference }, () => {
      if (this.key(name) !== undefined) fail('ItemAlreadyExists', `name ${name}`, 'NamedItemCollection.add');
      this.wb.definedNames.set(name, reference);
    });
  }
  getItem(name: string): { delete(): void } {
    return {
      delete: () =>
        this.wb.context.enqueue('names.delete', name, () => {
          const k = this.key(name);
          if (k === undefined) fail('ItemNotFound', `name ${name}`, 'NamedItem.delete');
          this.wb.definedNames.delete(k as string);
        }),
    };
  }
}

type TableRecord = { name: string; style: string; address: string; box: Box };

export class FakeWorksheet {
  readonly cells = new Map<string, FakeCell>();
  /** Comments and hyperlink targets by A1 address, as a user adds them by hand (see userAddsComment). */
  readonly comments = new Map<string, string>();
  readonly hyperlinks = new Map<string, string>();
  /** Merged areas, as a user leaves them (`userMerges`); Duban never merges. */
  readonly merged: Box[] = [];
  readonly columnWidths = new Map<number, number>();
  /** Row heights in points, by 0-based row. */
  readonly rowHeights = new Map<number, number>();
  /** 0-based rows Excel was asked to fit to their text. */
  readonly autofitRows = new Set<number>();
  /** What `pageLayout` (ExcelApi 1.9) was set to; for tests. */
  readonly page: FakePageLayout = { paperSize: 'Letter', orientation: 'Portrait', zoom: { scale: 100 }, centerHorizontally: false, titleRows: null, titleColumns: null, leftHeader: '', centerHeader: '', rightHeader: '', centerFooter: '', rowBreaks: [] };
  readonly pageLayout: FakePageLayoutProxy;
  readonly horizontalPageBreaks: { add(at: string): void };
  readonly validations: FakeValidation[] = [];
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  readonly tableList: TableRecord[] = [];
  /** Null when unprotected. */
  protection_: Protection | null = null;
  freeze = { rows: 0, columns: 0 };
  tabColor_ = '';
  visibility_ = 'Visible';
  readonly chartList: Array<{ type: string; values: string; categories: string; title: string; position: string }> = [];
  readonly charts: { add(type: string, range: FakeRange, seriesBy: string): FakeChart; load(p: string): void; items: Array<{ delete(): void }> };
  readonly tables: { add(address: string, hasHeaders: boolean): { name: string; style: string }; load(p: string): void; items: Array<{ name: string; convertToRange(): void }> };
  readonly protection: { protect(options?: Record<string, unknown>, password?: string): void; unprotect(password?: string): void; load(p?: string): void; readonly protected: boolean; readonly options: Record<string, unknown> };
  readonly freezePanes: { freezeRows(n: number): void; freezeColumns(n: number): void; freezeAt(r: FakeRange): void };
  private protectedAtLoad: boolean | null = null;
  private optionsAtLoad: Record<string, unknown> = {};

  constructor(
    readonly wb: FakeWorkbook,
    public name: string,
  ) {
    const ctx = () => wb.context;
    const tablesLoad = new (class extends Loadable {
      list: TableRecord[] = [];
      constructor(private readonly ws: FakeWorksheet) {
        super(ctx);
      }
      protected override snapshot(): void {
        this.list = [...this.ws.tableList];
      }
      items(): TableRecord[] {
        this.ensureLoaded('tables.items');
        return this.list;
      }
    })(this);
    const list = this.tableList;
    this.tables = {
      add: (address, _h) => {
        let t: TableRecord | null = null;
        this.enqueue('TableCollection.add', { table: address }, () => {
          const box = parseRange(address);
          if (list.some((x) => overlaps(x.box, box))) fail('InvalidOperation', `A table can't overlap another table (${address}).`, 'TableCollection.add');
          this.assertNotProtected('TableCollection.add');
          t = { name: `Table${wb.sheets.reduce((n, s) => n + s.tableList.length, 0) + 1}`, style: 'TableStyleMedium2', address, box };
          list.push(t);
        });
        const self = { enqueue: (w: string, p: unknown, r: () => void) => this.enqueue(w, p, r) };
        return {
          // Table names are unique in a workbook, whatever their case, as in Excel.
          set name(n: string) {
            self.enqueue('Table.name', n, () => {
              if (wb.sheets.some((s) => s.tableList.some((x) => x !== t && same(x.name, n)))) fail('InvalidArgument', `a table named ${n} already exists`, 'Table.name');
              (t as TableRecord).name = n;
            });
          },
          get name() {
            return t?.name ?? '';
          },
          set style(v: string) {
            self.enqueue('Table.style', v, () => void ((t as TableRecord).style = v));
          },
          get style() {
            return t?.style ?? '';
          },
        };
      },
      load: (p) => void tablesLoad.load(p),
      get items() {
        return tablesLoad.items().map((t) => ({ name: t.name, convertToRange: () => ctx().enqueue('Table.convertToRange', t.name, () => void list.splice(list.indexOf(t), 1)) }));
      },
    };
    const chartsLoad = new (class extends Loadable {
      list: FakeWorksheet['chartList'] = [];
      constructor(private readonly ws: FakeWorksheet) {
        super(ctx);
      }
      protected override snapshot(): void {
        this.list = [...this.ws.chartList];
      }
      items(): FakeWorksheet['chartList'] {
        this.ensureLoaded('charts.items');
        return this.list;
      }
    })(this);
    const charts = this.chartList;
    this.charts = {
      add: (type, range, _by) => {
        const c = { type, values: range.address, categories: '', title: '', position: '' };
        this.enqueue('ChartCollection.add', { chart: type, range: range.address }, () => void charts.push(c));
        const self = { enqueue: (w: string, p: unknown, r: () => void) => this.enqueue(w, p, r) };
        return {
          title: {
            set text(t: string) {
              self.enqueue('Chart.title', t, () => void (c.title = t));
            },
            get text() {
              return c.title;
            },
          },
          series: { getItemAt: () => ({ setXAxisValues: (r: FakeRange) => self.enqueue('Series.setXAxisValues', r.address, () => void (c.categories = r.address)) }) },
          setPosition: (a: string) => self.enqueue('Chart.setPosition', a, () => void (c.position = a)),
        };
      },
      load: (p) => void chartsLoad.load(p),
      get items() {
        return chartsLoad.items().map((c) => ({ delete: () => ctx().enqueue('Chart.delete', c.title, () => void charts.splice(charts.indexOf(c), 1)) }));
      },
    };
    const self = { snapshotProtection: () => this.snapshotProtection(), protectedAtLoad: () => this.protectedAtLoad, optionsAtLoad: () => this.optionsAtLoad };
    const protectionLoad = new (class extends Loadable {
      constructor() {
        super(ctx);
      }
      protected override snapshot(): void {
        self.snapshotProtection();
      }
      check(): void {
        this.ensureLoaded('protection.protected');
      }
    })();
    this.protection = {
      protect: (options, password) =>
        this.enqueue('WorksheetProtection.protect', { protect: options ?? null }, () => {
          if (this.protection_) fail('AccessDenied', 'The sheet is already protected.', 'WorksheetProtection.protect');
          this.protection_ = { options: options ?? {}, password: password ?? null };
        }),
      unprotect: (password) =>
        this.enqueue('WorksheetProtection.unprotect', 'unprotect', () => {
          if (!this.protection_) fail('AccessDenied', 'The sheet is not protected.', 'WorksheetProtection.unprotect');
          if (this.protection_?.password !== null && this.protection_?.password !== password) fail('AccessDenied', 'The password is incorrect.', 'WorksheetProtection.unprotect');
          this.protection_ = null;
        }),
      load: (p) => void protectionLoad.load(p),
      get options() {
        if (self.protectedAtLoad() === null) protectionLoad.check();
        return self.optionsAtLoad();
      },
      get protected() {
        if (self.protectedAtLoad() === null) protectionLoad.check();
        return self.protectedAtLoad() as boolean;
      },
    };
    this.pageLayout = pageLayoutProxy(this);
    this.horizontalPageBreaks = {
      add: (at) =>
        this.enqueue('PageBreakCollection.add', at, () => {
          const box = parseRange(at);
          if (box.wholeColumns || box.wholeSheet || box.r0 === 0) fail('InvalidArgument', `a page break needs a cell below row 1 (${at})`, 'PageBreakCollection.add');
          this.page.rowBreaks.push(box.r0 + 1);
        }),
    };
    this.freezePanes = {
      freezeRows: (n) => this.enqueue('freezeRows', n, () => void (this.freeze = { rows: n, columns: 0 })),
      freezeColumns: (n) => this.enqueue('freezeColumns', n, () => void (this.freeze = { rows: 0, columns: n })),
      freezeAt: (r) => this.enqueue('freezeAt', r.address, () => void (this.freeze = { rows: r.box.r1 + 1, columns: r.box.c1 + 1 })),
    };
  }

  /** Options the sheet is protected with, or null; for tests. */
  get protectedWith(): Record<string, unknown> | null {
    return this.protection_?.options ?? null;
  }
  /** `worksheets.load('items/protection/protected')` and `protection.load()` capture this. */
  snapshotProtection(): void {
    this.protectedAtLoad = this.protection_ !== null;
    this.optionsAtLoad = { ...(this.protection_?.options ?? {}) };
  }

  set tabColor(c: string) {
    this.enqueue('tabColor', c, () => void (this.tabColor_ = c));
  }
  get tabColor(): string {
    return this.tabColor_;
  }
  set visibility(v: string) {
    this.enqueue('visibility', v, () => void (this.visibility_ = v));
  }
  get visibility(): string {
    return this.visibility_;
  }

  /** Queue an operation on this sheet; it fails with ItemNotFound if the sheet does not exist then. */
  enqueue(where: string, payload: unknown, run: () => void): void {
    this.wb.context.enqueue(where, payload, () => {
      if (!this.wb.sheets.includes(this)) fail('ItemNotFound', `The requested resource doesn't exist (sheet ${this.name}).`, where);
      run();
    });
  }
  assertNotProtected(where: string): void {
    if (this.protection_) fail('AccessDenied', `The sheet ${this.name} is protected.`, where);
  }
  assertAllowed(option: string, where: string): void {
    if (this.protection_ && this.protection_.options[option] !== true) fail('AccessDenied', `The sheet ${this.name} is protected (${option} is not allowed).`, where);
  }

  cell(r: number, c: number): FakeCell {
    const key = `${columnLetter(c)}${r + 1}`;
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
    return new FakeRange(this, null, '');
  }

  /** `worksheet.load('name')`: counted in the request; the fake keeps `name` readable without it. */
  load(props?: string): this {
    this.wb.context.track({ load: props ?? '' });
    return this;
  }

  /** As in Excel: the used range, or A1 when the sheet is blank (never a null object). */
  getUsedRange(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this, null, '', true, true);
  }

  /** A user merges cells by hand: `userMerges('A3:E3', 'B4:B6')`. */
  userMerges(...addresses: string[]): void {
    for (const a of addresses) this.merged.push(parseRange(a));
  }

  /** The used range now: where cells hold something; null when none do. */
  usedBox(): Box | null {
    let [r0, c0, r1, c1] = [Infinity, Infinity, -1, -1];
    for (const [key, cell] of this.cells) {
      if (cell.formula === '') continue;
      const m = /^([A-Z]+)(\d+)$/.exec(key) as RegExpExecArray;
      const [r, c] = [Number(m[2]) - 1, columnIndex(m[1] as string)];
      [r0, c0, r1, c1] = [Math.min(r0, r), Math.min(c0, c), Math.max(r1, r), Math.max(c1, c)];
    }
    return r1 < 0 ? null : { r0, c0, r1, c1, wholeColumns: false, wholeSheet: false };
  }

  activate(): void {
    this.enqueue('Worksheet.activate', 'activate', () => void (this.wb.activeSheet = this.name));
  }

  delete(): void {
    this.enqueue('Worksheet.delete', 'delete', () => {
      if (this.wb.sheets.filter((s) => s.visibility_ === 'Visible' && s !== this).length === 0) fail('InvalidOperation', 'A workbook must contain at least one visible worksheet.', 'Worksheet.delete');
      this.wb.sheets.splice(this.wb.sheets.indexOf(this), 1);
    });
  }
}

export class FakeRange extends Loadable {
  isNullObject = false;
  /** The range's box; for a used range, fixed when its load is synced. */
  box: Box;
  address: string;
  private valuesAtLoad: Scalar[][] = [];
  private formulasAtLoad: Scalar[][] = [];
  readonly format: {
    columnWidth: number;
    rowHeight: number;
    autofitRows(): void;
    wrapText: boolean;
    font: { bold: boolean; color: string };
    fill: { color: string };
    protection: { locked: boolean };
  };
  readonly dataValidation: { rule: unknown; errorAlert: unknown; prompt: unknown; ignoreBlanks: unknown; clear(): void };
  readonly conditionalFormats: { add(type: string): FakeConditionalFormatProxy; clearAll(): void; load(props: string): FakeConditionalFormatList };

  /** `box` null: the sheet's used range, resolved at sync. */
  constructor(
    readonly ws: FakeWorksheet,
    box: Box | null,
    address: string,
    private readonly usedRange = box === null,
    private readonly blankIsA1 = false,
  ) {
    super(() => ws.wb.context);
    this.box = box ?? { r0: 0, c0: 0, r1: 0, c1: 0, wholeColumns: false, wholeSheet: false };
    this.address = address;
    const each = (fn: (c: FakeCell) => void): void => {
      const b = this.box;
      if (b.wholeColumns || b.wholeSheet) throw new Error('fake Excel: cell formats on whole columns are not modelled');
      for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) fn(ws.cell(r, c));
    };
    const fmt = (where: string, payload: unknown, apply: () => void) =>
      ws.enqueue(where, payload, () => {
        ws.assertAllowed('allowFormatCells', where);
        apply();
      });
    this.format = {
      set columnWidth(w: number) {
        ws.enqueue('RangeFormat.columnWidth', w, () => {
          ws.assertAllowed('allowFormatColumns', 'RangeFormat.columnWidth');
          for (let c = box?.c0 ?? 0; c <= (box?.c1 ?? 0); c++) ws.columnWidths.set(c, w);
        });
      },
      get columnWidth(): number {
        return ws.columnWidths.get(box?.c0 ?? 0) ?? 0;
      },
      // Excel takes 0 to 409 points; row heights are a row format (allowFormatRows when protected).
      set rowHeight(h: number) {
        ws.enqueue('RangeFormat.rowHeight', h, () => {
          ws.assertAllowed('allowFormatRows', 'RangeFormat.rowHeight');
          if (!(h >= 0 && h <= 409)) fail('InvalidArgument', `row height ${h} is out of range`, 'RangeFormat.rowHeight');
          for (let r = box?.r0 ?? 0; r <= (box?.r1 ?? 0); r++) ws.rowHeights.set(r, h);
        });
      },
      get rowHeight(): number {
        return ws.rowHeights.get(box?.r0 ?? 0) ?? 15;
      },
      // Excel sizes the rows to their wrapped text; the fake records which rows were fitted.
      autofitRows(): void {
        ws.enqueue('RangeFormat.autofitRows', 'autofitRows', () => {
          ws.assertAllowed('allowFormatRows', 'RangeFormat.autofitRows');
          for (let r = box?.r0 ?? 0; r <= (box?.r1 ?? 0); r++) ws.autofitRows.add(r);
        });
      },
      set wrapText(v: boolean) {
        fmt('RangeFormat.wrapText', v, () => each((c) => (c.wrap = v)));
      },
      get wrapText(): boolean {
        return false;
      },
      font: {
        set bold(v: boolean) {
          fmt('RangeFont.bold', v, () => each((c) => (c.bold = v)));
        },
        get bold(): boolean {
          return false;
        },
        set color(v: string) {
          fmt('RangeFont.color', v, () => each((c) => (c.fontColor = v)));
        },
        get color(): string {
          return '';
        },
      },
      fill: {
        set color(v: string) {
          fmt('RangeFill.color', v, () => each((c) => (c.fill = v)));
        },
        get color(): string {
          return '';
        },
      },
      protection: {
        set locked(v: boolean) {
          ws.enqueue('FormatProtection.locked', v, () => {
            ws.assertNotProtected('FormatProtection.locked');
            each((c) => (c.locked = v));
          });
        },
        get locked(): boolean {
          return true;
        },
      },
    };
    const validation: FakeValidation = { range: address, rule: null, errorAlert: null, prompt: null, ignoreBlanks: null };
    let added = false;
    const dv = (where: string, payload: unknown, apply: () => void) =>
      ws.enqueue(where, payload, () => {
        ws.assertNotProtected(where);
        if (!added) ws.validations.push(validation);
        added = true;
        apply();
      });
    this.dataValidation = {
      set rule(v: unknown) {
        dv('DataValidation.rule', v, () => void (validation.rule = v));
      },
      get rule(): unknown {
        return validation.rule;
      },
      set errorAlert(v: unknown) {
        dv('DataValidation.errorAlert', v, () => void (validation.errorAlert = v));
      },
      get errorAlert(): unknown {
        return validation.errorAlert;
      },
      set prompt(v: unknown) {
        dv('DataValidation.prompt', v, () => void (validation.prompt = v));
      },
      get prompt(): unknown {
        return validation.prompt;
      },
      set ignoreBlanks(v: unknown) {
        dv('DataValidation.ignoreBlanks', v, () => void (validation.ignoreBlanks = v));
      },
      get ignoreBlanks(): unknown {
        return validation.ignoreBlanks;
      },
      clear: () =>
        ws.enqueue('DataValidation.clear', 'clear', () => {
          ws.assertNotProtected('DataValidation.clear');
          if (this.box.wholeSheet) ws.validations.length = 0;
        }),
    };
    this.conditionalFormats = {
      add: (type: string) => {
        const cf: FakeConditionalFormat = { range: address, type };
        ws.enqueue('ConditionalFormatCollection.add', type, () => {
          ws.assertNotProtected('ConditionalFormatCollection.add');
          ws.conditionalFormats.push(cf);
        });
        return conditionalFormatProxy(cf, (p) => ws.wb.context.track(p));
      },
      clearAll: () =>
        ws.enqueue('ConditionalFormatCollection.clearAll', 'clearAll', () => {
          ws.assertNotProtected('ConditionalFormatCollection.clearAll');
          if (this.box.wholeSheet) ws.conditionalFormats.length = 0;
        }),
      load: (props: string) => new FakeConditionalFormatList(ws, this.box).load(props),
    };
  }

  protected override snapshot(): void {
    if (this.usedRange) {
      if (!this.ws.wb.sheets.includes(this.ws)) fail('ItemNotFound', `sheet ${this.ws.name}`, 'Worksheet.getUsedRangeOrNullObject');
      const used = this.ws.usedBox() ?? (this.blankIsA1 ? { r0: 0, c0: 0, r1: 0, c1: 0, wholeColumns: false, wholeSheet: false } : null);
      this.isNullObject = used === null;
      if (used) {
        this.box = used;
        this.address = `${this.ws.name}!${columnLetter(used.c0)}${used.r0 + 1}:${columnLetter(used.c1)}${used.r1 + 1}`;
      }
    }
    const read = (raw: boolean): Scalar[][] => {
      const out: Scalar[][] = [];
      for (let r = this.box.r0; r <= this.box.r1; r++) {
        const row: Scalar[] = [];
        for (let c = this.box.c0; c <= this.box.c1; c++) {
          const v = this.ws.cells.get(`${columnLetter(c)}${r + 1}`)?.formula ?? '';
          // Text typed with an apostrophe reads back without it; formulas are not computed here.
          const text = typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
          row.push(raw ? text : typeof text === 'string' && v === text && text.startsWith('=') ? '' : text);
        }
        out.push(row);
      }
      return out;
    };
    this.valuesAtLoad = read(false);
    this.formulasAtLoad = read(true);
    // Range.text: what the cell shows. Dates (a number in a date format) show as Excel's zh-CN default does.
    this.textAtLoad = this.valuesAtLoad.map((row, i) =>
      row.map((v, j) => {
        const format = this.ws.cells.get(`${columnLetter(this.box.c0 + j)}${this.box.r0 + i + 1}`)?.numberFormat ?? '';
        const iso = typeof v === 'number' && /y/i.test(format) ? fromExcelSerial(v, this.ws.wb.dateSystem) : null;
        return iso === null ? String(v) : iso.split('-').map(Number).join('/');
      }),
    );
  }

  private textAtLoad: string[][] = [];
  get text(): string[][] {
    this.ensureLoaded('range.text');
    return this.textAtLoad;
  }
  get rowIndex(): number {
    this.ensureLoaded('range.rowIndex');
    return this.box.r0;
  }
  get columnIndex(): number {
    this.ensureLoaded('range.columnIndex');
    return this.box.c0;
  }

  /** ExcelApi 1.13: the merged areas overlapping this range, as one RangeAreas (null object when none). */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this);
  }

  set formulas(matrix: Scalar[][]) {
    this.write('Range.formulas', matrix);
  }
  /**
   * `getCellProperties({ hyperlink: true })` (ExcelApi 1.9): each cell's link, readable after the
   * sync; with `textRuns: true` (ExcelApi 1.18) each text cell's runs too, one run when it is plain.
   */
  getCellProperties(options: Record<string, unknown>): { readonly value: FakeCellProperties[][] } {
    const keys = Object.keys(options).join();
    if (keys !== 'hyperlink' && keys !== 'hyperlink,textRuns') fail('InvalidArgument', `fake Excel: getCellProperties(${JSON.stringify(options)}) is not modelled`, 'Range.getCellProperties');
    let result: FakeCellProperties[][] | null = null;
    this.ws.enqueue('Range.getCellProperties', options, () => {
      const b = this.box;
      result = [];
      for (let r = b.r0; r <= b.r1; r++) {
        const row: FakeCellProperties[] = [];
        for (let c = b.c0; c <= b.c1; c++) {
          const link = this.ws.hyperlinks.get(`${columnLetter(c)}${r + 1}`);
          const props: FakeCellProperties = link === undefined ? {} : { hyperlink: { address: link } };
          const cell = this.ws.cells.get(`${columnLetter(c)}${r + 1}`);
          if (options.textRuns === true && typeof cell?.formula === 'string' && cell.formula !== '') {
            props.textRuns = cell.textRuns ?? [{ text: cell.formula.replace(/^'/, ''), font: { bold: cell.bold, italic: false, color: cell.fontColor ?? '#000000', underline: 'None', strikethrough: false } }];
          }
          row.push(props);
        }
        result.push(row);
      }
    });
    return {
      get value() {
        if (result === null) fail('PropertyNotLoaded', 'PropertyNotLoaded: getCellProperties().value was read before sync()');
        return result as FakeCellProperties[][];
      },
    };
  }
  set values(matrix: Scalar[][]) {
    this.write('Range.values', matrix);
  }
  get values(): Scalar[][] {
    this.ensureLoaded('range.values');
    return this.valuesAtLoad;
  }
  get formulas(): Scalar[][] {
    this.ensureLoaded('range.formulas');
    return this.formulasAtLoad;
  }
  set numberFormat(matrix: string[][]) {
    this.checkShape(matrix);
    this.ws.enqueue('Range.numberFormat', matrix, () => {
      this.ws.assertAllowed('allowFormatCells', 'Range.numberFormat');
      matrix.forEach((row, i) => row.forEach((v, j) => (this.ws.cell(this.box.r0 + i, this.box.c0 + j).numberFormat = v)));
    });
  }

  select(): void {
    this.ws.enqueue('Range.select', 'select', () => void (this.ws.wb.selected = `${this.ws.name}!${this.address}`));
  }

  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.ws.enqueue('Range.clear', { clear: this.address, applyTo }, () => {
      this.ws.assertNotProtected('Range.clear');
      const b = this.box;
      for (const [key, cell] of [...this.ws.cells]) {
        const m = /^([A-Z]+)(\d+)$/.exec(key) as RegExpExecArray;
        const [r, c] = [Number(m[2]) - 1, columnIndex(m[1] as string)];
        if (r < b.r0 || r > b.r1 || c < b.c0 || c > b.c1) continue;
        if (applyTo === 'All') this.ws.cells.delete(key);
        else if (applyTo === 'Contents') {
          cell.formula = '';
          delete cell.textRuns;
        }
        else Object.assign(cell, { numberFormat: 'General', bold: false, fill: null, fontColor: null, wrap: false, locked: true });
      }
    });
  }

  private checkShape(matrix: unknown[][]): void {
    const rows = this.box.r1 - this.box.r0 + 1;
    const cols = this.box.c1 - this.box.c0 + 1;
    if (matrix.length !== rows || matrix.some((row) => row.length !== cols)) {
      fail('InvalidArgument', `${rows}×${cols} range ${this.address} given a ${matrix.length}×${matrix[0]?.length ?? 0} array`, 'Range');
    }
  }

  private write(where: string, matrix: Scalar[][]): void {
    this.checkShape(matrix);
    this.ws.enqueue(where, matrix, () => {
      matrix.forEach((row, i) =>
        row.forEach((v, j) => {
          const cell = this.ws.cell(this.box.r0 + i, this.box.c0 + j);
          if (this.ws.protection_ && cell.locked) fail('AccessDenied', `The cell ${columnLetter(this.box.c0 + j)}${this.box.r0 + i + 1} is on a protected sheet.`, where);
          // Excel re-types text in a General cell as a number, date or boolean; an apostrophe keeps it text.
          const retyped = typeof v === 'string' && !v.startsWith("'") && !v.startsWith('=') && cell.numberFormat === 'General' ? excelRetype(v, this.ws.wb.dateSystem) : null;
          cell.formula = retyped ? retyped.value : v;
          // A value written over formatted text is plain text again, as in Excel.
          delete cell.textRuns;
          if (retyped?.numberFormat) cell.numberFormat = retyped.numberFormat;
        }),
      );
    });
  }
}

export type FakePageLayout = {
  paperSize: string;
  orientation: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  centerHorizontally: boolean;
  titleRows: string | null;
  titleColumns: string | null;
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  centerFooter: string;
  /** 1-based rows that start a page. */
  rowBreaks: number[];
};
type FakePageLayoutProxy = {
  paperSize: string;
  orientation: string;
  zoom: FakePageLayout['zoom'];
  centerHorizontally: boolean;
  setPrintTitleRows(address: string): void;
  setPrintTitleColumns(address: string): void;
  headersFooters: { defaultForAllPages: { leftHeader: string; centerHeader: string; rightHeader: string; centerFooter: string } };
};

const PAPER_TYPES = ['Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5'];

/**
 * `Worksheet.pageLayout` (ExcelApi 1.9), as strict as Excel: only its enum values, a zoom that
 * is either a scale (10–400) or pages to fit, print titles as whole rows (`$1:$1`) or whole
 * columns (`$A:$B`). Setters queue; the record changes at sync.
 */
function pageLayoutProxy(ws: FakeWorksheet): FakePageLayoutProxy {
  const page = ws.page;
  const set = (where: string, v: unknown, check: () => void, apply: () => void) =>
    ws.enqueue(`PageLayout.${where}`, v, () => {
      check();
      apply();
    });
  const bad = (where: string, v: unknown) => fail('InvalidArgument', `PageLayout.${where}: ${JSON.stringify(v)} is not valid`, `PageLayout.${where}`);
  const headerField = (key: 'leftHeader' | 'centerHeader' | 'rightHeader' | 'centerFooter') => ({
    get: () => page[key],
    set: (v: string) => set(`headersFooters.${key}`, v, () => undefined, () => void (page[key] = v)),
  });
  const defaultForAllPages = {} as FakePageLayoutProxy['headersFooters']['defaultForAllPages'];
  for (const key of ['leftHeader', 'centerHeader', 'rightHeader', 'centerFooter'] as const) Object.defineProperty(defaultForAllPages, key, { ...headerField(key), enumerable: true });
  return {
    get paperSize() {
      return page.paperSize;
    },
    set paperSize(v: string) {
      set('paperSize', v, () => void (PAPER_TYPES.includes(v) || bad('paperSize', v)), () => void (page.paperSize = v));
    },
    get orientation() {
      return page.orientation;
    },
    set orientation(v: string) {
      set('orientation', v, () => void (['Portrait', 'Landscape'].includes(v) || bad('orientation', v)), () => void (page.orientation = v));
    },
    get zoom() {
      return page.zoom;
    },
    set zoom(v: FakePageLayout['zoom']) {
      const fit = v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined;
      const ok = fit ? v.scale === undefined && [v.horizontalFitToPages, v.verticalFitToPages].every((n) => n === undefined || (Number.isInteger(n) && n >= 0)) : v.scale !== undefined && v.scale >= 10 && v.scale <= 400;
      set('zoom', v, () => void (ok || bad('zoom', v)), () => void (page.zoom = { ...v }));
    },
    get centerHorizontally() {
      return page.centerHorizontally;
    },
    set centerHorizontally(v: boolean) {
      set('centerHorizontally', v, () => undefined, () => void (page.centerHorizontally = v));
    },
    setPrintTitleRows: (a) => set('setPrintTitleRows', a, () => void (/^\$?\d+:\$?\d+$/.test(a) || bad('setPrintTitleRows', a)), () => void (page.titleRows = a)),
    setPrintTitleColumns: (a) => set('setPrintTitleColumns', a, () => void (/^\$?[A-Z]+:\$?[A-Z]+$/.test(a) || bad('setPrintTitleColumns', a)), () => void (page.titleColumns = a)),
    headersFooters: { defaultForAllPages },
  };
}

/** One conditional format as read back: its type, its range, and a custom rule's formula (loaded apart, as Excel's are). */
type FakeConditionalFormatItem = { type: string; getRangeOrNullObject(): FakeRange; custom: { rule: Loadable & { formula: string } } };

/** A range's conditional formats, read (ExcelApi 1.6): `load('items/type')`, then each item's range and custom rule. */
class FakeConditionalFormatList extends Loadable {
  private list: FakeConditionalFormatItem[] = [];
  constructor(
    private readonly ws: FakeWorksheet,
    private readonly box: Box,
  ) {
    super(() => ws.wb.context);
  }
  override load(props?: string | Record<string, unknown>): this {
    if (props !== 'items/type') fail('InvalidArgument', `fake Excel: conditionalFormats.load(${JSON.stringify(props)}) is not modelled`, 'ConditionalFormatCollection.load');
    return super.load(props);
  }
  protected override snapshot(): void {
    const ws = this.ws;
    this.list = ws.conditionalFormats
      .filter((cf) => overlaps(parseRange(cf.range), this.box))
      .map((cf) => {
        const rule = new (class extends Loadable {
          get formula(): string {
            this.ensureLoaded('ConditionalRangeFormatRule.formula');
            if (cf.type !== 'Custom') fail('InvalidArgument', 'custom rule of a conditional format that is not Custom', 'ConditionalFormat.custom');
            return `=${(cf.formula ?? '').replace(/^=/, '')}`;
          }
        })(() => ws.wb.context);
        return { type: cf.type, getRangeOrNullObject: () => new FakeRange(ws, parseRange(cf.range), `${quotedSheet(ws.name)}!${cf.range}`), custom: { rule } };
      });
  }
  get items(): FakeConditionalFormatItem[] {
    this.ensureLoaded('conditionalFormats.items');
    return this.list;
  }
}

type FakeChart = { title: { text: string }; series: { getItemAt(i: number): { setXAxisValues(r: FakeRange): void } }; setPosition(a: string): void };

type FakeConditionalFormatProxy = {
  custom: { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } };
  dataBar: { positiveFormat: { fillColor: string }; lowerBoundRule: unknown; upperBoundRule: unknown };
  iconSet: { style: string; criteria: unknown; showIconOnly: boolean };
};

/** Properties of a conditional format added in the same batch: recorded as they are set. */
function conditionalFormatProxy(cf: FakeConditionalFormat, track: (p: unknown) => void): FakeConditionalFormatProxy {
  const detail: Record<string, unknown> = {};
  cf.detail = detail;
  const prop = <T>(get: () => T, set: (v: T) => void) => ({
    get,
    set: (v: T) => {
      track(v);
      set(v);
    },
  });
  const define = <O extends object>(o: O, props: Record<string, { get(): unknown; set(v: unknown): void }>): O => {
    for (const [k, p] of Object.entries(props)) Object.defineProperty(o, k, { get: p.get, set: p.set, enumerable: true });
    return o;
  };
  return {
    custom: {
      rule: define({} as { formula: string }, { formula: prop(() => cf.formula ?? '', (v) => void (cf.formula = v as string)) }),
      format: {
        fill: define({} as { color: string }, { color: prop(() => cf.fill ?? '', (v) => void (cf.fill = v as string)) }),
        font: define({} as { color: string }, { color: prop(() => cf.fontColor ?? '', (v) => void (cf.fontColor = v as string)) }),
      },
    },
    dataBar: define(
      { positiveFormat: define({} as { fillColor: string }, { fillColor: prop(() => cf.fill ?? '', (v) => void (cf.fill = v as string)) }) } as FakeConditionalFormatProxy['dataBar'],
      { lowerBoundRule: prop(() => detail.lower, (v) => void (detail.lower = v)), upperBoundRule: prop(() => detail.upper, (v) => void (detail.upper = v)) },
    ),
    iconSet: define({} as FakeConditionalFormatProxy['iconSet'], {
      style: prop(() => String(detail.style ?? ''), (v) => void (detail.style = v)),
      criteria: prop(() => detail.criteria, (v) => void (detail.criteria = v)),
      showIconOnly: prop(() => detail.showIconOnly === true, (v) => void (detail.showIconOnly = v)),
    }),
  };
}

export type FakeRunOptions = { delayForCellEdit?: boolean };

/** A fake `Excel` namespace whose run() hands out a context over one shared workbook. */
export function createFakeExcel(workbook = new FakeWorkbook()): {
  Excel: { run<T>(a: FakeRunOptions | ((ctx: FakeContext) => Promise<T>), b?: (ctx: FakeContext) => Promise<T>): Promise<T> };
  workbook: FakeWorkbook;
  contexts: FakeContext[];
  runOptions: FakeRunOptions[];
} {
  const contexts: FakeContext[] = [];
  const runOptions: FakeRunOptions[] = [];
  return {
    workbook,
    contexts,
    runOptions,
    Excel: {
      // Excel.run(batch) or Excel.run(options, batch).
      run: async (a, b) => {
        const fn = typeof a === 'function' ? a : b;
        if (!fn) throw new Error('fake Excel: run() without a batch');
        runOptions.push(typeof a === 'function' ? {} : a);
        const ctx = new FakeContext(workbook);
        contexts.push(ctx);
        return fn(ctx);
      },
    },
  };
}

/** `Range.getMergedAreasOrNullObject()`: only `address` and `isNullObject`, read after load and sync. */
export class FakeRangeAreas extends Loadable {
  isNullObject = false;
  private addressAtLoad = '';
  constructor(private readonly range: FakeRange) {
    super(() => range.ws.wb.context);
  }
  protected override snapshot(): void {
    const areas = this.range.ws.merged.filter((m) => overlaps(m, this.range.box));
    this.isNullObject = areas.length === 0;
    // Excel lists each area with its sheet: `Sheet1!A1:B4, Sheet1!D1:D4`.
    this.addressAtLoad = areas.map((m) => `${this.range.ws.name}!${columnLetter(m.c0)}${m.r0 + 1}:${columnLetter(m.c1)}${m.r1 + 1}`).join(', ');
  }
  get address(): string {
    this.ensureLoaded('rangeAreas.address');
    if (this.isNullObject) fail('InvalidOperation', 'The object is a null object.', 'RangeAreas.address');
    return this.addressAtLoad;
  }
}
