import type { Role, Task } from '../notice/types';
import { cellText, type SheetData } from '../grid/sheetData';
import type { PreviousRow } from '../ledger/ledgers';
import { REMOVED_MARK } from '../ledger/columns';
import { combineDeadline } from '../notice/deadline';

const ROLE_BY_LABEL: Record<string, Role> = { 牵头: 'lead', 负责: 'joint', 配合: 'support', 分别负责: 'each' };
/** 责任矩阵's own columns besides the units. */
const NOT_UNITS: ReadonlySet<string> = new Set(['任务编号', '任务内容', '牵头数', '单位数', '核查']);
/** 责任矩阵 shows a task's text cut to this many characters and `…`. */
const MATRIX_TEXT = 40;

/**
 * The tasks as the last generation wrote them, for the preview of 更新分工 (whose "after" is the
 * edited 任务清单): ids, units and roles from 责任矩阵 (the office does not edit it), full text and
 * 完成时限/截止日期 from the ledgers' generated columns. A task no ledger shows (only 有关部门) keeps
 * what 任务清单 says now where the matrix cannot tell (its cut text, its deadline): `now`.
 */
export function lastGeneration(matrix: SheetData | undefined, rows: readonly PreviousRow[], now: readonly Task[]): Task[] {
  const header = (matrix?.rows[0] ?? []).map(cellText);
  const shown = new Map<string, PreviousRow['shown']>();
  for (const r of rows) if (r.ownLayout !== true && !r.shown.roleLabel.startsWith(REMOVED_MARK) && !shown.has(r.taskId)) shown.set(r.taskId, r.shown);
  const current = new Map(now.map((t) => [t.id, t]));
  const tasks: Task[] = [];
  for (const row of matrix?.rows.slice(1) ?? []) {
    const id = cellText(row[0]);
    if (id.length === 0) break; // the totals below the grid
    const units = header.flatMap((name, c) => {
      const role = ROLE_BY_LABEL[cellText(row[c])];
      return !NOT_UNITS.has(name) && role !== undefined ? [{ name, role }] : [];
    });
    const ledger = shown.get(id);
    const cut = cellText(row[1]);
    const same = current.get(id);
    // The matrix cuts long text: the text now, when it still starts the same, is the text then.
    const text = ledger?.text ?? (same && cut.endsWith('…') && same.text.startsWith(cut.slice(0, MATRIX_TEXT)) ? same.text : cut);
    const deadline = ledger ? { ...combineDeadline([]), text: ledger.deadlineText, due: ledger.due } : (same?.deadline ?? combineDeadline([]));
    tasks.push({ id, item: 0, seq: 0, section: null, text, units, deadline, targets: [], line: 0 });
  }
  return tasks;
}
