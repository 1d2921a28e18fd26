import { useRef } from 'react';
import {
  Button,
  Caption1,
  FluentProvider,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Textarea,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import type { WorkbookHost } from './hostTypes';
import { useNoticeInput } from './useNoticeInput';
import { useHostAction, type ActionState } from './useHostAction';
import { NoticeSummary } from './NoticeSummary';
import { FindingsList } from './FindingsList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS },
  hidden: { display: 'none' },
});

/** The task pane. It only calls hooks; the workbook is reached through `host`. */
export function App({ host }: { host: WorkbookHost }) {
  const styles = useStyles();
  const input = useNoticeInput();
  const generate = useHostAction(host.generate);
  const refresh = useHostAction(host.refreshSummary);
  const validate = useHostAction(host.validate);
  const fix = useHostAction(host.fixAndValidate);
  const findings = fix.state.status === 'done' ? fix.state.result : validate.state.status === 'done' ? validate.state.result : null;
  const fileRef = useRef<HTMLInputElement>(null);
  const running = [generate, refresh, validate, fix].some((a) => a.state.status === 'running');
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <Title3 as="h1">督办 · 任务分工台账</Title3>
        <Field label="任务分工通知（粘贴全文，或选择 .txt / .docx 文件）">
          <Textarea value={input.text} onChange={(_, d) => input.setText(d.value)} rows={8} resize="vertical" placeholder="例如：天津市人民政府印发关于落实国务院《政府工作报告》重点工作任务分工的通知……" />
        </Field>
        <div className={styles.row}>
          <Button onClick={() => fileRef.current?.click()}>选择文件…</Button>
          <input
            ref={fileRef}
            className={styles.hidden}
            type="file"
            accept=".txt,.docx,text/plain"
            aria-label="通知文件"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void input.loadFile(f);
            }}
          />
          <Button appearance="primary" disabled={!input.parsed || input.parsed.tasks.length === 0 || running || host.unavailableReason !== null} onClick={() => void generate.run(input.text)}>
            生成工作簿
          </Button>
          <Button disabled={running || host.unavailableReason !== null} onClick={() => void refresh.run()}>
            刷新汇总
          </Button>
        </div>
        <div className={styles.row}>
          <Button disabled={running || host.unavailableReason !== null} onClick={() => void validate.run()}>
            校验
          </Button>
          <Button disabled={running || !findings?.findings.some((f) => f.fixable)} onClick={() => void fix.run()}>
            把文字日期改为日期
          </Button>
        </div>
        <Caption1>生成时会保护各台账工作表（只留填报列可编辑），Excel 的撤销记录会被清空；已填写的内容不会丢失。</Caption1>
        {host.warnings.map((w) => (
          <MessageBar key={w} intent="warning">
            <MessageBarBody>{w}</MessageBarBody>
          </MessageBar>
        ))}
        {input.loadError && (
          <MessageBar intent="error">
            <MessageBarBody>{input.loadError}</MessageBarBody>
          </MessageBar>
        )}
        {host.unavailableReason && (
          <MessageBar intent="warning">
            <MessageBarBody>{host.unavailableReason}</MessageBarBody>
          </MessageBar>
        )}
        {input.parsed && <NoticeSummary notice={input.parsed} />}
        <ActionProgress state={generate.state} />
        <ActionProgress state={refresh.state} />
        {generate.state.status === 'done' && (
          <MessageBar intent="success">
            <MessageBarBody>
              已生成 {generate.state.result.sheets} 张工作表（其中台账 {generate.state.result.ledgers} 张），保留已填写的台账行 {generate.state.result.keptRows} 行
              {generate.state.result.removedRows > 0 ? `，已移出分工 ${generate.state.result.removedRows} 行` : ''}。
            </MessageBarBody>
          </MessageBar>
        )}
        {refresh.state.status === 'done' && (
          <MessageBar intent="success">
            <MessageBarBody>
              已刷新汇总（统计日期 {refresh.state.result.asOf}）：任务 {refresh.state.result.tasks} 项，已完成 {refresh.state.result.done} 项，完成率{' '}
              {refresh.state.result.completionRate === null ? '—' : `${(refresh.state.result.completionRate * 100).toFixed(1)}%`}，逾期 {refresh.state.result.overdue} 项，临期{' '}
              {refresh.state.result.dueSoon} 项。
            </MessageBarBody>
          </MessageBar>
        )}
        <ActionProgress state={validate.state} />
        <ActionProgress state={fix.state} />
        {findings && <FindingsList result={findings} onSelect={(f) => void host.selectCell(f.sheet, f.cell)} />}
        <ActionError label="校验失败" state={validate.state} />
        <ActionError label="修正失败" state={fix.state} />
        <ActionError label="生成失败" state={generate.state} />
        <ActionError label="刷新汇总失败" state={refresh.state} />
      </main>
    </FluentProvider>
  );
}

function ActionProgress({ state }: { state: ActionState<unknown> }) {
  if (state.status !== 'running') return null;
  return (
    <Field validationMessage={state.progress?.step ?? '准备中…'} validationState="none">
      {state.progress ? <ProgressBar value={state.progress.done / Math.max(1, state.progress.total)} /> : <ProgressBar />}
    </Field>
  );
}

function ActionError({ label, state }: { label: string; state: ActionState<unknown> }) {
  if (state.status !== 'failed') return null;
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        {label}：{state.message}
      </MessageBarBody>
    </MessageBar>
  );
}
