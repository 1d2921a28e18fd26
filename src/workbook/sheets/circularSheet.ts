import type { Circular, CircularTable } from '../../domain/report/circular';
import { attachmentLines } from '../../domain/report/circularText';
import { SHEET } from '../../domain/grid/names';
import { text, type Cell, type ColumnPlan, type SheetPlan } from '../plan';
import { LINE_POINTS, printSetup, rowHeight, textUnits } from '../print';

/**
 * Columns of the `通报` sheet. 附件1 (overdue tasks) takes A–F, 附件2 (units) C–L, so both tables
 * share one grid; body text is broken into lines that run across A–L.
 */
const WIDTHS = [6, 8, 30, 12, 11, 7, 7, 6, 6, 6, 6, 8];
const COLUMNS: ColumnPlan[] = WIDTHS.map((width, i) => ({ header: '', width, role: 'generated', wrap: i === 2 || i === 3 }));
/** Where each attachment's table starts (0-based column). */
const TABLE_START = [0, 2];
/** Body text per sheet line, in column-width units: narrower than A–L (113) so no line is cut at the page edge. */
const LINE_UNITS = 100;
const INDENT = '　　';

/**
 * Break a paragraph into lines of at most `units` (a Chinese character is two), the way the
 * printed page will show them: a sheet cell does not wrap across columns.
 * @example breakLines('一二三四五', 4) //=> ['一二', '三四', '五']
 */
export function breakLines(paragraph: string, units: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of paragraph) {
    if (line !== '' && textUnits(line + ch) > units) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

type Row = { cells: Cell[]; bold?: boolean; height?: number };
const line = (s: string, bold = false): Row => ({ cells: [text(s)], bold });

function tableRows(t: CircularTable, start: number): Row[] {
  const place = (values: string[]): Cell[] => [...Array<Cell>(start).fill(null), ...values.map(text)];
  const height = (values: string[]) => rowHeight(values.map((v, i) => ({ text: v, width: WIDTHS[start + i] ?? 8, wrap: COLUMNS[start + i]?.wrap === true })));
  return [{ cells: place(t.header), bold: true, height: height(t.header) }, ...t.rows.map((r) => ({ cells: place(r), height: height(r) })), ...(t.note ? [line(t.note)] : [])];
}

/**
 * The `通报` sheet (DESIGN §12): the circular's text, line by line, and its attachments as tables,
 * laid out to print on A4 portrait, every column on the page. Values only: a 通报 is what was
 * written on its date; the office edits it, or the Word file `duban report` writes.
 */
export function circularSheet(c: Circular): SheetPlan {
  const rows: Row[] = [line(c.title, true), line(''), line(c.addressees)];
  for (const b of c.body) {
    if (b.kind === 'heading') rows.push(line(`${INDENT}${b.text}`, true));
    else rows.push(...breakLines(`${INDENT}${b.lead ?? ''}${b.text}`, LINE_UNITS).map((s) => line(s)));
  }
  rows.push(line(''), ...attachmentLines(c).map((s) => line(`${INDENT}${s}`)), line(''), line(c.signature.issuer), line(c.signature.date));
  const breaks: number[] = [];
  c.attachments.forEach((t, i) => {
    // Sheet rows are 1-based and the plan's rows start at row 2: the attachment begins a page.
    breaks.push(rows.length + 2);
    rows.push(line(`附件${i + 1}`, true), line(t.title, true), ...tableRows(t, TABLE_START[i] ?? 0), line(''));
  });
  return {
    key: SHEET.circular.key,
    name: SHEET.circular.name,
    columns: COLUMNS,
    rows: rows.map((r) => r.cells),
    extraCells: rows.flatMap((r, i) => (r.bold ? r.cells.map((cell, col) => ({ address: `${String.fromCharCode(65 + col)}${i + 2}`, cell, bold: true })).filter((x) => x.cell !== null) : [])),
    rowHeights: [LINE_POINTS + 3, ...rows.map((r) => r.height ?? LINE_POINTS + 3)],
    freeze: { rows: 0, columns: 0 },
    validations: [],
    conditionalFormats: [],
    protect: false,
    print: { ...printSetup('通报', c.asOf, { orientation: 'portrait', fitToWidth: true }), rowBreaks: breaks },
  };
}
