import type { DeadlineKind, ParsedNotice, Role } from './types';
import { DEADLINE_KIND_LABEL as KIND_LABEL, ROLE_LABEL, SEVERITY_LABEL } from './labels';


/** The readable overview `duban parse FILE` prints: counts, units by load, deadline kinds, issues. */
export function formatOverview(parsed: ParsedNotice): string {
  const out: string[] = [];
  const { notice } = parsed;
  out.push(`通知：${notice.title || '（无标题）'}`);
  out.push(`发文：${notice.issuer ?? '—'}  日期：${notice.date ?? '—'}  年度：${notice.year ?? '—'}  文号：${notice.docNumber ?? '—'}`);
  const roleTotals: Record<Role, number> = { lead: 0, joint: 0, support: 0, each: 0 };
  for (const t of parsed.tasks) for (const u of t.units) roleTotals[u.role]++;
  const assignments = roleTotals.lead + roleTotals.joint + roleTotals.support + roleTotals.each;
  out.push(
    `板块 ${parsed.sections.length} · 事项 ${parsed.itemCount} · 任务 ${parsed.tasks.length} · 单位 ${parsed.units.length} · 分工 ${assignments}` +
      `（${(Object.keys(ROLE_LABEL) as Role[]).map((r) => `${ROLE_LABEL[r]} ${roleTotals[r]}`).join('，')}）`,
  );
  out.push('');
  out.push('单位任务量（按总数排序）：');
  const units = [...parsed.units].sort((a, b) => total(b) - total(a) || a.name.localeCompare(b.name, 'zh'));
  const width = Math.max(...units.map((u) => displayWidth(u.name)), 4);
  out.push(`  ${pad('单位', width)}  牵头  负责  配合  分别  合计`);
  for (const u of units) {
    out.push(`  ${pad(u.name, width)}  ${num(u.lead)}  ${num(u.joint)}  ${num(u.support)}  ${num(u.each)}  ${num(total(u))}`);
  }
  out.push('');
  const kinds = new Map<DeadlineKind, number>();
  for (const t of parsed.tasks) for (const c of t.deadline.clauses) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
  out.push(`时限类型：${[...kinds].map(([k, n]) => `${KIND_LABEL[k]}(${k}) ${n}`).join('，') || '—'}`);
  out.push(`量化指标：${parsed.tasks.reduce((n, t) => n + t.targets.length, 0)} 个`);
  out.push('');
  if (parsed.issues.length === 0) {
    out.push('问题：无');
  } else {
    out.push(`问题 ${parsed.issues.length} 个：`);
    for (const i of parsed.issues) out.push(`  [${SEVERITY_LABEL[i.severity]}] ${i.code}${i.line > 0 ? ` 第${i.line}行` : ''}：${i.message}`);
  }
  return out.join('\n');
}

const total = (u: { lead: number; joint: number; support: number; each: number }): number => u.lead + u.joint + u.support + u.each;
const num = (n: number): string => String(n).padStart(4);

/** CJK characters take two columns in a terminal. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}
function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}
