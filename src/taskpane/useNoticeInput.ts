import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Issue, ParsedNotice } from '../domain/notice/types';

/**
 * The notice reader loads when there is a notice to read (typed, pasted, a file, the example), not
 * with the first screen: the pane is on screen before its parser is.
 */
const noticeReader = () => import(/* webpackChunkName: "notice" */ './noticeReader');
type Reader = Awaited<ReturnType<typeof noticeReader>>;

export type NoticeInput = {
  text: string;
  source: string | null;
  /** Typed or pasted text; `source` names where it came from (the bundled example). */
  setText(text: string, source?: string): void;
  loadFile(file: File): Promise<void>;
  parsed: ParsedNotice | null;
  loadError: string | null;
};

/** The notice being worked on: typed/pasted text or a chosen .txt/.docx file, parsed as it changes. */
export function useNoticeInput(): NoticeInput {
  const [text, setTextState] = useState('');
  const [source, setSource] = useState<string | null>(null);
  const [fileIssues, setFileIssues] = useState<Issue[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reader, setReader] = useState<Reader | null>(null);
  const hasText = text.trim().length > 0;
  useEffect(() => {
    if (hasText && reader === null) void noticeReader().then(setReader);
  }, [hasText, reader]);

  const setText = useCallback((t: string, from?: string) => {
    setTextState(t);
    setSource(from ?? null);
    setFileIssues([]);
    setLoadError(null);
  }, []);

  const loadFile = useCallback(async (file: File) => {
    setLoadError(null);
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
      try {
        const mammoth = await import('mammoth');
        const result = await mammoth.extractRawText({ arrayBuffer: bytes.buffer });
        setTextState(result.value.replace(/\n\n/g, '\n'));
        setFileIssues([]);
      } catch (e) {
        // mammoth's reason is English and technical: say what to do instead.
        void e;
        setLoadError(`“${file.name}”不是可读取的 Word (.docx) 文件。请在 Word 中打开后另存为 .docx 或 .txt，再选择；也可以直接粘贴全文。`);
        return;
      }
    } else {
      const decoded = (await noticeReader()).decodeNotice(bytes);
      if (decoded.text === null) {
        setLoadError(`${file.name}：${decoded.issues[0]?.message ?? '不是文本文件'}`);
        return;
      }
      setTextState(decoded.text);
      setFileIssues(decoded.issues);
    }
    setSource(file.name);
  }, []);

  const parsed = useMemo(() => {
    if (text.trim().length === 0 || reader === null) return null;
    const p = reader.parseNotice(text);
    return { ...p, issues: [...fileIssues, ...p.issues] };
  }, [text, fileIssues, reader]);

  return { text, source, setText, loadFile, parsed, loadError };
}
