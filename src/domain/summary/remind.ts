import { cellText, type WorkbookData } from '../grid/sheetData';
import { excelSerial, fromExcelSerial } from '../time/isoDate';
import { DEFAULT_LOOP_SETTINGS, effectiveDue, loopWarning, reportingPeriod, reportStatus } from '../loop';
import type { SummaryInput } from './summarize';

/** One row of a 催办单: a ledger row that is 逾期 or 临期 on the as-of date. */
export type ReminderRow = {
  task: string;
  /** 任务内容 as 任务清单 has it. */
  text: string;
  /** ISO date. */
  due: string;
  /** 状态 as the unit typed it; 未填报 when blank or not one of the list. */
  status: string;
  warn: '逾期' | '临期';
  /** Days overdue (逾期) or days left (临期, 0 on the due date). */
  days: number;
  /** 责任人 as typed; '' when not filled in. */
  person: string;
  /** 事项来源 of the task, only in a workbook of several sources (DESIGN §13). */
  source?: string;
};

/** `duban remind --json` (DESIGN §11): per unit with any 逾期/临期 row, those rows. */
export type ReminderDocument = {
  schema: 'duban.remind/1';
  asOf: string;
  warnDays: number;
  /** Every unit with a 逾期/临期 row or that has not reported 本期 (DESIGN §12). */
  units: Array<{ name: string; rows: ReminderRow[]; notReported: boolean }>;
};

const STATUS_LABELS = new Set(['未启动', '推进中', '已完成', '受阻']);

/**
 * The 催办单 of a workbook (DESIGN §9): for each unit, in ledger order, its rows that are 逾期 or
 * 临期 by the same rule as 汇总 and the ledgers' 预警 column; units with none are left out.
 * @example reminders(input, texts, '2020-12-20', 15).units[0] //=> { name: '市财政局', rows: [{ task: '3.1', warn: '临期', days: 11, … }] }
 */
export function reminders(input: SummaryInput, texts: ReadonlyMap<string, string>, asOf: string, warnDays: number): ReminderDocument {
  const system = input.dateSystem ?? 1900;
  const a = excelSerial(asOf, system);
  const loop = input.loop ?? DEFAULT_LOOP_SETTINGS;
  const period = reportingPeriod(asOf, loop);
  const dates = new Map<string, unknown[]>(input.units.map((u) => [u, []]));
  for (const r of input.rows) dates.get(r.unit)?.push(r.updated ?? null);
  for (const x of input.returns ?? []) dates.get(x.unit)?.push(x.date);
  const notReported = new Set(input.units.filter((u) => reportStatus(dates.get(u) ?? [], period, system) === '未报送'));
  const byUnit = new Map<string, ReminderRow[]>(input.units.map((u) => [u, []]));
  // With several sources a 催办单 names each task's, as the office sends one 催办单 for all of them.
  const sourceOf = new Map(input.tasks.flatMap((t) => (t.source === undefined ? [] : [[t.id, t.source] as const])));
  const several = new Set(sourceOf.values()).size > 1;
  for (const r of input.rows) {
    // The same 预警 as the ledger's: an approved extension's date, never a returned or pending-review row.
    const w = loopWarning(r, a, warnDays, loop.reviewRequired);
    if (w !== '逾期' && w !== '临期') continue;
    const due = effectiveDue(r) as number;
    const status = typeof r.status === 'string' && STATUS_LABELS.has(r.status) ? r.status : '未填报';
    const row: ReminderRow = { task: r.taskId, text: texts.get(r.taskId) ?? '', due: fromExcelSerial(due, system) ?? String(due), status, warn: w, days: w === '逾期' ? a - due : due - a, person: cellText(r.person) };
    const source = several ? sourceOf.get(r.taskId) : undefined;
    if (source !== undefined) row.source = source;
    byUnit.get(r.unit)?.push(row);
  }
  return { schema: 'duban.remind/1', asOf, warnDays, units: [...byUnit].filter(([name, rows]) => rows.length > 0 || notReported.has(name)).map(([name, rows]) => ({ name, rows, notReported: notReported.has(name) })) };
}

/** 任务内容 by 任务编号, from 任务清单 (found by its header). */
export function taskTexts(book: WorkbookData): Map<string, string> {
  const sheet = book.sheets.find((s) => s.name === '任务清单');
  const header = (sheet?.rows[0] ?? []).map(cellText);
  const [id, content] = [header.indexOf('任务编号'), header.indexOf('任务内容')];
  const out = new Map<string, string>();
  if (!sheet || id < 0 || content < 0) return out;
  for (const row of sheet.rows.slice(1)) {
    const key = cellText(row[id]);
    if (key.length > 0 && !out.has(key)) out.set(key, cellText(row[content]));
  }
  return out;
}

/** The readable 催办单 `duban remind` prints. */
export function formatReminders(doc: ReminderDocument): string {
  const rows = doc.units.reduce((n, u) => n + u.rows.length, 0);
  const out = [`统计日期 ${doc.asOf}（预警天数 ${doc.warnDays}）：${doc.units.length} 个单位有逾期或临期任务，共 ${rows} 行`];
  for (const u of doc.units) {
    out.push('', `${u.name}：${u.notReported ? '本期未报送，' : ''}逾期 ${u.rows.filter((r) => r.warn === '逾期').length} 行，临期 ${u.rows.filter((r) => r.warn === '临期').length} 行`);
    for (const r of u.rows) out.push(`  ${r.task}${r.source === undefined ? '' : `（${r.source}）`}\t截止 ${r.due}\t${r.warn === '逾期' ? `逾期 ${r.days} 天` : `剩余 ${r.days} 天`}\t${r.status}\t${r.person || '（未填责任人）'}`);
  }
  return out.join('\n');
}
