import { useMemo, useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Select,
  Field,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PaneFinding, ValidateResult } from '../host/hostTypes';
import { forUnits, groupFindings, type RuleGroup } from '../domain/validation/group';
import type { Finding } from '../domain/validation/findings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  filters: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  filter: { minWidth: '110px', flexGrow: 1 },
  header: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, alignItems: 'center', minWidth: 0 },
  rule: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, marginBottom: tokens.spacingVerticalS },
  places: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
  place: { whiteSpace: 'nowrap', minWidth: 'auto' },
  // Unit names can be long (国家开发银行天津市分行): these lines wrap instead of widening the pane.
  line: { whiteSpace: 'normal', textAlign: 'start', height: 'auto', minWidth: 0, justifyContent: 'flex-start' },
  nowrap: { whiteSpace: 'nowrap' },
});

/** Locations listed per rule; the rest are in the 校验结果 sheet. */
const PLACES_SHOWN = 12;

type Severity = 'all' | 'error' | 'warning';

/**
 * The findings of the last 校验, as a clerk acts on them: errors of rows units filled first,
 * grouped by unit then rule with counts; rows nobody filled in as one line per unit; filters by
 * severity and unit. A location is a button that goes to its cell.
 */
export function FindingsList({ result, onSelect }: { result: ValidateResult; onSelect(sheet: string, cell: string): void }) {
  const styles = useStyles();
  const [severity, setSeverity] = useState<Severity>('all');
  const [unit, setUnit] = useState('');
  const units = useMemo(() => [...new Set(result.findings.map((f) => f.unit).filter((u) => u !== ''))].sort((a, b) => a.localeCompare(b, 'zh-CN')), [result]);
  const grouped = useMemo(() => {
    const byUnit: readonly Finding[] = unit ? forUnits(result.findings, [unit]) : result.findings;
    return groupFindings(byUnit.filter((f) => severity === 'all' || f.severity === severity || (severity === 'warning' && f.code === 'NOT_REPORTED')));
  }, [result, severity, unit]);
  const fixable = new Set(result.findings.filter((f) => f.fixable).map((f) => `${f.sheet}!${f.cell}`));
  const all = useMemo(() => groupFindings(result.findings), [result]);

  return (
    <section className={styles.root} aria-label="校验结果">
      <Text weight="semibold">
        校验结果（统计日期 <span className={styles.nowrap}>{result.asOf}</span>）：错误 {all.errors} 个，警告 {all.warnings} 个{all.notReportedRows > 0 ? `，未填报 ${all.notReportedRows} 行` : ''}
      </Text>
      <div className={styles.filters}>
        <Field label="级别" className={styles.filter} size="small">
          <Select size="small" value={severity} onChange={(_, d) => setSeverity(d.value as Severity)}>
            <option value="all">全部</option>
            <option value="error">错误</option>
            <option value="warning">警告</option>
          </Select>
        </Field>
        <Field label="单位" className={styles.filter} size="small">
          <Select size="small" value={unit} onChange={(_, d) => setUnit(d.value)}>
            <option value="">全部单位</option>
            {units.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {grouped.units.length === 0 && grouped.notReported.length === 0 ? (
        <Caption1>{result.findings.length === 0 ? '没有发现问题。' : '没有符合筛选条件的问题。'}</Caption1>
      ) : (
        <Accordion multiple collapsible defaultOpenItems={grouped.units[0] ? [`u:${grouped.units[0].unit}`] : []}>
          {grouped.units.map((g) => (
            <AccordionItem key={g.unit} value={`u:${g.unit}`}>
              <AccordionHeader size="small">
                <span className={styles.header}>
                  <Text weight="semibold">{g.unit || '工作簿'}</Text>
                  {g.errors > 0 && (
                    <Badge appearance="tint" color="danger">
                      错误 {g.errors}
                    </Badge>
                  )}
                  {g.warnings > 0 && (
                    <Badge appearance="tint" color="warning">
                      警告 {g.warnings}
                    </Badge>
                  )}
                </span>
              </AccordionHeader>
              <AccordionPanel>
                {g.rules.map((r) => (
                  <Rule key={r.label} rule={r} fixable={fixable} onSelect={onSelect} />
                ))}
              </AccordionPanel>
            </AccordionItem>
          ))}
          {grouped.notReported.length > 0 && (
            <AccordionItem value="not-reported">
              <AccordionHeader size="small">
                未填报：{grouped.notReported.length} 个单位，{grouped.notReportedRows} 行
              </AccordionHeader>
              <AccordionPanel>
                <ul aria-label="未填报的单位">
                  {grouped.notReported.map((n) => (
                    <li key={n.unit}>
                      <Button appearance="transparent" size="small" className={styles.line} onClick={() => onSelect(n.sheet, n.cell)}>
                        {n.unit}：{n.rows} 行未填报
                      </Button>
                    </li>
                  ))}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          )}
        </Accordion>
      )}
    </section>
  );
}

function Rule({ rule, fixable, onSelect }: { rule: RuleGroup; fixable: Set<string>; onSelect(sheet: string, cell: string): void }) {
  const styles = useStyles();
  const canFix = rule.findings.some((f) => fixable.has(`${f.sheet}!${f.cell}`));
  const shown = rule.findings.slice(0, PLACES_SHOWN);
  return (
    <div className={styles.rule}>
      <span className={styles.header}>
        <Caption1>
          {rule.label}（{rule.count} 处）
        </Caption1>
        {canFix && (
          <Badge appearance="outline" color="success">
            可自动修正
          </Badge>
        )}
      </span>
      <Caption1>{rule.findings[0]?.message}</Caption1>
      <div className={styles.places} role="list" aria-label={`${rule.label}的位置`}>
        {shown.map((f) => (
          <span role="listitem" key={`${f.sheet}!${f.cell}`}>
            <Button appearance="transparent" size="small" className={styles.place} aria-label={`${placeText(f)}，${f.sheet}!${f.cell}`} title={f.message} onClick={() => onSelect(f.sheet, f.cell)}>
              {placeText(f)}
            </Button>
          </span>
        ))}
      </div>
      {rule.count > PLACES_SHOWN && <Caption1>另有 {rule.count - PLACES_SHOWN} 处，见“校验结果”工作表。</Caption1>}
    </div>
  );
}

/** What a location button shows: the cell and its task. Its accessible name adds the sheet. */
const placeText = (f: Finding): string => `${f.cell}${f.task ? ` 任务${f.task}` : ''}`;

export type { PaneFinding };
