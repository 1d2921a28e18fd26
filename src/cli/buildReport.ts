import type { TaskDiff } from '../domain/diff/diffTasks';
import { describeDiff, removalWarning } from '../domain/diff/describeDiff';
import type { TaskListFinding } from '../domain/tasklist/readTaskList';
import { SEVERITY_LABEL } from '../domain/notice/labels';
import type { Io } from './io';

/** 任务清单's findings on stderr, one line each with its cell: `警告 任务清单!E7：…`. */
export function printFindings(findings: readonly TaskListFinding[], io: Io): void {
  for (const f of findings) io.err(`${SEVERITY_LABEL[f.severity]} ${f.sheet}!${f.cell}：${f.message}`);
}

/** Lines of changes an update prints before writing; `--dry-run` prints them all. */
export const APPLIED_CHANGE_LINES = 40;

/**
 * What the update changes, on stdout: tasks added, changed, removed, and the ledger rows that move.
 * With `limit`, the list stops after that many lines and says how to see the rest: a notice ten
 * times larger than the workbook's is a thousand lines nobody reads while it is being applied.
 */
export function printChanges(changes: TaskDiff, fromTaskList: boolean, io: Io, limit = Infinity): void {
  if (fromTaskList) io.out('按任务清单更新分工（与上次生成相比）：');
  const [headline = '', ...rest] = describeDiff(changes);
  io.out(headline);
  for (const line of rest.slice(0, limit)) io.out(line);
  if (rest.length > limit) io.out(`……另有 ${rest.length - limit} 行未列出；用 --dry-run 可查看全部变化`);
  // 任务清单 edited by the office is the division itself: rows it deleted are meant to go.
  const warning = fromTaskList ? null : removalWarning(changes);
  if (warning !== null) io.err(`注意：${warning}请改用 --source 新名称 把它作为新的事项来源添加。`);
}
