import type { TaskDiff } from '../domain/diff/diffTasks';
import { describeDiff } from '../domain/diff/describeDiff';
import type { TaskListFinding } from '../domain/tasklist/readTaskList';
import { SEVERITY_LABEL } from '../domain/notice/labels';
import type { Io } from './io';

/** 任务清单's findings on stderr, one line each with its cell: `警告 任务清单!E7：…`. */
export function printFindings(findings: readonly TaskListFinding[], io: Io): void {
  for (const f of findings) io.err(`${SEVERITY_LABEL[f.severity]} ${f.sheet}!${f.cell}：${f.message}`);
}

/** What the update changes, on stdout: tasks added, changed, removed, and the ledger rows that move. */
export function printChanges(changes: TaskDiff, fromTaskList: boolean, io: Io): void {
  if (fromTaskList) io.out('按任务清单更新分工（与上次生成相比）：');
  for (const line of describeDiff(changes)) io.out(line);
}
