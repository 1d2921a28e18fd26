import type { ParsedNotice, Section, Task } from '../notice/types';
import { unitLoadsOf } from './unitLoads';
import { DEFAULT_SOURCE, shortName } from './names';
import { prefixIds, shortOfIds } from './ids';

/** A task's source: its own, else the workbook's only one (a workbook from before 事项来源). */
export const sourceOf = (task: Pick<Task, 'source'>, fallback: string = DEFAULT_SOURCE): string => task.source ?? fallback;

/**
 * The sources of a workbook's tasks, in the order they first appear in 任务清单: the first one
 * is the source whose ids were never prefixed.
 * @example sourcesOf([{ source: 'A' }, { source: 'B' }, { source: 'A' }]) //=> ['A', 'B']
 */
export function sourcesOf(tasks: ReadonlyArray<Pick<Task, 'source'>>, fallback: string = DEFAULT_SOURCE): string[] {
  return [...new Set(tasks.map((t) => sourceOf(t, fallback)))];
}

/** The tasks of one source, in their order: what `report --source NAME` and per-source figures read. */
export function tasksOfSource<T extends Pick<Task, 'source'>>(tasks: readonly T[], name: string, fallback: string = DEFAULT_SOURCE): T[] {
  return tasks.filter((t) => sourceOf(t, fallback) === name);
}

/** Each source's tasks, sources in first-appearance order. */
export function splitBySource(tasks: readonly Task[], fallback: string = DEFAULT_SOURCE): Map<string, Task[]> {
  const out = new Map<string, Task[]>();
  for (const t of tasks) {
    const name = sourceOf(t, fallback);
    out.set(name, [...(out.get(name) ?? []), t]);
  }
  return out;
}

/**
 * The 简称 each source's ids carry: null for the first source (the notice's own ids), and for a
 * source that became first when the one before it was removed unless its ids carry its own 简称.
 */
export function shortNames(groups: ReadonlyMap<string, readonly Task[]>): Map<string, string | null> {
  const out = new Map<string, string | null>();
  [...groups].forEach(([name, tasks], i) => {
    const carried = shortOfIds(tasks.map((t) => t.id));
    out.set(name, i > 0 || (carried !== null && carried.startsWith(shortName(name, [])) && tasks.length > 0) ? carried : null);
  });
  return out;
}

export type SourceJoin = {
  notice: ParsedNotice;
  /** Whether `name` was not a source of the workbook before. */
  added: boolean;
  /** The 简称 its ids carry; null for the first source (its ids are the notice's own). */
  short: string | null;
};

/**
 * A workbook's tasks with one source's tasks replaced by `incoming` (or added as a new source at
 * the end): every other source's tasks stay as they are, in their place (DESIGN §13). The first
 * source keeps its ids; a later one's are prefixed with its 简称, the one it already has when it
 * is updated. Its 板块 are numbered after those of the sources before it, so 汇总's 分板块 keeps
 * them apart. The document keeps the workbook's own notice (its year) unless `incoming` is the
 * workbook's only source.
 */
export function joinSource(current: ParsedNotice, name: string, incoming: ParsedNotice, fallback: string = DEFAULT_SOURCE): SourceJoin {
  const groups = splitBySource(current.tasks, fallback);
  const added = !groups.has(name);
  const order = added ? [...groups.keys(), name] : [...groups.keys()];
  const shorts = shortNames(groups);
  const others = [...groups].filter(([n]) => n !== name).flatMap(([, ts]) => ts);
  // A source keeps the 简称 its ids carry; a new one gets its own, unless it is the workbook's only source.
  const taken = [...shorts.values()].filter((s): s is string => s !== null);
  const short = added ? (others.length === 0 ? null : shortName(name, taken)) : (shorts.get(name) ?? null);
  const first = order[0] === name;
  const before = order.slice(0, order.indexOf(name)).flatMap((n) => groups.get(n) ?? []);
  const offset = first ? 0 : sectionOffset(current.sections, before, incoming.sections);
  const stamped = incoming.tasks.map((t) => ({ ...t, source: name, section: t.section === null ? null : t.section + offset }));
  const mine = short === null ? stamped : prefixIds(stamped, short, new Set(), new Set(others.map((t) => t.id))).tasks;
  const tasks = order.flatMap((n) => (n === name ? mine : (groups.get(n) ?? []).map((t) => ({ ...t, source: n }))));
  const sections = mergeSections(current.sections.filter((s) => others.some((t) => t.section === s.no)), incoming.sections.map((s) => ({ ...s, no: s.no + offset })));
  const base = others.length === 0 ? incoming : current;
  return {
    notice: { ...base, notice: base.notice, sections, tasks, itemCount: new Set(tasks.map((t) => `${sourceOf(t, fallback)}\u0000${t.item}`)).size, units: unitLoadsOf(tasks, [...current.units, ...incoming.units]), issues: incoming.issues },
    added,
    short,
  };
}

/** Sections of a later source come after every 板块 of the sources before it. */
function sectionOffset(sections: readonly Section[], before: readonly Task[], incoming: readonly Section[]): number {
  if (incoming.length === 0) return 0;
  const used = new Set(before.map((t) => t.section).filter((n): n is number => n !== null));
  return sections.filter((s) => used.has(s.no)).reduce((m, s) => Math.max(m, s.no), 0);
}

function mergeSections(a: readonly Section[], b: readonly Section[]): Section[] {
  const out = new Map<number, Section>();
  for (const s of [...a, ...b]) if (!out.has(s.no)) out.set(s.no, s);
  return [...out.values()].sort((x, y) => x.no - y.no);
}

/**
 * Why an input without `--source` cannot be applied to a workbook of several sources, naming them
 * (the CLI's usage error, the pane's question).
 * @example severalSourcesMessage(['分工通知', '纪要12']) //=> '工作簿中有 2 个事项来源：分工通知、纪要12；…'
 */
export function severalSourcesMessage(names: readonly string[]): string {
  const last = names[names.length - 1] ?? '';
  return `工作簿中有 ${names.length} 个事项来源：${names.join('、')}；请指明本次更新的是哪一个来源，或以新的名称作为新的事项来源加入（命令行：--source 名称，如 --source ${last}）`;
}
