import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Caption1, Checkbox, Field, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, SearchBox, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CollectResult, DistributeResult, DistributionUnit, DistributionUnits, WorkbookHost } from '../host/hostTypes';
import type { HostAction } from './useHostAction';
import { ActionStatus } from './ActionStatus';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'center' },
  units: { margin: 0, padding: 0, listStyleType: 'none', maxHeight: '240px', overflowY: 'auto', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  unitNote: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  files: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '200px', overflowY: 'auto' },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere', userSelect: 'all' },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  hidden: { display: 'none' },
});

export type ReturnedFiles = Array<{ name: string; bytes: Uint8Array }>;

/** Which units the list shows: all, those with 逾期/临期 rows, those that have not reported. */
type Filter = 'all' | 'late' | 'silent';

/** Units a filter and a search keep, in the workbook's order. */
export function visibleUnits(units: readonly DistributionUnit[], filter: Filter, search: string): DistributionUnit[] {
  const q = search.trim();
  return units.filter((u) => (filter === 'all' || (filter === 'late' ? u.overdue + u.dueSoon > 0 : u.notReported)) && (q === '' || u.unit.includes(q)));
}

const unitNote = (u: DistributionUnit): string => [`${u.rows} 行`, u.overdue > 0 ? `逾期 ${u.overdue}` : '', u.dueSoon > 0 ? `临期 ${u.dueSoon}` : '', u.notReported ? '未填报' : ''].filter(Boolean).join(' · ');

/** 下发 and 回收 (DESIGN §10): send chosen units their own files, merge the files that come back. */
export function DistributePanel(props: {
  units: HostAction<[], DistributionUnits>;
  distribute: HostAction<[readonly string[]], DistributeResult>;
  collect: HostAction<[ReturnedFiles], CollectResult>;
  /** Why this host cannot hand over files, with the command line to use instead; null when it can. */
  distributeUnavailable: string | null;
  delivery: WorkbookHost['distributeDelivery'];
  running: boolean;
}) {
  const styles = useStyles();
  const fileRef = useRef<HTMLInputElement>(null);
  const { units, distribute, collect, running, delivery } = props;
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const list = units.state.status === 'done' ? units.state.result.units : null;
  const loadUnits = units.run;
  // The list is read once when the panel opens (one read of the workbook), and again after 下发/回收.
  useEffect(() => {
    if (props.distributeUnavailable === null) void loadUnits();
  }, [loadUnits, props.distributeUnavailable]);
  const shown = useMemo(() => (list ? visibleUnits(list, filter, search) : []), [list, filter, search]);
  // Ticks stay through a filter or a search; the button says how many units are sent.
  const sending = (list ?? []).filter((u) => chosen.has(u.unit)).map((u) => u.unit);
  const choose = (names: readonly string[], on: boolean): void =>
    setChosen((prev) => {
      const next = new Set(prev);
      for (const n of names) if (on) next.add(n);
      else next.delete(n);
      return next;
    });
  const pick = async (files: FileList): Promise<void> => {
    const read: ReturnedFiles = [];
    for (const f of Array.from(files)) read.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
    if (read.length > 0) await collect.run(read);
  };
  const count = (f: Filter): number => (list ? visibleUnits(list, f, '').length : 0);
  const allShownChosen = shown.length > 0 && shown.every((u) => chosen.has(u.unit));

  return (
    <section className={styles.panel} aria-labelledby="distribute-title">
      <Subtitle2 as="h2" id="distribute-title">
        下发
      </Subtitle2>
      <Caption1>
        {delivery === 'open'
          ? '每个单位一个文件，只有本单位的台账和它的任务、指标。桌面版 Excel 的加载项不能保存文件：每个文件在新窗口中打开，需逐个另存；单位多时请用下方的命令行。'
          : '每个单位一个文件，只有本单位的台账和它的任务、指标；保存到浏览器的“下载”文件夹（多个单位合成一个 .zip）。'}
      </Caption1>
      {props.distributeUnavailable ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{props.distributeUnavailable}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <ActionStatus label="读取单位" state={units.state.status === 'done' ? { status: 'idle' } : units.state} success={() => ''} />
          {list && (
            <>
              <RadioGroup value={filter} onChange={(_, d) => setFilter(d.value as Filter)} aria-label="显示哪些单位">
                <Radio value="all" label={`全部 ${count('all')}`} />
                <Radio value="late" label={`有逾期或临期 ${count('late')}`} />
                <Radio value="silent" label={`未填报 ${count('silent')}`} />
              </RadioGroup>
              <SearchBox size="small" placeholder="查找单位" aria-label="查找单位" value={search} onChange={(_, d) => setSearch(d.value)} />
              <Checkbox
                label={`全选所列 ${shown.length} 个单位`}
                checked={allShownChosen ? true : shown.some((u) => chosen.has(u.unit)) ? 'mixed' : false}
                onChange={(_, d) => choose(shown.map((u) => u.unit), d.checked === true)}
              />
              <ul className={styles.units} aria-label="下发的单位">
                {shown.map((u) => (
                  <li key={u.unit}>
                    <Checkbox
                      checked={chosen.has(u.unit)}
                      onChange={(_, d) => choose([u.unit], d.checked === true)}
                      label={
                        <>
                          {u.unit} <span className={styles.unitNote}>{unitNote(u)}</span>
                        </>
                      }
                    />
                  </li>
                ))}
                {shown.length === 0 && (
                  <li>
                    <Caption1>没有符合条件的单位。</Caption1>
                  </li>
                )}
              </ul>
              <div className={styles.row}>
                <Button appearance="primary" disabledFocusable={running || sending.length === 0} onClick={() => void distribute.run(sending)}>
                  {sending.length === 0 ? '下发（先勾选单位）' : `下发 ${sending.length} 个单位`}
                </Button>
              </div>
            </>
          )}
        </>
      )}
      <ActionStatus label="下发" state={distribute.state} success={(r) => distributedHeadline(r)} />
      {distribute.state.status === 'done' && <DistributedFiles result={distribute.state.result} />}
      <Subtitle2 as="h2" id="collect-title">
        回收
      </Subtitle2>
      <Caption1>选择各单位发回的文件，合并进本工作簿；两边都改过的单元格列入“合并冲突”。</Caption1>
      <div className={styles.row}>
        <Button disabledFocusable={running} onClick={() => fileRef.current?.click()}>
          选择发回的文件…
        </Button>
        <input
          ref={fileRef}
          className={styles.hidden}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="各单位发回的台账文件"
          tabIndex={-1}
          onChange={(e) => {
            if (e.target.files) void pick(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
      {collect.state.status === 'done' ? <Collected result={collect.state.result} /> : <ActionStatus label="回收" state={collect.state} success={() => ''} />}
    </section>
  );
}

/** `已下发第 2 轮：3 个单位的文件已保存为 下发第2轮-3个单位.zip（浏览器的“下载”文件夹）。` */
export function distributedHeadline(r: DistributeResult): string {
  const n = `${r.files.length} 个单位`;
  if (r.delivery === 'opened') return `已下发第 ${r.round} 轮：${n}的文件已在新窗口中打开，尚未保存。请在每个窗口“另存为”下列文件名后发给该单位。`;
  return `已下发第 ${r.round} 轮：${n}的文件已保存为“${r.saved ?? ''}”，在浏览器的“下载”文件夹中${r.files.length > 1 ? '，解压后把每个文件发给对应单位' : '，发给该单位'}。`;
}

/** Each unit's file name (where it went), and the command line that makes the same files. */
function DistributedFiles({ result }: { result: DistributeResult }) {
  const styles = useStyles();
  return (
    <>
      <ul className={styles.files} aria-label="下发的文件">
        {result.files.map((f) => (
          <li key={f.unit}>
            <Text size={200}>
              {f.unit} → {f.file}（{f.rows} 行）
            </Text>
          </li>
        ))}
      </ul>
      {result.delivery === 'opened' && (
        <>
          <Caption1>用命令行可一次写好这些文件（先保存本工作簿）：</Caption1>
          <Field label="命令行" size="small">
            <code className={styles.code}>{result.cli}</code>
          </Field>
        </>
      )}
    </>
  );
}

/**
 * 回收's outcome: a refused file is never shown as success — warning when some were merged, error
 * when none was; one short line per refused file, then what was merged.
 */
function Collected({ result }: { result: CollectResult }) {
  const styles = useStyles();
  const refused = result.refused.length;
  const intent = refused === 0 ? 'success' : result.merged === 0 ? 'error' : 'warning';
  const title = refused === 0 ? `已合并 ${result.merged} 份文件` : result.merged === 0 ? `${refused} 份文件全部拒收，没有合并任何内容` : `合并 ${result.merged} 份，拒收 ${refused} 份`;
  return (
    <MessageBar intent={intent} layout="multiline" role={refused > 0 ? 'alert' : 'status'}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {refused > 0 && (
          <ul className={styles.lines} aria-label="拒收的文件">
            {result.refused.map((r) => (
              <li key={r.file}>
                {r.file}：{r.reason}
              </li>
            ))}
          </ul>
        )}
        {result.merged > 0 && <div>{mergedLine(result)}</div>}
        {(result.formatsLost ?? []).length > 0 && (
          <ul className={styles.lines} aria-label="未保留的格式">
            {(result.formatsLost ?? []).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** `采用单位填写 3 处，新增行 1 行，冲突 2 处（见“合并冲突”）。汇总和校验结果已更新。` */
export function mergedLine(r: CollectResult): string {
  const parts = [`采用单位填写 ${r.cells} 处`, `新增行 ${r.rowsAdded} 行`, ...(r.conflicts > 0 ? [`冲突 ${r.conflicts} 处（见“合并冲突”工作表，已按更新日期采用较新的一方）`] : [])];
  return `${parts.join('，')}。汇总和校验结果已更新。`;
}
