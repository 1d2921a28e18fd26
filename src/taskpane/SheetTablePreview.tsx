import { Button, Caption1, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SheetPreview, SheetTable } from './useSheetTable';
import type { TableInput } from '../domain/table/readTaskTables';
// This file is itself loaded late: what it shows comes with it, not through lazyParts (no cycle).
import { NoticeSummary } from './NoticeSummary';
import { SourceQuestion } from './SourceQuestion';
import type { SourceQuestion as Question } from './useSourceChoice';

/** The table's source-name problem, which 按此表生成工作簿 is described by while it is shown. */
const TABLE_SOURCE_PROBLEM_ID = 'table-source-name-problem';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  preview: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  // One column under another, label above its choice: the pane may be 270 px wide.
  columns: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  table: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

type Props = {
  preview: SheetPreview;
  table: SheetTable;
  /** Which 事项来源 the table is, asked when the workbook already has tasks. */
  source: Question;
  onGenerate(table: TableInput): void;
  /** 按此表生成工作簿 cannot run (no workbook, or something is running). */
  blocked: boolean;
  running: boolean;
};

/**
 * What a sheet was read as, before anything is written: each column with a picker (as `--columns`
 * does), the tasks and problems, and 按此表生成工作簿. Loaded when there is a preview: the first
 * screen has only the two read buttons.
 */
export function SheetTablePreview({ preview, table, source, onGenerate, blocked, running }: Props) {
  const styles = useStyles();
  const tasks = preview.table.parsed.tasks.length;
  // As for a notice: on a workbook with tasks, which source the table is must be answered first.
  const sourceProblem = source.asked ? source.problem : null;
  const nameProblem = sourceProblem !== null && source.kind === 'add';
  return (
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
      <NoticeSummary notice={preview.table.parsed} />
      <Caption1>生成只写入督办的工作表，工作表“{preview.sheet.sheet}”保持原样。</Caption1>
      {source.asked && tasks > 0 && (
        <SourceQuestion question={source} disabled={running} problemId={TABLE_SOURCE_PROBLEM_ID} />
      )}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabledFocusable={blocked || tasks === 0 || sourceProblem !== null}
          aria-describedby={nameProblem ? TABLE_SOURCE_PROBLEM_ID : sourceProblem !== null ? 'table-source-problem' : undefined}
          onClick={() => onGenerate(preview.input)}
        >
          按此表生成工作簿
        </Button>
        <Button disabledFocusable={running} onClick={table.clear}>
          取消
        </Button>
      </div>
      {sourceProblem !== null && !nameProblem && tasks > 0 && <Caption1 id="table-source-problem">{sourceProblem}</Caption1>}
      {tasks === 0 && <Caption1>没有读到任何任务：见上方的问题说明；可在“各列的识别”中指定任务所在的列，或修改工作表后再读取。</Caption1>}
    </section>
  );
}
