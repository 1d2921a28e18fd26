import { Button, Caption1, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { RemindResult, SnapshotResult, SummaryResult, ValidateResult, WorkbookState } from '../host/hostTypes';
import type { HostAction } from './useHostAction';
import { ActionStatus } from './ActionStatus';
import { FindingsList } from './FindingsList';
import { PendingList } from './PendingList';
import { groupFindings } from '../domain/validation/group';
import type { YearEndAsOf } from './useYearEndAsOf';
import { YearEndAsOfNote } from './YearEndAsOfNote';

const useStyles = makeStyles({
  stage: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  figures: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(110px, 1fr))', gap: tokens.spacingHorizontalS },
  figure: { display: 'flex', flexDirection: 'column', padding: tokens.spacingHorizontalS, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '320px', overflowY: 'auto' },
  // A button's minimum width centres a short name: start every name at the same edge.
  ledgerButton: { minWidth: 0, justifyContent: 'flex-start', paddingLeft: 0 },
});

/** What a stage that needs a generated workbook says before there is one. */
export function NeedsWorkbook({ workbook, children }: { workbook: WorkbookState | null; children: string }) {
  if (workbook?.generated) return null;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>{workbook === null ? '正在读取工作簿…' : `当前工作簿还没有督办工作表：请先在“分工”中生成工作簿，再${children}。`}</MessageBarBody>
    </MessageBar>
  );
}

/** 台账: the units' ledger sheets, one click away; 下发 and 回收. */
export function LedgerStage({ workbook, onOpen, running, distribution }: { workbook: WorkbookState | null; onOpen(sheet: string): void; running: boolean; distribution: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.stage}>
      <NeedsWorkbook workbook={workbook}>查看各单位台账</NeedsWorkbook>
      {workbook?.generated && (
        <>
          <Text>
            各单位在自己的“台账-单位”工作表中填写具体措施、责任人、计划完成时间、进展和状态；灰色列由督办生成，已锁定。共 {workbook.ledgers.length} 张台账：
          </Text>
          <ul className={styles.list} aria-label="各单位台账">
            {workbook.ledgers.map((l) => (
              <li key={l.sheet}>
                <Button appearance="transparent" size="small" className={styles.ledgerButton} disabledFocusable={running} onClick={() => onOpen(l.sheet)}>
                  {l.unit}
                </Button>
              </li>
            ))}
          </ul>
          {distribution}
        </>
      )}
    </div>
  );
}

/** 校验: findings grouped by unit, click to cell, the fix for text dates. */
export function CheckStage(props: {
  workbook: WorkbookState | null;
  /** The last of 校验 and its fix to run: one status, one list. */
  check: HostAction<[], ValidateResult>;
  findings: ValidateResult | null;
  /** The last run was the fix. */
  fixed: boolean;
  onValidate(): void;
  onFix(): void;
  onSelect(sheet: string, cell: string): void;
  running: boolean;
}) {
  const styles = useStyles();
  const { workbook, check, findings, running } = props;
  const fixable = findings?.findings.filter((f) => f.fixable).length ?? 0;
  const ready = workbook?.generated === true;
  return (
    <div className={styles.stage}>
      <NeedsWorkbook workbook={workbook}>校验各单位的填报</NeedsWorkbook>
      <div className={styles.row}>
        <Button appearance="primary" disabledFocusable={!ready || running} onClick={props.onValidate}>
          校验
        </Button>
        <Button disabledFocusable={!ready || running || fixable === 0} onClick={props.onFix}>
          把文字日期改为日期{fixable > 0 ? `（${fixable} 处）` : ''}
        </Button>
      </div>
      {ready && fixable === 0 && <Caption1>“校验”发现写成文字的日期或数字后，可在这里一次改为真正的日期或数字。</Caption1>}
      <ActionStatus label={props.fixed ? '修正' : '校验'} state={check.state} success={props.fixed ? (r) => `已修正，${checkedMessage(r)}` : checkedMessage} />
      {findings && <FindingsList result={findings} onSelect={props.onSelect} />}
    </div>
  );
}

/** 汇总: refresh the live 汇总 sheet and see the headline figures. */
export function SummaryStage(props: {
  workbook: WorkbookState | null;
  refresh: HostAction<[], SummaryResult>;
  /** 按 2020 年底统计: its offer and, once set, the figures as of that date. */
  yearEnd: YearEndAsOf;
  remind: HostAction<[], RemindResult>;
  snapshot: HostAction<[boolean], SnapshotResult>;
  /** Go to a pending request's or review's cell. */
  onSelect(sheet: string, cell: string): void;
  running: boolean;
  /** More actions on 汇总 (生成通报), below the figures. */
  more?: ReactNode;
}) {
  const { workbook, refresh, remind, snapshot, running } = props;
  const styles = useStyles();
  const ready = workbook?.generated === true;
  // The figures of the last of 刷新汇总 and 按年底统计 (setting the date clears 刷新汇总's).
  const set = props.yearEnd.action.state;
  const r = refresh.state.status === 'done' ? refresh.state.result : set.status === 'done' ? set.result : null;
  const clash = snapshot.state.status === 'done' && snapshot.state.result.clash && !snapshot.state.result.replaced ? snapshot.state.result : null;
  return (
    <div className={styles.stage}>
      <NeedsWorkbook workbook={workbook}>刷新汇总</NeedsWorkbook>
      {ready && <YearEndAsOfNote yearEnd={props.yearEnd} running={running} />}
      <div className={styles.row}>
        <Button appearance="primary" disabledFocusable={!ready || running} onClick={() => void refresh.run()}>
          刷新汇总
        </Button>
      </div>
      <ActionStatus label="刷新汇总" state={refresh.state} success={summaryMessage} />
      <div className={styles.row}>
        <Button disabledFocusable={!ready || running} onClick={() => void snapshot.run(false)}>
          存档本期
        </Button>
        <Button disabledFocusable={!ready || running} onClick={() => void remind.run()}>
          生成催办单
        </Button>
      </div>
      {clash ? (
        <div className={styles.row} role="alert">
          <Text>调度记录中已有 {clash.asOf} 的记录。要用本次结果替换该日的记录吗？其他日期的记录不变。</Text>
          <Button disabledFocusable={running} onClick={() => void snapshot.run(true)}>
            替换该日记录
          </Button>
        </div>
      ) : (
        <ActionStatus label="存档本期" state={snapshot.state} success={snapshotMessage} />
      )}
      <ActionStatus label="生成催办单" state={remind.state} success={(m) => (m.units === 0 ? `统计日期 ${m.asOf}：没有逾期或临期的任务，“催办单”工作表已写明无需催办。` : `已生成“催办单”（统计日期 ${m.asOf}）：${m.units} 个单位、${m.rows} 行，每个单位一页，可直接打印。`)} />
      {r && (
        <div className={styles.figures} role="list" aria-label="汇总数字">
          <Figure label="任务" value={`${r.tasks} 项`} />
          <Figure label="已完成" value={`${r.done} 项`} />
          <Figure label="完成率" value={rateWithFraction(r.completionRate, r.done, r.tasks)} />
          <Figure label="逾期" value={`${r.overdue} 项`} />
          <Figure label="临期" value={`${r.dueSoon} 项`} />
        </div>
      )}
      {r && <PendingList pending={r.pending} onSelect={props.onSelect} running={running} />}
      {ready && props.more}
    </div>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  const styles = useStyles();
  return (
    <div className={styles.figure} role="listitem">
      <Caption1>{label}</Caption1>
      <Text weight="semibold">{value}</Text>
    </div>
  );
}

/** `40%（2/5）`: a rate is never shown without what it is a rate of. */
export function rateWithFraction(rate: number | null, part: number, whole: number): string {
  if (rate === null || whole === 0) return '—（0 项）';
  return `${Math.round(rate * 1000) / 10}%（${part}/${whole}）`;
}

/** Rows nobody filled are counted as rows, apart from warnings about what was filled. */
function checkedMessage(r: ValidateResult): string {
  const g = groupFindings(r.findings);
  const unreported = g.notReportedRows > 0 ? `，未填报 ${g.notReportedRows} 行（${g.notReported.length} 个单位）` : '';
  return `校验完成（统计日期 ${r.asOf}）：错误 ${g.errors} 个，警告 ${g.warnings} 个${unreported}。`;
}

/** The figures themselves are in the tiles below: the status line says only what happened. */
function summaryMessage(r: SummaryResult): string {
  return `已刷新汇总（统计日期 ${r.asOf}）。`;
}

/** Counted in periods (期), each one row for all tasks and one a unit: "53 行" alone puzzles. */
export function snapshotMessage(s: SnapshotResult): string {
  return `已存档（统计日期 ${s.asOf}）${s.replaced ? '，替换了该日原有的记录' : ''}：调度记录共 ${s.periods} 期；本期 ${s.units + 1} 行（全部任务 1 行、${s.units} 个单位各 1 行），汇总的趋势已更新。`;
}
