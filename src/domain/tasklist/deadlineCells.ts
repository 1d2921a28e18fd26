import type { Deadline } from '../notice/types';
import type { SheetValue } from '../grid/sheetData';
import { readDeadlineCell } from '../table/deadlineCell';
import { fromExcelSerial, type DateSystem } from '../time/isoDate';
import { parseTextDate } from '../validation/textValues';


/** What the last generation wrote for a task (its ledgers show it): 完成时限 and 截止日期. */
export type ShownDeadline = { text: string; due: string | null };

export type DeadlineReading = {
  deadline: Deadline;
  /** Problems in words, for findings: a 完成时限 no clause of which is a deadline, a 截止日期 that is no date, a conflict. */
  problems: Array<{ code: 'DEADLINE_UNREADABLE' | 'DUE_NOT_A_DATE' | 'DEADLINE_CONFLICT'; message: string }>;
};

/**
 * 完成时限 (text, read by the notice's clause grammar) and 截止日期 (a date) of one 任务清单 row.
 * The due date is 完成时限's unless 截止日期 holds another date; then whichever of the two the
 * office changed since the last generation (`shown`, from the ledgers) wins, and when both changed
 * (or the task is new) the typed date wins: it is explicit, the text is a reading. 截止日期 left
 * blank means "from 完成时限".
 * @example readDeadlineCells('9月底前完成', null, 2020, 1900, undefined).deadline.due //=> '2020-09-30'
 */
export function readDeadlineCells(text: string, dueCell: SheetValue, year: number | null, system: DateSystem, shown: ShownDeadline | undefined): DeadlineReading {
  const problems: DeadlineReading['problems'] = [];
  // Read as a table's 完成时限 cell is (the workbook may have been built from one): clause text as
  // the notice grammar reads it, and dates typed as dates (`2020/9/30`, `2020.6.30`).
  const read = readDeadlineCell(text, year);
  const clauses = read.clauses;
  if (clauses.length > 0 && clauses.every((c) => c.kind === 'unknown')) problems.push({ code: 'DEADLINE_UNREADABLE', message: `完成时限“${text}”无法识别为时限（例如“12月底前完成”“年内持续推进”）` });
  const typed = dueOf(dueCell, system);
  if (typed === 'invalid') {
    problems.push({ code: 'DUE_NOT_A_DATE', message: `截止日期“${String(dueCell)}”不是日期，已按完成时限计算` });
    return { deadline: read, problems };
  }
  if (typed === null || typed === read.due) return { deadline: read, problems };
  const textChanged = shown === undefined || shown.text !== read.text;
  const dateChanged = shown === undefined || shown.due !== typed;
  if (textChanged && !dateChanged) return { deadline: read, problems }; // 完成时限 was edited: 截止日期 follows it
  if (textChanged && read.due !== null) problems.push({ code: 'DEADLINE_CONFLICT', message: `完成时限“${text}”对应 ${read.due}，截止日期填写的是 ${typed}，按截止日期 ${typed} 计` });
  return { deadline: { ...read, due: typed, milestones: read.milestones.filter((d) => d < typed) }, problems };
}

/** A 截止日期 cell: a date serial, a date typed as text, empty (null), or something else. */
function dueOf(v: SheetValue, system: DateSystem): string | null | 'invalid' {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
  if (typeof v === 'number') return fromExcelSerial(v, system) ?? 'invalid';
  if (typeof v === 'string') return parseTextDate(v) ?? 'invalid';
  return 'invalid';
}
