import type { Role, Task, TaskUnit } from '../notice/types';
import type { RowMove } from '../ledger/ledgers';
import { matchTasks, previousTaskKey } from '../ledger/matchTasks';

/** A task as the changes preview shows it. */
export type DiffTask = { id: string; text: string; units: TaskUnit[]; deadline: string; due: string | null };

/** What changed in a task kept from one version to the next. */
export type ChangedField = 'id' | 'text' | 'units' | 'roles' | 'deadline';

export type TaskChange = {
  /** The task's id now. */
  task: string;
  /** Its id before (differs when the notice was renumbered). */
  from: string;
  fields: ChangedField[];
  before: DiffTask;
  after: DiffTask;
  /** Units that joined or left the task, and units whose role changed. */
  unitsAdded: TaskUnit[];
  unitsRemoved: TaskUnit[];
  roles: Array<{ name: string; from: Role; to: Role }>;
};

/**
 * The changes preview (DESIGN §5, §11 `duban.diff/1`): tasks added, removed and changed, and the
 * ledger rows with typed values that will move. `movedRows` is the rebuild's own count
 * (`LedgerBook.rowMoves`), so the preview and what is then written agree.
 */
export type TaskDiff = {
  schema: 'duban.diff/1';
  added: DiffTask[];
  removed: DiffTask[];
  changed: TaskChange[];
  /** Tasks found again with nothing changed. */
  unchanged: number;
  movedRows: number;
  rows: RowMove[];
};

const ORDER: ChangedField[] = ['id', 'text', 'units', 'roles', 'deadline'];

/**
 * Compare the tasks a workbook holds with the tasks it will hold. Tasks are paired as the
 * rebuild pairs ledger rows with tasks (`matchTasks`: same id and text, then the same text under
 * another id, then a lightly edited text), so a renumbered task is a change of id, not a removal
 * and an addition. `byId` pairs tasks of the same id first, whatever their text (更新分工).
 * @example diffTasks([t('1.1', 'A')], [t('1.1', 'A'), t('2.1', 'B')], []).added.map((x) => x.id) //=> ['2.1']
 */
export function diffTasks(before: readonly Task[], after: readonly Task[], rowMoves: readonly RowMove[], options: { byId?: boolean } = {}): TaskDiff {
  const afterById = new Map(after.map((t) => [t.id, t]));
  // 更新分工: an id still in 任务清单 is the same task whatever its text became (the rebuild pairs its rows so too).
  const kept = new Set(options.byId === true ? before.filter((t) => afterById.has(t.id)) : []);
  const keptIds = new Set([...kept].map((t) => t.id));
  const { mapping } = matchTasks(
    before.filter((t) => !kept.has(t)).map((t) => ({ id: t.id, text: t.text })),
    after.filter((t) => !keptIds.has(t.id)),
  );
  for (const t of kept) mapping.set(previousTaskKey(t.id, t.text), t.id);
  const claimed = new Set<string>();
  const removed: DiffTask[] = [];
  const changed: TaskChange[] = [];
  let unchanged = 0;
  for (const old of before) {
    const to = mapping.get(previousTaskKey(old.id, old.text)) ?? null;
    const now = to === null || claimed.has(to) ? undefined : afterById.get(to);
    if (now === undefined) {
      removed.push(shown(old));
      continue;
    }
    claimed.add(now.id);
    const change = compare(old, now);
    if (change.fields.length === 0) unchanged++;
    else changed.push(change);
  }
  const added = after.filter((t) => !claimed.has(t.id)).map(shown);
  return { schema: 'duban.diff/1', added, removed, changed, unchanged, movedRows: rowMoves.length, rows: [...rowMoves] };
}

function compare(old: Task, now: Task): TaskChange {
  const fields = new Set<ChangedField>();
  if (old.id !== now.id) fields.add('id');
  if (old.text !== now.text) fields.add('text');
  const unitsAdded = now.units.filter((u) => !old.units.some((o) => o.name === u.name));
  const unitsRemoved = old.units.filter((o) => !now.units.some((u) => u.name === o.name));
  if (unitsAdded.length > 0 || unitsRemoved.length > 0) fields.add('units');
  const roles = now.units.flatMap((u) => {
    const o = old.units.find((x) => x.name === u.name);
    return o && o.role !== u.role ? [{ name: u.name, from: o.role, to: u.role }] : [];
  });
  if (roles.length > 0) fields.add('roles');
  if (old.deadline.text !== now.deadline.text || old.deadline.due !== now.deadline.due) fields.add('deadline');
  return { task: now.id, from: old.id, fields: ORDER.filter((f) => fields.has(f)), before: shown(old), after: shown(now), unitsAdded, unitsRemoved, roles };
}

const shown = (t: Task): DiffTask => ({ id: t.id, text: t.text, units: t.units.map((u) => ({ ...u })), deadline: t.deadline.text, due: t.deadline.due });
