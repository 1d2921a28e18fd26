/** Progress of a long operation, for the task pane's progress bar. */
export type Progress = { step: string; done: number; total: number };

export type GenerateResult = { sheets: number; ledgers: number; syncs: number; keptRows: number; removedRows: number };

/** A validation finding as the pane lists it. */
export type PaneFinding = { code: string; severity: 'error' | 'warning' | 'info'; sheet: string; cell: string; task: string; unit: string; message: string; fixable: boolean };
export type ValidateResult = { asOf: string; errors: number; warnings: number; findings: PaneFinding[] };

export type SummaryResult = { asOf: string; tasks: number; done: number; overdue: number; dueSoon: number; completionRate: number | null };

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
  /** 校验: read the workbook once, write 校验结果, return the findings. */
  validate(onProgress: (p: Progress) => void): Promise<ValidateResult>;
  /** Turn every fixable text date / text number into a real date / number, then validate again. */
  fixAndValidate(onProgress: (p: Progress) => void): Promise<ValidateResult>;
  /** Go to a finding's cell. */
  selectCell(sheet: string, cell: string): Promise<void>;
};

export const NO_EXCEL_HOST: WorkbookHost = {
  unavailableReason: '当前不在 Excel 中运行：可以解析通知，生成工作簿需要在 Excel 中打开本加载项。',
  warnings: [],
  generate: () => Promise.reject(new Error('不在 Excel 中')),
  refreshSummary: () => Promise.reject(new Error('不在 Excel 中')),
  validate: () => Promise.reject(new Error('不在 Excel 中')),
  fixAndValidate: () => Promise.reject(new Error('不在 Excel 中')),
  selectCell: () => Promise.reject(new Error('不在 Excel 中')),
};
