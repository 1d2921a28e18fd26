import type { Severity } from '../notice/types';

/** Rule codes (DESIGN §7), plus the ones this implementation adds for layouts and assignments. */
export type FindingCode =
  | 'HEADER_MISSING'
  | 'HEADER_DUPLICATE'
  | 'REQUIRED_EMPTY'
  | 'PROGRESS_EMPTY'
  | 'NOT_IN_LIST'
  | 'NOT_A_DATE'
  | 'TEXT_DATE'
  | 'PLAN_AFTER_DUE'
  | 'DONE_WITHOUT_DATE'
  | 'DATE_IN_FUTURE'
  | 'VALUE_NOT_NUMBER'
  | 'UNIT_MISMATCH'
  | 'TEXT_NUMBER'
  /** 完成值 typed as `76.5%` in a `%` target: counted as 76.5, fixable to the number. */
  | 'PERCENT_TYPED'
  /** 状态 outside the list (`进行中`): counted apart as 状态无法识别, never as 未填报. */
  | 'STATUS_UNKNOWN'
  | 'UNKNOWN_TASK'
  | 'UNKNOWN_UNIT'
  | 'NOT_ASSIGNED'
  | 'DUPLICATE_ROW'
  | 'NOT_REPORTED'
  | 'ASSIGNMENT_CHANGED'
  | 'MERGED_CELLS'
  | 'HIDDEN_COLUMN'
  | 'NO_LEDGERS'
  /** 汇总's 统计日期 holds something typed that is not a date: counted as of today instead. */
  | 'AS_OF_NOT_A_DATE'
  /** The supervision loop (DESIGN §12): 已完成 without 佐证材料; 申请延期至 not after 截止日期; 延期批复 without a request. */
  | 'NO_EVIDENCE'
  | 'EXTENSION_NOT_LATER'
  | 'APPROVAL_WITHOUT_REQUEST';

export type Finding = {
  code: FindingCode;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell to look at. */
  cell: string;
  task: string;
  unit: string;
  message: string;
  /** For fixable findings (TEXT_DATE, TEXT_NUMBER): the value the cell should hold. */
  fix?: number;
};

export const SEVERITY: Record<FindingCode, Severity> = {
  HEADER_MISSING: 'error',
  HEADER_DUPLICATE: 'error',
  REQUIRED_EMPTY: 'error',
  PROGRESS_EMPTY: 'warning',
  NOT_IN_LIST: 'error',
  NOT_A_DATE: 'error',
  TEXT_DATE: 'warning',
  PLAN_AFTER_DUE: 'error',
  DONE_WITHOUT_DATE: 'error',
  NO_EVIDENCE: 'warning',
  EXTENSION_NOT_LATER: 'error',
  APPROVAL_WITHOUT_REQUEST: 'error',
  DATE_IN_FUTURE: 'error',
  VALUE_NOT_NUMBER: 'error',
  UNIT_MISMATCH: 'error',
  TEXT_NUMBER: 'warning',
  PERCENT_TYPED: 'warning',
  STATUS_UNKNOWN: 'error',
  UNKNOWN_TASK: 'error',
  UNKNOWN_UNIT: 'error',
  NOT_ASSIGNED: 'error',
  DUPLICATE_ROW: 'warning',
  NOT_REPORTED: 'warning',
  ASSIGNMENT_CHANGED: 'error',
  MERGED_CELLS: 'warning',
  HIDDEN_COLUMN: 'info',
  NO_LEDGERS: 'warning',
  AS_OF_NOT_A_DATE: 'warning',
};
