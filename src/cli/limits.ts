/**
 * The documented input limits (README "Limits"). Real notices are well under 1 MB and a 分工
 * workbook rarely has more than 100 000 ledger rows; the limits are set where the CLI still runs
 * within Node's default heap (measurements in the README), so anything past them is refused at
 * once with one Chinese line (exit 2) instead of running out of memory or hanging.
 */
import { MB } from '../domain/text/sizeText';

export { MB, sizeText } from '../domain/text/sizeText';

/** A plain-text notice (.txt, any encoding): read at most this many bytes. */
export const NOTICE_TEXT_MAX_BYTES = 20 * MB;
/** A .docx notice file. Its extracted text is then held to NOTICE_TEXT_MAX_BYTES (in UTF-16 code units). */
export const NOTICE_DOCX_MAX_BYTES = 50 * MB;
/** Rows (all sheets) of a workbook that `build` writes: exceljs holds it in memory (~20 KB a row). */
export const BUILD_MAX_ROWS = 80_000;
