import { open } from 'node:fs/promises';
import { decodeNotice } from '../domain/text/decode';
import type { Issue } from '../domain/notice/types';
import { NOTICE_DOCX_MAX_BYTES, NOTICE_TEXT_MAX_BYTES, sizeText } from './limits';
import { readFailureReason, docxFailureReason } from '../domain/text/fileErrors';

export type NoticeText = { text: string; issues: Issue[] };

/** Thrown when a file cannot be read at all (exit 2); everything else is an issue. */
export class UnreadableInput extends Error {}

/**
 * Read a notice from a .txt (any of the encodings government files use) or a .docx. At most
 * NOTICE_DOCX_MAX_BYTES + 1 bytes are ever read, in chunks, so `/dev/zero`, a pipe or a huge file
 * is refused once past the limit (a .txt past NOTICE_TEXT_MAX_BYTES as well), never read to its end.
 */
export async function readNoticeFile(path: string): Promise<NoticeText> {
  const { bytes, size } = await readBounded(path, NOTICE_DOCX_MAX_BYTES);
  if (isZip(bytes)) {
    if (bytes.length > NOTICE_DOCX_MAX_BYTES) throw tooLarge(path, size, NOTICE_DOCX_MAX_BYTES, 'Word 通知文件');
    return readDocx(path, bytes);
  }
  if (bytes.length > NOTICE_TEXT_MAX_BYTES) throw tooLarge(path, size, NOTICE_TEXT_MAX_BYTES, '文本通知文件');
  const decoded = decodeNotice(bytes);
  if (decoded.text === null) throw new UnreadableInput(`${path}：${decoded.issues[0]?.message ?? '不是文本文件'}`);
  return { text: decoded.text, issues: decoded.issues };
}

/** `size` is the file's size when it is a regular file, null for a device or a pipe (read only up to the limit). */
export function tooLarge(path: string, size: number | null, limit: number, what: string): UnreadableInput {
  const how = size === null ? `不是普通文件，读到 ${sizeText(limit)} 仍未结束` : `大小 ${sizeText(size)}（${size} 字节）`;
  return new UnreadableInput(`${path} ${how}，超过${what}的上限 ${sizeText(limit)}（${limit} 字节），未读取`);
}

const CHUNK = 1024 * 1024;

/**
 * The file's bytes, reading at most `limit + 1` of them: `bytes` longer than `limit` means the
 * file is larger. `size` is the size of a regular file, null for a device or a pipe. Directories
 * and unreadable paths are UnreadableInput.
 */
export async function readBounded(path: string, limit: number): Promise<{ bytes: Buffer; size: number | null }> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw new UnreadableInput(`无法读取 ${path}：${readFailureReason((e as NodeJS.ErrnoException).code, (e as Error).message)}`);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new UnreadableInput(`${path} 是目录，不是通知文件`);
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= limit) {
      const want = Math.min(CHUNK, limit + 1 - total);
      const chunk = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(chunk, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === want ? chunk : chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    return { bytes: Buffer.concat(chunks, total), size: info.isFile() ? Math.max(info.size, total) : null };
  } catch (e) {
    if (e instanceof UnreadableInput) throw e;
    throw new UnreadableInput(`无法读取 ${path}：${readFailureReason((e as NodeJS.ErrnoException).code, (e as Error).message)}`);
  } finally {
    await handle.close();
  }
}

export function isZip(bytes: Buffer): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function readDocx(path: string, bytes: Buffer): Promise<NoticeText> {
  // mammoth is loaded only for .docx: it is large and plain-text notices do not need it.
  const mammoth = await import('mammoth');
  let result;
  try {
    result = await mammoth.extractRawText({ buffer: bytes });
  } catch (e) {
    throw new UnreadableInput(`${path} 不是可读取的 Word (.docx) 文件：${docxFailureReason(String((e as Error | undefined)?.message ?? e))}`);
  }
  if (result.value.length > NOTICE_TEXT_MAX_BYTES) {
    throw new UnreadableInput(`${path} 中的文字超过 ${sizeText(NOTICE_TEXT_MAX_BYTES)}（${result.value.length} 字），通知正文最大 ${sizeText(NOTICE_TEXT_MAX_BYTES)}，未读取`);
  }
  const issues: Issue[] = result.messages
    .filter((m) => m.type === 'error')
    .map((m) => ({ severity: 'warning' as const, code: 'DOCX_WARNING', message: `读取 Word 文件时：${m.message}`, line: 0 }));
  // mammoth separates paragraphs by blank lines; one paragraph per line is what the parser expects.
  return { text: result.value.replace(/\n\n/g, '\n'), issues };
}
