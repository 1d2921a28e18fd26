import { isDate, warning, type Warning } from '../summary/rules';

/**
 * One ledger row's place in the loop (DESIGN §12): its extension, its review. Values are as read
 * back (dates are serials); text is compared exactly, as the workbook formulas compare it.
 */
export type LoopRow = {
  status: unknown;
  doneDate: unknown;
  /** 截止日期. */
  due: unknown;
  /** 申请延期至. */
  extensionAsked?: unknown;
  /** 延期批复: 同意 / 不同意. */
  extensionReply?: unknown;
  /** 批准时限. */
  extensionGranted?: unknown;
  /** 审核结果: 通过 / 退回. */
  review?: unknown;
};

/** 预警 with the loop's two states: 退回重办 (the office sent it back) and 待审核 (done, awaiting review). */
export type LoopWarning = Warning | '退回重办' | '待审核';

const blank = (v: unknown): boolean => v === null || v === undefined || v === '';

/** 延期批复 同意: the row's due date moved. */
export const isExtended = (r: LoopRow): boolean => r.extensionReply === '同意';

/** A request the office has not answered: 申请延期至 filled, 延期批复 blank. */
export const isPendingExtension = (r: LoopRow): boolean => !blank(r.extensionAsked) && blank(r.extensionReply);

/** 审核结果 退回: reopened until the office reviews it again. */
export const isReturned = (r: LoopRow): boolean => r.review === '退回';

/** 已完成 awaiting the office's 通过 when review is required (never a returned row). */
export const isPendingReview = (r: LoopRow, reviewRequired: boolean): boolean => reviewRequired && r.status === '已完成' && !isReturned(r) && r.review !== '通过';

/**
 * The due date 预警 and 逾期 use: 批准时限 when 延期批复 is 同意 (申请延期至 when 批准时限 is blank),
 * else 截止日期 — which is never overwritten. null when none is a date.
 * @example effectiveDue({ status: '', doneDate: null, due: 44196, extensionAsked: 44286, extensionReply: '同意' }) //=> 44286
 */
export function effectiveDue(r: LoopRow): number | null {
  if (isExtended(r)) {
    if (isDate(r.extensionGranted)) return r.extensionGranted;
    if (isDate(r.extensionAsked)) return r.extensionAsked;
  }
  return isDate(r.due) ? r.due : null;
}

/**
 * 状态 as the counts see it: a returned row is 推进中 whatever the unit typed; 已完成 awaiting review
 * is 推进中 too (not done). Anything else is the unit's 状态.
 */
export function effectiveStatus(r: LoopRow, reviewRequired: boolean): unknown {
  if (isReturned(r) || isPendingReview(r, reviewRequired)) return '推进中';
  return r.status;
}

/**
 * 预警 of a row in the loop: 退回重办, 待审核, else DESIGN §9's rule against the effective due date.
 * @example loopWarning({ status: '已完成', doneDate: 44190, due: 44196, review: '退回' }, 44200, 15, false) //=> '退回重办'
 */
export function loopWarning(r: LoopRow, asOf: number, warnDays: number, reviewRequired: boolean): LoopWarning {
  if (isReturned(r)) return '退回重办';
  if (isPendingReview(r, reviewRequired)) return '待审核';
  return warning(r.status, r.doneDate, effectiveDue(r), asOf, warnDays);
}
