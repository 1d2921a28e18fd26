import type { Issue } from '../notice/types';

type IdDraft = { id: string | null; idMerged: boolean; line: number; where: string };

/**
 * Task ids: the 编号 column's text as written (`11.10` stays `11.10`), else the task's place in
 * the table (`<row>`: 1, 2, …). An id several rows share gets `.1`, `.2`, … — silently when one
 * merged 序号 cell numbers several task rows (its sub-tasks), with a warning otherwise.
 *
 * @example
 * uniqueIds([{ id: '3', idMerged: false, … }, { id: '3', idMerged: true, … }], []) //=> ['3.1', '3.2']
 */
export function uniqueIds(drafts: readonly IdDraft[], issues: Issue[]): string[] {
  const ids = drafts.map((d, i) => d.id ?? String(i + 1));
  const groups = new Map<string, number[]>();
  ids.forEach((id, i) => groups.set(id, [...(groups.get(id) ?? []), i]));
  const used = new Set(ids);
  for (const [id, members] of groups) {
    if (members.length < 2) continue;
    const renamed = members.map((i, k) => {
      // `3.1` may be taken by another row's own id: then `3.1-2`, `3.1-3`, …
      const base = `${id}.${k + 1}`;
      let next = base;
      for (let n = 2; used.has(next); n++) next = `${base}-${n}`;
      used.add(next);
      ids[i] = next;
      return next;
    });
    const merged = members.slice(1).every((i) => drafts[i]?.idMerged === true);
    if (!merged) {
      const first = drafts[members[0] as number] as IdDraft;
      issues.push({
        severity: 'warning',
        code: 'DUPLICATE_ID',
        message: `编号 ${id} 出现 ${members.length} 次（${members.map((i) => drafts[i]?.where ?? '').join('、')}），已改为 ${renamed.join('、')}`,
        line: first.line,
      });
    }
  }
  return ids;
}
