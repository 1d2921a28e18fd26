import { dateSystemOf, type WorkbookData } from '../domain/grid/sheetData';
import type { PreparedWorkbook } from './prepareWorkbook';
import { readTaskList } from '../domain/tasklist/readTaskList';
import { readSummaryParameters } from '../domain/summary/readSummary';
import { diffTasks, type TaskDiff } from '../domain/diff/diffTasks';
import { SHEET } from '../domain/grid/names';

/**
 * What applying a new notice (or table) to an existing workbook changes: the tasks its 任务清单
 * holds now against the tasks of the rebuild, and the ledger rows the rebuild moves. Pure: the
 * CLI prints it (`--dry-run`, `--json`), the pane shows it before its confirm button.
 */
export function previewChanges(previous: WorkbookData, prepared: PreparedWorkbook): TaskDiff {
  const sheet = previous.sheets.find((s) => s.name === SHEET.tasks.name);
  const before = sheet ? readTaskList(sheet, { directory: prepared.directory, year: readSummaryParameters(previous).year, dateSystem: dateSystemOf(previous) }).notice.tasks : [];
  return diffTasks(before, prepared.notice.tasks, prepared.ledgers.rowMoves);
}
