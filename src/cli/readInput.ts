import { docxFailureReason } from '../domain/text/fileErrors';
import { extname } from 'node:path';
import type { Issue } from '../domain/notice/types';
import type { Grid } from '../domain/table/types';
import { csvGrid } from '../domain/table/csv';
import { htmlTables } from '../domain/table/htmlTables';
import { fillMerges } from '../domain/table/fillMerges';
import { isTaskTable } from '../domain/table/headers';
import { decodeNotice } from '../domain/text/decode';
import type { TableInput } from '../domain/table/readTaskTables';
import { centralDirectory } from '../adapters/xlsx/zip';
import { openWorkbook } from '../adapters/xlsx/files';
import { workbookGrids } from '../adapters/xlsx/readTables';
import { isZip, readBounded, readDocx, tooLarge, UnreadableInput } from './readNotice';
import { NOTICE_DOCX_MAX_BYTES, NOTICE_TEXT_MAX_BYTES } from './limits';

/** What a file holds: a notice in prose (.txt, .docx) or a task-list table (.xlsx, .csv, a .docx table). */
export type NoticeInput =
  | { kind: 'prose'; format: 'txt' | 'docx'; text: string; issues: Issue[] }
  | { kind: 'table'; table: TableInput; issues: Issue[] };

/** The compound-file header of .xls, .doc and password-protected Office files. */
const OLE_MAGIC = 0xd0cf11e0;

/** Bytes of a CSV looked at to decide whether a text file with no .csv name is a table. */
const SNIFF_CHARS = 64 * 1024;

/**
 * Read an input file and decide from its content what it is (DESIGN §3): a zip holding
 * `xl/workbook.xml` is a workbook (its best-matching sheet is the table); a .docx whose tables
 * include a 分工表 is read from its tables, any other .docx as prose; a text file is a CSV table
 * when it is named .csv or its first lines have a 分工表 header, else a notice in prose.
 */
export async function readInputFile(path: string): Promise<NoticeInput> {
  const { bytes, size } = await readBounded(path, NOTICE_DOCX_MAX_BYTES);
  if (isZip(bytes)) {
    const names = new Set((centralDirectory(bytes) ?? []).map((e) => e.name));
    if (names.has('xl/workbook.xml')) {
      return { kind: 'table', table: { format: 'xlsx', grids: workbookGrids(await openWorkbook(path)) }, issues: [] };
    }
    if (bytes.length > NOTICE_DOCX_MAX_BYTES) throw tooLarge(path, size, NOTICE_DOCX_MAX_BYTES, 'Word 通知文件');
    const tables = await docxTables(path, bytes);
    if (tables !== null) return { kind: 'table', table: tables, issues: [] };
    return { kind: 'prose', format: 'docx', ...(await readDocx(path, bytes)) };
  }
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === OLE_MAGIC) {
    throw new UnreadableInput(`${path} 是旧版 Office 文件（.xls / .doc）或设有打开密码，无法读取：请在 Excel 或 Word 中去掉密码并另存为 .xlsx / .docx`);
  }
  if (bytes.length > NOTICE_TEXT_MAX_BYTES) throw tooLarge(path, size, NOTICE_TEXT_MAX_BYTES, '文本通知文件');
  const decoded = decodeNotice(bytes);
  if (decoded.text === null) throw new UnreadableInput(`${path}：${decoded.issues[0]?.message ?? '不是文本文件'}`);
  const named = extname(path).toLowerCase() === '.csv';
  if (named || isTaskTable(csvGrid(decoded.text.slice(0, SNIFF_CHARS), '').rows)) {
    return { kind: 'table', table: { format: 'csv', grids: [csvGrid(decoded.text, 'CSV 表格')] }, issues: decoded.issues };
  }
  return { kind: 'prose', format: 'txt', text: decoded.text, issues: decoded.issues };
}

/** The tables of a .docx when one of them is a 分工表 (read with the paragraph above as title); null otherwise. */
async function docxTables(path: string, bytes: Buffer): Promise<TableInput | null> {
  // mammoth is loaded only for .docx: it is large and other inputs do not need it.
  const mammoth = await import('mammoth');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch (e) {
    throw new UnreadableInput(`${path} 不是可读取的 Word (.docx) 文件：${docxFailureReason(String((e as Error | undefined)?.message ?? e))}`);
  }
  const { tables, before } = htmlTables(html);
  const grids: Grid[] = tables.filter((t) => isTaskTable(fillMerges(t)));
  if (grids.length === 0) return null;
  const title = before.find((p) => !/^附件\s*\d*[：:]?$/.test(p));
  return { format: 'docx', grids, all: true, ...(title !== undefined ? { title } : {}) };
}
