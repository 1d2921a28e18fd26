import { useRef, useState } from 'react';
import { Button, Caption1, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { CircularResult } from '../host/hostTypes';
import type { HostAction } from './useHostAction';
import { ActionStatus } from './ActionStatus';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'center' },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

/** The command that writes the Word file: an add-in cannot save a .docx by itself. */
export const REPORT_COMMAND = 'duban report 工作簿.xlsx -o 通报.docx';

/**
 * 生成通报 (DESIGN §12): writes the `通报` sheet, shows its text and offers to copy it (to paste
 * into Word or WPS); says where the Word file comes from.
 */
export function CircularPanel({ circular, running }: { circular: HostAction<[], CircularResult>; running: boolean }) {
  const styles = useStyles();
  const area = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'select'>('idle');
  const result = circular.state.status === 'done' ? circular.state.result : null;
  const text = result ? result.text.join('\n') : '';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('copied');
    } catch {
      // Some Office hosts refuse the clipboard to an add-in: the text is selected for Ctrl+C instead.
      area.current?.select();
      setCopied('select');
    }
  };

  return (
    <div className={styles.panel}>
      <div className={styles.row}>
        <Button
          disabledFocusable={running}
          onClick={() => {
            setCopied('idle');
            void circular.run();
          }}
        >
          生成通报
        </Button>
      </div>
      <ActionStatus label="生成通报" state={circular.state} success={(r) => `已写入“通报”工作表（统计日期 ${r.asOf}）：${r.title}。可直接打印，或复制全文粘贴到 Word。`} />
      {result && (
        <>
          <Field label="通报全文（下一步工作要求请督查室填写）">
            <Textarea textarea={{ ref: area }} readOnly resize="vertical" rows={8} value={text} />
          </Field>
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void copy()}>
              复制全文
            </Button>
            {copied === 'copied' && <Caption1 role="status">已复制。</Caption1>}
            {copied === 'select' && <Caption1 role="status">无法直接访问剪贴板，已选中全文，请按 Ctrl+C 复制。</Caption1>}
          </div>
        </>
      )}
      <Caption1>
        加载项不能直接保存 Word 文件。需要按公文格式排好的 Word 版通报时，在命令行运行 <span className={styles.code}>{REPORT_COMMAND}</span>（可加 --as-of 日期、--title 通知简称）。
      </Caption1>
    </div>
  );
}
