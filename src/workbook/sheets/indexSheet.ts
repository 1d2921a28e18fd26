import type { SummaryLayout } from '../../domain/summary/readSummary';
import { OUTPUT_FORMS, STATUS_VALUES, type LedgerColumnKey } from '../../domain/ledger/columns';
import { ROLE_LABEL } from '../../domain/ledger/ledgers';
import { fromExcelSerial, type DateSystem } from '../../domain/time/isoDate';
import { columnLetter, sheetRef } from '../a1';
import { DATE_FORMAT, TEXT_FORMAT, date, formula, num, text, type Cell, type ColumnPlan, type SheetPlan } from '../plan';
import { INDEX_SHEET } from '../names';

export { INDEX_SHEET };
/** `'_台账索引'!` — the prefix every summary formula counts over. */
export const IDX = `${sheetRef(INDEX_SHEET.name)}!`;

/** Index columns, by letter, as the summary formulas use them. */
export const IX = { task: 'A', unit: 'B', role: 'C', counted: 'D', section: 'E', due: 'F', status: 'G', done: 'H', warning: 'I', lateDone: 'J', complete: 'K', overdueNo: 'L' } as const;

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
];

/** A ledger's 截止日期 for the index: a date, or the number as it stands when it is none (never a made-up year). */
function dueCell(due: number | null, system: DateSystem): Cell {
  if (due === null) return null;
  const iso = fromExcelSerial(due, system);
  return iso === null ? num(due) : date(iso);
}

export type LedgerColumnsBySheet = ReadonlyMap<string, Partial<Record<LedgerColumnKey, number>>>;

const anyOf = (cell: string, values: readonly string[]): string => `OR(${values.map((v) => `${cell}="${v}"`).join(',')})`;

/**
 * `_台账索引`: one row per current ledger row, pulling its live 状态/完成日期/预警 by formula, so
 * every task, unit and section figure is a short COUNTIFS over one sheet, whatever the number of
 * ledgers. Hidden: users work in the ledgers and read 汇总.
 */
export function indexSheet(layout: SummaryLayout, columns: LedgerColumnsBySheet): SheetPlan {
  const rows: Cell[][] = layout.rows.map((r, i) => {
    const at = i + 2;
    const cols = columns.get(r.sheet) ?? {};
    const ref = (key: LedgerColumnKey): string | null => (cols[key] === undefined ? null : `${sheetRef(r.sheet)}!${columnLetter(cols[key] as number)}${r.row}`);
    const [status, done, warn, measures, person, planned, form] = (['status', 'doneDate', 'warning', 'measures', 'person', 'plannedDate', 'outputForm'] as const).map(ref);
    const complete =
      status && done && measures && person && planned && form
        ? formula(`IF(AND(LEN(TRIM(${measures}))>0,LEN(TRIM(${person}))>0,ISNUMBER(${planned}),${anyOf(form, OUTPUT_FORMS)},${anyOf(status, STATUS_VALUES)},OR(${status}<>"已完成",ISNUMBER(${done}))),1,0)`)
        : num(0);
    return [
      text(r.taskId),
      text(r.unit),
      text(ROLE_LABEL[r.role]),
      num(r.counted ? 1 : 0),
      text(r.section),
      // A date, converted from the system it was read in (the plan's own sheets read back are
      // 1900, an existing workbook's are its own); the adapter writes it in the target's system.
      dueCell(r.due, layout.dateSystem),
      status ? formula(`${status}&""`) : null,
      done ? formula(`IF(ISNUMBER(${done}),${done},"")`) : null,
      warn ? formula(`${warn}&""`) : null,
      formula(`IF(AND(ISNUMBER(${IX.done}${at}),ISNUMBER(${IX.due}${at})),IF(${IX.done}${at}>${IX.due}${at},1,0),0)`),
      complete,
      formula(`IF(${IX.warning}${at}="逾期",COUNTIF(${IX.warning}$2:${IX.warning}${at},"逾期"),"")`),
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
