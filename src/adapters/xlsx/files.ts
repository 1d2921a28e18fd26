import ExcelJS from 'exceljs';
import { addCharts, chartsOf } from './charts';
import { readFile, stat } from 'node:fs/promises';
import type { ChartPlan, WorkbookPlan } from '../../workbook/plan';
import { SHEET } from '../../domain/grid/names';
import { summaryPlan } from '../../workbook/buildWorkbookPlan';
import { readSummaryParameters } from '../../domain/summary/readSummary';
import { localIsoDate } from '../../domain/time/isoDate';
import type { WorkbookData } from '../../domain/grid/sheetData';
import { applyPlanToWorkbook } from './writePlan';
import { readWorkbookData } from './readWorkbook';
import { repairDateSystem } from './dateSystem';
import { writeFileAtomic } from './safeWrite';
import { BROKEN_XLSX, BROKEN_ZIP, limitMessage, measureXlsx, WORKBOOK_MAX_BYTES, WORKBOOK_MAX_ROWS, WORKBOOK_MAX_XML_BYTES } from './workbookLimits';
import { sizeText } from '../../domain/text/sizeText';
import { normaliseProtectionBooleans } from './ooxmlBooleans';
import { computedValues, storeComputedResults } from './cachedResults';
import { restorePaper } from './restorePaper';
import { paperToRestore } from '../../workbook/restorePaper';
import { readFailureReason } from '../../domain/text/fileErrors';

/**
 * exceljs drops the charts of a workbook it opened: a write that does not lay out 汇总 again
 * (校验结果, 催办单) puts 汇总's charts back as its current layout has them.
 */
function chartsToWrite(wb: ExcelJS.Workbook, book: WorkbookData): ReadonlyMap<string, readonly ChartPlan[]> {
  const planned = chartsOf(wb);
  if (planned.has(SHEET.summary.name) || !wb.getWorksheet(SHEET.summary.name)) return planned;
  if (!book.sheets.some((s) => s.name === SHEET.tasks.name)) return planned;
  const params = readSummaryParameters(book);
  const { summary } = summaryPlan(book, params.year, params.asOf, params.warnDays, localIsoDate(new Date()));
  return new Map([...planned, [SHEET.summary.name, summary.charts ?? []]]);
}


/** A workbook file that cannot be used at all: the CLI prints the message and exits 2. */
export class UnreadableWorkbook extends Error {}

/**
 * Open an .xlsx, with a one-line reason when it is not one (locked, encrypted, another format) or
 * is past the documented limits (`workbookLimits`): the size is checked before reading, the
 * uncompressed sheet XML and the rows before exceljs loads it.
 */
export async function openWorkbook(path: string): Promise<ExcelJS.Workbook> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UnreadableWorkbook(`${path} 不是普通文件，不是 .xlsx 工作簿`);
    if (info.size > WORKBOOK_MAX_BYTES) {
      throw new UnreadableWorkbook(`${path} 大小 ${sizeText(info.size)}，超过工作簿的上限 ${sizeText(WORKBOOK_MAX_BYTES)}，未读取`);
    }
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof UnreadableWorkbook) throw e;
    throw new UnreadableWorkbook(`无法读取 ${path}：${readFailureReason((e as NodeJS.ErrnoException).code, (e as Error).message)}`);
  }
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0) {
    throw new UnreadableWorkbook(`${path} 是加密（设有打开密码）或旧版 .xls 工作簿，请在 Excel 中去掉密码并另存为 .xlsx`);
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new UnreadableWorkbook(`${path} 不是 .xlsx 工作簿`);
  // One inflate of the sheet XML before exceljs: the limits, and which entries spell protection with words.
  const measure = await measureXlsx(bytes, WORKBOOK_MAX_XML_BYTES, WORKBOOK_MAX_ROWS);
  // What cannot be counted entry by entry is not handed to exceljs, which would read it unbounded.
  if (measure === null) throw new UnreadableWorkbook(`${path} 无法作为 .xlsx 打开：${BROKEN_ZIP}`);
  const over = limitMessage(path, measure);
  if (over !== null) throw new UnreadableWorkbook(over);
  const wb = new ExcelJS.Workbook();
  try {
    // Protection saved by LibreOffice or WPS (`sheet="true"`, `locked="false"`) read as it is meant.
    await wb.xlsx.load((await normaliseProtectionBooleans(bytes, measure.wordyProtection)) as unknown as ExcelJS.Buffer);
  } catch {
    // exceljs and JSZip say it in English ("Corrupted zip…", "Invalid string length"): the user gets one Chinese reason.
    throw new UnreadableWorkbook(`${path} 无法作为 .xlsx 打开：${BROKEN_XLSX}`);
  }
  // A 1904 workbook saved by LibreOffice says date1904="true", which exceljs reads as 1900.
  repairDateSystem(wb, bytes);
  return wb;
}

export async function readWorkbookFile(path: string): Promise<WorkbookData> {
  return readWorkbookData(await openWorkbook(path));
}

/** Write a plan to a file: into `base` (an opened existing workbook) or a new workbook. */
export async function writePlanFile(plan: WorkbookPlan, path: string, base?: ExcelJS.Workbook): Promise<void> {
  const wb = base ?? new ExcelJS.Workbook();
  wb.creator = 'Duban 督办';
  applyPlanToWorkbook(wb, plan);
  await writeWorkbookFile(wb, path);
}

/**
 * Save a workbook: through a temporary file beside `path`, synced and renamed over it when complete
 * (`writeFileAtomic`), so a failure or a kill leaves the previous file as it was. Errors are
 * `OutputError`s naming `path`. `held` is the workbook as the caller already read it, with 任务清单
 * and the ledgers as they are now: 汇总's charts are drawn from it instead of reading the file again.
 * `replaceLinks`: see `writeFileAtomic`.
 */
export async function writeWorkbookFile(wb: ExcelJS.Workbook, path: string, held?: WorkbookData, options: { replaceLinks?: boolean } = {}): Promise<void> {
  // Read once: the paper to restore, and 汇总's charts when the caller did not pass the book.
  const now = readWorkbookData(wb);
  restorePaper(wb, paperToRestore(now));
  storeComputedResults(wb, localIsoDate(new Date()));
  const charts = chartsToWrite(wb, held ?? now);
  const saved = await wb.xlsx.writeBuffer();
  // exceljs gives a Buffer under Node (typed as its own Buffer interface).
  const bytes = await addCharts(Buffer.isBuffer(saved) ? saved : new Uint8Array(saved as ArrayBuffer), charts, computedValues(wb));
  await writeFileAtomic(path, bytes, options);
}
