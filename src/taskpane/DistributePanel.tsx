import { useRef } from 'react';
import { Button, Caption1, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { CollectResult, DistributeResult } from '../host/hostTypes';
import type { HostAction } from './useHostAction';
import { ActionStatus } from './ActionStatus';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  hidden: { display: 'none' },
});

export type ReturnedFiles = Array<{ name: string; bytes: Uint8Array }>;

const distributed = (r: DistributeResult): string => `已下发第 ${r.round} 轮：${r.files.length} 个单位的台账已各自在新工作簿中打开，请分别保存（如 ${r.files[0] ?? ''}）后发给各单位。`;
const collected = (r: CollectResult): string =>
  `已合并 ${r.merged} 份文件：采用单位填写 ${r.cells} 处，新增行 ${r.rowsAdded} 行` +
  (r.conflicts > 0 ? `，冲突 ${r.conflicts} 处（见“合并冲突”工作表，已按更新日期采用较新的一方）` : '') +
  (r.refused.length > 0 ? `。拒收 ${r.refused.length} 份：\n${r.refused.join('\n')}` : '。') +
  '汇总和校验结果已更新。';

/** 下发 and 回收 (DESIGN §10): send each unit its own file, merge the files that come back. */
export function DistributePanel(props: {
  distribute: HostAction<[], DistributeResult>;
  collect: HostAction<[ReturnedFiles], CollectResult>;
  /** Why this Excel cannot open new workbooks, with the command line to use instead; null when it can. */
  distributeUnavailable: string | null;
  running: boolean;
}) {
  const styles = useStyles();
  const fileRef = useRef<HTMLInputElement>(null);
  const { distribute, collect, running } = props;
  const pick = async (list: FileList): Promise<void> => {
    const files: ReturnedFiles = [];
    for (const f of Array.from(list)) files.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
    if (files.length > 0) await collect.run(files);
  };
  return (
    <section className={styles.panel} aria-labelledby="distribute-title">
      <Subtitle2 as="h2" id="distribute-title">
        下发与回收
      </Subtitle2>
      <Caption1>下发：每个单位一个新工作簿，只有本单位的台账、任务和指标，保存后发给该单位。回收：选择各单位发回的文件，合并进本工作簿；两边都改过的单元格列入“合并冲突”。</Caption1>
      {props.distributeUnavailable && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{props.distributeUnavailable}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button disabledFocusable={running || props.distributeUnavailable !== null} onClick={() => void distribute.run()}>
          下发
        </Button>
        <Button disabledFocusable={running} onClick={() => fileRef.current?.click()}>
          回收…
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
      <ActionStatus label="下发" state={distribute.state} success={distributed} />
      <ActionStatus label="回收" state={collect.state} success={collected} />
    </section>
  );
}
