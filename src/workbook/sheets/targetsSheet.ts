import type { Comparator, ParsedNotice, Target, Task } from '../../domain/notice/types';
import { PAGE } from '../pages';
import { DATE_FORMAT, TEXT_FORMAT, formula, num, text, type Cell, type ColumnPlan, type SheetPlan } from '../plan';
import { printSetup } from '../print';
import { FILL_COLUMN_SHADE } from '../colours';
import { NAME, SHEET } from '../../domain/grid/names';
import { yearEndOf } from '../../domain/loop/pace';
import { fillCell } from './fillCell';
import { targetKey, type PreviousWorkbook } from '../../domain/ledger/readBack';
import { REMOVED_MARK } from '../../domain/ledger/columns';

type PreviousTarget = PreviousWorkbook['targets'] extends Map<string, infer T> ? T : never;

export const COMPARATOR_LABEL: Record<Comparator, string> = { '>=': '不低于', '>': '高于', '<=': '不高于', '<': '低于', range: '区间' };

const COLUMNS: ColumnPlan[] = [
  { header: '指标编号', width: 9, role: 'generated', numberFormat: TEXT_FORMAT },
  { header: '任务编号', width: 9, role: 'generated', numberFormat: TEXT_FORMAT },
  { header: '指标', width: 30, role: 'generated', wrap: true },
  { header: '方向', width: 10, role: 'generated' },
  { header: '目标值', width: 9, role: 'generated' },
  { header: '单位', width: 8, role: 'generated', numberFormat: TEXT_FORMAT },
  { header: '原文', width: 40, role: 'generated', wrap: true },
  { header: '填报单位', width: 18, role: 'generated', wrap: true },
  { header: '完成值', width: 10, role: 'fill', shade: FILL_COLUMN_SHADE },
  { header: '完成进度', width: 10, role: 'formula', numberFormat: '0.0%' },
  { header: '是否达标', width: 9, role: 'formula' },
  { header: '更新日期', width: 11, role: 'fill', numberFormat: DATE_FORMAT, shade: FILL_COLUMN_SHADE },
  { header: '序时进度', width: 9, role: 'formula', numberFormat: '0.0%' },
  { header: '慢于序时', width: 9, role: 'formula' },
];

/** Duban_PaceTolerance as the formulas read it: 5 (percentage points) when it holds no number. */
const TOLERANCE = `IF(ISNUMBER(${NAME.paceTolerance}),${NAME.paceTolerance},5)`;

/**
 * 序时进度 and 慢于序时 of a target in row r (DESIGN §12): for a level or increase target of a task due
 * 31 December of \`year\`, the share of the year elapsed at 统计日期, and 慢于序时 when its 完成进度 (J)
 * trails it by more than the tolerance. Blank for every other target.
 */
function paceCells(target: Target, year: number | null, r: number): [Cell, Cell] {
  if (year === null || target.direction === 'decrease' || (target.comparator !== '>=' && target.comparator !== '>')) return [null, null];
  const start = `DATE(${year - 1},12,31)`;
  return [
    formula(`MIN(1,MAX(0,(${NAME.asOf}-${start})/(DATE(${year},12,31)-${start})))`),
    formula(`IF(AND(ISNUMBER(J${r}),ISNUMBER(M${r})),IF(J${r}<M${r}-${TOLERANCE}/100,"慢于序时",""),"")`),
  ];
}

/** Whether a value `v` meets a target, as a classic formula condition over cell addresses. */
export function meetsCondition(target: Pick<Target, 'comparator' | 'max'>, v: string, goal: string): string {
  switch (target.comparator) {
    case '>=':
      return `${v}>=${goal}`;
    case '>':
      return `${v}>${goal}`;
    case '<=':
      return `${v}<=${goal}`;
    case '<':
      return `${v}<${goal}`;
    case 'range':
      return `AND(${v}>=${goal},${v}<=${target.max ?? goal})`;
  }
}

/** 完成进度: share of the way to the goal, capped at 100 % for ceilings (≤) and ranges. */
export function progressFormula(target: Pick<Target, 'comparator'>, v: string, goal: string): string {
  const ratio = target.comparator === '<=' || target.comparator === '<' ? `IF(${v}<=${goal},1,${goal}/${v})` : `MIN(1,${v}/${goal})`;
  return `IF(AND(ISNUMBER(${v}),${goal}<>0,${v}<>0),${ratio},IF(ISNUMBER(${v}),0,""))`;
}

/** The unit that reports a target: the task's leads, else its responsible units. */
export function reportingUnits(task: Task): string {
  const leads = task.units.filter((u) => u.role === 'lead');
  return (leads.length > 0 ? leads : task.units.filter((u) => u.role !== 'support')).map((u) => u.name).join('、');
}

/** 量化指标: one row per target (DESIGN §5); 完成值 and 更新日期 are filled by units. */
export function targetsSheet(notice: ParsedNotice, previous: ReadonlyMap<string, PreviousTarget> = new Map()): SheetPlan {
  let n = 0;
  const rows: Cell[][] = [];
  const used = new Set<string>();
  for (const task of notice.tasks) {
    for (const target of task.targets) {
      n++;
      const r = n + 1;
      const key = targetKey(task.id, target.indicator);
      const typed = previous.get(key);
      used.add(key);
      rows.push([
        text(`T${String(n).padStart(3, '0')}`),
        text(task.id),
        text(target.indicator),
        text(target.direction === 'decrease' ? `下降${COMPARATOR_LABEL[target.comparator]}` : COMPARATOR_LABEL[target.comparator]),
        num(target.value),
        text(target.max === null ? target.unit : `${target.unit}（至${target.max}）`),
        text(target.text),
        text(reportingUnits(task)),
        fillCell(typed?.value ?? null),
        formula(progressFormula(target, `I${r}`, `E${r}`)),
        formula(`IF(ISNUMBER(I${r}),IF(${meetsCondition(target, `I${r}`, `E${r}`)},"达标","未达标"),"")`),
        fillCell(typed?.updated ?? null),
        ...paceCells(target, yearEndOf(task.deadline.due), r),
      ]);
    }
  }
  // Values typed for targets that left the notice are kept at the bottom, never dropped.
  for (const [key, typed] of previous) {
    if (used.has(key)) continue;
    const [taskId, indicator] = key.split('\u0000') as [string, string];
    rows.push([text('—'), text(taskId), text(indicator), text(REMOVED_MARK), null, null, null, null, fillCell(typed.value), null, null, fillCell(typed.updated)]);
  }
  return {
    key: SHEET.targets.key,
    name: SHEET.targets.name,
    columns: COLUMNS,
    rows,
    freeze: { rows: 1, columns: 2 },
    table: { name: 'Duban_Targets', style: 'TableStyleLight9' },
    validations: rows.length > 0 ? [{ range: `L2:L${rows.length + 1}`, type: 'date', min: '2000-01-01', max: '2099-12-31', prompt: '请输入日期', error: '这里需要一个日期（例如 2020-12-31）' }] : [],
    conditionalFormats: rows.length > 0 ? [{ range: `J2:J${rows.length + 1}`, type: 'dataBar', color: '#2E7D32' }] : [],
    protect: true,
    print: printSetup('量化指标', null, PAGE.targets),
  };
}
