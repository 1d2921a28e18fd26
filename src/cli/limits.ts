/**
 * The documented input limits (README "Limits"). Real notices are well under 1 MB and a 分工
 * workbook rarely has more than 100 000 ledger rows; the limits are set where the CLI still runs
 * within Node's default heap (measurements in the README), so anything past them is refused at
 * once with one Chinese line (exit 2) instead of running out of memory or hanging.
 */
export const MB = 1024 * 1024;

/** A plain-text notice (.txt, any encoding): read at most this many bytes. */
export const NOTICE_TEXT_MAX_BYTES = 20 * MB;
/** A .docx notice file. Its extracted text is then held to NOTICE_TEXT_MAX_BYTES (in UTF-16 code units). */
export const NOTICE_DOCX_MAX_BYTES = 50 * MB;
/** Rows (all sheets) of a workbook that `build` writes: exceljs holds it in memory (~20 KB a row). */
export const BUILD_MAX_ROWS = 80_000;

/** Human size for messages: `14.2 MB`. */
export function sizeText(bytes: number): string {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}
