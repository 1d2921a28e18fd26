import { OUTPUT_FORMS, STATUS_VALUES } from '../ledger/columns';

/**
 * DESIGN §9, one function per definition. Dates are Excel serials (numbers), exactly what the
 * workbook formulas see; anything that is not a number is "no date". Text is compared exactly,
 * as the formulas do.
 */

export type Warning = '按时完成' | '逾期完成' | '逾期' | '临期' | '正常';
export type StatusCategory = 'done' | 'inProgress' | 'notStarted' | 'blocked' | 'unreported';

const CATEGORY: Record<string, StatusCategory> = { 已完成: 'done', 推进中: 'inProgress', 未启动: 'notStarted', 受阻: 'blocked' };

const OUTPUT_FORM_SET: ReadonlySet<unknown> = new Set(OUTPUT_FORMS);
const STATUS_SET: ReadonlySet<unknown> = new Set(STATUS_VALUES);

export const isDate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** 状态 → category; blank or any text outside the list is 未填报. */
export function statusCategory(status: unknown): StatusCategory {
  return typeof status === 'string' ? (CATEGORY[status] ?? 'unreported') : 'unreported';
}

/**
 * A 状态 holding something outside the list (`进行中`, `完成了`): counted apart as 状态无法识别, not
 * as 未填报. As 汇总 sees it through the index's `状态&""`: any non-empty value not in the list.
 * A task's status still reads it as no status (see taskStatus), as 任务清单's formula does.
 */
export function isUnknownStatus(status: unknown): boolean {
  if (status === null || status === undefined || status === '') return false;
  return !STATUS_SET.has(status);
}

/**
 * 预警 of a row or a task with due date D, as-of A and warn window W.
 * @example warning('推进中', null, 44196, 44190, 15) //=> '临期'
 */
export function warning(status: unknown, doneDate: unknown, due: unknown, asOf: number, warnDays: number): Warning {
  if (status === '已完成') return isDate(doneDate) && isDate(due) && doneDate > due ? '逾期完成' : '按时完成';
  if (!isDate(due)) return '正常';
  if (asOf > due) return '逾期';
  return due - asOf <= warnDays ? '临期' : '正常';
}

/** Excel's TRIM removes ASCII spaces only; LEN(TRIM(x))>0 is "not blank". */
export function notBlank(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  const s = typeof v === 'string' ? v : String(v);
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 32) return true;
  return false;
}

/**
 * 填报完整: 具体措施 and 责任人 not blank, 计划完成时间 a date, 成果形式 and 状态 from their lists,
 * and a 完成日期 when 已完成.
 */
export function isComplete(row: { measures: unknown; person: unknown; plannedDate: unknown; outputForm: unknown; status: unknown; doneDate: unknown }): boolean {
  return (
    notBlank(row.measures) &&
    notBlank(row.person) &&
    isDate(row.plannedDate) &&
    OUTPUT_FORM_SET.has(row.outputForm) &&
    STATUS_SET.has(row.status) &&
    (row.status !== '已完成' || isDate(row.doneDate))
  );
}

/**
 * Task status from its counted rows (its lead units' rows, or all rows without a lead):
 * 已完成 when all are done; 受阻 when any is blocked; 未启动 when none is done or in progress and
 * at least one is 未启动; 未填报 when all are blank (or it has no row); otherwise 推进中.
 */
export function taskStatus(statuses: unknown[]): '已完成' | '受阻' | '未启动' | '未填报' | '推进中' {
  const cats = statuses.map(statusCategory);
  const count = (c: StatusCategory) => cats.filter((x) => x === c).length;
  if (cats.length === 0) return '未填报';
  if (count('done') === cats.length) return '已完成';
  if (count('blocked') > 0) return '受阻';
  if (count('done') + count('inProgress') === 0) return count('notStarted') === 0 ? '未填报' : '未启动';
  return '推进中';
}

/** 是否达标 of a target for a filled value. */
export function meetsTarget(value: unknown, comparator: string, goal: number, max: number | null): boolean | null {
  if (!isDate(value)) return null;
  switch (comparator) {
    case '>=':
      return value >= goal;
    case '>':
      return value > goal;
    case '<=':
      return value <= goal;
    case '<':
      return value < goal;
    default:
      return value >= goal && value <= (max ?? goal);
  }
}

/** A rate as DESIGN §9 shows it: null ("—") when the denominator is 0. */
export const rate = (num: number, den: number): number | null => (den === 0 ? null : num / den);
