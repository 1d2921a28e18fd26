import { MB, sizeText } from '../../domain/text/sizeText';
import { centralDirectory, entryData } from './zip';

/**
 * Limits for a workbook that exceljs loads whole into memory (about ten times its uncompressed
 * sheet XML): checked on the zip's bytes before exceljs sees them, so a huge or sparse workbook is
 * refused with one line instead of running out of memory.
 */
export const WORKBOOK_MAX_BYTES = 50 * MB;
/**
 * Every entry of the zip, uncompressed (counted while inflating, not taken from the headers): exceljs
 * reads each one whole, whatever its name (`docProps/custom.xml`, `sheet99.xml.bak`), so each counts.
 */
export const WORKBOOK_MAX_XML_BYTES = 120 * MB;
/** Rows (`<row>` elements) of all worksheets. */
export const WORKBOOK_MAX_ROWS = 200_000;

/** Why a file is no workbook to read, in the words a clerk acts on (exceljs and JSZip say it in English). */
export const BROKEN_ZIP = '文件已损坏或不完整（压缩包的目录无法逐项读取），请在 Excel 中打开后另存为 .xlsx 再试';
export const BROKEN_XLSX = '文件内容已损坏，或不是 Excel 工作簿，请在 Excel 中打开后另存为 .xlsx 再试';

export type XlsxMeasure = {
  xmlBytes: number;
  rows: number;
  /**
   * Entries whose protection is spelt with `true`/`false` (LibreOffice, WPS), found in the same
   * inflate: only these are rewritten before exceljs reads the file (`ooxmlBooleans`).
   */
  wordyProtection: string[];
};

/** Why a workbook of these bytes is past a limit (a message naming `path`), or null. Never throws. */
export async function workbookOverLimit(
  path: string,
  bytes: Buffer,
  limits: { xmlBytes: number; rows: number } = { xmlBytes: WORKBOOK_MAX_XML_BYTES, rows: WORKBOOK_MAX_ROWS },
  inflate: Inflater = inflateWithStreams,
): Promise<string | null> {
  const measure = await measureXlsx(bytes, limits.xmlBytes, limits.rows, inflate);
  return measure === null ? null : limitMessage(path, measure, limits); // not a zip exceljs can read: it says so itself
}

/** Why a measured workbook is past a limit (a message naming `path`), or null. */
export function limitMessage(path: string, measure: XlsxMeasure, limits: { xmlBytes: number; rows: number } = { xmlBytes: WORKBOOK_MAX_XML_BYTES, rows: WORKBOOK_MAX_ROWS }): string | null {
  if (measure.xmlBytes > limits.xmlBytes) {
    return `${path} 的内容解压后超过 ${sizeText(limits.xmlBytes)}，超过工作簿的上限，未读取`;
  }
  if (measure.rows > limits.rows) {
    return `${path} 的工作表共有超过 ${limits.rows} 行，超过工作簿的上限 ${limits.rows} 行，未读取`;
  }
  return null;
}

/**
 * exceljs's own test for a worksheet entry, unanchored as it is: `xl/worksheets/sheet99.xml.bak` and
 * `x/xl/worksheets/sheet1.xml` are loaded as sheets, so their rows count.
 */
const EXCELJS_SHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;

/**
 * Uncompressed size of every entry of an .xlsx and the number of `<row` elements of the entries
 * exceljs reads as worksheets, inflating entry by entry and stopping as soon as either passes its
 * limit (so a zip bomb costs no more than the limit). null when the bytes are not a zip this can
 * follow entry by entry (then it is not read at all: what is not counted is not loaded).
 */
export async function measureXlsx(bytes: Buffer, maxXmlBytes: number, maxRows: number, inflate: Inflater = inflateWithStreams): Promise<XlsxMeasure | null> {
  const entries = centralDirectory(bytes);
  if (entries === null) return null;
  const measure: XlsxMeasure = { xmlBytes: 0, rows: 0, wordyProtection: [] };
  for (const e of entries) {
    if (e.name.endsWith('/') && e.compressedSize === 0) continue; // a folder
    const sheet = EXCELJS_SHEET.test(e.name);
    const styles = e.name === 'xl/styles.xml';
    const data = entryData(bytes, e);
    if (data === null) return null;
    const ok = await scanEntry(data, e.method, { name: e.name, sheet, styles }, measure, maxXmlBytes, maxRows, inflate);
    if (!ok) return null;
    if (measure.xmlBytes > maxXmlBytes || measure.rows > maxRows) break;
  }
  return measure;
}

/** A protection element with an attribute spelt `true`/`false` (`<sheetProtection sheet="true"`). */
const WORDY_PROTECTION = /<(?:[\w-]+:)?(?:sheetProtection|protection)\b[^>]*?=\s*["']\s*(?:true|false)\s*["']/i;
/** Characters kept from one chunk to the next, so an element cut between chunks is still seen. */
const TAIL = 400;

type EntryKind = { name: string; sheet: boolean; styles: boolean };

/**
 * Add one entry's inflated size (and rows, for a worksheet) to `measure`, and note it when its
 * protection is spelt with words (worksheets and the style sheet); false when it cannot be inflated.
 */
function scanEntry(data: Buffer, method: number, kind: EntryKind, measure: XlsxMeasure, maxXmlBytes: number, maxRows: number, inflate: Inflater): Promise<boolean> {
  let tail = '';
  let wordy = false;
  const count = (chunk: Buffer): void => {
    measure.xmlBytes += chunk.length;
    if (!kind.sheet && !kind.styles) return;
    // latin1 keeps one character a byte; the markup looked for is ASCII, and the tail catches one cut between chunks.
    const fresh = chunk.toString('latin1');
    const text = tail + fresh;
    if (kind.sheet) measure.rows += countRows(tail.slice(-4) + fresh);
    if (!wordy && WORDY_PROTECTION.test(text)) {
      wordy = true;
      measure.wordyProtection.push(kind.name);
    }
    tail = text.slice(-TAIL);
  };
  if (method === 0) {
    count(data);
    return Promise.resolve(true);
  }
  if (method !== 8) return Promise.resolve(false);
  return inflate(data, (chunk) => {
    count(chunk);
    return measure.xmlBytes <= maxXmlBytes && measure.rows <= maxRows;
  });
}

/**
 * Inflate raw deflate data chunk by chunk: `onChunk` returns false to stop early (a limit passed).
 * Resolves true when the data inflated (or was stopped), false when it is not valid deflate data.
 */
export type Inflater = (data: Uint8Array, onChunk: (chunk: Buffer) => boolean) => Promise<boolean>;

/**
 * The inflater of web streams (`DecompressionStream`), present in Node 18+ and every browser the
 * pane runs in: one code for the CLI and the pane, where `node:zlib` does not exist.
 */
export const inflateWithStreams: Inflater = async (data, onChunk) => {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      if (!onChunk(Buffer.from(value.buffer, value.byteOffset, value.byteLength))) {
        await reader.cancel();
        return true;
      }
    }
  } catch {
    return false;
  }
};

/** `<row` elements (`<row>` or `<row r=…>`), not `<rowBreaks`… */
function countRows(text: string): number {
  let n = 0;
  for (let i = text.indexOf('<row'); i >= 0; i = text.indexOf('<row', i + 4)) {
    const next = text.charCodeAt(i + 4);
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) n++;
  }
  return n;
}
