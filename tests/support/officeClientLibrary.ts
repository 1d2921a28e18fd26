/**
 * Microsoft's real Excel client library (`@microsoft/office-js/dist/excel-web-16.00.debug.js`,
 * the file office.js loads for Excel on the web; it bundles OSF, OfficeExtension and Excel, so it
 * needs nothing else) loaded into a jsdom window, with our own request executor behind every
 * `context.sync()`. No Office host, no Office.onReady, no network.
 *
 * The hook is the library's own session seam: `OfficeExtension.SessionBase._overrideSession`.
 * Every `ClientRequestContext` (so every `Excel.run` and `new Excel.RequestContext()`) takes its
 * URL and headers from that session and asks it `_createRequestExecutorOrNull()`; the executor it
 * returns receives `executeAsync(customData, flags, {Url, Headers, Body})` where `Body` is exactly
 * what `RichApiMessageUtility.buildMessageArrayForIRequestExecutor` would `JSON.stringify` and
 * hand to Excel on the web. We serialize it the same way and measure it.
 *
 * The executor answers like Excel does, modelling a NEW workbook: one blank sheet `Sheet1`, no
 * names, no tables. Sheets, names and tables the requests add show up in later loads. Writes to
 * cells succeed (their shape is checked against the range, as Excel does) but cell contents are
 * not kept: loading the used range of a sheet that was written to fails with `NotImplemented`.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const LIBRARY = require.resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js');

/** Excel on the web rejects requests over 5 MB. */
export const EXCEL_WEB_REQUEST_LIMIT = 5 * 1024 * 1024;

export type ObjectPathInfo = {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: Array<number | null> };
};
export type ActionInfo = {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: Array<number | null> };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
};
/** The request body of one sync, as the library builds it (`ClientRequestBase.buildRequestMessageBodyAndRequestFlags`). */
export type RequestBody = { AutoKeepReference: boolean; Actions: ActionInfo[]; ObjectPaths: Record<string, ObjectPathInfo> };

export type CapturedRequest = {
  /** UTF-8 length of `JSON.stringify(body)`: the request text Excel receives. */
  bytes: number;
  /** UTF-8 length of that text once more as a JSON string: what Excel on the web's postMessage envelope carries (quotes escaped). */
  envelopeBytes: number;
  /** The body, parsed back from the text (a snapshot: the library mutates its object paths after a response). */
  body: RequestBody;
  flags: number;
  /** The library's end-of-run request that releases auto-tracked references (`_RemoveReference` only). */
  cleanup: boolean;
};

export type ClientLibraryOptions = {
  /** The Nth request that reaches the executor (1-based) is answered with `{Error: {Code, Message}}`. */
  failSync?: number;
  /** Code of that error; `GeneralException` unless given. */
  failCode?: string;
  /** Answer requests larger than this as Excel on the web does (`RequestPayloadSizeLimitExceeded`); off unless given. */
  payloadLimitBytes?: number;
  /** Answer a request whose response would be larger than this as Excel on the web does (`ResponsePayloadSizeLimitExceeded`); off unless given. */
  responseLimitBytes?: number;
  /**
   * Emulate an older Excel: the library checks this before each API call and throws `ApiNotFound`
   * client-side (the check this build ships switched off, so it is switched on only here).
   * Unless given, every requirement set is supported and nothing is checked.
   */
  isSetSupported?: (name: string, version: string) => boolean;
};

/** `cells`: values the harness keeps and answers reads from (a sheet given with `putSheet`); other written sheets keep none. */
export type ModelSheet = { id: string; name: string; visibility: string; tabColor: string; written: boolean; cells?: unknown[][] };
export type ModelWorkbook = { sheets: ModelSheet[]; names: Map<string, string>; tables: Array<{ name: string; sheet: ModelSheet }> };

export type ExcelClientLibrary = {
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension;
  /** Every request the executor received since this handle was made, in order. */
  requests: CapturedRequest[];
  /** UTF-8 bytes of each answer's body as Excel would send it (refused ones included), in order. */
  responses: Array<{ bytes: number; refused: boolean }>;
  /** A sheet holding these values (row-major, from A1), read back as Excel reads a used range. */
  putSheet(name: string, cells: unknown[][]): void;
  /** The responder's workbook. */
  workbook: ModelWorkbook;
  /** Network requests the library tried (must stay empty). */
  networkAttempts: string[];
  /** The jsdom window the library lives in. */
  window: Window;
};

type LibraryWindow = Window & {
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension & {
    SessionBase: { prototype: object; _overrideSession?: unknown };
    CoreConstants: { localDocument: string };
    CommonUtility: { isSetSupported: (name: string, version: string) => boolean; _doApiNotSupportedCheck: boolean };
  };
  JSON: JSON;
};

type Loaded = { window: LibraryWindow; networkAttempts: string[] };
let loaded: Loaded | null = null;
let current: Responder | null = null;

/**
 * The library, loaded once per test file (jest gives each file its own module registry), with a
 * fresh responder: a new workbook, no captured requests, the given options.
 */
export function loadExcelClientLibrary(options: ClientLibraryOptions = {}): ExcelClientLibrary {
  loaded ??= load();
  const { window, networkAttempts } = loaded;
  const responder = new Responder(options, window.JSON);
  current = responder;
  const supported = options.isSetSupported ?? (() => true);
  // Without an Office host the library asks `window.Office.context.requirements`, finds none and answers true.
  window.OfficeExtension.CommonUtility.isSetSupported = (name, version) => supported(name, version);
  window.OfficeExtension.CommonUtility._doApiNotSupportedCheck = options.isSetSupported !== undefined;
  return { Excel: window.Excel, OfficeExtension: window.OfficeExtension, requests: responder.requests, responses: responder.responses, putSheet: (name, cells) => responder.putSheet(name, cells), workbook: responder.book, networkAttempts, window };
}

/** Where a request's bytes go: the arguments written (values, formats, rules…) against the protocol around them. */
export type RequestBreakdown = { bytes: number; payloadBytes: number; overheadBytes: number; actions: number; objectPaths: number; keepReferences: number };

export function requestBreakdown(request: CapturedRequest): RequestBreakdown {
  let payloadBytes = 0;
  let keepReferences = 0;
  for (const a of request.body.Actions) {
    if (a.Name === '_KeepReference') keepReferences++;
    else if (a.ActionType === ACTION.setProperty || a.ActionType === ACTION.method) payloadBytes += Buffer.byteLength(JSON.stringify(a.ArgumentInfo?.Arguments ?? []), 'utf8');
  }
  return { bytes: request.bytes, payloadBytes, overheadBytes: request.bytes - payloadBytes, actions: request.body.Actions.length, objectPaths: Object.keys(request.body.ObjectPaths).length, keepReferences };
}

function load(): Loaded {
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { runScripts: 'outside-only', url: 'https://localhost/taskpane.html' });
  const window = dom.window as unknown as LibraryWindow & { eval(code: string): unknown; fetch: unknown; XMLHttpRequest: unknown; navigator: { sendBeacon?: unknown } };
  const networkAttempts: string[] = [];
  // jsdom's XMLHttpRequest and fetch would reach the network: refuse, and remember who asked.
  window.XMLHttpRequest = function NoXhr() {
    networkAttempts.push('XMLHttpRequest');
    throw new Error('no network in the Office client library harness');
  };
  window.fetch = (url: unknown) => {
    networkAttempts.push(`fetch ${String(url)}`);
    return Promise.reject(new Error('no network in the Office client library harness'));
  };
  window.navigator.sendBeacon = (url: unknown) => {
    networkAttempts.push(`sendBeacon ${String(url)}`);
    return false;
  };
  window.eval(readFileSync(LIBRARY, 'utf8'));
  const OE = window.OfficeExtension;
  const executor = { executeAsync: (_customData: string, flags: number, message: { Body: RequestBody }) => Promise.resolve(active().execute(flags, message.Body)) };
  const session = Object.assign(Object.create(OE.SessionBase.prototype) as object, {
    _resolveRequestUrlAndHeaderInfo: () => Promise.resolve({ url: OE.CoreConstants.localDocument, headers: {} }),
    _createRequestExecutorOrNull: () => executor,
    getEventRegistration: () => null,
  });
  OE.SessionBase._overrideSession = session;
  return { window, networkAttempts };
}

function active(): Responder {
  if (!current) throw new Error('loadExcelClientLibrary() first');
  return current;
}

// ---------------------------------------------------------------------------------------------
// The responder: Excel's side of the protocol, for a new workbook.

/** ActionType and ObjectPathType values of the RichApi protocol (OfficeExtension's `ActionType` / `ObjectPathType`). */
const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4, trace: 5 } as const;
const PATH = { global: 1, newObject: 2, method: 3, property: 4, indexer: 5, referenceId: 6, nullObject: 7 } as const;

type Node =
  | { kind: 'workbook' }
  | { kind: 'worksheets' }
  | { kind: 'worksheet'; sheet: ModelSheet }
  | { kind: 'names' }
  | { kind: 'namedItem'; name: string }
  | { kind: 'tables'; sheet: ModelSheet | null }
  | { kind: 'table'; table: { name: string; sheet: ModelSheet } }
  /** `box` is null when the harness does not follow the range (whole sheet, `getUsedRange`, offsets…). */
  | { kind: 'range'; sheet: ModelSheet | null; box: Box | null }
  | { kind: 'collection'; name: string }
  | { kind: 'object'; name: string };

/** Zero-based rows and columns, inclusive. */
type Box = { r0: number; c0: number; r1: number; c1: number };

type ExcelResponse = { HttpStatusCode: number; ErrorCode: string; ErrorMessage: string; Headers: Record<string, string>; Body: unknown };

class ResponderError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Property names (PascalCase, as on the wire) that lead to collections this workbook keeps empty. */
const EMPTY_COLLECTIONS = new Set(['Charts', 'ConditionalFormats', 'Comments', 'PivotTables', 'Shapes', 'Slicers', 'Series', 'Rows', 'Columns', 'Points', 'CustomProperties']);
const CELL_PROPERTIES = new Set(['Values', 'Formulas', 'FormulasLocal', 'FormulasR1C1', 'NumberFormat', 'NumberFormatLocal', 'ValueTypes']);

class Responder {
  readonly requests: CapturedRequest[] = [];
  readonly responses: Array<{ bytes: number; refused: boolean }> = [];
  readonly book: ModelWorkbook = { sheets: [], names: new Map(), tables: [] };
  private readonly references = new Map<string, Node>();
  private nextId = 1;

  constructor(
    private readonly options: ClientLibraryOptions,
    private readonly windowJson: JSON,
  ) {
    this.book.sheets.push(this.newSheet('Sheet1'));
  }

  execute(flags: number, liveBody: RequestBody): ExcelResponse {
    const text = JSON.stringify(liveBody);
    const body = JSON.parse(text) as RequestBody;
    const bytes = Buffer.byteLength(text, 'utf8');
    const cleanup = body.Actions.some((a) => a.Name === '_RemoveReference') && body.Actions.every((a) => a.ActionType === ACTION.instantiate || a.Name === '_RemoveReference');
    this.requests.push({ bytes, envelopeBytes: Buffer.byteLength(JSON.stringify(text), 'utf8'), body, flags, cleanup });
    // The answer crosses back as text, as it does from Excel (`buildResponseOnSuccess` parses it), into the library's realm.
    const answer = (response: ExcelResponse): ExcelResponse => this.windowJson.parse(JSON.stringify(response)) as ExcelResponse;

    if (this.options.payloadLimitBytes !== undefined && bytes > this.options.payloadLimitBytes) {
      // What OfficeJsRequestExecutor builds from Excel on the web's ooeRequestPayloadSizeLimitExceeded.
      return answer({ HttpStatusCode: 400, ErrorCode: 'RequestPayloadSizeLimitExceeded', ErrorMessage: `The request payload size has exceeded the limit (${bytes} bytes).`, Headers: {}, Body: null });
    }
    if (this.options.failSync === this.requests.length) {
      const code = this.options.failCode ?? 'GeneralException';
      return answer(ok({ Error: { Code: code, Message: `Injected failure of request ${this.requests.length} (${code}).`, HttpStatusCode: 500, Location: '' }, Results: [], TraceIds: [] }));
    }
    const result = this.run(body);
    if (this.options.responseLimitBytes !== undefined) {
      const size = Buffer.byteLength(JSON.stringify(result), 'utf8');
      const refused = size > this.options.responseLimitBytes;
      this.responses.push({ bytes: size, refused });
      // What OfficeJsRequestExecutor builds from Excel on the web's ooeResponsePayloadSizeLimitExceeded.
      if (refused) return answer({ HttpStatusCode: 400, ErrorCode: 'ResponsePayloadSizeLimitExceeded', ErrorMessage: `The response payload size has exceeded the limit (${size} bytes).`, Headers: {}, Body: null });
    }
    return answer(ok(result));
  }

  putSheet(name: string, cells: unknown[][]): void {
    const sheet = this.addSheet(name);
    sheet.cells = cells;
  }

  /** Run the actions in order, as Excel does: results for instantiations, queries and methods; stop at the first error. */
  private run(body: RequestBody): unknown {
    const Results: Array<{ ActionId: number; Value: unknown }> = [];
    const TraceIds: number[] = [];
    const resolved = new Map<number, Node | null>();
    const kept = new Set<number>();
    const resolve = (id: number): Node | null => {
      if (resolved.has(id)) return resolved.get(id) ?? null;
      const info = body.ObjectPaths[String(id)];
      if (!info) throw new ResponderError('InvalidArgument', `object path ${id} is not in the request`);
      const node = this.resolvePath(info, resolve);
      resolved.set(id, node);
      return node;
    };
    for (let index = 0; index < body.Actions.length; index++) {
      const action = body.Actions[index] as ActionInfo;
      try {
        for (const ref of action.ArgumentInfo?.ReferencedObjectPathIds ?? []) if (typeof ref === 'number') resolve(ref);
        const node = resolve(action.ObjectPathId);
        const args = action.ArgumentInfo?.Arguments ?? [];
        switch (action.ActionType) {
          case ACTION.instantiate:
            Results.push({ ActionId: action.Id, Value: node === null ? null : this.identity(node, kept.has(action.ObjectPathId)) });
            break;
          case ACTION.query:
            Results.push({ ActionId: action.Id, Value: node === null ? null : this.query(node, action.QueryInfo ?? {}) });
            break;
          case ACTION.method:
            if (action.Name === '_KeepReference') kept.add(action.ObjectPathId);
            Results.push({ ActionId: action.Id, Value: node === null ? null : this.method(node, action.Name, args) });
            break;
          case ACTION.setProperty:
            if (node !== null) this.setProperty(node, action.Name, args[0]);
            break;
          case ACTION.trace:
            TraceIds.push(action.Id);
            break;
          default:
            Results.push({ ActionId: action.Id, Value: null });
        }
      } catch (e) {
        if (!(e instanceof ResponderError)) throw e;
        return { Results, TraceIds, Error: { Code: e.code, Message: e.message, HttpStatusCode: 400, Location: action.Name, ActionIndex: index } };
      }
    }
    return { Results, TraceIds };
  }

  private resolvePath(info: ObjectPathInfo, resolve: (id: number) => Node | null): Node | null {
    const args = info.ArgumentInfo?.Arguments ?? [];
    switch (info.ObjectPathType) {
      case PATH.global:
        return { kind: 'workbook' };
      case PATH.newObject:
        return { kind: 'object', name: info.Name };
      case PATH.referenceId: {
        const node = this.references.get(info.Name);
        if (!node) throw new ResponderError('InvalidArgument', `unknown reference ${info.Name}`);
        return node;
      }
      case PATH.nullObject:
        return null;
    }
    const parent = resolve(info.ParentObjectPathId ?? -1);
    if (parent === null) return null;
    if (info.ObjectPathType === PATH.property) return this.property(parent, info.Name);
    if (info.ObjectPathType === PATH.indexer) return this.item(parent, args[0], false);
    if (info.ObjectPathType === PATH.method) {
      // Object arguments travel as ReferencedObjectPathIds, position by position.
      const objects = (info.ArgumentInfo?.ReferencedObjectPathIds ?? []).map((id) => (typeof id === 'number' && id > 0 ? resolve(id) : null));
      return this.methodPath(parent, info.Name, args, objects);
    }
    throw new ResponderError('InvalidArgument', `object path type ${info.ObjectPathType}`);
  }

  private property(parent: Node, name: string): Node {
    if (parent.kind === 'workbook' && name === 'Worksheets') return { kind: 'worksheets' };
    if (parent.kind === 'workbook' && name === 'Names') return { kind: 'names' };
    if (parent.kind === 'workbook' && name === 'Tables') return { kind: 'tables', sheet: null };
    if (parent.kind === 'worksheet' && name === 'Tables') return { kind: 'tables', sheet: parent.sheet };
    if (parent.kind === 'table' && name === 'Worksheet') return { kind: 'worksheet', sheet: parent.table.sheet };
    if (EMPTY_COLLECTIONS.has(name)) return { kind: 'collection', name };
    return { kind: 'object', name };
  }

  /** `collection.getItem(key)` / `collection[key]`. */
  private item(parent: Node, key: unknown, orNull: boolean): Node | null {
    const missing = (): null => {
      if (orNull) return null;
      throw new ResponderError('ItemNotFound', `The requested resource doesn't exist: ${String(key)}`);
    };
    const k = String(key).toLowerCase();
    if (parent.kind === 'worksheets') {
      const sheet = this.book.sheets.find((s) => s.id === key || s.name.toLowerCase() === k);
      return sheet ? { kind: 'worksheet', sheet } : missing();
    }
    if (parent.kind === 'names') {
      const name = [...this.book.names.keys()].find((n) => n.toLowerCase() === k);
      return name !== undefined ? { kind: 'namedItem', name } : missing();
    }
    if (parent.kind === 'tables') {
      const table = this.book.tables.find((t) => t.name.toLowerCase() === k && (parent.sheet === null || t.sheet === parent.sheet));
      return table ? { kind: 'table', table } : missing();
    }
    if (parent.kind === 'collection') return missing();
    return { kind: 'object', name: `Item(${String(key)})` };
  }

  /** An object path that is a method call: it runs once, when the request first needs the object. */
  private methodPath(parent: Node, name: string, args: unknown[], objects: Array<Node | null>): Node | null {
    switch (`${parent.kind}.${name}`) {
      case 'worksheets.Add':
        return { kind: 'worksheet', sheet: this.addSheet(args[0]) };
      case 'worksheets.GetItem':
        return this.item(parent, args[0], false);
      case 'worksheets.GetItemOrNullObject':
        return this.item(parent, args[0], true);
      case 'worksheets.GetActiveWorksheet':
        return { kind: 'worksheet', sheet: this.book.sheets[0] as ModelSheet };
      case 'names.Add':
        return this.addName(args[0], args[1]);
      case 'names.GetItem':
        return this.item(parent, args[0], false);
      case 'names.GetItemOrNullObject':
        return this.item(parent, args[0], true);
      case 'tables.Add':
        return this.addTable(parent.kind === 'tables' ? parent.sheet : null, args[0]);
      case 'tables.GetItem':
        return this.item(parent, args[0], false);
      case 'tables.GetItemOrNullObject':
        return this.item(parent, args[0], true);
      case 'worksheet.GetRange':
        if (parent.kind === 'worksheet') return { kind: 'range', sheet: parent.sheet, box: typeof args[0] === 'string' && args[0] !== '' ? parseBox(args[0]) : null };
        break;
      case 'worksheet.GetUsedRangeOrNullObject':
      case 'worksheet.GetUsedRange':
        if (parent.kind === 'worksheet') {
          if (parent.sheet.cells) {
            const cells = parent.sheet.cells;
            if (cells.length === 0) return name === 'GetUsedRange' ? { kind: 'range', sheet: parent.sheet, box: { r0: 0, c0: 0, r1: 0, c1: 0 } } : null;
            return { kind: 'range', sheet: parent.sheet, box: { r0: 0, c0: 0, r1: cells.length - 1, c1: Math.max(...cells.map((r) => r.length)) - 1 } };
          }
          if (!parent.sheet.written) return name === 'GetUsedRange' ? { kind: 'range', sheet: parent.sheet, box: { r0: 0, c0: 0, r1: 0, c1: 0 } } : null;
          throw new ResponderError('NotImplemented', `the Office client library harness does not keep cell contents: cannot read the used range of ${parent.sheet.name}`);
        }
        break;
    }
    if (parent.kind === 'collection' && (name === 'GetItemOrNullObject' || name === 'GetItem')) return this.item(parent, args[0], name === 'GetItemOrNullObject');
    if (parent.kind === 'range') return { kind: 'range', sheet: parent.sheet, box: subRange(parent.box, name, args, objects[0] ?? null) };
    return { kind: 'object', name };
  }

  /** The value of an instantiate action: the object's id, and a reference when the request keeps one. */
  private identity(node: Node, keep: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (node.kind === 'worksheet') out.Id = node.sheet.id;
    if (keep) {
      const ref = `{duban-ref-${this.nextId++}}`;
      this.references.set(ref, node);
      out._ReferenceId = ref;
    }
    return out;
  }

  private query(node: Node, q: { Select?: string[]; Expand?: string[] }): unknown {
    const items = (list: Array<Record<string, unknown>>) => ({ _Items: list.map((o) => project(o, q.Select)) });
    switch (node.kind) {
      case 'worksheets':
        return items(this.book.sheets.map((s, i) => sheetObject(s, i)));
      case 'worksheet':
        return project(sheetObject(node.sheet, this.book.sheets.indexOf(node.sheet)), q.Select);
      case 'names':
        return items([...this.book.names].map(([name, value]) => ({ Name: name, Value: value, Formula: value, Type: 'Range', Visible: true })));
      case 'namedItem':
        return project({ Name: node.name, Value: this.book.names.get(node.name), Formula: this.book.names.get(node.name) }, q.Select);
      case 'tables':
        return items(this.book.tables.filter((t) => node.sheet === null || t.sheet === node.sheet).map(tableObject));
      case 'table':
        return project(tableObject(node.table), q.Select);
      case 'collection':
        return { _Items: [] };
      case 'range':
        if (node.sheet?.cells && node.box) {
          const { r0, r1, c0, c1 } = node.box;
          const grid = Array.from({ length: r1 - r0 + 1 }, (_, r) => Array.from({ length: c1 - c0 + 1 }, (_, c) => (node.sheet?.cells?.[r0 + r]?.[c0 + c] ?? '') as unknown));
          return project({ Address: `${quoteSheet(node.sheet.name)}!${boxAddress(node.box)}`, Values: grid, Formulas: grid, Text: grid, NumberFormat: grid.map((row) => row.map(() => 'General')) }, q.Select);
        }
        if (node.sheet?.written) throw new ResponderError('NotImplemented', 'the Office client library harness does not keep cell contents');
        return project({ Address: `${quoteSheet(node.sheet?.name ?? 'Sheet1')}!${boxAddress(node.box ?? { r0: 0, c0: 0, r1: 0, c1: 0 })}`, Values: [['']], Formulas: [['']], Text: [['']], NumberFormat: [['General']] }, q.Select);
      default:
        return {};
    }
  }

  private method(node: Node, name: string, args: unknown[]): unknown {
    if (node.kind === 'workbook' && name === '_RemoveReference') this.references.delete(String(args[0]));
    if (node.kind === 'workbook' && name === '_RemoveAllReferences') this.references.clear();
    if (node.kind === 'worksheet' && name === 'Delete') {
      if (this.book.sheets.filter((s) => s.visibility === 'Visible').length === 1 && node.sheet.visibility === 'Visible') throw new ResponderError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      this.book.sheets.splice(this.book.sheets.indexOf(node.sheet), 1);
      this.book.tables = this.book.tables.filter((t) => t.sheet !== node.sheet);
    }
    if (node.kind === 'namedItem' && name === 'Delete') this.book.names.delete(node.name);
    if (node.kind === 'range' && name === 'Clear' && node.box === null && node.sheet) node.sheet.written = false;
    // The library sends this before writing a large array in row chunks (`setRangePropertiesInBulk`).
    if (node.kind === 'range' && name === '_ValidateArraySize' && node.box) {
      const [rows, columns] = args as [number, number];
      if (rows !== node.box.r1 - node.box.r0 + 1 || columns !== node.box.c1 - node.box.c0 + 1) throw new ResponderError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${columns} for ${boxAddress(node.box)}).`);
    }
    return null;
  }

  private setProperty(node: Node, name: string, value: unknown): void {
    if (node.kind === 'worksheet' && name === 'Name') {
      checkSheetName(value, this.book.sheets.filter((s) => s !== node.sheet));
      node.sheet.name = value as string;
    } else if (node.kind === 'worksheet' && name === 'Visibility') {
      if (value !== 'Visible' && this.book.sheets.filter((s) => s.visibility === 'Visible' && s !== node.sheet).length === 0) throw new ResponderError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      node.sheet.visibility = String(value);
    } else if (node.kind === 'worksheet' && name === 'TabColor') {
      node.sheet.tabColor = String(value);
    } else if (node.kind === 'table' && name === 'Name') {
      const clash = this.book.tables.some((t) => t !== node.table && t.name.toLowerCase() === String(value).toLowerCase()) || this.book.names.has(String(value));
      if (clash) throw new ResponderError('InvalidArgument', `A table named ${String(value)} already exists.`);
      node.table.name = String(value);
    } else if (node.kind === 'range' && CELL_PROPERTIES.has(name)) {
      checkShape(node, name, value);
      if ((name === 'Values' || name.startsWith('Formulas')) && node.sheet) node.sheet.written = true;
    }
  }

  private newSheet(name: string): ModelSheet {
    const n = this.nextId++;
    return { id: `{00000000-0001-0000-${String(n).padStart(4, '0')}-000000000000}`, name, visibility: 'Visible', tabColor: '', written: false };
  }

  private addSheet(name: unknown): ModelSheet {
    let wanted = typeof name === 'string' && name !== '' ? name : '';
    for (let i = this.book.sheets.length + 1; wanted === ''; i++) if (!this.book.sheets.some((s) => s.name.toLowerCase() === `sheet${i}`)) wanted = `Sheet${i}`;
    checkSheetName(wanted, this.book.sheets);
    const sheet = this.newSheet(wanted);
    this.book.sheets.push(sheet);
    return sheet;
  }

  private addName(name: unknown, reference: unknown): Node {
    const n = String(name);
    if (!/^[A-Za-z_\\\u0080-\uFFFF][A-Za-z0-9_.\\\u0080-\uFFFF]*$/.test(n) || /^[A-Za-z]{1,3}\d+$/.test(n)) throw new ResponderError('InvalidArgument', `Invalid name: ${n}`);
    if ([...this.book.names.keys()].some((k) => k.toLowerCase() === n.toLowerCase())) throw new ResponderError('ItemAlreadyExists', `A name ${n} already exists.`);
    this.book.names.set(n, String(reference));
    return { kind: 'namedItem', name: n };
  }

  private addTable(sheet: ModelSheet | null, address: unknown): Node {
    const a = String(address);
    const onSheet = sheet ?? this.book.sheets.find((s) => a.startsWith(`${quoteSheet(s.name)}!`)) ?? null;
    if (!onSheet) throw new ResponderError('InvalidArgument', `table address ${a} names no sheet`);
    const table = { name: `Table${this.nextId++}`, sheet: onSheet };
    this.book.tables.push(table);
    return { kind: 'table', table };
  }
}

function ok(body: unknown): ExcelResponse {
  return { HttpStatusCode: 200, ErrorCode: '', ErrorMessage: '', Headers: {}, Body: body };
}

function sheetObject(s: ModelSheet, position: number): Record<string, unknown> {
  return { _Id: s.id, Id: s.id, Name: s.name, Position: position, Visibility: s.visibility, TabColor: s.tabColor };
}

function tableObject(t: { name: string; sheet: ModelSheet }): Record<string, unknown> {
  return { Id: t.name, Name: t.name, Worksheet: sheetObject(t.sheet, 0) };
}

/** Only what `QueryInfo.Select` asks for (`name`, `worksheet/name`), keys PascalCase as on the wire; `_Id` always. */
function project(obj: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> {
  if (!select || select.length === 0) return obj;
  const out: Record<string, unknown> = {};
  if (obj._Id !== undefined) out._Id = obj._Id;
  for (const path of select) {
    const [head, ...rest] = path.split('/');
    const key = pascal(head as string);
    if (!(key in obj)) continue;
    const value = obj[key];
    if (rest.length > 0 && value && typeof value === 'object') out[key] = { ...(out[key] as object), ...project(value as Record<string, unknown>, [rest.join('/')]) };
    else out[key] = value;
  }
  return out;
}

const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function checkSheetName(name: unknown, others: ModelSheet[]): void {
  const n = String(name);
  if (n.length === 0 || n.length > 31 || /[[\]:*?/\\]/.test(n) || n.startsWith("'") || n.endsWith("'") || n.toLowerCase() === 'history') {
    throw new ResponderError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: sheet name ${JSON.stringify(n)}`);
  }
  if (others.some((s) => s.name.toLowerCase() === n.toLowerCase())) throw new ResponderError('ItemAlreadyExists', `A worksheet named ${n} already exists.`);
}

/** A 2-D array written to a range must have the range's shape (Excel: InvalidArgument); a single value fills the range. */
function checkShape(node: { box: Box | null }, name: string, value: unknown): void {
  if (!Array.isArray(value)) return;
  const rows = value.length;
  const columns = rows > 0 && Array.isArray(value[0]) ? (value[0] as unknown[]).length : -1;
  const ragged = value.some((r) => !Array.isArray(r) || r.length !== columns);
  const box = node.box;
  if (ragged || (box && (box.r1 - box.r0 + 1 !== rows || box.c1 - box.c0 + 1 !== columns))) {
    throw new ResponderError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${name} ${rows}×${columns} for ${box ? boxAddress(box) : 'the range'}).`);
  }
}

const LAST_ROW = 1048575;
const LAST_COLUMN = 16383;

/** `A1`, `B2:C9`, `C:C`, `3:5`, with or without `$` and a sheet prefix. */
function parseBox(address: string): Box | null {
  const a = address.replace(/^.*!/, '').replace(/\$/g, '').toUpperCase();
  const cols = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(a);
  if (cols) return { r0: 0, c0: columnNumber(cols[1] as string) - 1, r1: LAST_ROW, c1: columnNumber(cols[2] as string) - 1 };
  const rows = /^(\d+):(\d+)$/.exec(a);
  if (rows) return { r0: Number(rows[1]) - 1, c0: 0, r1: Number(rows[2]) - 1, c1: LAST_COLUMN };
  const cells = a.split(':').map((p) => /^([A-Z]{1,3})(\d+)$/.exec(p));
  if (cells.length > 2 || cells.some((m) => !m)) return null;
  const [p, q = p] = cells as [RegExpExecArray, RegExpExecArray | undefined];
  const s = { r: Number(p[2]) - 1, c: columnNumber(p[1] as string) - 1 };
  const e = { r: Number(q[2]) - 1, c: columnNumber(q[1] as string) - 1 };
  return { r0: Math.min(s.r, e.r), c0: Math.min(s.c, e.c), r1: Math.max(s.r, e.r), c1: Math.max(s.c, e.c) };
}

/** The ranges the library derives from a range: rows and cells of it, and the bounding rectangle of two. */
function subRange(box: Box | null, name: string, args: unknown[], other: Node | null): Box | null {
  if (!box) return null;
  const n = (i: number) => Number(args[i]);
  switch (name) {
    case 'GetRow':
      return { r0: box.r0 + n(0), c0: box.c0, r1: box.r0 + n(0), c1: box.c1 };
    case 'GetColumn':
      return { r0: box.r0, c0: box.c0 + n(0), r1: box.r1, c1: box.c0 + n(0) };
    case 'GetCell':
      return { r0: box.r0 + n(0), c0: box.c0 + n(1), r1: box.r0 + n(0), c1: box.c0 + n(1) };
    case 'GetBoundingRect': {
      const o = other?.kind === 'range' ? other.box : typeof args[0] === 'string' ? parseBox(args[0]) : null;
      return o ? { r0: Math.min(box.r0, o.r0), c0: Math.min(box.c0, o.c0), r1: Math.max(box.r1, o.r1), c1: Math.max(box.c1, o.c1) } : null;
    }
    default:
      return null;
  }
}

function boxAddress(b: Box): string {
  const cell = (r: number, c: number) => `${columnLetters(c + 1)}${r + 1}`;
  return b.r0 === b.r1 && b.c0 === b.c1 ? cell(b.r0, b.c0) : `${cell(b.r0, b.c0)}:${cell(b.r1, b.c1)}`;
}

function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
