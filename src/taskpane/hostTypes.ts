/** Progress of a long operation, for the task pane's progress bar. */
export type Progress = { step: string; done: number; total: number };

export type GenerateResult = { sheets: number; ledgers: number; syncs: number; keptRows: number; removedRows: number };

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
};

export const NO_EXCEL_HOST: WorkbookHost = {
  unavailableReason: '当前不在 Excel 中运行：可以解析通知，生成工作簿需要在 Excel 中打开本加载项。',
  warnings: [],
  generate: () => Promise.reject(new Error('不在 Excel 中')),
};
