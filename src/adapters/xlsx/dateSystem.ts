import type ExcelJS from 'exceljs';
import { inflateRawSync } from 'node:zlib';
import { excelSerial, type DateSystem } from '../../domain/time/isoDate';
import { centralDirectory, entryData } from './zip';
import { workbookDateSystem } from './dateSerials';

// Kept here for the callers that read a file's date system and repair it.
export { dateForSerial1900Writer, serialOfDate, workbookDateSystem } from './dateSerials';

/**
 * The date system `xl/workbook.xml` declares, or null when it cannot be read here. OOXML's
 * booleans are `1`/`true`: LibreOffice writes `date1904="true"`, which exceljs 4.4 reads as false.
 */
export function declaredDateSystem(bytes: Buffer): DateSystem | null {
  const xml = zipEntryText(bytes, 'xl/workbook.xml');
  if (xml === null) return null;
  const m = /<(?:[\w-]+:)?workbookPr\b[^>]*?\bdate1904\s*=\s*["']\s*([^"']*?)\s*["']/.exec(xml);
  if (!m) return 1900;
  return m[1] === '1' || m[1]?.toLowerCase() === 'true' ? 1904 : 1900;
}

const DAYS_1904 = (excelSerial('1970-01-01', 1900) - excelSerial('1970-01-01', 1904)) * 86_400_000;

/**
 * Make an exceljs workbook loaded from `bytes` hold what the file says when exceljs misread its
 * date system (a LibreOffice `date1904="true"`): every date it made is moved back by the 1 462
 * days it got wrong, and the flag is set, so reading and writing both use 1904. Without this an
 * update would shift every date by four years and save the workbook in the 1900 system.
 */
export function repairDateSystem(wb: ExcelJS.Workbook, bytes: Buffer): void {
  if (declaredDateSystem(bytes) !== 1904 || workbookDateSystem(wb) === 1904) return;
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (v instanceof Date) cell.value = new Date(v.getTime() + DAYS_1904);
        else if (v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
          const f = v as ExcelJS.CellFormulaValue;
          if (f.result instanceof Date) cell.value = { ...f, result: new Date(f.result.getTime() + DAYS_1904) } as ExcelJS.CellValue;
        }
      }),
    ),
  );
  wb.properties.date1904 = true;
}

/**
 * The text of one entry of a zip (an .xlsx), stored or deflated; null when it is not there or the
 * archive is not one this reads (zip64). Only the central directory and that entry are touched.
 */
export function zipEntryText(bytes: Buffer, name: string): string | null {
  try {
    const entry = centralDirectory(bytes)?.find((e) => e.name === name);
    const data = entry ? entryData(bytes, entry) : null;
    if (!entry || data === null) return null;
    if (entry.method === 0) return data.toString('utf8');
    if (entry.method === 8) return inflateRawSync(data).toString('utf8');
    return null;
  } catch {
    return null;
  }
}
