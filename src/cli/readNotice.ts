import { readFile, stat } from 'node:fs/promises';
import { decodeNotice } from '../domain/text/decode';
import type { Issue } from '../domain/notice/types';

export type NoticeText = { text: string; issues: Issue[] };

/** Thrown when a file cannot be read at all (exit 2); everything else is an issue. */
export class UnreadableInput extends Error {}

/** Read a notice from a .txt (any of the encodings government files use) or a .docx. */
export async function readNoticeFile(path: string): Promise<NoticeText> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UnreadableInput(`${path} 是目录，不是通知文件`);
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof UnreadableInput) throw e;
    throw new UnreadableInput(`无法读取 ${path}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (isZip(bytes)) return readDocx(path, bytes);
  const decoded = decodeNotice(bytes);
  if (decoded.text === null) throw new UnreadableInput(`${path}：${decoded.issues[0]?.message ?? '不是文本文件'}`);
  return { text: decoded.text, issues: decoded.issues };
}

function isZip(bytes: Buffer): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

async function readDocx(path: string, bytes: Buffer): Promise<NoticeText> {
  // mammoth is loaded only for .docx: it is large and plain-text notices do not need it.
  const mammoth = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({ buffer: bytes });
    const issues: Issue[] = result.messages
      .filter((m) => m.type === 'error')
      .map((m) => ({ severity: 'warning' as const, code: 'DOCX_WARNING', message: `读取 Word 文件时：${m.message}`, line: 0 }));
    // mammoth separates paragraphs by blank lines; one paragraph per line is what the parser expects.
    return { text: result.value.replace(/\n\n/g, '\n'), issues };
  } catch (e) {
    throw new UnreadableInput(`${path} 不是可读取的 Word (.docx) 文件：${(e as Error).message}`);
  }
}
