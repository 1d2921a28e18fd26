import { cellText, type SheetData } from '../grid/sheetData';
import { DEFAULT_SOURCE } from '../sources/names';
import { firstSourceOf, locateTaskList, taskRows } from './readTaskList';

/**
 * The 事项来源 of 任务清单's tasks, in the order they first appear (DESIGN §13), read without
 * reading the tasks themselves: what the pane asks about before a notice is applied. They are the
 * sources `readTaskList` gives the tasks: a blank 事项来源 is the first source named, and a
 * 任务清单 from before the column is one source, DEFAULT_SOURCE. Empty when it holds no task.
 * @example taskListSources(sheetOf([['任务编号', '任务内容', '事项来源'], ['1.1', '…', '稳就业'], ['纪要12-1', '…', '纪要']])) //=> ['稳就业', '纪要']
 */
export function taskListSources(sheet: SheetData | undefined): string[] {
  const located = sheet ? locateTaskList(sheet) : null;
  if (!sheet || located === null) return [];
  const rows = taskRows(sheet, located);
  if (rows.length === 0) return [];
  const first = firstSourceOf(rows, located);
  if (first === null) return [DEFAULT_SOURCE];
  return [...new Set(rows.map(({ row }) => cellText(located.get(row, 'source')) || first))];
}
