import type { Task } from '../notice/types';

/** Between a later source's 简称 and the task's own id: `纪要12-3`. */
export const PREFIX_JOINT = '-';

/** `纪要12` → `纪要12-`. */
export const idPrefix = (short: string): string => `${short}${PREFIX_JOINT}`;

/**
 * The 简称 a source's ids already carry: the part before the first `-` when every id has the
 * same one; null when they do not (the first source, or a source typed into 任务清单 just now).
 * @example shortOfIds(['批示-1', '批示-2']) //=> '批示'
 */
export function shortOfIds(ids: readonly string[]): string | null {
  let short: string | null = null;
  for (const id of ids) {
    const at = id.indexOf(PREFIX_JOINT);
    if (at <= 0) return null;
    const s = id.slice(0, at);
    if (short !== null && s !== short) return null;
    short = s;
  }
  return short;
}

/**
 * A later source's tasks under ids prefixed with its 简称, in every sheet alike (DESIGN §13).
 * An id already carrying the prefix keeps it; an id the office never typed (`generated`) is
 * numbered within the source, `批示-1`, `批示-2`, rather than after the whole workbook's items.
 * `taken` are the ids of the other sources: a prefixed id never takes one of them.
 * @example prefixIds([task('3')], '纪要12').map((t) => t.id) //=> ['纪要12-3']
 */
export function prefixIds(tasks: readonly Task[], short: string, generated: ReadonlySet<string> = new Set(), taken: ReadonlySet<string> = new Set()): { tasks: Task[]; renamed: Array<{ from: string; to: string }> } {
  const prefix = idPrefix(short);
  const used = new Set([...taken, ...tasks.map((t) => t.id)]);
  let next = 1;
  const fresh = (): string => {
    while (used.has(`${prefix}${next}`)) next++;
    return `${prefix}${next++}`;
  };
  const renamed: Array<{ from: string; to: string }> = [];
  const out = tasks.map((t) => {
    if (t.id.startsWith(prefix)) return t;
    let id = generated.has(t.id) ? fresh() : `${prefix}${t.id}`;
    if (used.has(id) && id !== t.id) id = fresh();
    used.add(id);
    renamed.push({ from: t.id, to: id });
    return { ...t, id };
  });
  return { tasks: out, renamed };
}
