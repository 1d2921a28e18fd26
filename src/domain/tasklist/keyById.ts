import type { PreviousRow } from '../ledger/ledgers';
import type { Task } from '../notice/types';
import { REMOVED_MARK } from '../ledger/columns';

/**
 * In 任务清单 the 任务编号 is the office's own key: a task whose text the office rewrote is still
 * that task, and its ledger rows stay with it. The rebuild pairs rows with tasks by id and text
 * (a renumbered notice), so each live row of a task still in 任务清单 is shown the text the task
 * has now. Rows already 已移出分工 keep theirs.
 * @example rowsKeyedById([row('3.1', '旧文字')], [task('3.1', '新文字')])[0].shown.text //=> '新文字'
 */
export function rowsKeyedById(rows: readonly PreviousRow[], tasks: readonly Pick<Task, 'id' | 'text'>[]): PreviousRow[] {
  const text = new Map(tasks.map((t) => [t.id, t.text]));
  return rows.map((r) => {
    const now = text.get(r.taskId);
    if (now === undefined || r.ownLayout === true || r.shown.roleLabel.startsWith(REMOVED_MARK)) return r;
    return { ...r, shown: { ...r.shown, text: now } };
  });
}
