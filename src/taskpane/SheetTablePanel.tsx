import { Suspense } from 'react';
import { Button, Caption1, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
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
  // One column under another, label above its choice: the pane may be 270 px wide.
  columns: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  table: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
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
 * units, roles, how each column was understood, problems) before anything is written. Each column has
 * a picker: the clerk corrects a reading as `--columns` does, and 生成 builds from the same reading.
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
          {preview.tables.map((t) => (
            <div key={t.name} className={styles.table}>
              <Caption1>
                表头在第 {t.headerRow} 行，任务 {t.tasks} 行。各列的识别（可逐列更改）：
              </Caption1>
              <ul className={styles.columns} aria-label="各列的识别">
                {t.columns.map((c, k) => (
                  <li key={k}>
                    <Field label={c.label} hint={c.basis} size="small">
                      <Select size="small" value={c.word} disabled={running} onChange={(_, d) => table.choose(c.header, d.value)}>
                        {preview.words.map((w) => (
                          <option key={w} value={w}>
                            {w}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <div className={styles.row}>
            {/* Always there, so focus stays on it after it is pressed; it has something to do only after a choice. */}
            <Button disabledFocusable={running || !preview.chosen} onClick={table.resetColumns}>
              恢复自动识别
            </Button>
          </div>
          {preview.sheet.mergeNote && <Caption1>{preview.sheet.mergeNote}</Caption1>}
          <Suspense fallback={null}>
            <NoticeSummary notice={preview.table.parsed} />
          </Suspense>
          <Caption1>生成只写入督办的工作表，工作表“{preview.sheet.sheet}”保持原样。</Caption1>
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabledFocusable={blocked || tasks === 0}
              onClick={() => onGenerate(preview.input)}
            >
              按此表生成工作簿
            </Button>
            <Button disabledFocusable={running} onClick={table.clear}>
              取消
            </Button>
          </div>
          {tasks === 0 && <Caption1>没有读到任何任务：见上方的问题说明；可在“各列的识别”中指定任务所在的列，或修改工作表后再读取。</Caption1>}
        </section>
      )}
      {/* Mounted only once used: idle, it has nothing to say. (Mounted idle, it made the regenerate dialog's jsdom test flaky under load; the cause was not found.) */}
      {generate.state.status !== 'idle' && <ActionStatus label="按表生成" state={generate.state} success={generatedMessage} />}
    </section>
  );
}
