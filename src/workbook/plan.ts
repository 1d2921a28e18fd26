/**
 * The WorkbookPlan: plain data describing a workbook, built by pure functions from domain data
 * and applied by two thin adapters (Office.js inside Excel, exceljs for .xlsx files).
 * Addresses are A1 strings relative to the sheet; sheets are found by `key`, never by position.
 */

/** A cell. Text is always text (a leading `=` stays visible); formulas are explicit. */
export type Cell =
  | { t: 'text'; v: string }
  | { t: 'number'; v: number }
  /** An ISO date `YYYY-MM-DD`, written as a date serial with a date format. */
  | { t: 'date'; v: string }
  /** A formula without the leading `=`, using classic functions only (DESIGN §5). */
  | { t: 'formula'; f: string }
  | null;

export type ColumnRole = 'generated' | 'fill' | 'formula';

export type ColumnPlan = {
  header: string;
  /** Width in characters (Excel's column width unit). */
  width: number;
  role: ColumnRole;
  /** Excel number format: `@` text, `yyyy-mm-dd` dates, `0.0%`… @default 'General' */
  numberFormat?: string;
  wrap?: boolean;
  /** Background of the column's data cells (the columns a unit fills in are shaded). */
  shade?: string;
};

export type ValidationPlan =
  | { range: string; type: 'list'; values: string[]; prompt: string; error: string }
  | { range: string; type: 'date'; min: string; max: string; prompt: string; error: string };

export type ConditionalFormatPlan =
  /** Colour cells where a formula (relative to the range's top-left cell) is true. */
  | { range: string; type: 'expression'; formula: string; fill: string; fontColor?: string }
  | { range: string; type: 'dataBar'; color: string }
  /** Icons only, never the number beside them (the 灯 column holds 1/2/3 only to pick an icon). */
  | { range: string; type: 'iconSet'; icons: 'trafficLights'; thresholds: [number, number] };

export type SheetPlan = {
  /** Stable key code uses: `tasks`, `targets`, `matrix`, `directory`, `summary`, `ledger:<unit>`. */
  key: string;
  name: string;
  columns: ColumnPlan[];
  /** Data rows under the header row, one Cell per column. */
  rows: Cell[][];
  /** Extra cells outside the table (parameters), by address. */
  extraCells?: Array<{ address: string; cell: Cell; bold?: boolean; numberFormat?: string; fill?: string; fontColor?: string }>;
  /** Rectangular blocks outside the table (totals, summary tables), each written as one 2-D array. */
  blocks?: BlockPlan[];
  /** Hidden helper sheet (the row index the summary formulas count over). @default false */
  hidden?: boolean;
  /** Charts; only Excel draws them (exceljs cannot write charts). */
  charts?: ChartPlan[];
  freeze: { rows: number; columns: number };
  /** An Excel table over the header and data rows. */
  table?: { name: string; style: string };
  validations: ValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  /** Protect the sheet; the `fill` columns' data cells stay unlocked. No password is ever stored. */
  protect: boolean;
  tabColor?: string;
  /** How the sheet prints (DESIGN §5); absent on hidden helper sheets. */
  print?: PrintPlan;
  /**
   * Row heights in points, index 0 the header row (row 1): sized to the wrapped text, since
   * neither Excel nor LibreOffice grows rows on open. Absent rows keep the default height.
   */
  rowHeights?: number[];
};

/**
 * Page setup, applied by both adapters: A4, the orientation, fit to one page wide (pages down as
 * needed) or not, rows and columns repeated on every page, a header naming the sheet's unit and
 * 统计日期, and the footer `第 &P 页 共 &N 页`.
 */
export type PrintPlan = {
  orientation: 'portrait' | 'landscape';
  /** Every column on one page across, as many pages down as needed. When false, pages go across too. */
  fitToWidth: boolean;
  /** 1-based first and last rows printed at the top of every page. */
  titleRows?: [number, number];
  /**
   * 0-based first and last columns printed at the left of every page across. Only for a sheet
   * that is not fitted to one page wide: on a fitted one they mean nothing, and LibreOffice then
   * takes six times as long to open the workbook (measured on the seed: 15 s → 100 s).
   */
  titleColumns?: [number, number];
  /** Header text: left (the unit or the sheet's subject) and right (统计日期), plain text. */
  header: { left: string; right: string; center?: string };
  /** 1-based rows that begin a new page (催办单: one unit a page). */
  rowBreaks?: number[];
};

/** The page footer of every printed sheet (Excel's codes: &P page, &N pages). */
export const PRINT_FOOTER = '第 &P 页 共 &N 页';

export type BlockPlan = {
  /** Top-left address. */
  at: string;
  cells: Cell[][];
  /** Number format per column of the block; null leaves General. */
  numberFormats?: Array<string | null>;
  /** Make the block's first row bold (a header). */
  boldFirstRow?: boolean;
  /** Block columns (0-based) whose data cells wrap their text (long names in a narrow column). */
  wrapColumns?: number[];
};

export type ChartPlan = {
  type: 'bar' | 'pie' | 'line';
  title: string;
  /** Category labels and values, as same-length single-column (or single-row) ranges. */
  categories: string;
  values: string;
  /** Top-left cell where the chart is placed. */
  anchor: string;
};

export type DefinedNamePlan = { name: string; sheetKey: string; address: string };

export type WorkbookPlan = {
  sheets: SheetPlan[];
  names: DefinedNamePlan[];
  /** Sheets of an earlier generation to delete: ledgers of units no longer assigned, with nothing typed in them. */
  removeSheets?: string[];
  /**
   * Single cells of a sheet the plan does not rewrite, set in place, the rest of the sheet untouched:
   * the 完成值/更新日期 a merge takes into 量化指标 (whose formulas and layout stay as built).
   */
  cellEdits?: CellEdit[];
  /** What the plan changed to keep to Excel's rules (text cut to a cell's 32 767 characters). Adapters ignore it; callers report it. */
  warnings?: PlanWarning[];
};

export type CellEdit = {
  sheet: string;
  address: string;
  cell: Cell;
  /** A number format the cell must take (`General` for a `76.5%` written back as 76.5); else it keeps its own. */
  numberFormat?: string;
};

export type PlanWarning = { code: 'CELL_TEXT_CUT'; sheet: string; cell: string; task: string | null; length: number };

export const text = (v: string): Cell => ({ t: 'text', v });
export const num = (v: number): Cell => ({ t: 'number', v });
export const date = (v: string | null): Cell => (v === null ? null : { t: 'date', v });
export const formula = (f: string): Cell => ({ t: 'formula', f });

export const DATE_FORMAT = 'yyyy-mm-dd';

/**
 * Protection both adapters set (DESIGN §5, 填报说明): no password; a unit may insert rows (several
 * measures for one task) and columns, format rows and columns and filter, so it never has to unprotect.
 */
export const PROTECTION_ALLOWS = { insertRows: true, insertColumns: true, formatRows: true, formatColumns: true, autoFilter: true, sort: false } as const;

/** Unlocked columns right of a protected table that has fill columns, where a unit adds its own (联系电话). */
export const SPARE_COLUMNS = { count: 5, width: 12 } as const;

/** The 0-based indexes of a sheet's spare unlocked columns; none when nothing on it is filled in. */
export function spareColumnsOf(sheet: Pick<SheetPlan, 'protect' | 'columns'>): number[] {
  if (!sheet.protect || !sheet.columns.some((c) => c.role === 'fill')) return [];
  return Array.from({ length: SPARE_COLUMNS.count }, (_, i) => sheet.columns.length + i);
}
export const TEXT_FORMAT = '@';
