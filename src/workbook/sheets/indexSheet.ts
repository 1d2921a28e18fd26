import type { SummaryLayout } from '../../domain/summary/readSummary';
import { OUTPUT_FORMS, STATUS_VALUES, type LedgerColumnKey } from '../../domain/ledger/columns';
import { ROLE_LABEL } from '../../domain/ledger/ledgers';
import { fromExcelSerial, type DateSystem } from '../../domain/time/isoDate';
import { columnLetter, sheetRef } from '../../domain/grid/a1';
import { DATE_FORMAT, TEXT_FORMAT, date, formula, num, text, type Cell, type ColumnPlan, type SheetPlan } from '../plan';
import { INDEX_SHEET, NAME } from '../../domain/grid/names';
import { effectiveDueFormula } from './ledgerSheet';

/** Duban_ReviewRequired as the formulas read it: only 是 requires review. */
const REVIEW_ON = `${NAME.reviewRequired}="是"`;

export { INDEX_SHEET };
/** `'_台账索引'!` — the prefix every summary formula counts over. */
export const IDX = `${sheetRef(INDEX_SHEET.name)}!`;

/** Index columns, by letter, as the summary formulas use them. */
export const IX = {
  task: 'A', unit: 'B', role: 'C', counted: 'D', section: 'E', due: 'F', status: 'G', done: 'H', warning: 'I', lateDone: 'J', complete: 'K', overdueNo: 'L',
  // Laid out for linear recalculation (see indexSheet): the task's place in 任务清单, a running
  // count of 逾期 rows, and running per-task counts that restart where the task changes.
  order: 'M', overdueRun: 'N', taskRows: 'O', taskDone: 'P', taskActive: 'Q', taskNotStarted: 'R', taskBlocked: 'S', taskLate: 'T',
  // The supervision loop (DESIGN §12): 0/1 flags per row, its 更新日期, the task's latest effective
  // due date so far (running max over counted rows), and the running count of the office's queue.
  extended: 'U', pendingExtension: 'V', pendingReview: 'W', returned: 'X', updated: 'Y', taskDueMax: 'Z', todoRun: 'AA', todoNo: 'AB', asked: 'AC',
} as const;

/** Per-task running counts of counted rows by 状态, in the order of IX.taskDone … IX.taskBlocked. */
const TASK_STATUS_COUNTS: ReadonlyArray<[keyof typeof IX, string]> = [
  ['taskDone', '已完成'],
  ['taskActive', '推进中'],
  ['taskNotStarted', '未启动'],
  ['taskBlocked', '受阻'],
];

const COLUMNS: ColumnPlan[] = [
  { header: '任务编号', width: 9, role: 'generated', numberFormat: TEXT_FORMAT },
  { header: '单位', width: 16, role: 'generated' },
  { header: '职责', width: 8, role: 'generated' },
  { header: '计入任务状态', width: 8, role: 'generated' },
  { header: '板块', width: 16, role: 'generated' },
  { header: '截止日期', width: 11, role: 'generated', numberFormat: DATE_FORMAT },
  { header: '状态', width: 8, role: 'formula' },
  { header: '完成日期', width: 11, role: 'formula', numberFormat: DATE_FORMAT },
  { header: '预警', width: 8, role: 'formula' },
  { header: '逾期完成', width: 8, role: 'formula' },
  { header: '填报完整', width: 8, role: 'formula' },
  { header: '逾期序号', width: 8, role: 'formula' },
  { header: '任务序', width: 7, role: 'generated' },
  { header: '逾期累计', width: 8, role: 'formula' },
  { header: '本任务计入行', width: 8, role: 'formula' },
  { header: '本任务已完成', width: 8, role: 'formula' },
  { header: '本任务推进中', width: 8, role: 'formula' },
  { header: '本任务未启动', width: 8, role: 'formula' },
  { header: '本任务受阻', width: 8, role: 'formula' },
  { header: '本任务逾期完成', width: 8, role: 'formula' },
  { header: '已延期', width: 7, role: 'formula' },
  { header: '待批延期', width: 7, role: 'formula' },
  { header: '待审核', width: 7, role: 'formula' },
  { header: '退回重办', width: 7, role: 'formula' },
  { header: '更新日期', width: 11, role: 'formula', numberFormat: DATE_FORMAT },
  { header: '本任务最晚时限', width: 11, role: 'formula', numberFormat: DATE_FORMAT },
  { header: '待办累计', width: 7, role: 'formula' },
  { header: '待办序号', width: 7, role: 'formula' },
  { header: '申请延期至', width: 11, role: 'formula', numberFormat: DATE_FORMAT },
];

/** A ledger's 截止日期 for the index: a date, or the number as it stands when it is none (never a made-up year). */
function dueCell(due: number | null, system: DateSystem): Cell {
  if (due === null) return null;
  const iso = fromExcelSerial(due, system);
  return iso === null ? num(due) : date(iso);
}

export type LedgerColumnsBySheet = ReadonlyMap<string, Partial<Record<LedgerColumnKey, number>>>;

const anyOf = (cell: string, values: readonly string[]): string => `OR(${values.map((v) => `${cell}="${v}"`).join(',')})`;

/** Where a row whose task is not (or no longer) in 任务清单 sorts: after every task. */
const orderOf = (layout: SummaryLayout, taskId: string): number => layout.taskOrder.get(taskId) ?? layout.taskOrder.size + 1_000_000;

/**
 * `_台账索引`: one row per current ledger row, pulling its live 状态/完成日期/预警 by formula, so
 * every task, unit and section figure is a short COUNTIFS over one sheet, whatever the number of
 * ledgers. Hidden: users work in the ledgers and read 汇总.
 *
 * Rows are sorted by their task's place in 任务清单 (任务序), so a task's rows are contiguous and
 * its figures are running counts that restart where 任务序 changes: 任务清单 reads them from the
 * task's last row, found by a binary-search MATCH over 任务序 — recalculation grows with the rows,
 * not with tasks × rows as a COUNTIFS per task over the whole index would (issue 12: 66 s for 18 k
 * rows in LibreOffice). The 逾期 list on 汇总 finds its k-th entry the same way over 逾期累计.
 */
export function indexSheet(layout: SummaryLayout, columns: LedgerColumnsBySheet): SheetPlan {
  const sorted = layout.rows.map((r, i) => ({ r, i, order: orderOf(layout, r.taskId) })).sort((a, b) => a.order - b.order || a.i - b.i);
  const rows: Cell[][] = sorted.map(({ r, order }, i) => {
    const at = i + 2;
    const cols = columns.get(r.sheet) ?? {};
    const ref = (key: LedgerColumnKey): string | null => (cols[key] === undefined ? null : `${sheetRef(r.sheet)}!${columnLetter(cols[key] as number)}${r.row}`);
    const [status, done, warn, measures, person, planned, form] = (['status', 'doneDate', 'warning', 'measures', 'person', 'plannedDate', 'outputForm'] as const).map(ref);
    const [review, reply, asked, updated] = (['review', 'extensionReply', 'extensionAsked', 'updated'] as const).map(ref);
    const complete =
      status && done && measures && person && planned && form
        ? formula(`IF(AND(LEN(TRIM(${measures}))>0,LEN(TRIM(${person}))>0,ISNUMBER(${planned}),${anyOf(form, OUTPUT_FORMS)},${anyOf(status, STATUS_VALUES)},OR(${status}<>"已完成",ISNUMBER(${done}))),1,0)`)
        : num(0);
    const c = (key: keyof typeof IX, row = at): string => `${IX[key]}${row}`;
    // The running count of this task so far: the row above's when it is the same task, plus this row.
    const running = (key: keyof typeof IX, add: string): Cell => formula(`IF(${c('order')}=${c('order', at - 1)},${c(key, at - 1)},0)+${add}`);
    const counted = (cond: string): string => `IF(AND(${c('counted')}=1,${cond}),1,0)`;
    const flag = (cond: string): Cell => formula(`IF(${cond},1,0)`);
    const inQueue = `OR(${c('pendingExtension')}=1,${c('pendingReview')}=1)`;
    // 状态 as counted (DESIGN §12): 退回 reopens the row, 已完成 awaiting review is not done yet.
    const effectiveStatus = status === null ? null : review === null ? `${status}&""` : `IF(${review}="退回","推进中",IF(AND(${REVIEW_ON},${status}="已完成",${review}<>"通过"),"推进中",${status}&""))`;
    return [
      text(r.taskId),
      text(r.unit),
      text(ROLE_LABEL[r.role]),
      num(r.counted ? 1 : 0),
      text(r.section),
      // A date, converted from the system it was read in (the plan's own sheets read back are
      // 1900, an existing workbook's are its own); the adapter writes it in the target's system.
      // The effective due date (an approved extension's 批准时限), or 截止日期 as it stands.
      cols.due === undefined ? dueCell(r.due, layout.dateSystem) : formula(effectiveDueFormula(ref)),
      effectiveStatus === null ? null : formula(effectiveStatus),
      done ? formula(`IF(ISNUMBER(${done}),${done},"")`) : null,
      warn ? formula(`${warn}&""`) : null,
      formula(`IF(AND(ISNUMBER(${c('done')}),ISNUMBER(${c('due')})),IF(${c('done')}>${c('due')},1,0),0)`),
      complete,
      formula(`IF(${c('warning')}="逾期",${c('overdueRun')},"")`),
      num(order),
      // N() reads the header above the first row as 0.
      formula(`N(${c('overdueRun', at - 1)})+IF(${c('warning')}="逾期",1,0)`),
      running('taskRows', c('counted')),
      ...TASK_STATUS_COUNTS.map(([key, value]) => running(key, counted(`${c('status')}="${value}"`))),
      running('taskLate', counted(`${c('lateDone')}=1`)),
      reply ? flag(`${reply}="同意"`) : num(0),
      reply && asked ? flag(`AND(LEN(${asked}&"")>0,LEN(${reply}&"")=0)`) : num(0),
      status && review ? flag(`AND(${REVIEW_ON},${status}="已完成",${review}<>"退回",${review}<>"通过")`) : num(0),
      review ? flag(`${review}="退回"`) : num(0),
      updated ? formula(`IF(ISNUMBER(${updated}),${updated},"")`) : null,
      formula(`MAX(IF(${c('order')}=${c('order', at - 1)},${c('taskDueMax', at - 1)},0),IF(${c('counted')}=1,N(${c('due')}),0))`),
      formula(`N(${c('todoRun', at - 1)})+IF(${inQueue},1,0)`),
      formula(`IF(${inQueue},${c('todoRun')},"")`),
      asked ? formula(`IF(ISNUMBER(${asked}),${asked},"")`) : null,
    ];
  });
  return {
    key: INDEX_SHEET.key,
    name: INDEX_SHEET.name,
    columns: COLUMNS,
    rows,
    freeze: { rows: 1, columns: 0 },
    validations: [],
    conditionalFormats: [],
    protect: true,
    hidden: true,
  };
}

/** `$M$2:$M$n`: the filled part of an index column, for the binary-search MATCHes (a header or blanks would break them). */
export function indexColumnRange(key: keyof typeof IX, rowCount: number): string {
  return `$${IX[key]}$2:$${IX[key]}$${Math.max(rowCount, 1) + 1}`;
}
