import type { Finding } from '../domain/validation/findings';
import type { Grid } from '../domain/table/types';
import type { TableInput } from '../domain/table/readTaskTables';
import type { PendingPlace } from '../domain/summary/pendingPlaces';

export type { PendingPlace };

/** Progress of a long operation, for the task pane's progress bar. */
export type Progress = { step: string; done: number; total: number };

export type GenerateResult = {
  sheets: number;
  ledgers: number;
  syncs: number;
  keptRows: number;
  removedRows: number;
  /** What was written differently from what was asked (a sheet name changed, text cut, a 统计日期 that was no date). */
  notes?: string[];
};

/**
 * What an update would change, shown before anything is applied (DESIGN §5): a new notice's task
 * diff, or for 更新分工 the findings in 任务清单 and the ledger rows that move.
 */
export type UpdatePreview = {
  /** `新增任务 1 项，修改 2 项，移出 1 项；已填写的台账行移动 3 行…` */
  headline: string;
  /** The whole preview as lines of text. */
  lines: string[];
  movedRows: number;
  /** Nothing would change (no task added, changed or removed, no ledger row moved): there is nothing to apply. */
  unchanged: boolean;
  /** Problems found in 任务清单, each at its cell. */
  findings: Array<{ code: string; severity: Finding['severity']; sheet: string; cell: string; task: string; message: string }>;
  /** Why the update cannot be applied (a duplicated 任务编号, a ledger column that would be lost), or null. */
  blocked: string | null;
  /** It would move more tasks out than it keeps (`removalWarning`): perhaps another document, to add as a new source. */
  warning: string | null;
};

/** A validation finding as the pane lists it. */
export type PaneFinding = Omit<Finding, 'fix'> & { fixable: boolean };
export type ValidateResult = { asOf: string; errors: number; warnings: number; findings: PaneFinding[] };

export type SummaryResult = {
  asOf: string;
  tasks: number;
  done: number;
  overdue: number;
  dueSoon: number;
  completionRate: number | null;
  /** The office's queue (DESIGN §12): extension requests and 已完成 awaiting review, each at the cell to answer. */
  pending: PendingPlace[];
};

/** A unit 下发 can send to, with what a clerk chooses by (统计日期 of the workbook, else today). */
export type DistributionUnit = {
  unit: string;
  sheet: string;
  rows: number;
  overdue: number;
  dueSoon: number;
  /** No row of its ledger has anything filled in (every row 未填报, no 更新日期). */
  notReported: boolean;
};
export type DistributionUnits = { asOf: string; units: DistributionUnit[] };

/**
 * 下发: the round recorded, each chosen unit's file, and where the files went: `download` (one
 * `.xlsx`, or one `.zip` of several, in the browser's downloads, named in `saved`) or `opened` (new
 * unsaved workbook windows, desktop Excel). `cli` makes the same files with `duban split`.
 */
export type DistributeResult = {
  round: number;
  delivery: 'download' | 'opened';
  saved: string | null;
  files: Array<{ unit: string; file: string; rows: number }>;
  cli: string;
};
/** 回收: what the merge took, and each refused file with its one-line reason. */
export type CollectResult = {
  merged: number;
  cells: number;
  rowsAdded: number;
  conflicts: number;
  refused: Array<{ file: string; reason: string }>;
  /** Looks the merge did not carry (rich text, added conditional formats), a line each, file first; the values were merged. */
  formatsLost?: string[];
};

/** 生成催办单: how many units and rows the 催办单 sheet lists. */
export type RemindResult = { asOf: string; units: number; rows: number };

/** 生成通报: the 通报 sheet written; its text, paragraph by paragraph, for the pane to offer to copy. */
export type CircularResult = { asOf: string; title: string; text: string[] };

/** 存档本期: `clash` when 调度记录 already had this date and nothing was written (ask, then replace). */
export type SnapshotResult = {
  asOf: string;
  clash: boolean;
  replaced: boolean;
  /** 调度记录's rows, all dates. */
  rows: number;
  /** How many as-of dates (期) 调度记录 holds. */
  periods: number;
  /** The units of one period (each period is the whole plus one row a unit). */
  units: number;
};

/** What the open workbook holds, so each stage can say what to do first. */
export type WorkbookState = {
  /** An earlier generation is there (单位名录 or a 台账- sheet). */
  generated: boolean;
  ledgers: Array<{ unit: string; sheet: string }>;
  /**
   * The 事项来源 of 任务清单's tasks, in its order (DESIGN §13): what a notice may update. Empty when
   * 任务清单 holds no task; one, 分工通知, for a workbook from before the column.
   */
  sources: string[];
  /** 汇总's 统计日期 when a date is set there; null while it is =TODAY() (or holds no date, or there is no 汇总). */
  asOf: string | null;
  /** 汇总's 年度: the year of the notice the workbook was built from; null when unknown. */
  year: number | null;
};

/** The active sheet (or the selection) read as a task-list table, before anything is written. */
export type SheetTableRead = {
  sheet: string;
  /** The cells read: `A1:F130`. */
  address: string;
  grid: Grid;
  /** Why merged cells may read as their first cell only (an Excel before ExcelApi 1.13); null when they were read. */
  mergeNote: string | null;
};

/** An error the pane shows: `message` is plain Chinese with the next step, `detail` the host's own text. */
export class PaneError extends Error {
  constructor(
    message: string,
    readonly detail: string | null,
  ) {
    super(message);
  }
}

/**
 * What the task pane may ask of the workbook. Components receive it through props and hooks;
 * only src/adapters/officejs implements it with Excel.
 */
export type WorkbookHost = {
  /** null when the operations work; otherwise a plain Chinese reason (not in Excel, old Excel…). */
  unavailableReason: string | null;
  /** What will not work in this Excel (old requirement sets), in plain Chinese. */
  warnings: string[];
  /**
   * Build or regenerate the workbook from the notice text; typed ledger values are kept. `source`
   * is the 事项来源 it adds or replaces (`duban build --source`); null for the workbook's only
   * source, or a new workbook.
   */
  generate(noticeText: string, source: string | null, onProgress: (p: Progress) => void): Promise<GenerateResult>;
  /**
   * What applying this notice as `source` (see generate), or a task-list table, or with null the
   * edited 任务清单, to the open workbook would change; writes nothing.
   */
  previewUpdate(input: string | TableInput | null, source: string | null, onProgress: (p: Progress) => void): Promise<UpdatePreview>;
  /** 更新分工: rebuild matrix, ledgers and 汇总 from the workbook's edited 任务清单; typed ledger values are kept. */
  updateFromTaskList(onProgress: (p: Progress) => void): Promise<GenerateResult>;
  /** 从当前工作表读取: the active sheet's used range, or the selection, as a grid (one read; nothing written). */
  readSheetTable(from: 'sheet' | 'selection'): Promise<SheetTableRead>;
  /**
   * Build or regenerate the workbook from a task-list table read before (the source sheet is kept
   * untouched), as the 事项来源 `source` as generate takes it (null: the workbook's only source).
   */
  generateFromTable(table: TableInput, source: string | null, onProgress: (p: Progress) => void): Promise<GenerateResult>;
  /** 刷新汇总: rebuild 汇总 and its row index from the workbook as it is now, in one run. */
  refreshSummary(onProgress: (p: Progress) => void): Promise<SummaryResult>;
  /**
   * 统计日期: set 汇总!B1 (Duban_AsOf) to this date (`YYYY-MM-DD`) and rebuild 汇总 for it, as
   * 刷新汇总 does, in one run; the figures as of that date.
   */
  setAsOf(date: string, onProgress: (p: Progress) => void): Promise<SummaryResult>;
  /** 生成催办单: write the 催办单 sheet (one page per unit with 逾期/临期 rows). */
  remind(onProgress: (p: Progress) => void): Promise<RemindResult>;
  /** 生成通报: write the 通报 sheet (DESIGN §12) and return its text. */
  circular(onProgress: (p: Progress) => void): Promise<CircularResult>;
  /** 存档本期: append this as-of date to 调度记录; with `replace`, replace that date's rows. */
  snapshot(replace: boolean, onProgress: (p: Progress) => void): Promise<SnapshotResult>;
  /** 校验: read the workbook once, write 校验结果, return the findings. */
  validate(onProgress: (p: Progress) => void): Promise<ValidateResult>;
  /** Turn every fixable text date / text number into a real date / number, then validate again. */
  fixAndValidate(onProgress: (p: Progress) => void): Promise<ValidateResult>;
  /** Why 下发 cannot hand over files here and what to do instead (the CLI), or null. */
  distributeUnavailable: string | null;
  /** How 下发 hands over files here: saved as downloads, or opened as new windows to save by hand (desktop Excel). */
  distributeDelivery: 'download' | 'open' | null;
  /** The units 下发 can send to, with their 逾期/临期 rows and whether they have reported (one read). */
  distributionUnits(onProgress: (p: Progress) => void): Promise<DistributionUnits>;
  /** 下发: one file per chosen unit (all when `units` is empty), as `duban split` makes them; the round recorded in this workbook. */
  distribute(units: readonly string[], onProgress: (p: Progress) => void): Promise<DistributeResult>;
  /** 回收: merge files units sent back (chosen in a file picker) into this workbook. */
  collect(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>, onProgress: (p: Progress) => void): Promise<CollectResult>;
  /** Go to a finding's cell. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** What the workbook holds now (one light read). */
  describeWorkbook(): Promise<WorkbookState>;
};

export const NO_EXCEL_HOST: WorkbookHost = {
  unavailableReason: '当前不在 Excel 中运行：可以解析通知，生成工作簿需要在 Excel 中打开本加载项。',
  warnings: [],
  generate: () => Promise.reject(new Error('不在 Excel 中')),
  previewUpdate: () => Promise.reject(new Error('不在 Excel 中')),
  updateFromTaskList: () => Promise.reject(new Error('不在 Excel 中')),
  readSheetTable: () => Promise.reject(new Error('不在 Excel 中')),
  generateFromTable: () => Promise.reject(new Error('不在 Excel 中')),
  refreshSummary: () => Promise.reject(new Error('不在 Excel 中')),
  setAsOf: () => Promise.reject(new Error('不在 Excel 中')),
  remind: () => Promise.reject(new Error('不在 Excel 中')),
  circular: () => Promise.reject(new Error('不在 Excel 中')),
  snapshot: () => Promise.reject(new Error('不在 Excel 中')),
  validate: () => Promise.reject(new Error('不在 Excel 中')),
  fixAndValidate: () => Promise.reject(new Error('不在 Excel 中')),
  selectCell: () => Promise.reject(new Error('不在 Excel 中')),
  distributeUnavailable: '当前不在 Excel 中运行。',
  distributeDelivery: null,
  distributionUnits: () => Promise.reject(new Error('不在 Excel 中')),
  distribute: () => Promise.reject(new Error('不在 Excel 中')),
  collect: () => Promise.reject(new Error('不在 Excel 中')),
  describeWorkbook: () => Promise.resolve({ generated: false, ledgers: [], sources: [], asOf: null, year: null }),
};
