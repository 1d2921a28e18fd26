import type { DateSystem } from '../time/isoDate';

/**
 * A sheet's values as read back from a workbook (either adapter): numbers (dates as Excel
 * serials, in the workbook's date system), text, booleans, or null for empty. Formula cells give
 * their last computed value.
 */
export type SheetValue = string | number | boolean | null;

export type SheetData = {
  name: string;
  /** Row-major, row 0 is the header row; trailing empty rows are dropped. */
  rows: SheetValue[][];
  /** Merged ranges (`H5:I6`), where the reader can tell. */
  merges?: string[];
  /** Zero-based indexes of hidden columns, where the reader can tell. */
  hiddenColumns?: number[];
  /** A1 addresses of formula cells, for the sheets whose formulas matter (汇总's =TODAY()). */
  formulaCells?: string[];
  /**
   * Cells holding more than a value, where the reader can tell: a comment, a hyperlink target, a
   * formula (with whether the file holds its computed value). A rebuild that rewrites the sheet
   * would lose these.
   */
  marks?: CellMark[];
  /**
   * A1 addresses of number cells shown as a percentage (`76.5%` typed in Excel, WPS or LibreOffice
   * is stored as 0.765 with a percent format), for the sheets in PERCENT_AWARE_SHEETS.
   */
  percentCells?: string[];
  /**
   * Conditional-format rules as read: each rule's range and its formula (`$P2="逾期"`), or for a rule
   * without one its kind (`dataBar`, `cellIs greaterThan 5`). Readers that cannot see them leave it out.
   */
  conditionalFormats?: Array<{ range: string; rule: string }>;
};

export type CellMark = {
  /** A1 address. */
  address: string;
  /** Zero-based row and column, as in `rows`. */
  row: number;
  col: number;
  /** `format`: text whose parts a person formatted apart (a bold or red part): the text is kept, the formatting not. */
  kind: 'comment' | 'hyperlink' | 'formula' | 'format';
  /** The formula (without `=`), the link target, or the formatted text. */
  detail: string;
  /** For a formula: whether the file holds a computed value. */
  cached?: boolean;
};

/** Sheets whose formula cells readers report: a computed =TODAY() is not a date the user typed. */
export const FORMULA_AWARE_SHEETS: ReadonlySet<string> = new Set(['汇总']);

/** Sheets whose percent-formatted cells readers report: a `%` typed into 量化指标's 完成值 (DESIGN §12). */
export const PERCENT_AWARE_SHEETS: ReadonlySet<string> = new Set(['量化指标']);

/**
 * Whether a number format shows a percentage: a `%` outside quotes and escapes (`0.0%`, not `0"%"`).
 * @example isPercentFormat('0.0%') //=> true
 * @example isPercentFormat('0.0"%"') //=> false
 */
export function isPercentFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  return /%/.test(format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, ''));
}

export type WorkbookData = {
  sheets: SheetData[];
  /** What the workbook's date serials count from (`date1904`). @default 1900 */
  dateSystem?: DateSystem;
};

/** The date system a workbook's serials are in: 1900 unless the reader found 1904. */
export const dateSystemOf = (book: WorkbookData): DateSystem => book.dateSystem ?? 1900;

/** A cell as trimmed text ('' for empty): how headers, ids and names are compared. */
export const cellText = (v: SheetValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());
