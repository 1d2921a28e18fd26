import { Badge, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ParsedNotice, Role } from '../domain/notice/types';
import { ROLE_LABEL, SEVERITY_LABEL } from '../domain/notice/labels';
import type { Severity } from '../domain/notice/types';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  counts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '160px', overflowY: 'auto' },
});


/** What the parser found: the figures a 督查室 checks against the notice before generating. */
export function NoticeSummary({ notice }: { notice: ParsedNotice }) {
  const styles = useStyles();
  const roles: Record<Role, number> = { lead: 0, joint: 0, support: 0, each: 0 };
  for (const t of notice.tasks) for (const u of t.units) roles[u.role]++;
  return (
    <section className={styles.root} aria-label="解析结果">
      <Text weight="semibold">{notice.notice.title || '（未识别标题）'}</Text>
      {/* A table has neither: a line of dashes would only puzzle. */}
      {(notice.notice.issuer !== null || notice.notice.date !== null) && (
        <Caption1>
          {notice.notice.issuer ?? '—'} · {notice.notice.date ?? '—'}
        </Caption1>
      )}
      <div className={styles.counts}>
        <Badge appearance="tint">板块 {notice.sections.length}</Badge>
        <Badge appearance="tint">事项 {notice.itemCount}</Badge>
        <Badge appearance="tint" data-testid="task-count">任务 {notice.tasks.length}</Badge>
        <Badge appearance="tint">单位 {notice.units.length}</Badge>
        {(Object.keys(ROLE_LABEL) as Role[]).map((r) => (
          <Badge key={r} appearance="outline">
            {ROLE_LABEL[r]} {roles[r]}
          </Badge>
        ))}
      </div>
      {notice.issues.length > 0 && (
        <>
          <Caption1>
            解析问题：
            {(['error', 'warning', 'info'] as Severity[])
              .map((s) => [s, notice.issues.filter((i) => i.severity === s).length] as const)
              .filter(([, n]) => n > 0)
              .map(([s, n]) => `${SEVERITY_LABEL[s]} ${n} 个`)
              .join('，')}
          </Caption1>
          <ul className={styles.issues} aria-label="解析问题">
            {[...notice.issues]
              .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.line - b.line)
              .map((i, k) => (
                <li key={k}>
                  <Caption1>
                    【{SEVERITY_LABEL[i.severity]}】{i.line > 0 ? `第${i.line}行 ` : ''}
                    {i.message}
                  </Caption1>
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
