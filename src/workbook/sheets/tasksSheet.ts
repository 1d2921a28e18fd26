import type { ParsedNotice, Task } from '../../domain/notice/types';
import { PAGE } from '../pages';
import { DEADLINE_KIND_LABEL } from '../../domain/notice/labels';
import { DATE_FORMAT, TEXT_FORMAT, date, formula, num, text, type ColumnPlan, type ConditionalFormatPlan, type SheetPlan } from '../plan';
import { NAME } from '../../domain/grid/names';
import { IDX, IX } from './indexSheet';
import { sectionLabel } from '../../domain/notice/patterns';
import { SHEET } from '../../domain/grid/names';
import { printSetup } from '../print';
import { WARN_COLOURS } from '../colours';
import { SOURCE_HEADER, noticeShortTitle } from '../../domain/sources/names';


const COLUMNS: ColumnPlan[] = [
  { header: '任务编号', width: 9, role: 'generated', numberFormat: TEXT_FORMAT },
  { header: '板块', width: 16, role: 'generated', wrap: true },
  { header: '事项', width: 6, role: 'generated' },
  { header: '任务内容', width: 60, role: 'generated', wrap: true },
  { header: '牵头单位', width: 18, role: 'generated', wrap: true },
  { header: '负责单位', width: 24, role: 'generated', wrap: true },
  { header: '配合单位', width: 24, role: 'generated', wrap: true },
  { header: '完成时限', width: 16, role: 'generated', wrap: true },
  { header: '截止日期', width: 11, role: 'generated', numberFormat: DATE_FORMAT },
  { header: '时限类型', width: 11, role: 'generated' },
  { header: '指标数', width: 7, role: 'generated' },
  { header: '任务状态', width: 9, role: 'formula' },
  { header: '预警', width: 9, role: 'formula' },
  { header: '灯', width: 4, role: 'formula' },
  // Last, so the columns 汇总 and the index count over keep their letters in every workbook.
  { header: SOURCE_HEADER, width: 16, role: 'generated', wrap: true },
];

/** Column letters of 任务清单 that 汇总's formulas count over. */
export const TASK_COLUMN = { id: 'A', section: 'B', due: 'I', status: 'L', warning: 'M', light: 'N', source: 'O' } as const;

const col = (key: keyof typeof IX): string => `${IDX}$${IX[key]}:$${IX[key]}`;

/**
 * The task's last row in `_台账索引` (whose rows are sorted by 任务序 = the task's 任务清单 row − 1),
 * by binary search; 0 when it has none. Linear recalculation depends on it (see indexSheet).
 */
const LAST_INDEX_ROW = `IFERROR(MATCH(ROW()-1,${NAME.indexOrder},1),0)+1`;
const atLast = (key: keyof typeof IX): string => `INDEX(${col(key)},${LAST_INDEX_ROW})`;

/**
 * True when the index row found is this task's: false for a task with no ledger rows, and when
 * rows were inserted or moved in 任务清单 since the index was laid out — then the formulas fall
 * back to counting over the whole index (slower, never wrong) until 更新分工 or 刷新汇总.
 */
const fresh = (r: number): string => `AND(${LAST_INDEX_ROW}>1,${atLast('task')}=$A${r})`;

/** 任务状态 from the task's counted rows: k of them, n(s) with 状态 s (DESIGN §9). */
const statusFrom = (k: string, n: (s: string) => string): string =>
  `IF(${k}=0,"未填报",IF(${n('已完成')}=${k},"已完成",IF(${n('受阻')}>0,"受阻",IF(${n('已完成')}+${n('推进中')}=0,IF(${n('未启动')}=0,"未填报","未启动"),"推进中"))))`;

const RUNNING_BY_STATUS: Record<string, keyof typeof IX> = { 已完成: 'taskDone', 推进中: 'taskActive', 未启动: 'taskNotStarted', 受阻: 'taskBlocked' };

/**
 * 任务状态 of the task in row r, from its counted rows in `_台账索引` (its lead units' rows, or all
 * rows without a lead): 已完成 / 受阻 / 未启动 / 未填报 / 推进中 (DESIGN §9). Read from the running
 * counts on the task's last index row; counted over the whole index when that row is not found.
 */
export function taskStatusFormula(r: number): string {
  const mine = `${col('task')},$A${r},${col('counted')},1`;
  const slow = statusFrom(`COUNTIFS(${mine})`, (s) => `COUNTIFS(${mine},${col('status')},"${s}")`);
  const quick = statusFrom(atLast('taskRows'), (s) => atLast(RUNNING_BY_STATUS[s] as keyof typeof IX));
  return `IF(${fresh(r)},${quick},${slow})`;
}

/** 预警 of the task in row r: 逾期完成 when any counted row finished after the due date. */
export function taskWarningFormula(r: number): string {
  // An approved extension of a counted row moves the task's due date (the latest of them, never
  // earlier than 截止日期). Read from the running max on the task's last index row; the whole-index
  // fallback (rows moved in 任务清单 since the index was laid out) uses 截止日期 until 刷新汇总.
  const plain = `${TASK_COLUMN.due}${r}`;
  const d = `IF(AND(ISNUMBER(${plain}),${fresh(r)}),MAX(${plain},${atLast('taskDueMax')}),${plain})`;
  const late = `IF(${fresh(r)},${atLast('taskLate')},COUNTIFS(${col('task')},$A${r},${col('counted')},1,${col('lateDone')},1))>0`;
  return `IF(${TASK_COLUMN.status}${r}="已完成",IF(${late},"逾期完成","按时完成"),IF(NOT(ISNUMBER(${d})),"正常",IF(${NAME.asOf}>${d},"逾期",IF(${d}-${NAME.asOf}<=${NAME.warnDays},"临期","正常"))))`;
}

const names = (task: Task, role: Task['units'][number]['role']): string =>
  task.units.filter((u) => u.role === role).map((u) => u.name).join('、');

/** 任务清单: one row per task (DESIGN §5). */
export function tasksSheet(notice: ParsedNotice): SheetPlan {
  const sections = new Map(notice.sections.map((s) => [s.no, s.title]));
  const ownSource = noticeShortTitle(notice.notice.title);
  return {
    key: SHEET.tasks.key,
    name: SHEET.tasks.name,
    columns: COLUMNS,
    rows: notice.tasks.map((t, i) => {
      const r = i + 2;
      const joint = [names(t, 'joint'), ...t.units.filter((u) => u.role === 'each').map((u) => `${u.name}（分别负责）`)].filter((s) => s.length > 0).join('、');
      const kinds = [...new Set(t.deadline.clauses.map((c) => DEADLINE_KIND_LABEL[c.kind]))].join('、');
      return [
        text(t.id),
        text(t.section === null ? '' : sectionLabel(t.section, sections.get(t.section) ?? '')),
        num(t.item),
        text(t.text),
        text(names(t, 'lead')),
        text(joint),
        text(names(t, 'support')),
        text(t.deadline.text),
        date(t.deadline.due),
        text(kinds),
        num(t.targets.length),
        formula(taskStatusFormula(r)),
        formula(taskWarningFormula(r)),
        formula(`IF(${TASK_COLUMN.warning}${r}="逾期",1,IF(${TASK_COLUMN.warning}${r}="临期",2,3))`),
        text(t.source ?? ownSource),
      ];
    }),
    freeze: { rows: 1, columns: 1 },
    table: { name: 'Duban_Tasks', style: 'TableStyleLight9' },
    validations: [],
    conditionalFormats:
      notice.tasks.length > 0
        ? [
            { range: `${TASK_COLUMN.light}2:${TASK_COLUMN.light}${notice.tasks.length + 1}`, type: 'iconSet', icons: 'trafficLights', thresholds: [2, 3] },
            ...(['逾期', '临期', '逾期完成'] as const).map(
              (w): ConditionalFormatPlan => ({ range: `${TASK_COLUMN.warning}2:${TASK_COLUMN.warning}${notice.tasks.length + 1}`, type: 'expression', formula: `${TASK_COLUMN.warning}2="${w}"`, fill: WARN_COLOURS[w].fill, fontColor: WARN_COLOURS[w].font }),
            ),
          ]
        : [],
    // The office's master (DESIGN §5): edited in place, read back by 更新分工. Its formula columns
    // reach a row the office adds when 更新分工 rewrites the sheet.
    protect: false,
    print: printSetup('任务清单', null, PAGE.tasks),
  };
}
