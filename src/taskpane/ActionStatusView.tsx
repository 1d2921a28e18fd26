import { useEffect, useRef } from 'react';
import { Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, makeStyles, tokens, useAnnounce } from '@fluentui/react-components';
import type { ActionState } from './useHostAction';

const useStyles = makeStyles({
  detail: { marginTop: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  text: { whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  date: { whiteSpace: 'nowrap' },
});

const ISO_DATE = /(\d{4}-\d{2}-\d{2})/;

/** A message with its dates kept on one line (2026-11-27 never breaks at a hyphen). */
function WithDates({ text }: { text: string }) {
  const styles = useStyles();
  return (
    <>
      {text.split(ISO_DATE).map((part, i) =>
        ISO_DATE.test(part) ? (
          <span key={i} className={styles.date}>
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

/**
 * Where one stage shows its last action: a progress bar with the current phase while it runs, then
 * only the latest outcome (success or error, never a pile), scrolled into view and announced to
 * screen readers. Errors keep the host's own text in a details expander.
 */
export function ActionStatusView<T>({ label, state, success }: { label: string; state: ActionState<T>; success(result: T): string }) {
  const styles = useStyles();
  const { announce } = useAnnounce();
  const ref = useRef<HTMLDivElement>(null);
  const message = state.status === 'done' ? success(state.result) : state.status === 'failed' ? `${label}失败：${state.message}` : null;
  useEffect(() => {
    if (message === null) return;
    announce(message, { alert: state.status === 'failed', batchId: label });
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [message, state.status, announce, label]);

  if (state.status === 'idle') return null;
  if (state.status === 'running') {
    const p = state.progress;
    return (
      <Field validationMessage={p?.step ?? '准备中…'} validationState="none">
        {p && p.total > 0 ? <ProgressBar aria-label={`${label}进度`} value={p.done / p.total} /> : <ProgressBar aria-label={`${label}进度`} />}
      </Field>
    );
  }
  return (
    <div ref={ref}>
      {state.status === 'done' ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody className={styles.text}>
            <WithDates text={message ?? ''} />
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{label}失败</MessageBarTitle>
            <span className={styles.text}>{state.message}</span>
            {state.detail && (
              <details className={styles.detail}>
                <summary>详细信息</summary>
                <div>{state.detail}</div>
              </details>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
