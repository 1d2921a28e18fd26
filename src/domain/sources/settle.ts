import type { Task } from '../notice/types';
import { PREFIX_JOINT, prefixIds } from './ids';
import { shortName } from './names';
import { splitBySource } from './bySource';

export type SettledIds = { tasks: Task[]; renamed: Array<{ from: string; to: string; source: string }> };

/**
 * 任务清单 read back, each later source's ids made to carry its 简称 (DESIGN §13): a row the
 * office typed with a new 事项来源 (a 领导批示, `批示`) or added to a later source gets the prefix
 * its source has (the one most of its ids carry) or a new one. The first source is never touched:
 * its ids are the notice's own, which returned unit files and earlier workbooks key on.
 * `generated` are ids 任务清单 left blank (numbered within their source instead).
 */
export function settleSourceIds(tasks: readonly Task[], generated: ReadonlySet<string>): SettledIds {
  const groups = [...splitBySource(tasks)];
  if (groups.length < 2) return { tasks: [...tasks], renamed: [] };
  const shorts = groups.slice(1).map(([, ts]) => carriedPrefix(ts));
  const taken = shorts.filter((s): s is string => s !== null);
  const ids = new Set(tasks.map((t) => t.id));
  const byId = new Map<Task, Task>();
  const renamed: SettledIds['renamed'] = [];
  groups.slice(1).forEach(([name, ts], i) => {
    let short = shorts[i] ?? null;
    if (short === null) taken.push((short = shortName(name, taken)));
    const others = new Set([...ids].filter((id) => !ts.some((t) => t.id === id)));
    const out = prefixIds(ts, short, generated, others);
    ts.forEach((t, k) => byId.set(t, out.tasks[k] as Task));
    renamed.push(...out.renamed.map((r) => ({ ...r, source: name })));
  });
  return { tasks: tasks.map((t) => byId.get(t) ?? t), renamed };
}

/** The prefix most of a source's ids carry, or null when none carries one. */
function carriedPrefix(tasks: readonly Task[]): string | null {
  const counts = new Map<string, number>();
  for (const t of tasks) {
    const at = t.id.indexOf(PREFIX_JOINT);
    if (at > 0) counts.set(t.id.slice(0, at), (counts.get(t.id.slice(0, at)) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
