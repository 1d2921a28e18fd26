import { Suspense } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { GenerateResult } from '../host/hostTypes';
import type { HostAction } from './useHostAction';
import type { SheetTable } from './useSheetTable';
import type { SourceQuestion } from './useSourceChoice';
import type { TableInput } from '../domain/table/readTaskTables';
import { ActionStatus } from './ActionStatus';
import { SheetTablePreview } from './lazyParts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

type Props = {
  table: SheetTable;
  /** Which 事项来源 the table is, when the workbook already has tasks. */
  source: SourceQuestion;
  generate: HostAction<[TableInput, string | null], GenerateResult>;
  /** Start 生成工作簿 from the table (the stage asks first when a workbook is already there). */
  onGenerate(table: TableInput): void;
  /** null when the workbook can be reached. */
  unavailableReason: string | null;
  running: boolean;
  generatedMessage(r: GenerateResult): string;
};

/**
 * 从当前工作表读取: the office's own 分工表 in the open workbook, read as it stands, previewed (tasks,
 * units, roles, how each column was understood, problems) before anything is written. Each column has
 * a picker: the clerk corrects a reading as `--columns` does, and 生成 builds from the same reading.
 */
export function SheetTablePanel({ table, source, generate, onGenerate, unavailableReason, running, generatedMessage }: Props) {
  const styles = useStyles();
  const preview = table.preview;
  const blocked = unavailableReason !== null || running;
  return (
    <section className={styles.root} aria-label="从工作表读取分工表">
      {/* The second way in, said as such: the first screen's path is the notice above. */}
      <Caption1>分工表已在 Excel 工作表中？打开它（或选中它的区域）后读取：</Caption1>
      <div className={styles.row}>
        <Button disabledFocusable={blocked} onClick={() => void table.read.run('sheet')}>
          从当前工作表读取
        </Button>
        <Button disabledFocusable={blocked} onClick={() => void table.read.run('selection')}>
          读取选中区域
        </Button>
      </div>
      {table.read.state.status === 'failed' && <ActionStatus label="读取工作表" state={table.read.state} success={() => ''} />}
      {preview?.empty && (
        <div className={styles.row} role="status">
          <Caption1>
            表格是空的：{preview.sheet.sheet === '' ? '' : `工作表“${preview.sheet.sheet}”`}{preview.sheet.address} 没有内容。请先打开分工表所在的工作表（或选中它的区域），再读取。
          </Caption1>
          <Button disabledFocusable={running} onClick={table.clear}>
            知道了
          </Button>
        </div>
      )}
      {preview && !preview.empty && (
        <Suspense fallback={<Caption1>正在显示读取结果…</Caption1>}>
          <SheetTablePreview preview={preview} table={table} source={source} onGenerate={onGenerate} blocked={blocked} running={running} />
        </Suspense>
      )}
      {/* Mounted only once used: idle, it has nothing to say. (Mounted idle, it made the regenerate dialog's jsdom test flaky under load; the cause was not found.) */}
      {generate.state.status !== 'idle' && <ActionStatus label="按表生成" state={generate.state} success={generatedMessage} />}
    </section>
  );
}
