import type { ParsedNotice, Role, Task, UnitCategory } from '../notice/types';
import type { DirectoryEntry } from '../units/builtinDirectory';
import { categoryByForm } from '../units/directory';
import { FILL_KEYS, REMOVED_MARK, type LedgerColumnKey } from './columns';
import { defaultLedgerSheetName, ledgerSheetName, sheetKey, sheetNameProblem, uniqueSheetName } from './sheetName';
import { sectionLabel } from '../notice/patterns';
import { ROLE_LABEL } from '../notice/labels';
import { matchTasks, previousTaskKey, type TaskMove } from './matchTasks';

/** A value as a unit typed it: text, a number (dates arrive as Excel serials), a boolean. */
export type FillValue = string | number | boolean | null;
export type Fills = Partial<Record<LedgerColumnKey, FillValue>>;
/** Columns a unit added to its ledger (联系电话…), by header: kept with their values (DESIGN §6). */
export type Extras = Record<string, FillValue>;

export { ROLE_LABEL };

export type LedgerRow = {
  taskId: string;
  unit: string;
  /** null for a row kept after its task left the notice. */
  role: Role | null;
  /** 本单位职责 as shown: `牵头`, or `已移出分工（原：配合）`. */
  roleLabel: string;
  section: string;
  text: string;
  leads: string;
  deadlineText: string;
  due: string | null;
  fills: Fills;
  /** Values of the columns the unit added, by header. */
  extras?: Extras;
};

export type Ledger = {
  unit: string;
  category: UnitCategory;
  sheetName: string;
  rows: LedgerRow[];
  /** Headers of the columns the unit added, in their order; written right of the ledger's own columns. */
  extraColumns?: string[];
};

/** A row read back from an existing workbook: its key, what the unit typed, and what was shown. */
export type PreviousRow = {
  taskId: string;
  unit: string;
  fills: Fills;
  /** The row's cells under columns the unit added, by header (blank ones included, so every added column is known). */
  extras?: Extras;
  shown: Pick<LedgerRow, 'roleLabel' | 'section' | 'text' | 'leads' | 'deadlineText' | 'due'>;
  /** Read from a ledger in a unit's own layout: its 任务内容 may be the unit's wording, so only the id identifies the task. */
  ownLayout?: boolean;
};

export type LedgerBook = {
  ledgers: Ledger[];
  /** Names that get no ledger and must be made concrete (有关部门): 待明确. */
  pending: string[];
  /** Rows kept with typed values whose task or assignment left the notice. */
  removedRows: number;
  /** Rows whose typed values were carried over to a task of the notice (several rows of one task count each). */
  keptRows: number;
  /** Tasks with typed values whose id changed (the notice was renumbered): the values followed the task's text. */
  moves: TaskMove[];
  /**
   * Every row with typed values that does not stay where it was: carried to another task id
   * (renumbered), newly kept as 已移出分工 (its task or the unit's assignment left), or back from
   * 已移出分工 to a task of the notice. What the changes preview counts as rows that move.
   */
  rowMoves: RowMove[];
  /** Previous task id → new id, for ids of tasks found again under another id (one task per id only). */
  renumbered: Map<string, string>;
  /** Sheet names asked for (单位名录's 台账工作表) that could not be used as written, and the name used instead. */
  renamed: Array<{ unit: string; wanted: string; sheetName: string; reason: string }>;
};

export type RowMove = { unit: string; from: string; to: string; kind: 'renumbered' | 'removed' | 'restored' };

/** The group whose `分别负责` gives every municipal unit a row (DESIGN §3, issue 3). */
export const ALL_MUNICIPAL: ReadonlySet<string> = new Set(['市政府各部门']);

/**
 * One ledger per responsible unit: a row per (task, unit), carrying over what units typed in
 * `previous` by (任务编号, unit). Rows whose task left the notice are kept at the bottom, marked.
 * Sheet names: the names `sheetNames` asks for, in its order, then `台账-<单位>`; each made valid
 * and unique among themselves and the `reserved` names (every other sheet of the workbook). A
 * name asked for that is invalid or taken gives way to `台账-<单位>`, listed in `renamed`.
 */
export function buildLedgers(
  notice: ParsedNotice,
  directory: readonly DirectoryEntry[],
  previous: readonly PreviousRow[] = [],
  sheetNames: ReadonlyMap<string, string> = new Map(),
  reserved: Iterable<string> = [],
): LedgerBook {
  const byUnit = new Map<string, LedgerRow[]>();
  const categories = new Map<string, UnitCategory>();
  const pending = new Set<string>();
  const sections = new Map(notice.sections.map((s) => [s.no, s.title]));
  const municipal = directory.filter((e) => e.category === 'municipal').map((e) => e.name);
  const categoryOf = (name: string): UnitCategory =>
    notice.units.find((u) => u.name === name)?.category ?? directory.find((e) => e.name === name)?.category ?? categoryByForm(name) ?? 'unknown';

  const add = (task: Task, unit: string, role: Role): void => {
    const rows = byUnit.get(unit) ?? [];
    if (rows.some((r) => r.taskId === task.id)) return; // a direct assignment wins over a group's
    byUnit.set(unit, rows);
    categories.set(unit, categoryOf(unit));
    rows.push({
      taskId: task.id,
      unit,
      role,
      roleLabel: ROLE_LABEL[role],
      section: task.section === null ? '' : sectionLabel(task.section, sections.get(task.section) ?? ''),
      text: task.text,
      leads: task.units.filter((u) => u.role === 'lead').map((u) => u.name).join('、'),
      deadlineText: task.deadline.text,
      due: task.deadline.due,
      fills: {},
    });
  };

  for (const task of notice.tasks) {
    // Direct assignments first, so they win over the same unit reached through a group.
    for (const u of task.units) {
      const category = categoryOf(u.name);
      if (category !== 'group' && category !== 'placeholder') add(task, u.name, u.role);
    }
    for (const u of task.units) {
      const category = categoryOf(u.name);
      if (category === 'group' && ALL_MUNICIPAL.has(u.name)) for (const m of municipal) add(task, m, u.role);
      else if (category === 'group' || category === 'placeholder') pending.add(u.name);
    }
  }

  // Carry over typed values by task (id and text, DESIGN §6); keep rows whose task or assignment is gone.
  const matchKey = (p: PreviousRow): string => previousTaskKey(p.taskId, p.ownLayout === true ? '' : p.shown.text);
  const seen = new Map<string, { id: string; text: string }>();
  const extraColumns = new Map<string, string[]>();
  for (const p of previous) {
    const known = extraColumns.get(p.unit) ?? [];
    for (const h of Object.keys(p.extras ?? {})) if (!known.includes(h)) known.push(h);
    extraColumns.set(p.unit, known);
  }
  for (const p of previous) if (!seen.has(matchKey(p))) seen.set(matchKey(p), { id: p.taskId, text: p.ownLayout === true ? '' : p.shown.text });
  const { mapping } = matchTasks([...seen.values()], notice.tasks);
  const typedKeys = new Set(previous.filter(isTyped).map(matchKey));
  const moves: TaskMove[] = [];
  const renumbered = new Map<string, string>();
  for (const [key, to] of mapping) {
    const from = (seen.get(key) as { id: string }).id;
    if (to === null || to === from) continue;
    if (!renumbered.has(from)) renumbered.set(from, to);
    if (typedKeys.has(key) && !moves.some((m) => m.from === from && m.to === to)) moves.push({ from, to });
  }
  const taskOrder = new Map(notice.tasks.map((t, i) => [t.id, i]));
  moves.sort((a, b) => (taskOrder.get(a.to) ?? 0) - (taskOrder.get(b.to) ?? 0));
  let keptRows = 0;
  let removedRows = 0;
  const rowMoves: RowMove[] = [];
  const filled = new Set<LedgerRow>();
  const carried = (prev: PreviousRow): Pick<LedgerRow, 'fills' | 'extras'> => ({ fills: { ...prev.fills }, ...(prev.extras ? { extras: { ...prev.extras } } : {}) });
  for (const prev of previous) {
    if (!isTyped(prev)) continue;
    const target = mapping.get(matchKey(prev)) ?? null;
    const rows = byUnit.get(prev.unit) ?? [];
    const live = target === null ? [] : rows.filter((r) => r.taskId === target && r.role !== null);
    const wasRemoved = prev.shown.roleLabel.startsWith(REMOVED_MARK);
    if (live.length > 0 && (wasRemoved || target !== prev.taskId)) rowMoves.push({ unit: prev.unit, from: prev.taskId, to: target as string, kind: wasRemoved ? 'restored' : 'renumbered' });
    if (live.length === 0 && !wasRemoved) rowMoves.push({ unit: prev.unit, from: prev.taskId, to: target ?? prev.taskId, kind: 'removed' });
    const free = live.find((r) => !filled.has(r));
    if (free) {
      Object.assign(free, carried(prev));
      filled.add(free);
      keptRows++;
      continue;
    }
    if (live.length > 0) {
      // Another row of the same task (a unit's several measures): kept under the task's last row.
      const last = live[live.length - 1] as LedgerRow;
      const copy: LedgerRow = { ...last, ...carried(prev) };
      rows.splice(rows.indexOf(last) + 1, 0, copy);
      filled.add(copy);
      keptRows++;
      continue;
    }
    byUnit.set(prev.unit, rows);
    if (!categories.has(prev.unit)) categories.set(prev.unit, categoryOf(prev.unit));
    const formerLabel = prev.shown.roleLabel.startsWith(REMOVED_MARK) ? prev.shown.roleLabel : `${REMOVED_MARK}（原：${prev.shown.roleLabel || '—'}）`;
    rows.push({ taskId: target ?? prev.taskId, unit: prev.unit, role: null, ...prev.shown, roleLabel: formerLabel, ...carried(prev) });
    removedRows++;
  }

  const order = new Map(directory.map((e, i) => [e.name, i]));
  const units = [...byUnit.keys()].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
  const used = new Set([...reserved].map(sheetKey));
  const names = new Map<string, string>();
  const renamed: LedgerBook['renamed'] = [];
  // Names asked for (单位名录) first, so generated names never take them.
  for (const [unit, wanted] of sheetNames) {
    if (!byUnit.has(unit) || names.has(unit)) continue;
    const reason = sheetNameProblem(wanted, used);
    const name = uniqueSheetName(wanted, used, defaultLedgerSheetName(unit));
    names.set(unit, name);
    if (name !== wanted) renamed.push({ unit, wanted, sheetName: name, reason: reason ?? '不是有效的工作表名' });
  }
  const ledgers = units.map((unit) => {
    const rows = byUnit.get(unit) as LedgerRow[];
    rows.sort((a, b) => Number(a.role === null) - Number(b.role === null));
    const extra = extraColumns.get(unit) ?? [];
    return { unit, category: categories.get(unit) ?? 'unknown', sheetName: names.get(unit) ?? ledgerSheetName(unit, used), rows, ...(extra.length > 0 ? { extraColumns: extra } : {}) };
  });
  return { ledgers, pending: [...pending], keptRows, removedRows, renamed, moves, rowMoves, renumbered };
}

const isFilled = (v: FillValue | undefined): boolean => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');

/** A row counts as typed when any fill column holds something other than blanks. */
export function hasTypedValue(fills: Fills): boolean {
  return FILL_KEYS.some((k) => isFilled(fills[k]));
}

/** A previous row with something typed: in a fill column or in a column the unit added. */
export function isTyped(row: Pick<PreviousRow, 'fills' | 'extras'>): boolean {
  return hasTypedValue(row.fills) || Object.values(row.extras ?? {}).some(isFilled);
}
