import type { PreparedWorkbook } from '../workbook/prepareWorkbook';
import type { TaskDiff } from '../domain/diff/diffTasks';
import { describeDiff, describeTaskListUpdate } from '../domain/diff/describeDiff';
import type { TaskListFinding } from '../domain/tasklist/readTaskList';
import { SEVERITY_LABEL } from '../domain/notice/labels';
import type { Io } from './io';

/** 任务清单's findings on stderr, one line each with its cell: `警告 任务清单!E7：…`. */
export function printFindings(findings: readonly TaskListFinding[], io: Io): void {
  for (const f of findings) io.err(`${SEVERITY_LABEL[f.severity]} ${f.sheet}!${f.cell}：${f.message}`);
}

/**
 * What the update changes, on stdout: the task diff of a new notice, or — from 任务清单, whose
 * edits are the change — the ledger rows that move.
 */
export function printChanges(changes: TaskDiff | null, prepared: PreparedWorkbook, io: Io): void {
  if (changes !== null) {
    for (const line of describeDiff(changes)) io.out(line);
    return;
  }
  for (const line of describeTaskListUpdate(prepared.notice.tasks.length, prepared.ledgers.rowMoves)) io.out(line);
}
