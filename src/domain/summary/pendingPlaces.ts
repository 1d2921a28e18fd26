import type { WorkbookData } from '../grid/sheetData';
import { columnLetter } from '../grid/a1';
import { locateHeader, type LedgerColumnKey } from '../ledger/columns';
import { isPendingExtension, isPendingReview } from '../loop';
import type { SummaryLayout } from './readSummary';
import type { SummaryInput, SummaryReport } from './summarize';

/** One item of the office's queue (DESIGN §12) with the cell where the office answers it. */
export type PendingPlace = SummaryReport['pending'][number] & { sheet: string; cell: string };

/** The office's answer to each kind: 延期批复 for a request, 审核结果 for a reported 已完成. */
const ANSWER: Record<PendingPlace['kind'], LedgerColumnKey> = { extension: 'extensionReply', review: 'review' };

/**
 * Where each of the engine's pending items is: the ledger row it came from (a task may have several
 * rows of one unit: they are taken in sheet order, as the engine listed them) and its answer column,
 * or the row's 任务编号 when a unit's own layout has no such column.
 * `input` and `layout` are one readSummary result (their rows are parallel).
 */
export function pendingPlaces(book: WorkbookData, input: SummaryInput, layout: SummaryLayout, pending: SummaryReport['pending']): PendingPlace[] {
  const review = input.loop?.reviewRequired ?? false;
  const used = new Set<number>();
  const headers = new Map<string, ReturnType<typeof locateHeader>['match']>();
  const columnsOf = (sheet: string): ReturnType<typeof locateHeader>['match'] => {
    let m = headers.get(sheet);
    if (m === undefined) headers.set(sheet, (m = locateHeader(book.sheets.find((s) => s.name === sheet)?.rows ?? []).match));
    return m;
  };
  const out: PendingPlace[] = [];
  for (const p of pending) {
    const i = input.rows.findIndex((r, k) => !used.has(k) && r.taskId === p.task && r.unit === p.unit && (p.kind === 'extension' ? isPendingExtension(r) : !isPendingExtension(r) && isPendingReview(r, review)));
    const at = layout.rows[i];
    if (i < 0 || at === undefined) continue;
    used.add(i);
    const m = columnsOf(at.sheet).columns;
    const col = m[ANSWER[p.kind]] ?? m.taskId ?? 0;
    out.push({ ...p, sheet: at.sheet, cell: `${columnLetter(col)}${at.row}` });
  }
  return out;
}
