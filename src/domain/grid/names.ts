/** Stable sheet keys, default (Chinese) sheet names and defined names (DESIGN §5). */
export const SHEET = {
  tasks: { key: 'tasks', name: '任务清单' },
  targets: { key: 'targets', name: '量化指标' },
  matrix: { key: 'matrix', name: '责任矩阵' },
  directory: { key: 'directory', name: '单位名录' },
  validation: { key: 'validation', name: '校验结果' },
  summary: { key: 'summary', name: '汇总' },
  reminders: { key: 'reminders', name: '催办单' },
  history: { key: 'history', name: '调度记录' },
  circular: { key: 'circular', name: '通报' },
} as const;

/** The hidden row index the summary formulas count over. */
export const INDEX_SHEET = { key: 'rowIndex', name: '_台账索引' } as const;

/** Every sheet name Duban itself uses besides the ledgers: never a ledger's name, never read as a ledger. */
export const DUBAN_SHEET_NAMES: readonly string[] = [...Object.values(SHEET).map((s) => s.name), INDEX_SHEET.name];

export const ledgerKey = (unit: string): string => `ledger:${unit}`;

export const NAME = {
  asOf: 'Duban_AsOf',
  warnDays: 'Duban_WarnDays',
  year: 'Duban_Year',
  /** `_台账索引`'s 任务序 column, filled part only (sorted: 任务清单 finds its task's rows by binary search). */
  indexOrder: 'Duban_IndexOrder',
  /** `_台账索引`'s 逾期累计 column, filled part only (non-decreasing: 汇总 finds its k-th 逾期 row by binary search). */
  indexOverdueRun: 'Duban_IndexOverdueRun',
} as const;

/** Default warn window W in days (DESIGN §9). */
export const DEFAULT_WARN_DAYS = 15;
