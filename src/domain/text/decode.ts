import type { Issue } from '../notice/types';

export type DecodedText = {
  /** null when the bytes are not text at all. */
  text: string | null;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'binary';
  issues: Issue[];
};

/**
 * Decode a notice file. Government text files come as UTF-8 (with or without BOM), UTF-16
 * (Windows Notepad "Unicode", with or without BOM) or GB18030/GBK; the bytes decide, not the
 * file name. UTF-8 with a few damaged bytes stays UTF-8, with a warning naming the line.
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
  const utf8 = scanUtf8(bytes);
  if (utf8.errors === 0) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', issues: [] };
  const mixed = decodeMixedLines(bytes);
  if (mixed !== null) return mixed;
  if (utf8.errors * DAMAGE_RATIO <= utf8.sequences) {
    // UTF-8 with a few bad bytes (a file cut or edited by a tool that broke a character): read it
    // as UTF-8 and say where, rather than turn the whole notice into mojibake as GB18030.
    const line = lineAt(bytes, utf8.firstError);
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      encoding: 'utf-8',
      issues: [
        {
          severity: 'warning',
          code: 'ENCODING_DAMAGED',
          message: `文件按 UTF-8 读取，其中 ${utf8.errors} 处字节无法识别（第一处在第 ${line} 行），已用 � 代替，请核对原文`,
          line,
        },
      ],
    };
  }
  // Not UTF-8: the other encoding Chinese government files use is GB18030 (a superset of GBK/GB2312).
  const text = new TextDecoder('gb18030').decode(bytes);
  const issues: Issue[] = [{ severity: 'info', code: 'ENCODING_GB18030', message: '文件按 GB18030（GBK）编码读取', line: 0 }];
  if (text.includes('\ufffd')) {
    issues.push({ severity: 'warning', code: 'ENCODING_DAMAGED', message: '文件中有无法识别的字符，已用 � 代替', line: 0 });
  }
  return { text, encoding: 'gb18030', issues };
}

/**
 * A file whose lines are in two encodings: a header typed in a UTF-8 editor above rows pasted
 * from a GB18030 export (or the reverse). Decoded whole as either, one part turns to mojibake and
 * the header is "missing"; decoded line by line (a line break is 0x0A in both, never inside a GB18030
 * character), nothing is lost, and the warning says which lines were which. Null when every line
 * with Chinese is in one encoding.
 */
function decodeMixedLines(bytes: Uint8Array): DecodedText | null {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, Math.min(i + 1, bytes.length)));
      start = i + 1;
    }
  }
  const [utf8, gb] = [new TextDecoder('utf-8'), new TextDecoder('gb18030')];
  // A line is taken as one encoding only when it reads as Chinese in it: GBK bytes that happen to
  // be valid UTF-8 decode to Latin, Greek or Cyrillic letters, not to CJK characters.
  const kinds = lines.map((line): 'ascii' | 'utf-8' | 'gb18030' | 'unknown' => {
    const scan = scanUtf8(line);
    if (scan.sequences === 0 && scan.errors === 0) return 'ascii';
    if (scan.errors === 0 && readsAsChinese(utf8.decode(line))) return 'utf-8';
    const asGb = gb.decode(line);
    return !asGb.includes('\ufffd') && readsAsChinese(asGb) ? 'gb18030' : 'unknown';
  });
  const gbLines = kinds.flatMap((k, i) => (k === 'gb18030' ? [i + 1] : []));
  if (!kinds.includes('utf-8') || gbLines.length === 0 || kinds.includes('unknown')) return null;
  const text = lines.map((line, i) => (kinds[i] === 'gb18030' ? gb : utf8).decode(line)).join('');
  const shown = gbLines.slice(0, 5).join('、') + (gbLines.length > 5 ? ` 等 ${gbLines.length}` : '');
  return {
    text,
    encoding: 'utf-8',
    issues: [{ severity: 'warning', code: 'ENCODING_MIXED', message: `文件混用了两种编码：第 ${shown} 行按 GB18030（GBK）读取，其余按 UTF-8 读取，请核对这些行；保存时请统一为一种编码`, line: gbLines[0] as number }],
  };
}

/** Text beyond ASCII is mostly Chinese (CJK, its punctuation, full-width forms): 4 in 5 characters at least. */
function readsAsChinese(text: string): boolean {
  const wide = [...text].filter((ch) => ch.charCodeAt(0) > 0x7f);
  const chinese = wide.filter((ch) => /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2018-\u201d\u2026\u00b7\u2014]/.test(ch)).length;
  return wide.length > 0 && chinese * 5 >= wide.length * 4;
}

/**
 * At most one ill-formed sequence per this many well-formed multi-byte characters still reads as
 * UTF-8. GB18030 text is the opposite: most of its byte pairs are not UTF-8 at all.
 */
const DAMAGE_RATIO = 20;

/**
 * Count well-formed multi-byte UTF-8 sequences and ill-formed ones (each maximal bad part once,
 * as TextDecoder replaces them), with the byte offset of the first bad one.
 */
function scanUtf8(bytes: Uint8Array): { sequences: number; errors: number; firstError: number } {
  let sequences = 0;
  let errors = 0;
  let firstError = -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    // The second byte's range rules out overlong forms, surrogates and code points above U+10FFFF.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    let k = 1;
    while (k < length) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) break;
      k++;
    }
    if (length > 0 && k === length) {
      sequences++;
    } else {
      errors++;
      if (firstError < 0) firstError = i;
    }
    i += k;
  }
  return { sequences, errors, firstError };
}

/** 1-based line of a byte offset (LF, CRLF or CR line ends). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

const SNIFF_BYTES = 4096;

/**
 * UTF-16 without a BOM (some editors and database exports write it). UTF-8 and GB18030 text
 * never holds a zero byte; UTF-16 holds one in every ASCII character (line breaks, digits). So a
 * zero byte in the first KiBs is the sign, and the byte order is the one whose reading is made of
 * the characters notices are written in (the other reading, and binary data, decode to a mix of
 * Hangul, private-use and unassigned code points).
 */
function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 2 || !bytes.subarray(0, n).includes(0)) return null;
  const sample = bytes.subarray(0, n);
  const le = textShare(new TextDecoder('utf-16le').decode(sample));
  const be = textShare(new TextDecoder('utf-16be').decode(sample));
  if (Math.max(le, be) < 0.9) return null;
  return le >= be ? 'utf-16le' : 'utf-16be';
}

/** Share of a text's UTF-16 units that are text units. */
function textShare(text: string): number {
  let plausible = 0;
  for (let i = 0; i < text.length; i++) if (isTextUnit(text.charCodeAt(i))) plausible++;
  return text.length === 0 ? 0 : plausible / text.length;
}

/** A UTF-16 unit notices are written in: tab and line ends, ASCII, Latin, punctuation and symbols, CJK, full-width forms, surrogates. */
function isTextUnit(u: number): boolean {
  return (
    u === 0x09 ||
    u === 0x0a ||
    u === 0x0d ||
    (u >= 0x20 && u <= 0x7e) ||
    (u >= 0xa0 && u <= 0x24f) ||
    (u >= 0x2000 && u <= 0x2bff) ||
    (u >= 0x2e80 && u <= 0x9fff) ||
    (u >= 0xd800 && u <= 0xdfff) ||
    (u >= 0xf900 && u <= 0xfaff) ||
    (u >= 0xfe30 && u <= 0xfe4f) ||
    (u >= 0xff00 && u <= 0xffef)
  );
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
