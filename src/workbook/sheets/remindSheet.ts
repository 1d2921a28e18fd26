import type { ReminderDocument } from '../../domain/summary/remind';
import { DATE_FORMAT, TEXT_FORMAT, date, num, text, type Cell, type ColumnPlan, type ConditionalFormatPlan, type SheetPlan } from '../plan';
import { SHEET } from '../../domain/grid/names';
import { forPaper, printSetup } from '../print';
import { WARN_COLOURS } from '../colours';

const COLUMNS: ColumnPlan[] = [
  { header: '任务编号', width: 9, role: 'generated', numberFormat: TEXT_FORMAT },
  { header: '任务内容', width: 44, role: 'generated', wrap: true },
  { header: '截止日期', width: 11, role: 'generated', numberFormat: DATE_FORMAT },
  { header: '预警', width: 6, role: 'generated' },
  { header: '逾期天数/剩余天数', width: 9, role: 'generated', wrap: true },
  { header: '状态', width: 7, role: 'generated' },
  { header: '责任人', width: 10, role: 'generated', wrap: true },
];

const blank = (): Cell[] => COLUMNS.map(() => null);
const line = (label: string): Cell[] => [text(label), ...COLUMNS.slice(1).map(() => null)];

/**
 * 催办单 (DESIGN §5, §9): one block per unit with 逾期 or 临期 rows — a title, the rows, and lines
 * for the office's 督办意见 and 反馈时限 — each starting a page; the column header repeats on
 * every page. Values, not formulas: a 催办单 is what was sent on its date.
 */
export function remindSheet(doc: ReminderDocument): SheetPlan {
  const rows: Cell[][] = [];
  const breaks: number[] = [];
  for (const unit of doc.units) {
    // Row numbers are 1-based with the header in row 1: the unit's title is the next row.
    if (rows.length > 0) breaks.push(rows.length + 2);
    const overdue = unit.rows.filter((r) => r.warn === '逾期').length;
    rows.push(line(`致：${unit.name}（统计日期 ${doc.asOf}，${unit.notReported ? '本期尚未报送，' : ''}逾期 ${overdue} 项，临期 ${unit.rows.length - overdue} 项）`));
    for (const r of unit.rows) rows.push([text(r.task), text(r.source === undefined ? r.text : `【${r.source}】${r.text}`), date(r.due), text(r.warn), num(r.days), text(r.status), text(r.person)]);
    rows.push(line('督办意见：'), blank(), line('反馈时限：请于　　年　　月　　日前书面反馈落实情况'), line('督办单位（盖章）：　　　　　　　　　　　　　　日期：'));
  }
  if (rows.length === 0) rows.push(line(`统计日期 ${doc.asOf}：没有逾期或临期的任务，无需催办`));
  const n = rows.length;
  const conditionalFormats: ConditionalFormatPlan[] = (['逾期', '临期'] as const).map((w) => ({ range: `D2:D${n + 1}`, type: 'expression', formula: `D2="${w}"`, fill: WARN_COLOURS[w].fill, fontColor: WARN_COLOURS[w].font }));
  return forPaper(
    {
      key: SHEET.reminders.key,
      name: SHEET.reminders.name,
      columns: COLUMNS,
      rows,
      freeze: { rows: 1, columns: 0 },
      validations: [],
      conditionalFormats,
      protect: false,
      print: { ...printSetup('催办单', doc.asOf, { orientation: 'portrait', fitToWidth: true, titleRows: [1, 1] }), rowBreaks: breaks },
    },
    doc.asOf,
  );
}
