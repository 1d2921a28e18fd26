import type { TaskUnit } from '../notice/types';
import { ROLE_LABEL } from '../notice/labels';
import type { DiffTask, TaskChange, TaskDiff } from './diffTasks';
import type { RowMove } from '../ledger/ledgers';

/** Task text shown in a line of the preview, cut to this many characters. */
const TEXT_SHOWN = 30;

const cut = (text: string): string => (text.length > TEXT_SHOWN ? `${text.slice(0, TEXT_SHOWN)}…` : text);

/** `牵头：市财政局；配合：市人社局、市商务局` */
export function describeUnits(units: readonly TaskUnit[]): string {
  const parts = (['lead', 'joint', 'each', 'support'] as const).flatMap((role) => {
    const names = units.filter((u) => u.role === role).map((u) => u.name);
    return names.length > 0 ? [`${ROLE_LABEL[role]}：${names.join('、')}`] : [];
  });
  return parts.length > 0 ? parts.join('；') : '无单位';
}

const dueText = (due: string | null): string => due ?? '无截止日期';

/** One line per thing that changed in a task, in words: `牵头单位：市财政局 → 市审计局`. */
export function describeChange(c: TaskChange): string[] {
  const out: string[] = [];
  if (c.fields.includes('id')) out.push(`编号 ${c.from} → ${c.task}`);
  if (c.fields.includes('text')) out.push(`任务内容改为：${cut(c.after.text)}`);
  // A unit replaced by another in the same role reads as one change: 牵头单位：市财政局 → 市审计局.
  for (const role of ['lead', 'joint', 'each', 'support'] as const) {
    const gone = c.unitsRemoved.filter((u) => u.role === role).map((u) => u.name);
    const come = c.unitsAdded.filter((u) => u.role === role).map((u) => u.name);
    if (gone.length > 0 && come.length > 0) out.push(`${ROLE_LABEL[role]}单位：${gone.join('、')} → ${come.join('、')}`);
    else if (come.length > 0) out.push(`增加${ROLE_LABEL[role]}单位：${come.join('、')}`);
    else if (gone.length > 0) out.push(`去掉${ROLE_LABEL[role]}单位：${gone.join('、')}`);
  }
  for (const r of c.roles) out.push(`${r.name}：${ROLE_LABEL[r.from]} → ${ROLE_LABEL[r.to]}`);
  if (c.fields.includes('deadline')) {
    const text = c.before.deadline !== c.after.deadline ? `完成时限 “${c.before.deadline}” → “${c.after.deadline}”` : '完成时限不变';
    out.push(c.before.due !== c.after.due ? `${text}，截止日期 ${dueText(c.before.due)} → ${dueText(c.after.due)}` : text);
  }
  return out;
}

const taskLine = (t: DiffTask): string => `${t.id} ${cut(t.text)}（${describeUnits(t.units)}${t.deadline ? `；${t.deadline}` : ''}）`;

const MOVE_LABEL = { renumbered: '随任务移到', removed: '标为已移出分工', restored: '回到任务' } as const;

/** `市财政局 任务 3.1 的已填内容随任务移到 2.1` */
export const describeRowMove = (m: RowMove): string => `${m.unit} 任务 ${m.from} 的已填内容${MOVE_LABEL[m.kind]}${m.kind === 'removed' ? '' : ` ${m.to}`}`;

/** Nothing added, changed or removed, and no ledger row moved: applying it would change nothing. */
export const isUnchanged = (d: TaskDiff): boolean => d.added.length + d.removed.length + d.changed.length + d.movedRows === 0;

/**
 * A warning when an update would move more of the workbook's tasks out than it keeps: what applying
 * another document (a meeting's decisions, a second table) as an update of a source looks like,
 * where it should have been added as a new source (DESIGN §13). The caller says how to add it.
 * @example removalWarning(diffOf({ removed: 120, unchanged: 0 })) //=> '这次更新会把工作簿中的 120 项任务移出分工，只保留 0 项。如果这是另一份文件（会议议定事项、领导批示、另一张分工表），'
 */
export function removalWarning(d: TaskDiff): string | null {
  const kept = d.unchanged + d.changed.length;
  if (d.removed.length <= kept) return null;
  return `这次更新会把工作簿中的 ${d.removed.length} 项任务移出分工，只保留 ${kept} 项。如果这是另一份文件（会议议定事项、领导批示、另一张分工表），`;
}

/** The headline of the preview: counts of what changes. */
export function diffHeadline(d: TaskDiff): string {
  if (isUnchanged(d)) return '分工没有变化';
  return `新增任务 ${d.added.length} 项，修改 ${d.changed.length} 项，移出 ${d.removed.length} 项；已填写的台账行移动 ${d.movedRows} 行（内容随之保留，不会丢失）`;
}

/**
 * The whole preview as lines of text (the CLI prints it; the pane shows the same words).
 * @example describeDiff(diff)[0] //=> '新增任务 1 项，修改 2 项，移出 1 项；已填写的台账行移动 3 行（内容随之保留，不会丢失）'
 */
export function describeDiff(d: TaskDiff): string[] {
  const lines = [diffHeadline(d)];
  if (d.added.length > 0) lines.push('新增：', ...d.added.map((t) => `  ${taskLine(t)}`));
  if (d.changed.length > 0) {
    lines.push('修改：');
    for (const c of d.changed) lines.push(`  ${c.task} ${cut(c.after.text)}`, ...describeChange(c).map((l) => `    ${l}`));
  }
  if (d.removed.length > 0) lines.push('移出分工：', ...d.removed.map((t) => `  ${taskLine(t)}`));
  if (d.rows.length > 0) lines.push('台账行移动：', ...d.rows.map((m) => `  ${describeRowMove(m)}`));
  // "其余" only when something else changed: with nothing changed it would suggest there was.
  if (d.unchanged > 0) lines.push(isUnchanged(d) ? `全部 ${d.unchanged} 项任务与工作簿中的相同` : `其余 ${d.unchanged} 项任务没有变化`);
  return lines;
}

