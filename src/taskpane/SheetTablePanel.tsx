import { Suspense } from 'react';
import { Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { GenerateResult } from '../host/hostTypes';
import type { HostAction } from './useHostAction';
import type { SheetTable } from './useSheetTable';
import type { TableInput } from '../domain/table/readTaskTables';
import { ActionStatus } from './ActionStatus';
import { NoticeSummary } from './lazyParts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  preview: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  columns: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Props = {
  table: SheetTable;
  generate: HostAction<[TableInput], GenerateResult>;
  /** Start 生成工作簿 from the table (the stage asks first when a workbook is already there). */
  onGenerate(table: TableInput): void;
  /** null when the workbook can be reached. */
  unavailableReason: string | null;
  running: boolean;
  generatedMessage(r: GenerateResult): string;
};

/**
 * 从当前工作表读取: the office's own 分工表 in the open workbook, read as it stands, previewed (tasks,
 * units, roles, how each column was understood, problems) before anything is written.
 */
export function SheetTablePanel({ table, generate, onGenerate, unavailableReason, running, generatedMessage }: Props) {
  const styles = useStyles();
  const preview = table.preview;
  const tasks = preview?.table.parsed.tasks.length ?? 0;
  const blocked = unavailableReason !== null || running;
  return (
    <section className={styles.root} aria-label="从工作表读取分工表">
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
        <section className={styles.preview} aria-label="分工表预览">
          <Text weight="semibold">
            已读取：工作表“{preview.sheet.sheet}” {preview.sheet.address}
          </Text>
          {preview.table.source.tables.map((t, i) => (
            <div key={t.name}>
              <Caption1>
                表头在第 {t.headerRow} 行，任务 {t.tasks} 行。各列的识别：
              </Caption1>
              <ul className={styles.columns} aria-label="各列的识别">
                {(preview.columns[i] ?? []).map((line) => (
                  <li key={line}>
                    <Caption1>{line}</Caption1>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          {preview.sheet.mergeNote && <Caption1>{preview.sheet.mergeNote}</Caption1>}
          <Suspense fallback={null}>
            <NoticeSummary notice={preview.table.parsed} />
          </Suspense>
          <Caption1>生成只写入督办的工作表，工作表“{preview.sheet.sheet}”保持原样。</Caption1>
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabledFocusable={blocked || tasks === 0}
              onClick={() => onGenerate({ format: 'sheet', grids: [preview.sheet.grid] })}
            >
              按此表生成工作簿
            </Button>
            <Button disabledFocusable={running} onClick={table.clear}>
              取消
            </Button>
          </div>
          {tasks === 0 && <Caption1>没有读到任何任务：见上方的问题说明，修改工作表后再读取。</Caption1>}
        </section>
      )}
      {/* Mounted only once used: idle, it has nothing to say. (Mounted idle, it made the regenerate dialog's jsdom test flaky under load; the cause was not found.) */}
      {generate.state.status !== 'idle' && <ActionStatus label="按表生成" state={generate.state} success={generatedMessage} />}
    </section>
  );
}
