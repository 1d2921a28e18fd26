import type ExcelJS from 'exceljs';
import { excelSerial, type DateSystem } from '../../domain/time/isoDate';

/*
 * Date serials as exceljs holds them, with no file access: what the writer and the reader need, so
 * both also run in the task pane (下发/回收 build and read unit files in the browser).
 */

/** The date system exceljs holds for a workbook (`workbook.properties.date1904`). */
export function workbookDateSystem(wb: ExcelJS.Workbook): DateSystem {
  return wb.properties?.date1904 ? 1904 : 1900;
}

/** Serial of 1970-01-01: a JS Date's days since then plus this is its serial. */
const epochSerial = (system: DateSystem): number => excelSerial('1970-01-01', system);

/**
 * A date exceljs made of a cell back into the serial the file holds. exceljs turns numbers in
 * date-formatted cells into Dates with the workbook's flag; this is the exact inverse.
 */
export function serialOfDate(value: Date, system: DateSystem): number {
  return value.getTime() / 86_400_000 + epochSerial(system);
}

/**
 * The Date exceljs must be given so that it writes `serial`: exceljs writes the dates of data
 * validation rules in the 1900 system whatever the workbook's flag.
 */
export function dateForSerial1900Writer(serial: number): Date {
  return new Date((serial - epochSerial(1900)) * 86_400_000);
}
