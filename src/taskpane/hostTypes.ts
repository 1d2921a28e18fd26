import type { Finding } from '../domain/validation/findings';

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

/** A validation finding as the pane lists it. */
export type PaneFinding = Omit<Finding, 'fix'> & { fixable: boolean };
export type ValidateResult = { asOf: string; errors: number; warnings: number; findings: PaneFinding[] };

export type SummaryResult = { asOf: string; tasks: number; done: number; overdue: number; dueSoon: number; completionRate: number | null };

/** 生成催办单: how many units and rows the 催办单 sheet lists. */
export type RemindResult = { asOf: string; units: number; rows: number };

/** 存档本期: `clash` when 调度记录 already had this date and nothing was written (ask, then replace). */
export type SnapshotResult = { asOf: string; clash: boolean; replaced: boolean; rows: number };

/** What the open workbook holds, so each stage can say what to do first. */
export type WorkbookState = {
  /** An earlier generation is there (单位名录 or a 台账- sheet). */
  generated: boolean;
  ledgers: Array<{ unit: string; sheet: string }>;
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
  /** Build or regenerate the workbook from the notice text; typed ledger values are kept. */
  generate(noticeText: string, onProgress: (p: Progress) => void): Promise<GenerateResult>;
  /** 刷新汇总: rebuild 汇总 and its row index from the workbook as it is now, in one run. */
  refreshSummary(onProgress: (p: Progress) => void): Promise<SummaryResult>;
  /** 生成催办单: write the 催办单 sheet (one page per unit with 逾期/临期 rows). */
  remind(onProgress: (p: Progress) => void): Promise<RemindResult>;
  /** 存档本期: append this as-of date to 调度记录; with `replace`, replace that date's rows. */
  snapshot(replace: boolean, onProgress: (p: Progress) => void): Promise<SnapshotResult>;
  /** 校验: read the workbook once, write 校验结果, return the findings. */
  validate(onProgress: (p: Progress) => void): Promise<ValidateResult>;
  /** Turn every fixable text date / text number into a real date / number, then validate again. */
  fixAndValidate(onProgress: (p: Progress) => void): Promise<ValidateResult>;
  /** Go to a finding's cell. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** What the workbook holds now (one light read). */
  describeWorkbook(): Promise<WorkbookState>;
};

export const NO_EXCEL_HOST: WorkbookHost = {
  unavailableReason: '当前不在 Excel 中运行：可以解析通知，生成工作簿需要在 Excel 中打开本加载项。',
  warnings: [],
  generate: () => Promise.reject(new Error('不在 Excel 中')),
  refreshSummary: () => Promise.reject(new Error('不在 Excel 中')),
  remind: () => Promise.reject(new Error('不在 Excel 中')),
  snapshot: () => Promise.reject(new Error('不在 Excel 中')),
  validate: () => Promise.reject(new Error('不在 Excel 中')),
  fixAndValidate: () => Promise.reject(new Error('不在 Excel 中')),
  selectCell: () => Promise.reject(new Error('不在 Excel 中')),
  describeWorkbook: () => Promise.resolve({ generated: false, ledgers: [] }),
};
