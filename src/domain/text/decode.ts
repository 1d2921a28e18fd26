import type { Issue } from '../notice/types';

export type DecodedText = {
  /** null when the bytes are not text at all. */
  text: string | null;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'binary';
  issues: Issue[];
};

/**
 * Decode a notice file. Government text files come as UTF-8 (with or without BOM), UTF-16
 * (Windows Notepad "Unicode") or GB18030/GBK; the bytes decide, not the file name.
 *
 * @example
 * decodeNotice(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4])).text //=> '中文'
 */
export function decodeNotice(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', issues: [] };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', issues: [] };
  }
  const sniffed = sniffUtf16WithoutBom(bytes);
  if (sniffed) return { text: new TextDecoder(sniffed).decode(bytes), encoding: sniffed, issues: [] };
  if (looksBinary(bytes)) {
    return {
      text: null,
      encoding: 'binary',
      issues: [{ severity: 'error', code: 'NOT_TEXT', message: '文件不是文本（含大量控制字符），无法读取通知内容', line: 0 }],
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', issues: [] };
  } catch {
    // Not UTF-8: the other encoding Chinese government files use is GB18030 (a superset of GBK/GB2312).
  }
  const text = new TextDecoder('gb18030').decode(bytes);
  const issues: Issue[] = [
    { severity: 'info', code: 'ENCODING_GB18030', message: '文件按 GB18030（GBK）编码读取', line: 0 },
  ];
  if (text.includes('\ufffd')) {
    issues.push({ severity: 'warning', code: 'ENCODING_DAMAGED', message: '文件中有无法识别的字符，已用 � 代替', line: 0 });
  }
  return { text, encoding: 'gb18030', issues };
}

/** UTF-16 without a BOM shows as every other byte being zero in ASCII-heavy text. */
function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Binary when control bytes (other than tab/CR/LF/FF/ESC) exceed 2 % of the first 64 KiB. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control / n > 0.02;
}
