/** Stable sheet keys, default (Chinese) sheet names and defined names (DESIGN §5). */
export const SHEET = {
  tasks: { key: 'tasks', name: '任务清单' },
  targets: { key: 'targets', name: '量化指标' },
  matrix: { key: 'matrix', name: '责任矩阵' },
  directory: { key: 'directory', name: '单位名录' },
  validation: { key: 'validation', name: '校验结果' },
  summary: { key: 'summary', name: '汇总' },
} as const;

export const ledgerKey = (unit: string): string => `ledger:${unit}`;

export const NAME = {
  asOf: 'Duban_AsOf',
  warnDays: 'Duban_WarnDays',
  year: 'Duban_Year',
} as const;

/** Default warn window W in days (DESIGN §9). */
export const DEFAULT_WARN_DAYS = 15;
