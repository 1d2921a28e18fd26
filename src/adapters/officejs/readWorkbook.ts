import { FORMULA_AWARE_SHEETS, type CellMark, type SheetValue, type WorkbookData } from '../../domain/grid/sheetData';
import { columnLetter, parseAddress, rangeAddress } from '../../domain/grid/a1';
import { loadDateSystem } from './dateSystem';

/** Sheets a regeneration from a notice never needs to read: they are rebuilt from the notice alone (汇总 is read for its parameters). */
export const GENERATED_ONLY: ReadonlySet<string> = new Set(['任务清单', '责任矩阵', '校验结果', '_台账索引']);

/** 更新分工 reads 任务清单 too: the office's master. */
export const TASKLIST_AND_FILLED: ReadonlySet<string> = new Set(['责任矩阵', '校验结果', '_台账索引']);

/** The changes preview also reads 责任矩阵: the assignments of the last generation, which 更新分工's edits are compared with. */
export const PREVIEW_READ: ReadonlySet<string> = new Set(['校验结果', '_台账索引']);

/**
 * Cells read in one response. Excel on the web limits responses to 5 MB as it does requests; a
 * ledger cell averages well under 100 bytes as JSON (long 具体措施 text is the exception), so
 * 30 000 cells keep a response near 3 MB. The number of syncs grows only with the workbook's size.
 */
export const CELLS_PER_READ = 30_000;

type Block = { sheet: number; row: number; col: number; rows: number; cols: number; range: Excel.Range; links?: OfficeExtension.ClientResult<Excel.CellProperties[][]> };

/**
 * Read the sheets that hold values: one sync for the sheet names, one for where each sheet's
 * values are, then the values in blocks of rows kept under `CELLS_PER_READ` cells per sync
 * (one sync for the seed). Values keep their sheet positions, as the xlsx reader gives them, and
 * the workbook's date system comes with the first sync when the host can say (`dateSystem`,
 * ExcelApi 1.16).
 *
 * With `marks` (ExcelApi 1.10) it also reports what a rebuild would lose besides values, as the
 * xlsx reader does: formulas typed into cells, hyperlink targets (`getCellProperties`, in the same
 * syncs as the values) and comments (`workbook.comments` with their locations, one more sync when
 * there are any). Formulas are read for every sheet then, so each read carries half the cells.
 */
export async function readWorkbookInExcel(
  context: Excel.RequestContext,
  skip: ReadonlySet<string> = GENERATED_ONLY,
  options: { dateSystem?: boolean; cellsPerRead?: number; marks?: boolean } = {},
): Promise<WorkbookData & { syncs: number }> {
  const marks = options.marks ?? false;
  // Formulas and link properties come back beside the values: fewer cells per response.
  const cellsPerRead = Math.max(1, Math.floor((options.cellsPerRead ?? CELLS_PER_READ) / (marks ? 3 : 1)));
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const dateSystem = loadDateSystem(context, options.dateSystem ?? false);
  await context.sync();
  const wanted = sheets.items.filter((ws) => !skip.has(ws.name));
  const used = wanted.map((ws) => ws.getUsedRangeOrNullObject(true).load('address'));
  const comments = marks ? context.workbook.comments.load('items/content') : null;
  await context.sync();
  // Where each comment sits: read with the values (or alone, when no sheet holds a value).
  const commentPlaces = (comments?.items ?? []).map((c) => ({ content: c.content, at: c.getLocation().load('address') }));
  let extraSyncs = 0;

  // Split every used range into row blocks, then group blocks into reads under the cell budget.
  const blocks: Block[] = [];
  used.forEach((range, sheet) => {
    if (range.isNullObject) return;
    const [from, to] = (range.address.split('!').pop() as string).split(':') as [string, string | undefined];
    const start = parseAddress(from);
    const end = parseAddress(to ?? from);
    const cols = end.col - start.col + 1;
    const rowsPerBlock = Math.max(1, Math.floor(cellsPerRead / cols));
    for (let row = start.row; row <= end.row; row += rowsPerBlock) {
      const rows = Math.min(rowsPerBlock, end.row - row + 1);
      blocks.push({ sheet, row, col: start.col, rows, cols, range: null as unknown as Excel.Range });
    }
  });
  const reads: Block[][] = [];
  let current: Block[] = [];
  let cells = 0;
  for (const b of blocks) {
    if (current.length > 0 && cells + b.rows * b.cols > cellsPerRead) {
      reads.push(current);
      current = [];
      cells = 0;
    }
    current.push(b);
    cells += b.rows * b.cols;
  }
  if (current.length > 0) reads.push(current);
  // Syncing per read is the one loop allowed: reads exist only to keep each response under the limit.
  for (const read of reads) {
    for (const b of read) {
      const ws = wanted[b.sheet] as Excel.Worksheet;
      b.range = ws.getRange(rangeAddress(b.row, b.col, b.rows, b.cols)).load(marks || FORMULA_AWARE_SHEETS.has(ws.name) ? 'values,formulas' : 'values');
      if (marks) b.links = b.range.getCellProperties({ hyperlink: true });
    }
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ~3 MB response, not per row or sheet
    await context.sync();
  }

  if (reads.length === 0 && commentPlaces.length > 0) {
    await context.sync();
    extraSyncs = 1;
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
    syncs: 2 + reads.length + extraSyncs,
    dateSystem: dateSystem(),
    sheets: wanted.map((ws, index) => {
      const name = ws.name;
      const mine = blocks.filter((b) => b.sheet === index);
      const first = mine[0];
      if (!first) return { name, rows: [] };
      // A unit's own sheet may start below or right of A1: pad so indexes are sheet positions.
      const pad = (row: SheetValue[]): SheetValue[] => [...Array.from({ length: first.col }, () => null), ...row];
      const rows: SheetValue[][] = [...Array.from({ length: first.row }, () => []), ...mine.flatMap((b) => (b.range.values as SheetValue[][]).map((row) => pad(row.map((v) => (v === '' ? null : v)))))];
      const withMarks = marks ? { marks: [...(commentsBySheet.get(name) ?? []), ...blockMarks(mine)] } : {};
      if (!FORMULA_AWARE_SHEETS.has(name)) return { name, rows, ...withMarks };
      // A formula is a string starting with "=".
      const formulaCells: string[] = [];
      for (const b of mine) (b.range.formulas as unknown[][]).forEach((row, r) => row.forEach((f, c) => typeof f === 'string' && f.startsWith('=') && formulaCells.push(`${columnLetter(b.col + c)}${b.row + r + 1}`)));
      return { name, rows, formulaCells, ...withMarks };
    }),
  };
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
