import type { ParsedNotice, Role, Task } from '../../src/domain/notice/types';

const ROLES: Role[] = ['lead', 'joint', 'support', 'each'];

/**
 * A one-line-per-task projection of a parse, small enough to check by hand against the notice:
 * `4.2 §3 | joint: 人民银行天津分行 … | 年内持续推进 = ongoing 2020-12-31 | due 2020-12-31`.
 */
export function digest(parsed: ParsedNotice): string {
  const head = [
    `title: ${parsed.notice.title}`,
    `issuer: ${parsed.notice.issuer ?? '-'} | date: ${parsed.notice.date ?? '-'} | year: ${parsed.notice.year ?? '-'} | docNumber: ${parsed.notice.docNumber ?? '-'}`,
    `sections: ${parsed.sections.map((s) => `${s.no} ${s.title}`).join(' / ')}`,
    `items: ${parsed.itemCount} | tasks: ${parsed.tasks.length}`,
  ];
  return [...head, ...parsed.tasks.map(taskLine), ...parsed.issues.map((i) => `issue ${i.severity} ${i.code} line ${i.line}`)].join('\n') + '\n';
}

function taskLine(t: Task): string {
  const roles = ROLES.map((r) => [r, t.units.filter((u) => u.role === r).map((u) => u.name)] as const)
    .filter(([, names]) => names.length > 0)
    .map(([r, names]) => `${r}: ${names.join('、')}`);
  const clauses = t.deadline.clauses.map((c) => `${c.text} = ${c.kind} ${c.due ?? '-'}`).join('；');
  const targets = t.targets.map((g) => `${g.comparator}${g.value}${g.max === null ? '' : `~${g.max}`}${g.unit}${g.direction === 'level' ? '' : `(${g.direction})`} ${g.indicator}`);
  const parts = [`${t.id} §${t.section ?? '-'}`, ...roles, clauses || 'no deadline', `due ${t.deadline.due ?? '-'}`];
  if (t.deadline.milestones.length > 0) parts.push(`milestones ${t.deadline.milestones.join(',')}`);
  if (targets.length > 0) parts.push(`targets ${targets.join('；')}`);
  parts.push(`text ${t.text.slice(0, 12)}…${t.text.slice(-6)}`);
  return parts.join(' | ');
}
