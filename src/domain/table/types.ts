/** Task-list tables (分工表, DESIGN §3 "Task-list tables"): what every source hands the reader. */

/** A merged area, 0-based and inclusive, in the grid's own rows and columns. */
export type CellSpan = { top: number; left: number; bottom: number; right: number };

/**
 * One table as cell text: an Excel sheet, a CSV file, a Word table. Cells hold the text a reader
 * sees (dates already written as text); merged areas hold their text in the top-left cell only,
 * as every source stores them.
 */
export type Grid = {
  /** How the table is named to the user: `工作表“分工表”`, `表 2`. */
  name: string;
  rows: string[][];
  merges: CellSpan[];
  /** 1-based sheet row of `rows[0]` (a used range or a selection may start lower). @default 1 */
  firstRow?: number;
};

/** What a column holds, by its header (DESIGN §3 aliases). */
export type ColumnKind = 'id' | 'task' | 'lead' | 'responsible' | 'support' | 'guide' | 'deadline' | 'section';

/** The Chinese name of each kind, as the overview and the pane say how a column was understood. */
export const COLUMN_LABEL: Record<ColumnKind, string> = {
  id: '编号',
  task: '任务',
  lead: '牵头单位',
  responsible: '责任单位',
  support: '配合单位',
  guide: '指导单位',
  deadline: '完成时限',
  section: '板块',
};

/**
 * How a column's meaning was found: its header (an alias or a header word such as …部门), its content
 * (cells that are lists of units, the longest texts, dates), or the user (`--columns`, the pane's picker).
 */
export type ColumnBasis = 'header' | 'content' | 'user';

/** One column of a table as understood: `牵头部门 → 牵头单位`; `as` is null for a column not used. `by` is absent for `header`. */
export type ColumnReading = { header: string; as: ColumnKind | null; by?: Exclude<ColumnBasis, 'header'> };

/** The user's reading of a column, which wins over header and content: `任务=改革举措`; `as: null` leaves the column unused. */
export type ColumnChoice = { header: string; as: ColumnKind | null };

/** One table that was read: where its header is and how each column was understood. */
export type TableReading = {
  name: string;
  /** 1-based row of the header (in the sheet, for a sheet). */
  headerRow: number;
  /** Task rows read. */
  tasks: number;
  columns: ColumnReading[];
};

/** Where a notice document came from: added to `duban.notice/1` as `input` for tables. */
export type TableSource = {
  kind: 'table';
  format: 'xlsx' | 'csv' | 'docx' | 'sheet';
  tables: TableReading[];
};

/** A table's header row as found: by aliases and header words, the user's choices, then content. */
export type HeaderMatch = {
  /** 0-based row of the header in the grid. */
  row: number;
  /** Column index → kind; the first column of each kind wins, later ones of the same kind are not used. */
  kinds: Map<number, ColumnKind>;
  /** Columns whose kind came from their content or from the user rather than from their header. */
  by: Map<number, 'content' | 'user'>;
  score: number;
};
