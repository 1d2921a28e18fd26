import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { AriaLiveAnnouncer, Caption1, FluentProvider, Tab, TabList, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookHost } from '../host/hostTypes';
import { useNoticeInput } from './useNoticeInput';
import { useHostAction } from './useHostAction';
import { useWorkbookState } from './useWorkbookState';
import { useSheetTable } from './useSheetTable';
import { useSourceChoice } from './useSourceChoice';
import { useYearEndAsOf } from './useYearEndAsOf';
import { NoticeStage } from './NoticeStage';
import { paneTheme, type ThemeKind } from './theme';

// The stages after 分工 load when first opened: the first screen's script holds only what it shows.
const stages = () => import(/* webpackChunkName: "stages" */ './stages');
const LedgerStage = lazy(() => stages().then((m) => ({ default: m.LedgerStage })));
const CheckStage = lazy(() => stages().then((m) => ({ default: m.CheckStage })));
const SummaryStage = lazy(() => stages().then((m) => ({ default: m.SummaryStage })));
const DistributePanel = lazy(() => import(/* webpackChunkName: "distribute" */ './DistributePanel').then((m) => ({ default: m.DistributePanel })));
const CircularPanel = lazy(() => import(/* webpackChunkName: "circular" */ './CircularPanel').then((m) => ({ default: m.CircularPanel })));

// Most panes open with no warning: the message bar loads when there is one.
const PaneWarning = lazy(() => import(/* webpackChunkName: "messages" */ './PaneWarning').then((m) => ({ default: m.PaneWarning })));

const useStyles = makeStyles({
  // Nothing may be wider than the pane (270 px on Mac, 320 px on Windows): children shrink and wrap.
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: 0, maxWidth: '100%', boxSizing: 'border-box', overflowWrap: 'anywhere' },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, '& > *': { margin: 0 } },
  tabs: { flexWrap: 'wrap' },
  provider: { minHeight: '100vh' },
});

/** The office's workflow, one tab a stage (DESIGN §8). */
const STAGES = [
  { value: 'notice', label: '分工' },
  { value: 'ledgers', label: '台账' },
  { value: 'check', label: '校验' },
  { value: 'summary', label: '汇总' },
] as const;
type Stage = (typeof STAGES)[number]['value'];

/** The task pane. It only calls hooks; the workbook is reached through `host`. */
export function App({ host, theme = 'light' }: { host: WorkbookHost; theme?: ThemeKind }) {
  const styles = useStyles();
  const [stage, setStage] = useState<Stage>('notice');
  const input = useNoticeInput();
  const { workbook, refresh: refreshWorkbook } = useWorkbookState(host);
  const generate = useHostAction(host.generate, refreshWorkbook);
  const preview = useHostAction(host.previewUpdate);
  const source = useSourceChoice(workbook, input.parsed?.notice.title ?? null);
  const update = useHostAction(host.updateFromTaskList, refreshWorkbook);
  const sheetTable = useSheetTable(host);
  const generateTable = useHostAction(host.generateFromTable, refreshWorkbook);
  // A table read from a sheet is a source too: named by its title, else by its sheet.
  const tablePreview = sheetTable.preview !== null && !sheetTable.preview.empty ? sheetTable.preview : null;
  const tableSource = useSourceChoice(workbook, tablePreview === null ? null : tablePreview.table.parsed.notice.title || tablePreview.sheet.sheet, '分工表');
  // 刷新汇总 looks at the workbook again after: a 统计日期 typed into 汇总 by hand is seen.
  const refresh = useHostAction(host.refreshSummary, refreshWorkbook);
  const setAsOf = useHostAction(host.setAsOf, refreshWorkbook);
  const yearEnd = useYearEndAsOf(workbook, setAsOf, { onApply: refresh.reset });
  const remind = useHostAction(host.remind);
  const snapshot = useHostAction(host.snapshot);
  const circular = useHostAction(host.circular);
  const validate = useHostAction(host.validate);
  const fix = useHostAction(host.fixAndValidate);
  const units = useHostAction(host.distributionUnits);
  const distribute = useHostAction(host.distribute, refreshWorkbook);
  const collect = useHostAction(host.collect, refreshWorkbook);
  // A new generation makes earlier findings and the other generations' results stale: one helper
  // clears every result but the one about to run.
  const fresh = useCallback(<A extends unknown[]>(action: { run: (...args: A) => Promise<void> }) => async (...args: A) => {
    for (const other of [generate, generateTable, update, validate, fix]) if (other !== action) other.reset();
    await action.run(...args);
  }, [generate, generateTable, update, validate, fix]);
  const generateFresh = useMemo(() => fresh(generate), [fresh, generate]);
  const updateFresh = useMemo(() => fresh(update), [fresh, update]);
  const generateTableFresh = useMemo(() => fresh(generateTable), [fresh, generateTable]);
  const selectCell = useCallback((sheet: string, cell: string, _progress: unknown) => host.selectCell(sheet, cell), [host]);
  const select = useHostAction(selectCell);
  // 校验 and its fix share one list: whichever ran last is what the workbook holds now.
  const [lastCheck, setLastCheck] = useState<'validate' | 'fix'>('validate');
  const check = lastCheck === 'fix' ? fix : validate;
  const findings = check.state.status === 'done' ? check.state.result : null;
  const running = [generate, generateTable, sheetTable.read, update, refresh, setAsOf, remind, snapshot, circular, validate, fix, distribute, collect].some((a) => a.state.status === 'running');
  const goTo = useCallback((sheet: string, cell: string) => void select.run(sheet, cell), [select]);
  // For `npm run bench -- --only pane`: when the pane is first on screen.
  useEffect(() => void performance.mark?.('duban-pane-rendered'), []);

  return (
    <FluentProvider theme={paneTheme(theme)} className={styles.provider}>
      <AriaLiveAnnouncer>
        <main className={styles.root} aria-busy={running}>
          <header className={styles.header}>
            <Title3 as="h1">督办 · 任务分工台账</Title3>
            <Caption1 as="p">把任务分工通知变成各单位的工作台账，校验填报，汇总进度。</Caption1>
          </header>
          <Suspense fallback={null}>
            {host.unavailableReason && <PaneWarning>{host.unavailableReason}</PaneWarning>}
            {host.warnings.map((w) => (
              <PaneWarning key={w}>{w}</PaneWarning>
            ))}
          </Suspense>
          <TabList className={styles.tabs} selectedValue={stage} onTabSelect={(_, d) => setStage(d.value as Stage)} aria-label="工作阶段">
            {STAGES.map((s) => (
              <Tab key={s.value} value={s.value} id={`tab-${s.value}`} aria-controls={`panel-${s.value}`}>
                {s.label}
              </Tab>
            ))}
          </TabList>
          <div role="tabpanel" id={`panel-${stage}`} aria-labelledby={`tab-${stage}`}>
            <Suspense fallback={<Caption1>正在打开…</Caption1>}>
            {stage === 'notice' && <NoticeStage input={input} generate={generate} onGenerate={generateFresh} preview={preview} source={source} yearEnd={yearEnd} update={update} onUpdate={updateFresh} onSelect={goTo} sheetTable={sheetTable} tableSource={tableSource} generateTable={generateTable} onGenerateTable={generateTableFresh} workbook={workbook} unavailableReason={host.unavailableReason} running={running} />}
            {stage === 'ledgers' && (
              <LedgerStage
                workbook={workbook}
                running={running}
                onOpen={(sheet) => goTo(sheet, 'A1')}
                distribution={<DistributePanel units={units} distribute={distribute} collect={collect} distributeUnavailable={host.distributeUnavailable} delivery={host.distributeDelivery} running={running} />}
              />
            )}
            {stage === 'check' && (
              <CheckStage
                workbook={workbook}
                check={check}
                fixed={lastCheck === 'fix'}
                findings={findings}
                onValidate={() => {
                  setLastCheck('validate');
                  fix.reset();
                  void validate.run();
                }}
                onFix={() => {
                  setLastCheck('fix');
                  validate.reset();
                  void fix.run();
                }}
                onSelect={goTo}
                running={running}
              />
            )}
            {stage === 'summary' && <SummaryStage workbook={workbook} refresh={refresh} yearEnd={yearEnd} remind={remind} snapshot={snapshot} onSelect={goTo} running={running} more={<CircularPanel circular={circular} running={running} />} />}
            </Suspense>
          </div>
          {select.state.status === 'failed' && (
            <Suspense fallback={null}>
              <PaneWarning alert>{select.state.message}</PaneWarning>
            </Suspense>
          )}
        </main>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
