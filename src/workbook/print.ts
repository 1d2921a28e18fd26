import type { Cell, PrintPlan, SheetPlan } from './plan';

/**
 * Paper (DESIGN §5): the page header's 统计日期 and row heights sized to wrapped text. Both
 * adapters apply what these compute; neither Excel nor LibreOffice grows a row on open, so a row
 * of long 任务内容 either gets its height here or prints cut to one line.
 */

/** Points a line of 11-point text takes, Chinese glyphs included (Excel's default row is 15). */
export const LINE_POINTS = 15;
/** Excel's largest row height. */
const MAX_ROW_POINTS = 409;

/** Literal text in a header or footer: `&` starts a code there, so a literal one is doubled. */
export const headerText = (s: string): string => s.replace(/&/g, '&&');

/** The right of every page header: a fixed 统计日期, or the print date (`&D`) when 统计日期 is =TODAY(). */
export function asOfHeader(asOf: string | null): string {
  return asOf === null ? '统计日期：&D' : `统计日期：${asOf}`;
}

/** A sheet's page setup with the as-of header; `left` names the unit or the sheet. */
export function printSetup(left: string, asOf: string | null, setup: Omit<PrintPlan, 'header'>): PrintPlan {
  return { ...setup, header: { left: headerText(left), right: asOfHeader(asOf) } };
}

/**
 * Width of text in column-width units (the width of `0`): a Chinese character or full-width
 * mark is about two, everything else one.
 * @example textUnits('市财政局A') //=> 9
 */
export function textUnits(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return n;
}

/**
 * Lines a text wraps to in a column `width` characters wide; each line break starts a line.
 * @example linesIn('一二三四五六七八九十', 11) //=> 2
 */
export function linesIn(s: string, width: number): number {
  // A cell keeps about one character of padding; never less than one character a line.
  const room = Math.max(2, width - 1);
  return s.split(/\r?\n/).reduce((n, line) => n + Math.max(1, Math.ceil(textUnits(line) / room)), 0);
}

const cellString = (c: Cell): string => (c !== null && c.t === 'text' ? c.v : '');

/** Height in points of a row whose wrapped columns hold these texts (unwrapped ones take one line). */
export function rowHeight(texts: ReadonlyArray<{ text: string; width: number; wrap: boolean }>): number {
  const lines = Math.max(1, ...texts.map((t) => (t.wrap ? linesIn(t.text, t.width) : 1)));
  return Math.min(MAX_ROW_POINTS, lines * LINE_POINTS + 3);
}

/** Heights of the header row and every data row of a table-shaped sheet. */
export function fitRowHeights(sheet: SheetPlan): number[] {
  const header = rowHeight(sheet.columns.map((c) => ({ text: c.header, width: c.width, wrap: true })));
  const rows = sheet.rows.map((cells) => rowHeight(sheet.columns.map((c, i) => ({ text: cellString(cells[i] ?? null), width: c.width, wrap: c.wrap === true }))));
  return [header, ...rows];
}

/**
 * A generated sheet made ready for paper: its header's 统计日期 and its rows' heights. Builders
 * that do not know the as-of date leave the header's right side to this.
 */
export function forPaper(sheet: SheetPlan, asOf: string | null): SheetPlan {
  if (!sheet.print) return sheet;
  const print = { ...sheet.print, header: { ...sheet.print.header, right: asOfHeader(asOf) } };
  const tabular = sheet.columns.some((c) => c.header !== '');
  return tabular ? { ...sheet, print, rowHeights: fitRowHeights(sheet) } : { ...sheet, print };
}
