import { PRINT_FOOTER, PROTECTION_ALLOWS, SPARE_COLUMNS, spareColumnsOf, type Cell, type ChartPlan, type ConditionalFormatPlan, type PrintPlan, type SheetPlan, type ValidationPlan, type WorkbookPlan } from '../../workbook/plan';
import { absoluteAddress, columnLetter, parseAddress, rangeAddress, sheetRef } from '../../domain/grid/a1';
import { officeCellValue, POINTS_PER_CHAR } from './cellValues';
import type { ExcelFeatures } from './requirements';
import { errorCode, type RunState } from './runExcel';
import { loadDateSystem } from './dateSystem';
import { assertWritable } from '../../workbook/planValues';
import type { DateSystem } from '../../domain/time/isoDate';

/**
 * Excel on the web rejects requests over 5 MB; we aim at 4 MB as Excel on the web receives it
 * (DESIGN §8), a 20 % margin: its postMessage envelope carries the request text as a JSON string
 * once more, every quote escaped, which makes it about 1.2 times the request. What counts is the
 * request Office.js actually sends, measured with Microsoft's client library
 * (tests/workbook/clientLibrary.test.ts): every operation carries its object path and action
 * (`OP_OVERHEAD_BYTES`), and a payload is JSON-escaped on the way (`PAYLOAD_FACTOR`).
 */
export const REQUEST_LIMIT_BYTES = Math.floor((4 * 1024 * 1024) / 1.2);
/** Measured: each object an operation creates (a range, a rule, a table) costs its path, its instantiation and a kept reference. */
export const OBJECT_BYTES = 550;
/** Measured: each property set or method call, besides its payload. */
export const CALL_BYTES = 150;
/** Measured: the library splits a range write into parts of 1 500 cells, each ~600 bytes of protocol. */
const CELLS_PER_PART = 1500;
const PART_BYTES = 600;
/** A payload is JSON-escaped once more on the way (quotes, backslashes): 1.1 covers what was measured. */
export const PAYLOAD_FACTOR = 1.1;
/** Cheapest operation, used for loads and single calls. */
export const OP_OVERHEAD_BYTES = OBJECT_BYTES + CALL_BYTES;
const HEADER_FILL = '#DDEBF7';

export type ApplyStats = { syncs: number; largestRequestBytes: number; requests: number[] };
export type ApplyProgress = (p: { step: string; done: number; total: number }) => void;
export type ApplyOptions = {
  onProgress?: ApplyProgress;
  /** Marked once a write has been sent: from then on the action must not be rerun by itself. */
  run?: RunState;
  /**
   * The workbook is not an earlier generation: a sheet already named like one of ours belongs to
   * the office and is never cleared; the run stops before writing.
   */
  newWorkbook?: boolean;
  /** @default REQUEST_LIMIT_BYTES */
  limitBytes?: number;
};

/** A queued operation and its estimated share of the request. */
type Op = { bytes: number; run(): void };

/**
 * Estimated size of an operation in the request: its payload (Chinese text is 3 bytes a character
 * in UTF-8), the objects it creates and the calls it makes.
 */
export function sizeOf(payload: unknown, objects = 1, calls = 1): number {
  const json = JSON.stringify(payload) ?? '';
  let bytes = 0;
  for (let i = 0; i < json.length; i++) bytes += json.charCodeAt(i) < 0x80 ? 1 : 3;
  return Math.ceil(bytes * PAYLOAD_FACTOR) + objects * OBJECT_BYTES + calls * CALL_BYTES;
}

/** Extra protocol of a range write the library sends in parts. */
const partsOf = (rows: number, columns: number): number => Math.max(0, Math.ceil((rows * columns) / CELLS_PER_PART) - 1) * PART_BYTES;

/**
 * Apply a plan inside one `Excel.run`: one sync to see what exists; one to load the tables and
 * charts of sheets being regenerated and lift our protection from them (nothing written yet, so
 * a sheet protected with a password stops the run before any change); then the writes, each sheet
 * cleared in the batch that rewrites it, grouped into as few requests as the limit allows. If a
 * later batch fails, every sheet is either rewritten whole or untouched, so what units typed is
 * in the workbook either way. The number of syncs does not grow with rows, only with megabytes.
 */
export async function applyPlan(context: Excel.RequestContext, plan: WorkbookPlan, features: ExcelFeatures, options: ApplyOptions = {}): Promise<ApplyStats> {
  const onProgress = options.onProgress ?? (() => undefined);
  const limit = options.limitBytes ?? REQUEST_LIMIT_BYTES;
  const stats: ApplyStats = { syncs: 0, largestRequestBytes: 0, requests: [] };
  const sync = async (bytes: number): Promise<void> => {
    await context.sync();
    stats.syncs++;
    stats.requests.push(bytes);
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, bytes);
  };

  onProgress({ step: '检查已有工作表…', done: 0, total: 0 });
  const sheets = context.workbook.worksheets;
  const names = context.workbook.names;
  const tables = context.workbook.tables;
  sheets.load('items/name,items/protection/protected');
  names.load('items/name');
  tables.load('items/name,items/worksheet/name');
  const dateSystem = loadDateSystem(context, features.dateSystem);
  await sync(OP_OVERHEAD_BYTES * (features.dateSystem ? 4 : 3));
  // Dates are written as serials of the workbook's own date system; a cell no workbook can hold
  // (NaN, Infinity, a date past 9999) stops the run here, before anything is written.
  const system = dateSystem();
  assertWritable(plan, system);

  // Excel compares sheet, table and name names without regard to case.
  const key = (name: string): string => name.toLowerCase();
  const existing = new Map(sheets.items.map((ws) => [key(ws.name), ws]));
  if (options.newWorkbook) {
    const clashes = plan.sheets.filter((s) => existing.has(key(s.name))).map((s) => `“${s.name}”`);
    if (clashes.length > 0) throw new Error(`工作簿中已有名为${clashes.join('、')}的工作表，但这不是督办生成的工作簿。为免覆盖其中的内容，请把这些工作表改名，或在新建的空白工作簿中生成。`);
  }
  const reusedOf = (name: string): Excel.Worksheet | undefined => existing.get(key(name));
  const reused = plan.sheets.map((s) => reusedOf(s.name)).filter((ws): ws is Excel.Worksheet => ws !== undefined);
  const locked = reused.filter((ws) => ws.protection.protected);
  if (reused.length > 0) {
    for (const ws of reused) {
      ws.tables.load('items/name');
      ws.charts.load('items/name');
    }
    // Checked first: unprotect() fails on a sheet that is not protected, as it does with a wrong password.
    for (const ws of locked) ws.protection.unprotect();
    try {
      await sync(OP_OVERHEAD_BYTES * (reused.length * 2 + locked.length));
    } catch (e) {
      // A password (or protection someone else holds) refuses unprotect with AccessDenied or
      // InvalidArgument; anything else (cell-edit mode…) keeps its code, so runExcel may retry.
      if (locked.length === 0 || !isProtectionRefusal(e)) throw e;
      throw new SheetProtectedError(locked.map((ws) => ws.name), e);
    }
  }

  // A new table may not take a name another sheet's table still holds (it is cleared later, or never).
  const held = tables.items.map((t) => ({ name: key(t.name), sheet: key(t.worksheet.name) }));
  const assigned = new Set<string>();
  const groups = plan.sheets.map((sheet) => {
    const ws = reusedOf(sheet.name) ?? null;
    const taken = new Set([...assigned, ...held.filter((h) => h.sheet !== key(sheet.name)).map((h) => h.name)]);
    // A sheet units type into keeps its values until the new ones are written over them: only
    // formats go first, the rows left over below and beside the new table go after the rewrite
    // (before protection). A batch that fails half-way then leaves every typed value in the
    // sheet, old or rewritten.
    const keepValues = ws !== null && sheet.columns.some((c) => c.role === 'fill');
    const leftovers: Op | null = ws && keepValues ? { bytes: sizeOf(null, 2, 2), run: () => clearBeyond(ws, sheet.rows.length + 1, sheet.columns.length) } : null;
    const ops = sheetOps(context, sheet, ws, features, system, (wanted) => {
      const name = freeTableName(wanted, taken);
      assigned.add(key(name));
      return name;
    }, leftovers);
    if (!ws) return ops;
    return [{ bytes: sizeOf(null, 5, 8), run: () => clearSheet(ws, features, keepValues ? 'Formats' : 'All') }, ...ops];
  });

  const tail: Op[] = [];
  const existingNames = new Set(names.items.map((n) => key(n.name)));
  for (const n of plan.names) {
    const target = plan.sheets.find((s) => s.key === n.sheetKey);
    if (!target) throw new Error(`defined name ${n.name} points at a sheet the plan does not have: ${n.sheetKey}`);
    const reference = `=${sheetRef(target.name)}!${absoluteAddress(n.address)}`;
    tail.push({
      bytes: sizeOf(reference, 2, 2),
      run: () => {
        if (existingNames.has(key(n.name))) names.getItem(n.name).delete();
        names.add(n.name, reference);
      },
    });
  }
  // Single cells set in place (a merge's 完成值 into 量化指标): unlocked cells, so protection stays.
  for (const edit of plan.cellEdits ?? []) {
    const value = officeCellValue(edit.cell, system);
    tail.push({
      bytes: sizeOf([[value]], 2, 2),
      run: () => {
        const range = sheets.getItem(edit.sheet).getRange(edit.address);
        if (edit.numberFormat !== undefined) range.numberFormat = [[edit.numberFormat]];
        range.formulas = [[value]];
      },
    });
  }
  // Sheets that go (untouched ledgers of units that left, a blank Sheet1) go last: a workbook
  // must always keep a visible sheet, and a failed run should leave them rather than lose them.
  for (const name of plan.removeSheets ?? []) {
    const ws = reusedOf(name) ?? null;
    if (ws && !plan.sheets.some((s) => key(s.name) === key(name))) tail.push({ bytes: OP_OVERHEAD_BYTES, run: () => ws.delete() });
  }
  const first = plan.sheets[0];
  if (first) tail.push({ bytes: OP_OVERHEAD_BYTES, run: () => sheets.getItem(first.name).activate() });

  const batches = intoBatches([...groups, tail], limit);
  let done = 0;
  // Syncing per batch is the one loop allowed: batches exist only to stay under the request limit.
  for (const batch of batches) {
    onProgress({ step: `写入工作表（第 ${done + 1}/${batches.length} 批）`, done, total: batches.length });
    for (const op of batch.ops) op.run();
    if (options.run) options.run.wrote = true;
    try {
      await sync(batch.bytes);
    } catch (e) {
      throw new WriteInterruptedError(done, batches.length, e);
    }
    onProgress({ step: '写入工作表', done: ++done, total: batches.length });
  }
  return stats;
}

/**
 * Pack groups of operations (one group per sheet) into requests under the limit. A group is split
 * only when it alone is over the limit, so a sheet is normally cleared and rewritten in one request.
 */
function intoBatches(groups: Op[][], limit: number): Array<{ ops: Op[]; bytes: number }> {
  const batches: Array<{ ops: Op[]; bytes: number }> = [];
  let current = { ops: [] as Op[], bytes: 0 };
  const flush = (): void => {
    if (current.ops.length > 0) batches.push(current);
    current = { ops: [], bytes: 0 };
  };
  for (const group of groups) {
    const bytes = group.reduce((n, op) => n + op.bytes, 0);
    if (current.bytes + bytes > limit) flush();
    for (const op of group) {
      if (current.ops.length > 0 && current.bytes + op.bytes > limit) flush();
      current.ops.push(op);
      current.bytes += op.bytes;
    }
  }
  flush();
  return batches;
}

/** A sheet protected with a password (or otherwise refusing unprotect) stops a run before it writes. */
export class SheetProtectedError extends Error {
  constructor(
    readonly sheets: string[],
    override readonly cause: unknown,
  ) {
    super(
      `无法撤销工作表保护（涉及：${sheets.length > 5 ? `${sheets.slice(0, 5).join('、')} 等 ${sheets.length} 张` : sheets.join('、')}）。督办保护工作表时不设密码；如果有人加了密码，请先在 Excel 的“审阅 → 撤销工作表保护”中输入密码，再重试。各工作表的内容没有被修改。`,
    );
  }
}

/** Excel's answer when unprotect is refused (a password, or protection held elsewhere). */
export function isProtectionRefusal(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'AccessDenied' || code === 'InvalidArgument';
}

/** A write batch failed after `done` of `total` had been applied. */
export class WriteInterruptedError extends Error {
  readonly code: string | undefined;
  constructor(
    readonly done: number,
    readonly total: number,
    override readonly cause: unknown,
  ) {
    // Excel's own (English) text is kept in `cause` for the details, not in the sentence.
    super(`写入在第 ${done + 1}/${total} 批时中断：已填写的台账内容都还在，已写完的工作表完整，其余工作表保持原样或只写了一部分。请检查后再点一次，督办会从工作簿现有内容继续。`);
    this.code = errorCode(cause);
  }
}

/**
 * Make a sheet of an earlier generation blank again (its protection was lifted before), keeping
 * its place and the references to it; `Formats` keeps its values for the rewrite to replace.
 */
function clearSheet(ws: Excel.Worksheet, features: ExcelFeatures, what: 'All' | 'Formats'): void {
  for (const t of ws.tables.items) t.convertToRange();
  for (const c of ws.charts.items) c.delete();
  if (features.conditionalFormats) ws.getRange().conditionalFormats.clearAll();
  if (features.dataValidation) ws.getRange().dataValidation.clear();
  ws.getRange().clear(what === 'All' ? 'All' : 'Formats');
}

/** Clear what an earlier generation left below row `rows` and right of column `columns`. */
function clearBeyond(ws: Excel.Worksheet, rows: number, columns: number): void {
  ws.getRange(`${rows + 1}:1048576`).clear('Contents');
  ws.getRange(`${columnLetter(columns)}:XFD`).clear('Contents');
}

/** A table name nobody else holds (a sheet the plan does not touch may keep an old one): `Duban_Ledger_3`, else `Duban_Ledger_3_2`… */
function freeTableName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function sheetOps(context: Excel.RequestContext, sheet: SheetPlan, existing: Excel.Worksheet | null, features: ExcelFeatures, system: DateSystem, tableName: (wanted: string) => string, beforeProtection: Op | null): Op[] {
  let ws: Excel.Worksheet | null = existing;
  const get = (): Excel.Worksheet => ws as Excel.Worksheet;
  const ops: Op[] = [];
  const op = (payload: unknown, run: () => void, objects = 1, calls = 1, extra = 0): void => {
    ops.push({ bytes: sizeOf(payload, objects, calls) + extra, run });
  };
  const width = sheet.columns.length;
  const n = sheet.rows.length;

  op(sheet.name, () => {
    // A reused sheet was cleared above: it keeps its position and other sheets' references to it.
    ws ??= context.workbook.worksheets.add(sheet.name);
    if (sheet.tabColor) ws.tabColor = sheet.tabColor;
  }, 1, 2);

  sheet.columns.forEach((c, i) => {
    const letter = columnLetter(i);
    op(c.width, () => {
      get().getRange(`${letter}:${letter}`).format.columnWidth = c.width * POINTS_PER_CHAR;
    }, 1, 1);
    if (n > 0 && (c.numberFormat || c.wrap || c.shade)) {
      const formats = Array.from({ length: n }, () => [c.numberFormat ?? 'General']);
      op(formats, () => {
        const range = get().getRange(`${letter}2:${letter}${n + 1}`);
        if (c.numberFormat) range.numberFormat = formats;
        if (c.wrap) range.format.wrapText = true;
        if (c.shade) range.format.fill.color = c.shade;
      }, c.shade ? 4 : 1, c.shade ? 4 : 2, partsOf(n, 1));
    }
  });

  if (sheet.columns.some((c) => c.header !== '')) {
    const headers = [sheet.columns.map((c) => c.header)];
    op(headers, () => {
      const range = get().getRange(rangeAddress(0, 0, 1, width));
      range.values = headers;
      range.format.font.bold = true;
      range.format.fill.color = HEADER_FILL;
      range.format.wrapText = true;
    }, 1, 4);
  }

  for (const chunk of rowChunks(sheet.rows)) {
    const formulas = chunk.rows.map((row) => sheet.columns.map((_, i) => officeCellValue(row[i] ?? null, system)));
    op(formulas, () => {
      get().getRange(rangeAddress(chunk.start + 1, 0, chunk.rows.length, width)).formulas = formulas;
    }, 1, 1, partsOf(chunk.rows.length, width));
  }

  for (const extra of sheet.extraCells ?? []) {
    const value = [[officeCellValue(extra.cell, system)]];
    op(value, () => {
      const range = get().getRange(extra.address);
      if (extra.numberFormat) range.numberFormat = [[extra.numberFormat]];
      range.formulas = value;
      if (extra.bold) range.format.font.bold = true;
      if (extra.fill) range.format.fill.color = extra.fill;
      if (extra.fontColor) range.format.font.color = extra.fontColor;
    }, 1, 3);
  }

  for (const block of sheet.blocks ?? []) {
    const { row, col } = parseAddress(block.at);
    const height = block.cells.length;
    const blockWidth = Math.max(...block.cells.map((r) => r.length));
    const formulas = block.cells.map((r) => Array.from({ length: blockWidth }, (_, j) => officeCellValue(r[j] ?? null, system)));
    const formats = block.cells.map((_, i) => Array.from({ length: blockWidth }, (_, j) => (block.boldFirstRow && i === 0 ? 'General' : (block.numberFormats?.[j] ?? 'General'))));
    op([formulas, formats], () => {
      const range = get().getRange(rangeAddress(row, col, height, blockWidth));
      range.numberFormat = formats;
      range.formulas = formulas;
      if (block.boldFirstRow) {
        const head = get().getRange(rangeAddress(row, col, 1, blockWidth));
        head.format.font.bold = true;
        head.format.fill.color = HEADER_FILL;
      }
      const first = block.boldFirstRow ? 1 : 0;
      if (height > first) for (const j of block.wrapColumns ?? []) get().getRange(rangeAddress(row + first, col + j, height - first, 1)).format.wrapText = true;
    }, 2 + (block.wrapColumns?.length ?? 0), 4 + (block.wrapColumns?.length ?? 0), 2 * partsOf(height, blockWidth));
  }
  // Rows sized to their wrapped text: inside Excel, Excel measures its own fonts, in one call per
  // sheet (heights set row by row would cost a range object each, and the request that releases
  // them grows past Excel on the web's 5 MB at 100× the seed). Files get the plan's estimate.
  const heights = sheet.rowHeights ?? [];
  if (heights.length > 0) {
    op(heights.length, () => {
      get().getRange(`1:${heights.length}`).format.autofitRows();
    }, 2, 1);
  }
  const print = sheet.print;
  // pageLayout, headersFooters and defaultForAllPages objects; a dozen property sets and calls.
  if (print && features.pageLayout) op(print, () => applyPrint(get(), print), 4, 12);
  if (sheet.hidden) op('hidden', () => void (get().visibility = 'Hidden'));
  for (const chart of sheet.charts ?? []) op(chart, () => addChart(get(), chart), 5, 5);
  if (sheet.table && n > 0) {
    const table = sheet.table;
    op(table, () => {
      const t = get().tables.add(rangeAddress(0, 0, n + 1, width), true);
      t.name = tableName(table.name);
      t.style = table.style;
    }, 1, 3);
  }
  if (features.dataValidation) for (const v of sheet.validations) op(v, () => applyValidation(get(), v), 2, 4);
  if (features.conditionalFormats) for (const cf of sheet.conditionalFormats) op(cf, () => applyConditionalFormat(get(), cf), 3, 5);
  if (sheet.freeze.rows + sheet.freeze.columns > 0) {
    op(sheet.freeze, () => {
      const panes = get().freezePanes;
      if (sheet.freeze.columns === 0) panes.freezeRows(sheet.freeze.rows);
      else if (sheet.freeze.rows === 0) panes.freezeColumns(sheet.freeze.columns);
      else panes.freezeAt(get().getRange(rangeAddress(0, 0, sheet.freeze.rows, sheet.freeze.columns)));
    }, 2, 1);
  }

  if (beforeProtection) ops.push(beforeProtection);
  // Protection goes last: after it, Excel refuses format changes on the sheet.
  if (sheet.protect) {
    const fillColumns = sheet.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.role === 'fill');
    const spare = spareColumnsOf(sheet);
    op(fillColumns.length, () => {
      if (n > 0) for (const { i } of fillColumns) get().getRange(rangeAddress(1, i, n, 1)).format.protection.locked = false;
      // The spare columns beside the table, header row included: a row inserted in the table takes
      // its cells' format from the row above, so they stay unlocked there too.
      if (spare.length > 0) {
        const first = spare[0] as number;
        get().getRange(`${columnLetter(first)}:${columnLetter(first + spare.length - 1)}`).format.columnWidth = SPARE_COLUMNS.width * POINTS_PER_CHAR;
        get().getRange(rangeAddress(0, first, n + 1, spare.length)).format.protection.locked = false;
      }
      // No password: protection prevents accidents; a password is never stored.
      const a = PROTECTION_ALLOWS;
      get().protection.protect({
        allowAutoFilter: a.autoFilter, allowFormatColumns: a.formatColumns, allowFormatRows: a.formatRows,
        allowInsertRows: a.insertRows, allowInsertColumns: a.insertColumns, allowSort: a.sort,
      });
    }, 1 + fillColumns.length + (spare.length > 0 ? 2 : 0), 1 + fillColumns.length + (spare.length > 0 ? 2 : 0));
  }
  return ops;
}

/** Rows in chunks of at most ~1 MB so a single write never approaches the request limit. */
function rowChunks(rows: Cell[][]): Array<{ start: number; rows: Cell[][] }> {
  const chunks: Array<{ start: number; rows: Cell[][] }> = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    bytes += sizeOf(rows[i]);
    if (bytes > REQUEST_LIMIT_BYTES / 4 || i === rows.length - 1) {
      chunks.push({ start, rows: rows.slice(start, i + 1) });
      start = i + 1;
      bytes = 0;
    }
  }
  return chunks;
}

/**
 * Page setup through `pageLayout` (ExcelApi 1.9), the same as the .xlsx adapter writes:
 * fit to one page wide is `horizontalFitToPages: 1` with `verticalFitToPages: 0` (as many pages
 * down as needed, the file's `fitToHeight="0"`).
 */
function applyPrint(ws: Excel.Worksheet, print: PrintPlan): void {
  const layout = ws.pageLayout;
  layout.paperSize = 'A4';
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.zoom = print.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: 100 };
  layout.centerHorizontally = true;
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows[0]}:$${print.titleRows[1]}`);
  if (print.titleColumns) layout.setPrintTitleColumns(`$${columnLetter(print.titleColumns[0])}:$${columnLetter(print.titleColumns[1])}`);
  const page = layout.headersFooters.defaultForAllPages;
  page.leftHeader = print.header.left;
  page.rightHeader = print.header.right;
  if (print.header.center) page.centerHeader = print.header.center;
  page.centerFooter = PRINT_FOOTER;
  for (const r of print.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${r}`);
}

function addChart(ws: Excel.Worksheet, plan: ChartPlan): void {
  const chart = ws.charts.add(plan.type === 'bar' ? 'BarClustered' : plan.type === 'pie' ? 'Pie' : 'Line', ws.getRange(plan.values), 'Auto');
  chart.title.text = plan.title;
  chart.series.getItemAt(0).setXAxisValues(ws.getRange(plan.categories));
  chart.setPosition(plan.anchor);
}

function applyValidation(ws: Excel.Worksheet, v: ValidationPlan): void {
  const dv = ws.getRange(v.range).dataValidation;
  dv.rule =
    v.type === 'list'
      ? { list: { inCellDropDown: true, source: v.values.join(',') } }
      : { date: { formula1: v.min, formula2: v.max, operator: 'Between' } };
  dv.ignoreBlanks = true;
  dv.errorAlert = { showAlert: true, style: 'Stop', title: '输入有误', message: v.error };
  dv.prompt = { showPrompt: true, title: '填写说明', message: v.prompt };
}

function applyConditionalFormat(ws: Excel.Worksheet, cf: ConditionalFormatPlan): void {
  const formats = ws.getRange(cf.range).conditionalFormats;
  if (cf.type === 'expression') {
    const f = formats.add('Custom');
    f.custom.rule.formula = `=${cf.formula}`;
    f.custom.format.fill.color = cf.fill;
    if (cf.fontColor) f.custom.format.font.color = cf.fontColor;
  } else if (cf.type === 'dataBar') {
    const f = formats.add('DataBar');
    f.dataBar.positiveFormat.fillColor = cf.color;
    f.dataBar.lowerBoundRule = { type: 'Number', formula: '0' };
    f.dataBar.upperBoundRule = { type: 'Number', formula: '1' };
  } else {
    const f = formats.add('IconSet');
    f.iconSet.style = 'ThreeTrafficLights1';
    f.iconSet.showIconOnly = true;
    f.iconSet.criteria = [
      {} as Excel.ConditionalIconCriterion,
      { type: 'Number', operator: 'GreaterThanOrEqual', formula: `=${cf.thresholds[0]}` },
      { type: 'Number', operator: 'GreaterThanOrEqual', formula: `=${cf.thresholds[1]}` },
    ];
  }
}
