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
  rounds: { key: 'rounds', name: '报送记录' },
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
  /** `_台账索引`'s 待办累计 column (延期待批复、待审核), filled part only: 汇总's 待办 list finds its k-th entry by binary search. */
  indexTodoRun: 'Duban_IndexTodoRun',
  // The supervision loop's settings (DESIGN §12), cells on 汇总 the office edits.
  reportCycle: 'Duban_ReportCycle',
  reportDay: 'Duban_ReportDay',
  reviewRequired: 'Duban_ReviewRequired',
  paceTolerance: 'Duban_PaceTolerance',
  /** 本期's first day, last day and 报送截止日, computed on 汇总 from the as-of date and the settings. */
  periodStart: 'Duban_PeriodStart',
  periodEnd: 'Duban_PeriodEnd',
  reportDue: 'Duban_ReportDue',
} as const;

/** Default warn window W in days (DESIGN §9). */
export const DEFAULT_WARN_DAYS = 15;
