import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Link, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { UpdatePreview } from '../host/hostTypes';
import type { ActionState } from './useHostAction';
import { SEVERITY_LABEL } from '../domain/notice/labels';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  // The preview of a large revision is long: it scrolls inside the dialog, which stays on screen.
  lines: { maxHeight: '40vh', overflowY: 'auto', margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase200 },
  findings: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  // In the dialog's column a long preview takes the height: a message must keep its own, or its text
  // runs over the lines below (seen at 320 px with the removal warning).
  bar: { flexShrink: 0 },
});

type Props = {
  /** Which update is previewed: a notice or a task-list table (重新生成工作簿), or the edited 任务清单 (更新分工). */
  kind: 'notice' | 'table' | 'tasklist';
  /** Which 事项来源 the notice adds or replaces, said first; null when the workbook has no sources to choose from. */
  subject?: string | null;
  state: ActionState<UpdatePreview>;
  onConfirm(): void;
  onCancel(): void;
  /** Go to a finding's cell (the dialog closes: the office fixes 任务清单 and previews again). */
  onSelect(sheet: string, cell: string): void;
};

/**
 * What an update changes, shown before it is applied (DESIGN §5): nothing is written until the
 * office confirms here. A blocked update (a duplicated 任务编号…) says why and cannot be confirmed.
 * Mount it only while a preview is asked for: kept mounted, Fluent's modal handling left the open
 * dialog itself aria-hidden after the pane re-rendered beneath it (seen in jsdom).
 */
export function ChangesDialog({ kind, subject = null, state, onConfirm, onCancel, onSelect }: Props) {
  const styles = useStyles();
  const preview = state.status === 'done' ? state.result : null;
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby="changes-what">
        <DialogBody>
          <DialogTitle>{kind === 'tasklist' ? '按任务清单更新分工？' : '重新生成工作簿？'}</DialogTitle>
          <DialogContent id="changes-what" className={styles.body}>
            {subject && <Text>{subject}</Text>}
            {state.status === 'running' && <Spinner size="small" label={state.progress?.step ?? '正在比较分工的变化…'} />}
            {state.status === 'failed' && (
              <MessageBar className={styles.bar} intent="error" layout="multiline">
                <MessageBarBody>{state.message}</MessageBarBody>
              </MessageBar>
            )}
            {preview && (
              <>
                <Text weight="semibold">{preview.headline}</Text>
                {preview.blocked && (
                  <MessageBar className={styles.bar} intent="error" layout="multiline">
                    <MessageBarBody>无法更新：{preview.blocked}</MessageBarBody>
                  </MessageBar>
                )}
                {preview.warning && (
                  <MessageBar className={styles.bar} intent="warning" layout="multiline">
                    <MessageBarBody>{preview.warning}请点“取消”，在事项来源中选择“作为新的事项来源添加”。</MessageBarBody>
                  </MessageBar>
                )}
                {preview.findings.length > 0 && (
                  <ul className={styles.findings} aria-label="任务清单中的问题">
                    {preview.findings.map((f) => (
                      <li key={`${f.cell}-${f.code}`}>
                        {SEVERITY_LABEL[f.severity]}{' '}
                        <Link as="button" onClick={() => onSelect(f.sheet, f.cell)}>
                          {f.sheet}!{f.cell}
                        </Link>
                        ：{f.message}
                      </li>
                    ))}
                  </ul>
                )}
                {preview.lines.length > 0 && <pre className={styles.lines}>{preview.lines.join('\n')}</pre>}
                {preview.unchanged ? (
                  <Text size={200}>工作簿已经是这份分工，无需更新。</Text>
                ) : (
                  <Text size={200}>各单位已填写的内容都会保留（任务或分工移出的行标为“已移出分工”）。台账会重新保护，Excel 的撤销记录会被清空。</Text>
                )}
              </>
            )}
          </DialogContent>
          <DialogActions>
            {/* Nothing changes: nothing to apply, one way out. */}
            {preview?.unchanged ? (
              <Button appearance="primary" onClick={onCancel}>
                关闭
              </Button>
            ) : (
              <>
                <Button appearance="primary" disabledFocusable={preview === null || preview.blocked !== null} onClick={onConfirm}>
                  {kind === 'tasklist' ? '确认更新分工' : '重新生成'}
                </Button>
                <Button onClick={onCancel}>取消</Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
