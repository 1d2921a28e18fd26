import { Suspense, useRef, useState } from 'react';
import { Button, Caption1, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { GenerateResult, UpdatePreview, WorkbookState } from '../host/hostTypes';
import type { NoticeInput } from './useNoticeInput';
import type { HostAction } from './useHostAction';
import { ActionStatus } from './ActionStatus';
import { loadExampleNotice } from './exampleNotice';
import { ChangesDialog, NoticeSummary, SourceQuestion, YearEndAsOfNote } from './lazyParts';
import { SheetTablePanel } from './SheetTablePanel';
import type { SheetTable } from './useSheetTable';
import type { TableInput } from '../domain/table/readTaskTables';
import { SOURCE_NAME_PROBLEM_ID, type SourceQuestion as Question } from './useSourceChoice';
import type { YearEndAsOf } from './useYearEndAsOf';

const useStyles = makeStyles({
  stage: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  hidden: { display: 'none' },
  intro: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Props = {
  input: NoticeInput;
  generate: HostAction<[string, string | null], GenerateResult>;
  /** Start 生成工作簿 with the notice as `source` (the app clears what it makes stale). */
  onGenerate(text: string, source: string | null): Promise<void>;
  /** The changes preview of a notice (text, as a source), a table, or the edited 任务清单 (null). */
  preview: HostAction<[string | TableInput | null, string | null], UpdatePreview>;
  /** Which 事项来源 the notice is, asked when the workbook already has tasks. */
  source: Question;
  /** 按 2020 年底统计: offered after generating from a notice of an earlier year. */
  yearEnd: YearEndAsOf;
  update: HostAction<[], GenerateResult>;
  /** Start 更新分工 from 任务清单. */
  onUpdate(): Promise<void>;
  /** Go to a cell (a finding in 任务清单). */
  onSelect(sheet: string, cell: string): void;
  /** 从当前工作表读取: the office's 分工表 in the workbook, previewed, and 生成 from it. */
  sheetTable: SheetTable;
  /** Which 事项来源 the table read from a sheet is, asked as for a notice. */
  tableSource: Question;
  generateTable: HostAction<[TableInput, string | null], GenerateResult>;
  onGenerateTable(table: TableInput, source: string | null): Promise<void>;
  workbook: WorkbookState | null;
  unavailableReason: string | null;
  running: boolean;
};

/** Which update the changes dialog previews: a notice, a task-list table read from a sheet, or the edited 任务清单. */
type Previewing = { kind: 'notice'; source: string | null } | { kind: 'table'; table: TableInput; source: string | null } | { kind: 'tasklist' };

/** 分工: the notice in (pasted, a file, or the bundled example), what was read, and 生成工作簿. */
export function NoticeStage({ input, generate, onGenerate, preview, source, yearEnd, update, onUpdate, onSelect, sheetTable, tableSource, generateTable, onGenerateTable, workbook, unavailableReason, running }: Props) {
  const styles = useStyles();
  const fileRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  // Which update the changes dialog previews; nothing is applied until it is confirmed there.
  const [previewing, setPreviewing] = useState<Previewing | null>(null);
  const [exampleError, setExampleError] = useState<string | null>(null);
  // What the confirmed preview said would change, repeated once it is applied: `作为新的事项来源“…”加入…；新增任务 3 项…`.
  const [applied, setApplied] = useState<string>('');
  const success = (r: GenerateResult): string => generatedMessage(r, applied);
  const loadExample = (): void => {
    setExampleError(null);
    loadExampleNotice().then(
      (example) => {
        input.setText(example.text, example.name);
        // The button goes with the intro: focus moves to the notice instead of being lost.
        textRef.current?.focus();
      },
      () => setExampleError('示例通知没有加载成功：请关闭任务窗格后重新打开，或直接粘贴通知全文。'),
    );
  };
  const blocked = generateBlocked(input, unavailableReason) ?? (source.asked ? source.problem : null);
  // A new source's name has its problem beside the field; the rest are said under the button.
  const nameProblem = blocked !== null && source.asked && source.kind === 'add' && blocked === source.problem;
  const showPreview = (what: Previewing): void => {
    setApplied('');
    setPreviewing(what);
    void preview.run(what.kind === 'notice' ? input.text : what.kind === 'table' ? what.table : null, what.kind === 'tasklist' ? null : what.source);
  };
  const closePreview = (): void => {
    setPreviewing(null);
    preview.reset();
  };
  const start = (): void => {
    if (workbook?.generated) showPreview({ kind: 'notice', source: source.source });
    else {
      setApplied('');
      void onGenerate(input.text, null);
    }
  };
  const startTable = (table: TableInput): void => {
    if (workbook?.generated) showPreview({ kind: 'table', table, source: tableSource.source });
    else {
      setApplied('');
      void onGenerateTable(table, null);
    }
  };
  const confirm = (): void => {
    const what = previewing;
    const headline = preview.state.status === 'done' ? preview.state.result.headline : '';
    const q = what?.kind === 'notice' ? source : what?.kind === 'table' ? tableSource : null;
    setApplied(`${q?.asked && what?.kind !== 'tasklist' ? sourceSubject(q, what?.source ?? null) : ''}${headline}${headline ? '。' : ''}`);
    closePreview();
    // What was previewed is what is applied: the source chosen when the preview was asked for.
    if (what?.kind === 'notice') void onGenerate(input.text, what.source);
    else if (what?.kind === 'table') void onGenerateTable(what.table, what.source);
    else if (what?.kind === 'tasklist') void onUpdate();
  };
  return (
    <div className={styles.stage}>
      {!input.text && !workbook?.generated && (
        <section className={styles.intro} aria-label="使用步骤">
          <Text weight="semibold">三步建立工作台账</Text>
          <ol className={styles.steps}>
            <li>粘贴任务分工通知全文，或选择 .txt / .docx 文件；</li>
            <li>核对识别出的任务、单位和时限，点击“生成工作簿”；</li>
            <li>各单位在“台账-单位”工作表填报，再“校验”和“刷新汇总”。</li>
          </ol>
          <div className={styles.row}>
            <Button disabledFocusable={running} onClick={loadExample}>
              试用示例通知
            </Button>
          </div>
        </section>
      )}
      <Field label="任务分工通知（粘贴全文，或选择 .txt / .docx 文件）">
        <Textarea
          textarea={{ ref: textRef }}
          value={input.text}
          disabled={running}
          onChange={(_, d) => input.setText(d.value)}
          rows={8}
          resize="vertical"
          placeholder="例如：天津市人民政府印发关于落实国务院《政府工作报告》重点工作任务分工的通知……"
        />
      </Field>
      {source.asked && input.parsed !== null && input.parsed.tasks.length > 0 && (
        <Suspense fallback={null}>
          <SourceQuestion question={source} disabled={running} />
        </Suspense>
      )}
      <div className={styles.row}>
        <Button disabledFocusable={running} onClick={() => fileRef.current?.click()}>
          选择文件…
        </Button>
        <input
          ref={fileRef}
          className={styles.hidden}
          type="file"
          accept=".txt,.docx,text/plain"
          aria-label="通知文件"
          tabIndex={-1}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void input.loadFile(f);
            e.target.value = '';
          }}
        />
        <Button appearance="primary" disabledFocusable={blocked !== null || running} aria-describedby={nameProblem ? SOURCE_NAME_PROBLEM_ID : blocked ? 'generate-blocked' : undefined} onClick={start}>
          {workbook?.generated ? '重新生成工作簿' : '生成工作簿'}
        </Button>
      </div>
      {workbook?.generated && (
        <section className={styles.intro} aria-label="更新分工">
          <Text weight="semibold">按任务清单更新分工</Text>
          <Caption1>在“任务清单”中增删任务、修改单位或完成时限后，点此重建责任矩阵、各单位台账和汇总；会先列出变化，确认后才写入。</Caption1>
          <div className={styles.row}>
            <Button disabledFocusable={unavailableReason !== null || running} onClick={() => showPreview({ kind: 'tasklist' })}>
              更新分工…
            </Button>
          </div>
        </section>
      )}
      {blocked && !nameProblem && (
        <Caption1 id="generate-blocked">
          {blocked}
        </Caption1>
      )}
      <SheetTablePanel table={sheetTable} source={tableSource} generate={generateTable} onGenerate={startTable} unavailableReason={unavailableReason} running={running} generatedMessage={success} />
      {input.source && <Caption1>已读取：{input.source}</Caption1>}
      {input.loadError && <Caption1 role="alert">{input.loadError}</Caption1>}
      {exampleError && <Caption1 role="alert">{exampleError}</Caption1>}
      <ActionStatus label="生成" state={generate.state} success={success} />
      <ActionStatus label="更新分工" state={update.state} success={success} />
      {workbook?.generated && (
        <Suspense fallback={null}>
          <YearEndAsOfNote yearEnd={yearEnd} running={running} />
        </Suspense>
      )}
      <Suspense fallback={null}>{input.parsed && <NoticeSummary notice={input.parsed} />}</Suspense>
      {/* Said when there is something to generate: on the first screen it only competed with the steps. */}
      {input.parsed && <Caption1>生成时会保护各台账工作表（只留填报列可编辑），Excel 的撤销记录会被清空；已填写的内容不会丢失。</Caption1>}
      {previewing && (
        <Suspense fallback={<Caption1>正在比较分工的变化…</Caption1>}>
        <ChangesDialog
          kind={previewing.kind}
          subject={previewing.kind === 'notice' && source.asked ? sourceSubject(source, previewing.source) : previewing.kind === 'table' && tableSource.asked ? sourceSubject(tableSource, previewing.source) : null}
          state={preview.state}
          onConfirm={confirm}
          onCancel={closePreview}
          onSelect={(sheet, cell) => {
            closePreview();
            onSelect(sheet, cell);
          }}
        />
        </Suspense>
      )}
    </div>
  );
}

/** Which source the previewed notice adds or replaces, in the dialog's words. */
function sourceSubject(q: Question, source: string | null): string {
  const name = source ?? q.sources[0] ?? '';
  return q.sources.includes(name) ? `更新事项来源“${name}”：其他来源的任务不变。` : `作为新的事项来源“${name}”加入：已有来源的任务不变。`;
}

/** Why 生成工作簿 cannot run yet, in words; null when it can. */
function generateBlocked(input: NoticeInput, unavailableReason: string | null): string | null {
  // The reason itself is shown at the top of the pane.
  if (unavailableReason) return '生成工作簿需要在 Excel 中打开本加载项（见上方提示）。';
  if (!input.parsed) return input.text.trim() ? '正在识别通知…' : '先粘贴通知全文，或选择通知文件。';
  if (input.parsed.tasks.length === 0) return '没有识别出任务：通知中的每项任务应以括号注明责任单位，例如“（市财政局牵头，12月底前完成）”。';
  return null;
}

/** `applied`: what the confirmed preview said would change (its source and headline), or '' for a first generation. */
function generatedMessage(r: GenerateResult, applied: string): string {
  const notes = (r.notes ?? []).map((n) => `\n注意：${n}`).join('');
  // A first generation has nothing to keep: a count of 0 kept rows would only puzzle.
  const kept = r.keptRows > 0 ? `，保留已填写的台账行 ${r.keptRows} 行` : '';
  return `已生成 ${r.sheets} 张工作表（其中台账 ${r.ledgers} 张）${kept}${r.removedRows > 0 ? `，已移出分工 ${r.removedRows} 行` : ''}。${applied}下一步：到“台账”下发给各单位。${notes}`;
}
