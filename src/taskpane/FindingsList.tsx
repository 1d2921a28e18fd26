import { useMemo } from 'react';
import {
  Badge,
  Button,
  Caption1,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  createTableColumn,
  makeStyles,
  Text,
  tokens,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import type { PaneFinding, ValidateResult } from './hostTypes';
import { SEVERITY_LABEL } from '../domain/notice/labels';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  grid: { maxHeight: '360px', overflowY: 'auto' },
});

const INTENT = { error: 'danger', warning: 'warning', info: 'informative' } as const;
/** Enough to act on; the whole list is in the 校验结果 sheet. */
const SHOWN = 200;

/** The findings of the last 校验 as a grid; clicking a place goes to its cell. */
export function FindingsList({ result, onSelect }: { result: ValidateResult; onSelect(f: PaneFinding): void }) {
  const styles = useStyles();
  const columns = useMemo<Array<TableColumnDefinition<PaneFinding>>>(
    () => [
      createTableColumn<PaneFinding>({
        columnId: 'severity',
        renderHeaderCell: () => '级别',
        renderCell: (f) => (
          <Badge appearance="tint" color={INTENT[f.severity]}>
            {SEVERITY_LABEL[f.severity]}
          </Badge>
        ),
      }),
      createTableColumn<PaneFinding>({
        columnId: 'place',
        renderHeaderCell: () => '位置',
        renderCell: (f) => (
          <Button appearance="transparent" size="small" onClick={() => onSelect(f)}>
            {f.sheet}!{f.cell}
          </Button>
        ),
      }),
      createTableColumn<PaneFinding>({ columnId: 'message', renderHeaderCell: () => '说明', renderCell: (f) => <Caption1>{f.message}</Caption1> }),
    ],
    [onSelect],
  );
  const shown = result.findings.slice(0, SHOWN);
  return (
    <section className={styles.root} aria-label="校验结果">
      <Text weight="semibold">
        校验结果（统计日期 {result.asOf}）：错误 {result.errors} 个，警告 {result.warnings} 个
      </Text>
      {shown.length === 0 ? (
        <Caption1>没有发现问题。</Caption1>
      ) : (
        <DataGrid className={styles.grid} items={shown} columns={columns} getRowId={(f: PaneFinding) => `${f.code}|${f.sheet}|${f.cell}`} aria-label="校验发现的问题" size="small">
          <DataGridHeader>
            <DataGridRow>{({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}</DataGridRow>
          </DataGridHeader>
          <DataGridBody<PaneFinding>>
            {({ item, rowId }) => <DataGridRow<PaneFinding> key={rowId}>{({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}</DataGridRow>}
          </DataGridBody>
        </DataGrid>
      )}
      {result.findings.length > SHOWN && <Caption1>仅列出前 {SHOWN} 条，全部 {result.findings.length} 条见“校验结果”工作表。</Caption1>}
    </section>
  );
}
