import { dateSystemOf, type WorkbookData } from '../domain/grid/sheetData';
import { prepareWorkbook, type PreparedWorkbook } from './prepareWorkbook';
import { readTaskList, type TaskListFinding, type TaskListReading } from '../domain/tasklist/readTaskList';
import type { ShownDeadline } from '../domain/tasklist/deadlineCells';
import type { LayoutProblem, PreviousWorkbook } from '../domain/ledger/readBack';
import { readSummaryParameters } from '../domain/summary/readSummary';
import { SHEET } from '../domain/grid/names';
import { REMOVED_MARK } from '../domain/ledger/columns';
import { lastGeneration } from '../domain/tasklist/lastGeneration';
import { diffTasks, type TaskDiff } from '../domain/diff/diffTasks';

export type TaskListPrepared = PreparedWorkbook & {
  findings: TaskListFinding[];
  /** What the office's edits change against the last generation (its 责任矩阵 and ledgers), with the rows that move. */
  changes: TaskDiff;
};

/**
 * 更新分工 (`duban build --update BOOK` with no input): the workbook rebuilt from its own 任务清单,
 * which the office edits. Matrix, ledgers, `_台账索引` and 汇总 follow it, and 任务清单 itself is
 * rewritten (its formulas reach the rows the office added). Typed ledger values are kept as in
 * any rebuild. A duplicated 任务编号 or a column the rewrite would lose stops it (`problems`).
 */
export function prepareFromTaskList(book: WorkbookData, asOf: string | null): TaskListPrepared {
  const sheet = book.sheets.find((s) => s.name === SHEET.tasks.name);
  let reading: TaskListReading | null = null;
  let rows: PreviousWorkbook['rows'] = [];
  const prepared = prepareWorkbook({
    noticeText: '',
    previous: book,
    asOf,
    matchById: true,
    readNotice: (directory, previous) => {
      rows = previous?.rows ?? [];
      reading = readTaskList(sheet ?? { name: SHEET.tasks.name, rows: [] }, { directory, year: readSummaryParameters(book).year, dateSystem: dateSystemOf(book), shown: shownDeadlines(previous) });
      return reading.notice;
    },
  });
  const read = reading as TaskListReading | null;
  const findings = read?.findings ?? [];
  const before = lastGeneration(book.sheets.find((s) => s.name === SHEET.matrix.name), rows, prepared.notice.tasks);
  const changes = diffTasks(before, prepared.notice.tasks, prepared.ledgers.rowMoves, { byId: true });
  return { ...prepared, problems: [...taskListProblems(sheet !== undefined, read), ...prepared.problems], findings, changes };
}

/** What stops 更新分工 before anything is written. */
function taskListProblems(present: boolean, reading: TaskListReading | null): LayoutProblem[] {
  const name = SHEET.tasks.name;
  if (!present) return [{ code: 'SHEET_MISSING', sheet: name, column: '', message: `工作簿中没有“${name}”工作表，无法按任务清单更新分工` }];
  if (reading === null) return [];
  const out: LayoutProblem[] = reading.findings
    .filter((f) => f.severity === 'error')
    .map((f) => ({ code: f.code === 'TASK_ID_DUPLICATE' ? 'TASK_ID_DUPLICATE' : 'HEADER_MISSING', sheet: name, column: '任务编号', message: `${name}!${f.cell}：${f.message}` }));
  if (out.length === 0 && reading.notice.tasks.length === 0) {
    // Every task deleted is more likely a mistake than a division of work: every ledger row would leave it.
    out.push({ code: 'HEADER_MISSING', sheet: name, column: '任务内容', message: `“${name}”中没有任何任务，无法更新分工；如果要重新开始，请用通知重新生成工作簿` });
  }
  for (const u of reading.unknownColumns) {
    out.push({
      code: 'HEADER_UNKNOWN',
      sheet: name,
      column: u.header,
      message: `工作表“${name}”的“${u.header}”列（${u.column} 列）有 ${u.filled} 个值，但它不是任务清单的列，更新分工重写任务清单时会丢失；请把内容移到其他工作表后再更新`,
    });
  }
  return out;
}

/** 完成时限 and 截止日期 as the last generation showed them (in every ledger row of the task). */
function shownDeadlines(previous: PreviousWorkbook | null): Map<string, ShownDeadline> {
  const out = new Map<string, ShownDeadline>();
  for (const row of previous?.rows ?? []) {
    if (row.ownLayout !== true && !row.shown.roleLabel.startsWith(REMOVED_MARK) && !out.has(row.taskId)) out.set(row.taskId, { text: row.shown.deadlineText, due: row.shown.due });
  }
  return out;
}
