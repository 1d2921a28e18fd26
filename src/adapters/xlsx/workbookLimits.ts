import { createInflateRaw } from 'node:zlib';
import { MB, sizeText } from '../../domain/text/sizeText';
import { centralDirectory, entryData } from './zip';

/**
 * Limits for a workbook that exceljs loads whole into memory (about ten times its uncompressed
 * sheet XML): checked on the zip's bytes before exceljs sees them, so a huge or sparse workbook is
 * refused with one line instead of running out of memory.
 */
export const WORKBOOK_MAX_BYTES = 50 * MB;
/** Worksheet and shared-string XML, uncompressed (counted while inflating, not taken from the headers). */
export const WORKBOOK_MAX_XML_BYTES = 120 * MB;
/** Rows (`<row>` elements) of all worksheets. */
export const WORKBOOK_MAX_ROWS = 200_000;

export type XlsxMeasure = { xmlBytes: number; rows: number };

/** Why a workbook of these bytes is past a limit (a message naming `path`), or null. Never throws. */
export async function workbookOverLimit(
  path: string,
  bytes: Buffer,
  limits: { xmlBytes: number; rows: number } = { xmlBytes: WORKBOOK_MAX_XML_BYTES, rows: WORKBOOK_MAX_ROWS },
): Promise<string | null> {
  const measure = await measureXlsx(bytes, limits.xmlBytes, limits.rows);
  if (measure === null) return null; // not a zip exceljs can read: it says so itself
  if (measure.xmlBytes > limits.xmlBytes) {
    return `${path} 的工作表内容解压后超过 ${sizeText(limits.xmlBytes)}，超过工作簿的上限，未读取`;
  }
  if (measure.rows > limits.rows) {
    return `${path} 的工作表共有超过 ${limits.rows} 行，超过工作簿的上限 ${limits.rows} 行，未读取`;
  }
  return null;
}

/**
 * Uncompressed size of the worksheet and shared-string XML of an .xlsx and the number of `<row`
 * elements of its worksheets, inflating entry by entry and stopping as soon as either passes its
 * limit (so a zip bomb costs no more than the limit). null when the bytes are not a readable zip.
 */
export async function measureXlsx(bytes: Buffer, maxXmlBytes: number, maxRows: number): Promise<XlsxMeasure | null> {
  const entries = centralDirectory(bytes);
  if (entries === null) return null;
  const measure: XlsxMeasure = { xmlBytes: 0, rows: 0 };
  for (const e of entries) {
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name);
    if (!sheet && !/^xl\/sharedStrings\.xml$/i.test(e.name)) continue;
    const data = entryData(bytes, e);
    if (data === null) return null;
    const ok = await scanEntry(data, e.method, sheet, measure, maxXmlBytes, maxRows);
    if (!ok) return null;
    if (measure.xmlBytes > maxXmlBytes || measure.rows > maxRows) break;
  }
  return measure;
}

/** Add one entry's inflated size (and rows, for a worksheet) to `measure`; false when it cannot be inflated. */
function scanEntry(data: Buffer, method: number, sheet: boolean, measure: XlsxMeasure, maxXmlBytes: number, maxRows: number): Promise<boolean> {
  let tail = '';
  const count = (chunk: Buffer): void => {
    measure.xmlBytes += chunk.length;
    if (!sheet) return;
    // latin1 keeps one character a byte; `<row` is ASCII, and the tail catches one cut between chunks.
    const text = tail + chunk.toString('latin1');
    measure.rows += countRows(text);
    tail = text.slice(-4);
  };
  if (method === 0) {
    count(data);
    return Promise.resolve(true);
  }
  if (method !== 8) return Promise.resolve(false);
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let done = false;
    const finish = (ok: boolean): void => {
      if (done) return;
      done = true;
      inflate.destroy();
      resolve(ok);
    };
    inflate.on('data', (chunk: Buffer) => {
      count(chunk);
      if (measure.xmlBytes > maxXmlBytes || measure.rows > maxRows) finish(true);
    });
    inflate.on('end', () => finish(true));
    inflate.on('error', () => finish(false));
    inflate.end(data);
  });
}

/** `<row` elements (`<row>` or `<row r=…>`), not `<rowBreaks`… */
function countRows(text: string): number {
  let n = 0;
  for (let i = text.indexOf('<row'); i >= 0; i = text.indexOf('<row', i + 4)) {
    const next = text.charCodeAt(i + 4);
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) n++;
  }
  return n;
}
