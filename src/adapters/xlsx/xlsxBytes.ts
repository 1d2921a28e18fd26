import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { WorkbookPlan } from '../../workbook/plan';
import type { WorkbookData } from '../../domain/grid/sheetData';
import type { DateSystem } from '../../domain/time/isoDate';
import { applyPlanToWorkbook } from './writePlan';
import { readWorkbookData } from './readWorkbook';
import { storeComputedResults } from './cachedResults';
import { localIsoDate } from '../../domain/time/isoDate';
import { sizeText } from '../../domain/text/sizeText';
import { BROKEN_XLSX, BROKEN_ZIP, WORKBOOK_MAX_BYTES, WORKBOOK_MAX_ROWS, WORKBOOK_MAX_XML_BYTES, limitMessage, measureXlsx } from './workbookLimits';

/*
 * .xlsx files as bytes, without the file system: the task pane builds the files it sends units
 * (下发) and reads the files they send back (回收) with these, in the browser. The CLI uses files.ts.
 */

/** A plan written as a new .xlsx in the given date system (a unit's file counts dates as its master). */
export async function planToXlsx(plan: WorkbookPlan, system: DateSystem = 1900): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duban 督办';
  wb.properties.date1904 = system === 1904;
  applyPlanToWorkbook(wb, plan);
  storeComputedResults(wb, localIsoDate(new Date()));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * The values of an .xlsx a unit sent back (回收 in the pane); throws with one Chinese reason when the
 * bytes are not one or are past the workbook limits the CLI applies (size, uncompressed XML counted
 * entry by entry while inflating, rows), so a zip bomb is refused before exceljs reads it whole.
 */
export async function readXlsx(bytes: Uint8Array): Promise<WorkbookData> {
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new Error('是加密（设有打开密码）或旧版 .xls 工作簿，请在 Excel 中去掉密码并另存为 .xlsx');
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new Error('不是 .xlsx 工作簿（加密或旧版 .xls 文件请在 Excel 中另存为 .xlsx）');
  if (bytes.length > WORKBOOK_MAX_BYTES) throw new Error(`文件大于 ${sizeText(WORKBOOK_MAX_BYTES)}，超过工作簿的上限，未读取`);
  const measure = await measureXlsx(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), WORKBOOK_MAX_XML_BYTES, WORKBOOK_MAX_ROWS);
  if (measure === null) throw new Error(`无法作为 .xlsx 打开：${BROKEN_ZIP}`);
  const over = limitMessage('这个文件', measure);
  if (over !== null) throw new Error(over);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new Error(`无法作为 .xlsx 打开：${BROKEN_XLSX}`);
  }
  return readWorkbookData(wb);
}

/** Bytes as base64, as `Excel.createWorkbook` takes a file (btoa exists in browsers and Node 16+). */
export function toBase64(bytes: Uint8Array): string {
  let text = '';
  // In slices: String.fromCharCode with a whole file would pass too many arguments.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** Several files in one .zip (the pane's 下发 of several units is one download). */
export async function zipFiles(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>): Promise<Uint8Array> {
  const zip = new JSZip();
  // Stored, not deflated: an .xlsx is compressed already.
  for (const f of files) zip.file(f.name, f.bytes, { binary: true, compression: 'STORE' });
  return zip.generateAsync({ type: 'uint8array' });
}
