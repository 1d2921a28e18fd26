/** Progress of a long operation, for the task pane's progress bar. */
export type Progress = { step: string; done: number; total: number };

export type GenerateResult = { sheets: number; ledgers: number; syncs: number; keptRows: number; removedRows: number };

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
};

export const NO_EXCEL_HOST: WorkbookHost = {
  unavailableReason: '当前不在 Excel 中运行：可以解析通知，生成工作簿需要在 Excel 中打开本加载项。',
  warnings: [],
  generate: () => Promise.reject(new Error('不在 Excel 中')),
  refreshSummary: () => Promise.reject(new Error('不在 Excel 中')),
};
