import type { DeadlineKind, ParsedNotice, Task } from '../../domain/notice/types';
import { DATE_FORMAT, TEXT_FORMAT, date, num, text, type ColumnPlan, type SheetPlan } from '../plan';
import { SHEET } from '../names';

export const DEADLINE_KIND_LABEL: Record<DeadlineKind, string> = {
  by: '限期完成',
  policy: '限期出台政策',
  ongoing: '持续推进',
  monthly: '逐月调度',
  point: '时点',
  timely: '适时',
  unknown: '待明确',
};

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
];

const names = (task: Task, role: Task['units'][number]['role']): string =>
  task.units.filter((u) => u.role === role).map((u) => u.name).join('、');

/** 任务清单: one row per task (DESIGN §5). */
export function tasksSheet(notice: ParsedNotice): SheetPlan {
  const sections = new Map(notice.sections.map((s) => [s.no, s.title]));
  return {
    key: SHEET.tasks.key,
    name: SHEET.tasks.name,
    columns: COLUMNS,
    rows: notice.tasks.map((t) => {
      const joint = [names(t, 'joint'), ...t.units.filter((u) => u.role === 'each').map((u) => `${u.name}（分别负责）`)].filter((s) => s.length > 0).join('、');
      const kinds = [...new Set(t.deadline.clauses.map((c) => DEADLINE_KIND_LABEL[c.kind]))].join('、');
      return [
        text(t.id),
        text(t.section === null ? '' : (sections.get(t.section) ?? '')),
        num(t.item),
        text(t.text),
        text(names(t, 'lead')),
        text(joint),
        text(names(t, 'support')),
        text(t.deadline.text),
        date(t.deadline.due),
        text(kinds),
        num(t.targets.length),
      ];
    }),
    freeze: { rows: 1, columns: 1 },
    table: { name: 'Duban_Tasks', style: 'TableStyleLight9' },
    validations: [],
    conditionalFormats: [],
    protect: true,
  };
}
