import { Badge, Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { PaneFinding, ValidateResult } from './hostTypes';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  list: { listStyleType: 'none', margin: 0, padding: 0, maxHeight: '320px', overflowY: 'auto' },
  item: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline', paddingBlock: tokens.spacingVerticalXXS },
});

const INTENT = { error: 'danger', warning: 'warning', info: 'informative' } as const;
const LABEL = { error: '错误', warning: '警告', info: '提示' } as const;
/** Enough to act on; the whole list is in the 校验结果 sheet. */
const SHOWN = 200;

/** The findings of the last 校验; clicking one goes to its cell. */
export function FindingsList({ result, onSelect }: { result: ValidateResult; onSelect(f: PaneFinding): void }) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label="校验结果">
      <Text weight="semibold">
        校验结果（统计日期 {result.asOf}）：错误 {result.errors} 个，警告 {result.warnings} 个
      </Text>
      {result.findings.length === 0 ? (
        <Caption1>没有发现问题。</Caption1>
      ) : (
        <ul className={styles.list}>
          {result.findings.slice(0, SHOWN).map((f, i) => (
            <li key={i} className={styles.item}>
              <Badge appearance="tint" color={INTENT[f.severity]}>
                {LABEL[f.severity]}
              </Badge>
              <Button appearance="transparent" size="small" onClick={() => onSelect(f)}>
                {f.sheet}!{f.cell}
              </Button>
              <Caption1>{f.message}</Caption1>
            </li>
          ))}
        </ul>
      )}
      {result.findings.length > SHOWN && <Caption1>仅列出前 {SHOWN} 条，全部 {result.findings.length} 条见“校验结果”工作表。</Caption1>}
    </section>
  );
}
