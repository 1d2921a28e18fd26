import type { WorkbookData } from '../grid/sheetData';
import type { Role } from '../notice/types';
import { ledgerSheets } from '../summary/readSummary';
import { ROLE_LABEL, type Ledger, type LedgerRow, type PreviousRow } from '../ledger/ledgers';
import { readPreviousWorkbook, type LayoutProblem } from '../ledger/readBack';
import { normaliseUnitName } from '../text/normalise';

const ROLE_BY_LABEL = new Map(Object.entries(ROLE_LABEL).map(([role, label]) => [label, role as Role]));

/** A row read back as a ledger row again: what it shows, what was typed. */
export function asLedgerRow(p: PreviousRow): LedgerRow {
  return { taskId: p.taskId, unit: p.unit, role: ROLE_BY_LABEL.get(p.shown.roleLabel) ?? null, ...p.shown, fills: { ...p.fills }, ...(p.extras ? { extras: { ...p.extras } } : {}) };
}

/**
 * The ledgers of a workbook as they stand, every row in sheet order, added rows and added columns
 * included: what split sends and merge starts from. `problems` are what a rewrite of the sheets
 * could not keep (comments, formulas a unit typed, cells beside the table), as for a rebuild.
 */
export function ledgersOf(book: WorkbookData): { ledgers: Ledger[]; problems: LayoutProblem[] } {
  const previous = readPreviousWorkbook(book);
  const ledgers = ledgerSheets(book).map(({ sheet, unit }): Ledger => {
    const name = normaliseUnitName(unit);
    const rows = previous.rows.filter((r) => r.unit === name).map(asLedgerRow);
    const extraColumns: string[] = [];
    for (const r of previous.rows) if (r.unit === name) for (const h of Object.keys(r.extras ?? {})) if (!extraColumns.includes(h)) extraColumns.push(h);
    return { unit: name, category: 'unknown', sheetName: sheet.name, rows, ...(extraColumns.length > 0 ? { extraColumns } : {}) };
  });
  return { ledgers, problems: previous.problems.filter((p) => p.code !== 'SHEET_MISSING') };
}
