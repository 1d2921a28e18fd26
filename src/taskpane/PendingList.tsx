import { Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PendingPlace } from '../host/hostTypes';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '240px', overflowY: 'auto' },
  // Unit names can be long: a line wraps instead of widening the pane.
  line: { whiteSpace: 'normal', textAlign: 'start', height: 'auto', minWidth: 0, justifyContent: 'flex-start' },
});

/** What the office has to answer: 延期申请 awaiting 延期批复, 已完成 awaiting 审核 (DESIGN §12). */
export function PendingList({ pending, onSelect, running }: { pending: PendingPlace[]; onSelect(sheet: string, cell: string): void; running: boolean }) {
  const styles = useStyles();
  const asks = pending.filter((p) => p.kind === 'extension');
  const reviews = pending.filter((p) => p.kind === 'review');
  if (pending.length === 0) return <Caption1>没有待批复的延期申请，也没有待审核的办结。</Caption1>;
  const section = (title: string, items: PendingPlace[], say: (p: PendingPlace) => string) =>
    items.length > 0 && (
      <>
        <Text weight="semibold">{`${title} ${items.length} 项`}</Text>
        <ul className={styles.list} aria-label={title}>
          {items.map((p) => (
            <li key={`${p.sheet}!${p.cell}`}>
              <Button className={styles.line} appearance="transparent" size="small" disabledFocusable={running} title={`转到 ${p.sheet}!${p.cell}`} onClick={() => onSelect(p.sheet, p.cell)}>
                {say(p)}
              </Button>
            </li>
          ))}
        </ul>
      </>
    );
  return (
    <div className={styles.root}>
      {section('待批复的延期申请', asks, (p) => `任务 ${p.task} · ${p.unit} · 截止 ${p.due ?? '—'}，申请延期至 ${p.requested ?? '—'}`)}
      {section('待审核的办结', reviews, (p) => `任务 ${p.task} · ${p.unit} · 报已完成，待审核`)}
      <Caption1>点击一行转到该行的“延期批复”或“审核结果”单元格。</Caption1>
    </div>
  );
}
