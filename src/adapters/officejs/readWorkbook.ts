import { FORMULA_AWARE_SHEETS, PERCENT_AWARE_SHEETS, isPercentFormat, type CellMark, type SheetValue, type WorkbookData } from '../../domain/grid/sheetData';
import { columnLetter, parseAddress, rangeAddress } from '../../domain/grid/a1';
import { formattedInParts } from '../../domain/ledger/formatsLost';
import { loadDateSystem } from './dateSystem';
import { errorCode } from './runExcel';

/** Sheets a regeneration from a notice never needs to read: they are rebuilt from the notice alone (汇总 is read for its parameters). */
export const GENERATED_ONLY: ReadonlySet<string> = new Set(['任务清单', '责任矩阵', '校验结果', '_台账索引']);

/** 更新分工 reads 任务清单 too: the office's master. */
export const TASKLIST_AND_FILLED: ReadonlySet<string> = new Set(['责任矩阵', '校验结果', '_台账索引']);

/** The changes preview also reads 责任矩阵: the assignments of the last generation, which 更新分工's edits are compared with. */
export const PREVIEW_READ: ReadonlySet<string> = new Set(['校验结果', '_台账索引']);

/**
 * The most cells one read asks for, whatever their size: a response carries each cell as JSON.
 * 30 000 short ledger cells are about 3 MB.
 */
export const CELLS_PER_READ = 30_000;

/**
 * What a read aims to get back. Excel on the web rejects responses over 5 MB; what a cell costs
 * depends on its text (a cell holds up to 32 767 characters), so reads are sized by the bytes the
 * previous reads returned per cell, and a read that is still refused is split and retried alone.
 */
export const RESPONSE_BUDGET_BYTES = 3 * 1024 * 1024;

/** What Excel on the web answers when a response would exceed its limit. */
const RESPONSE_TOO_LARGE = 'ResponsePayloadSizeLimitExceeded';

type Block = { sheet: number; row: number; col: number; rows: number; cols: number; range: Excel.Range; formulas?: boolean; formats?: boolean; links?: OfficeExtension.ClientResult<Excel.CellProperties[][]> };

/** UTF-8 bytes of a value as JSON, without building the text (a response is JSON). */
function jsonBytes(v: unknown): number {
  if (typeof v === 'string') {
    let n = 2;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      n += c < 0x80 ? (c === 0x22 || c === 0x5c || c < 0x20 ? 2 : 1) : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 2 : 3;
    }
    return n;
  }
  return v === null || v === undefined ? 4 : String(v).length;
}

/** Bytes a block's answer carried: its values (and formulas), and each cell's properties (a link, text runs), as JSON. */
function blockBytes(b: Block): number {
  let n = 0;
  const grids = [b.range.values, ...(b.formulas ? [b.range.formulas] : []), ...(b.formats ? [b.range.numberFormat] : [])];
  for (const grid of grids) for (const row of (grid ?? []) as unknown[][]) for (const v of row) n += jsonBytes(v) + 1;
  // Text runs repeat a cell's text: a ledger of long texts answers twice its values.
  for (const row of b.links?.value ?? []) for (const cell of row) n += jsonBytes(JSON.stringify(cell)) + 1;
  return n;
}

/** Font properties a person sets on part of a text; the font name alone (one per script) is no formatting. */
const EMPHASIS = ['bold', 'italic', 'underline', 'strikethrough', 'color'] as const;

/** Text runs that differ in emphasis (a bold word, a red phrase). */
const formattedApart = (runs: readonly Excel.RangeTextRun[] | undefined): boolean => formattedInParts(runs, (run) => EMPHASIS.map((k) => run.font?.[k] ?? null));

/** A block in two: by rows, or, for one row, by columns; null when it is one cell. */
function halves(b: Block): [Block, Block] | null {
  const base = { sheet: b.sheet, range: null as unknown as Excel.Range };
  if (b.rows > 1) {
    const top = Math.ceil(b.rows / 2);
    return [
      { ...base, row: b.row, col: b.col, rows: top, cols: b.cols },
      { ...base, row: b.row + top, col: b.col, rows: b.rows - top, cols: b.cols },
    ];
  }
  if (b.cols > 1) {
    const left = Math.ceil(b.cols / 2);
    return [
      { ...base, row: b.row, col: b.col, rows: 1, cols: left },
      { ...base, row: b.row, col: b.col + left, rows: 1, cols: b.cols - left },
    ];
  }
  return null;
}

/**
 * Read the sheets that hold values: one sync for the sheet names, one for where each sheet's
 * values are, then the values in reads sized by what they return: each read asks for as many
 * cells as the bytes per cell measured so far fit into `RESPONSE_BUDGET_BYTES` (at most
 * `CELLS_PER_READ`); a read Excel refuses as too large is split in two and only it is retried.
 * One sync for the seed; the number of syncs grows with the workbook's bytes, not its sheets.
 * Values keep their sheet positions, as the xlsx reader gives them, and the workbook's date
 * system comes with the first sync when the host can say (`dateSystem`, ExcelApi 1.16).
 *
 * With `marks` (ExcelApi 1.10) it also reports what a rebuild would lose besides values, as the
 * xlsx reader does: formulas typed into cells, hyperlink targets (`getCellProperties`, in the same
 * syncs as the values) and comments (`workbook.comments` with their locations, one more sync when
 * there are any). Formulas are read for every sheet then, so each read carries half the cells.
 */
export async function readWorkbookInExcel(
  context: Excel.RequestContext,
  skip: ReadonlySet<string> = GENERATED_ONLY,
  options: { dateSystem?: boolean; cellsPerRead?: number; marks?: boolean; textRuns?: boolean; budgetBytes?: number } = {},
): Promise<WorkbookData & { syncs: number; reads: number; largestReadBytes: number }> {
  const marks = options.marks ?? false;
  // Text runs (ExcelApi 1.18) come with the links, on a rebuild's read only.
  const textRuns = marks && (options.textRuns ?? false);
  // Formulas and link properties (and text runs) come back beside the values: fewer cells per response.
  const cellsPerRead = Math.max(1, Math.floor((options.cellsPerRead ?? CELLS_PER_READ) / (textRuns ? 4 : marks ? 3 : 1)));
  const budget = options.budgetBytes ?? RESPONSE_BUDGET_BYTES;
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const dateSystem = loadDateSystem(context, options.dateSystem ?? false);
  await context.sync();
  const wanted = sheets.items.filter((ws) => !skip.has(ws.name));
  const used = wanted.map((ws) => ws.getUsedRangeOrNullObject(true).load('address'));
  const comments = marks ? context.workbook.comments.load('items/content') : null;
  // Conditional formats a person added are lost by a rebuild too (said, not stopped on): their kinds now, ranges and rules below.
  const formatLists = marks ? wanted.map((ws) => ws.getRange().conditionalFormats.load('items/type')) : [];
  await context.sync();
  // Where each comment sits: read with the values (or alone, when no sheet holds a value).
  const commentPlaces = (comments?.items ?? []).map((c) => ({ content: c.content, at: c.getLocation().load('address') }));
  // Each conditional format's range and, for a formula rule, its formula: read with the values too.
  const formatPlaces = formatLists.map((list) =>
    list.items.map((cf) => ({ type: String(cf.type), at: cf.getRangeOrNullObject().load('address'), rule: cf.type === 'Custom' ? cf.custom.rule.load('formula') : null })),
  );
  let syncs = 2;

  // Each sheet's used range as one block to start with; reads cut blocks to what fits.
  const pending: Block[] = [];
  const origin: Array<{ row: number; col: number } | null> = wanted.map(() => null);
  used.forEach((range, sheet) => {
    if (range.isNullObject) return;
    const [from, to] = (range.address.split('!').pop() as string).split(':') as [string, string | undefined];
    const start = parseAddress(from);
    const end = parseAddress(to ?? from);
    origin[sheet] = { row: start.row, col: start.col };
    pending.push({ sheet, row: start.row, col: start.col, rows: end.row - start.row + 1, cols: end.col - start.col + 1, range: null as unknown as Excel.Range });
  });
  const done: Block[] = [];
  // Bytes per cell: a guess until the first read says, then the largest seen (long texts cluster in ledgers).
  let measured: number | null = null;
  const perCellGuess = 100;
  let reads = 0;
  let largestReadBytes = 0;
  // Syncing per read is the one loop allowed: reads exist only to keep each response under the limit.
  while (pending.length > 0) {
    const read: Block[] = [];
    let room = Math.max(1, Math.min(cellsPerRead, Math.floor(budget / (measured ?? perCellGuess))));
    while (pending.length > 0 && room > 0) {
      const b = pending[0] as Block;
      const fit = Math.floor(room / b.cols);
      if (fit >= b.rows) {
        read.push(pending.shift() as Block);
        room -= b.rows * b.cols;
      } else if (fit >= 1) {
        // The rows that fit now; the rest waits for the next read.
        read.push({ ...b, rows: fit });
        pending[0] = { ...b, row: b.row + fit, rows: b.rows - fit };
        room = 0;
      } else if (read.length === 0) {
        const split = halves(b);
        if (!split) {
          read.push(pending.shift() as Block);
          room = 0;
        } else pending.splice(0, 1, ...split);
      } else room = 0;
    }
    for (const b of read) {
      const ws = wanted[b.sheet] as Excel.Worksheet;
      b.formulas = marks || FORMULA_AWARE_SHEETS.has(ws.name);
      // 量化指标's number formats say which 完成值 were typed with `%` (DESIGN §12).
      b.formats = PERCENT_AWARE_SHEETS.has(ws.name);
      b.range = ws.getRange(rangeAddress(b.row, b.col, b.rows, b.cols)).load(['values', ...(b.formulas ? ['formulas'] : []), ...(b.formats ? ['numberFormat'] : [])].join(','));
      if (marks) b.links = b.range.getCellProperties(textRuns ? { hyperlink: true, textRuns: true } : { hyperlink: true });
    }
    try {
      syncs++;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per response-sized read, not per row or sheet
      await context.sync();
    } catch (e) {
      if (errorCode(e) !== RESPONSE_TOO_LARGE) throw e;
      // Only this read is asked again, in smaller pieces; what was read before stays.
      const pieces = read.flatMap((b) => (read.length > 1 ? [{ ...b, range: null as unknown as Excel.Range }] : (halves(b) ?? [])));
      if (pieces.length === 0) throw e;
      pending.unshift(...pieces);
      measured = 2 * (measured ?? perCellGuess);
      continue;
    }
    reads++;
    const bytes = read.reduce((n, b) => n + blockBytes(b), 0);
    const cells = read.reduce((n, b) => n + b.rows * b.cols, 0);
    largestReadBytes = Math.max(largestReadBytes, bytes);
    measured = Math.max(measured ?? 0, bytes / cells, 8);
    done.push(...read);
  }

  if (done.length === 0 && (commentPlaces.length > 0 || formatPlaces.some((l) => l.length > 0))) {
    await context.sync();
    syncs++;
  }
  const commentsBySheet = new Map<string, CellMark[]>();
  for (const c of commentPlaces) {
    const [sheet, where] = splitAddress(c.at.address);
    const { row, col } = parseAddress(where.split(':')[0] as string);
    const list = commentsBySheet.get(sheet) ?? [];
    list.push({ address: `${columnLetter(col)}${row + 1}`, row, col, kind: 'comment', detail: c.content });
    commentsBySheet.set(sheet, list);
  }

  return {
    syncs,
    reads,
    largestReadBytes,
    dateSystem: dateSystem(),
    sheets: wanted.map((ws, index) => {
      const name = ws.name;
      const mine = done.filter((b) => b.sheet === index);
      const first = origin[index];
      if (!first || mine.length === 0) return { name, rows: [] };
      // Values at their sheet positions: a unit's own sheet may start below or right of A1.
      const rows: SheetValue[][] = Array.from({ length: first.row }, () => []);
      for (const b of mine) {
        (b.range.values as SheetValue[][]).forEach((line, r) => {
          const row = (rows[b.row + r] ??= Array.from({ length: first.col }, () => null));
          while (row.length < b.col) row.push(null);
          line.forEach((v, c) => (row[b.col + c] = v === '' ? null : v));
        });
      }
      for (let r = 0; r < rows.length; r++) rows[r] ??= [];
      const rules = (formatPlaces[index] ?? []).filter((f) => !f.at.isNullObject).map((f) => ({ range: splitAddress(f.at.address)[1], rule: f.rule ? f.rule.formula.replace(/^=/, '') : f.type }));
      const withMarks = marks ? { marks: [...(commentsBySheet.get(name) ?? []), ...blockMarks(mine)], ...(rules.length > 0 ? { conditionalFormats: rules } : {}) } : {};
      const withPercents = PERCENT_AWARE_SHEETS.has(name) ? { percentCells: percentCellsOf(mine) } : {};
      if (!FORMULA_AWARE_SHEETS.has(name)) return { name, rows, ...withMarks, ...withPercents };
      // A formula is a string starting with "=".
      const formulaCells: string[] = [];
      for (const b of [...mine].sort((x, y) => x.row - y.row || x.col - y.col)) (b.range.formulas as unknown[][]).forEach((row, r) => row.forEach((f, c) => typeof f === 'string' && f.startsWith('=') && formulaCells.push(`${columnLetter(b.col + c)}${b.row + r + 1}`)));
      return { name, rows, formulaCells, ...withMarks };
    }),
  };
}

/** Number cells of a sheet's blocks shown as a percentage. */
function percentCellsOf(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    const values = b.range.values as unknown[][];
    ((b.range.numberFormat ?? []) as unknown[][]).forEach((line, r) =>
      line.forEach((f, c) => {
        if (typeof values[r]?.[c] === 'number' && typeof f === 'string' && isPercentFormat(f)) out.push(`${columnLetter(b.col + c)}${b.row + r + 1}`);
      }),
    );
  }
  return out;
}

/** Formulas and hyperlink targets in a sheet's blocks. Excel always holds a formula's computed value. */
function blockMarks(blocks: readonly Block[]): CellMark[] {
  const out: CellMark[] = [];
  for (const b of blocks) {
    const links = b.links?.value ?? [];
    const values = b.range.values as unknown[][];
    (b.range.formulas as unknown[][]).forEach((line, r) =>
      line.forEach((f, c) => {
        const at = { address: `${columnLetter(b.col + c)}${b.row + r + 1}`, row: b.row + r, col: b.col + c };
        const link = links[r]?.[c]?.hyperlink;
        const target = link ? (link.address ?? link.documentReference ?? '') : '';
        if (target.length > 0) out.push({ ...at, kind: 'hyperlink', detail: target });
        const runs = links[r]?.[c]?.textRuns;
        if (formattedApart(runs)) out.push({ ...at, kind: 'format', detail: (runs ?? []).map((t) => t.text).join('') });
        // Text that only looks like a formula (typed as '=…) reads the same as values and formulas.
        if (typeof f === 'string' && f.startsWith('=') && values[r]?.[c] !== f) out.push({ ...at, kind: 'formula', detail: f.slice(1), cached: true });
      }),
    );
  }
  return out;
}

/** `'台账-市财政局'!B3` → ['台账-市财政局', 'B3'] (Excel quotes sheet names and doubles their quotes). */
function splitAddress(address: string): [string, string] {
  const bang = address.lastIndexOf('!');
  const sheet = address.slice(0, bang);
  const unquoted = sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
  return [unquoted, address.slice(bang + 1)];
}
