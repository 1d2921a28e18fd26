import type { Cell, ChartPlan, ConditionalFormatPlan, SheetPlan, ValidationPlan, WorkbookPlan } from '../../workbook/plan';
import { columnLetter, parseAddress, rangeAddress, sheetRef } from '../../workbook/a1';
import { officeCellValue, POINTS_PER_CHAR } from './cellValues';
import type { ExcelFeatures } from './requirements';

/** Excel on the web rejects requests over 5 MB; we split at 4 MB (DESIGN §8). */
export const REQUEST_LIMIT_BYTES = 4 * 1024 * 1024;
/** Rough fixed cost of one queued operation in a request. */
const OP_OVERHEAD_BYTES = 160;
const HEADER_FILL = '#DDEBF7';

export type ApplyStats = { syncs: number; largestRequestBytes: number; requests: number[] };
export type ApplyProgress = (p: { step: string; done: number; total: number }) => void;

/** A queued operation and its estimated share of the request. */
type Op = { bytes: number; run(): void };

/** Estimated UTF-8 size of a payload (Chinese text is 3 bytes a character). */
function sizeOf(payload: unknown): number {
  const json = JSON.stringify(payload) ?? '';
  let bytes = 0;
  for (let i = 0; i < json.length; i++) bytes += json.charCodeAt(i) < 0x80 ? 1 : 3;
  return bytes + OP_OVERHEAD_BYTES;
}

/**
 * Apply a plan inside one `Excel.run`: one sync to see what exists, one to load the tables of
 * sheets being regenerated, then the writes, grouped into as few requests as the 4 MB limit
 * allows. The number of syncs does not grow with rows, only with megabytes.
 */
export async function applyPlan(context: Excel.RequestContext, plan: WorkbookPlan, features: ExcelFeatures, onProgress: ApplyProgress = () => undefined): Promise<ApplyStats> {
  const stats: ApplyStats = { syncs: 0, largestRequestBytes: 0, requests: [] };
  const sync = async (bytes: number): Promise<void> => {
    await context.sync();
    stats.syncs++;
    stats.requests.push(bytes);
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, bytes);
  };

  const sheets = context.workbook.worksheets;
  const names = context.workbook.names;
  const tables = context.workbook.tables;
  sheets.load('items/name');
  names.load('items/name');
  tables.load('items/name,items/worksheet/name');
  await sync(OP_OVERHEAD_BYTES * 3);

  const existing = new Map(sheets.items.map((ws) => [ws.name, ws]));
  const reused = plan.sheets.filter((s) => existing.has(s.name)).map((s) => existing.get(s.name) as Excel.Worksheet);
  for (const ws of reused) {
    ws.tables.load('items/name');
    ws.charts.load('items/name');
  }
  if (reused.length > 0) await sync(OP_OVERHEAD_BYTES * reused.length);

  const ops: Op[] = [];
  // Stale ledgers go first, then every reused sheet is cleared, before any table is added:
  // table names are workbook-wide, and a new table may take a name an old one still holds.
  for (const name of plan.removeSheets ?? []) {
    const ws = existing.get(name);
    if (ws) ops.push({ bytes: OP_OVERHEAD_BYTES, run: () => ws.delete() });
  }
  for (const ws of reused) ops.push({ bytes: OP_OVERHEAD_BYTES, run: () => clearSheet(ws, features) });
  const gone = new Set([...reused.map((ws) => ws.name), ...(plan.removeSheets ?? [])]);
  const takenTableNames = new Set(tables.items.filter((t) => !gone.has(t.worksheet.name)).map((t) => t.name.toLowerCase()));
  for (const sheet of plan.sheets) ops.push(...sheetOps(context, sheet, existing.get(sheet.name) ?? null, features, takenTableNames));
  const existingNames = new Set(names.items.map((n) => n.name));
  for (const n of plan.names) {
    const target = plan.sheets.find((s) => s.key === n.sheetKey);
    if (!target) throw new Error(`defined name ${n.name} points at a sheet the plan does not have: ${n.sheetKey}`);
    const { row, col } = parseAddress(n.address);
    const reference = `=${sheetRef(target.name)}!$${columnLetter(col)}$${row + 1}`;
    ops.push({
      bytes: sizeOf(reference),
      run: () => {
        if (existingNames.has(n.name)) names.getItem(n.name).delete();
        names.add(n.name, reference);
      },
    });
  }
  const first = plan.sheets[0];
  if (first) ops.push({ bytes: OP_OVERHEAD_BYTES, run: () => sheets.getItem(first.name).activate() });

  const batches = intoBatches(ops);
  let done = 0;
  // Syncing per batch is the one loop allowed: batches exist only to stay under the 4 MB request limit.
  for (const batch of batches) {
    for (const op of batch.ops) op.run();
    await sync(batch.bytes);
    onProgress({ step: '写入工作表', done: ++done, total: batches.length });
  }
  return stats;
}

function intoBatches(ops: Op[]): Array<{ ops: Op[]; bytes: number }> {
  const batches: Array<{ ops: Op[]; bytes: number }> = [];
  let current = { ops: [] as Op[], bytes: 0 };
  for (const op of ops) {
    if (current.ops.length > 0 && current.bytes + op.bytes > REQUEST_LIMIT_BYTES) {
      batches.push(current);
      current = { ops: [], bytes: 0 };
    }
    current.ops.push(op);
    current.bytes += op.bytes;
  }
  if (current.ops.length > 0) batches.push(current);
  return batches;
}

/** Make a sheet of an earlier generation blank again, keeping its place and the references to it. */
function clearSheet(ws: Excel.Worksheet, features: ExcelFeatures): void {
  ws.protection.unprotect();
  for (const t of ws.tables.items) t.convertToRange();
  for (const c of ws.charts.items) c.delete();
  if (features.conditionalFormats) ws.getRange().conditionalFormats.clearAll();
  if (features.dataValidation) ws.getRange().dataValidation.clear();
  ws.getRange().clear();
}

/** A table name nobody else holds (a sheet the plan does not touch may keep an old one): `Duban_Ledger_3`, else `Duban_Ledger_3_2`… */
function freeTableName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function sheetOps(context: Excel.RequestContext, sheet: SheetPlan, existing: Excel.Worksheet | null, features: ExcelFeatures, takenTableNames: Set<string>): Op[] {
  let ws: Excel.Worksheet | null = existing;
  const get = (): Excel.Worksheet => ws as Excel.Worksheet;
  const ops: Op[] = [];
  const op = (payload: unknown, run: () => void): void => {
    ops.push({ bytes: sizeOf(payload), run });
  };
  const width = sheet.columns.length;
  const n = sheet.rows.length;

  op(sheet.name, () => {
    // A reused sheet was cleared above: it keeps its position and other sheets' references to it.
    ws ??= context.workbook.worksheets.add(sheet.name);
    if (sheet.tabColor) ws.tabColor = sheet.tabColor;
  });

  sheet.columns.forEach((c, i) => {
    const letter = columnLetter(i);
    op(c.width, () => {
      get().getRange(`${letter}:${letter}`).format.columnWidth = c.width * POINTS_PER_CHAR;
    });
    if (n > 0 && (c.numberFormat || c.wrap)) {
      const formats = Array.from({ length: n }, () => [c.numberFormat ?? 'General']);
      op(formats, () => {
        const range = get().getRange(`${letter}2:${letter}${n + 1}`);
        if (c.numberFormat) range.numberFormat = formats;
        if (c.wrap) range.format.wrapText = true;
      });
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
    });
  }

  for (const chunk of rowChunks(sheet.rows)) {
    const formulas = chunk.rows.map((row) => sheet.columns.map((_, i) => officeCellValue(row[i] ?? null)));
    op(formulas, () => {
      get().getRange(rangeAddress(chunk.start + 1, 0, chunk.rows.length, width)).formulas = formulas;
    });
  }

  for (const extra of sheet.extraCells ?? []) {
    const value = [[officeCellValue(extra.cell)]];
    op(value, () => {
      const range = get().getRange(extra.address);
      if (extra.numberFormat) range.numberFormat = [[extra.numberFormat]];
      range.formulas = value;
      if (extra.bold) range.format.font.bold = true;
    });
  }

  for (const block of sheet.blocks ?? []) {
    const { row, col } = parseAddress(block.at);
    const height = block.cells.length;
    const blockWidth = Math.max(...block.cells.map((r) => r.length));
    const formulas = block.cells.map((r) => Array.from({ length: blockWidth }, (_, j) => officeCellValue(r[j] ?? null)));
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
    });
  }
  if (sheet.hidden) op('hidden', () => void (get().visibility = 'Hidden'));
  for (const chart of sheet.charts ?? []) op(chart, () => addChart(get(), chart));
  if (sheet.table && n > 0) {
    const table = sheet.table;
    op(table, () => {
      const t = get().tables.add(rangeAddress(0, 0, n + 1, width), true);
      t.name = freeTableName(table.name, takenTableNames);
      t.style = table.style;
    });
  }
  if (features.dataValidation) for (const v of sheet.validations) op(v, () => applyValidation(get(), v));
  if (features.conditionalFormats) for (const cf of sheet.conditionalFormats) op(cf, () => applyConditionalFormat(get(), cf));

  if (sheet.protect) {
    const fillColumns = sheet.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.role === 'fill');
    op(fillColumns.length, () => {
      if (n > 0) for (const { i } of fillColumns) get().getRange(rangeAddress(1, i, n, 1)).format.protection.locked = false;
      // No password: protection prevents accidents; a password is never stored.
      get().protection.protect({ allowAutoFilter: true, allowFormatColumns: true, allowFormatRows: true, allowSort: false });
    });
  }
  if (sheet.freeze.rows + sheet.freeze.columns > 0) {
    op(sheet.freeze, () => {
      const panes = get().freezePanes;
      if (sheet.freeze.columns === 0) panes.freezeRows(sheet.freeze.rows);
      else if (sheet.freeze.rows === 0) panes.freezeColumns(sheet.freeze.columns);
      else panes.freezeAt(get().getRange(rangeAddress(0, 0, sheet.freeze.rows, sheet.freeze.columns)));
    });
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

function addChart(ws: Excel.Worksheet, plan: ChartPlan): void {
  const chart = ws.charts.add(plan.type === 'bar' ? 'BarClustered' : 'Pie', ws.getRange(plan.values), 'Auto');
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
    f.iconSet.criteria = [
      {} as Excel.ConditionalIconCriterion,
      { type: 'Number', operator: 'GreaterThanOrEqual', formula: `=${cf.thresholds[0]}` },
      { type: 'Number', operator: 'GreaterThanOrEqual', formula: `=${cf.thresholds[1]}` },
    ];
  }
}
