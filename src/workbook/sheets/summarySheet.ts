import type { SummaryLayout } from '../../domain/summary/readSummary';
import { sheetRef } from '../a1';
import { DATE_FORMAT, date, formula, num, text, type BlockPlan, type Cell, type SheetPlan } from '../plan';
import { DEFAULT_WARN_DAYS, NAME, SHEET } from '../names';
import { IDX, IX } from './indexSheet';
import { TASK_COLUMN } from './tasksSheet';

export const SUMMARY_NAME_ADDRESSES = { asOf: 'B1', warnDays: 'B2', year: 'B3' } as const;
/** How many overdue rows 汇总 lists; the count above the list says how many there are in all. */
export const OVERDUE_LIST_LIMIT = 300;
const PERCENT = '0.0%';

/** 汇总's parameter block: the as-of date (=TODAY() unless the user types a date), warn days, year. */
export function summaryParameters(year: number | null, asOf: string | null, warnDays: number = DEFAULT_WARN_DAYS): NonNullable<SheetPlan['extraCells']> {
  return [
    { address: 'A1', cell: text('统计日期'), bold: true },
    { address: 'B1', cell: asOf === null ? formula('TODAY()') : date(asOf), numberFormat: DATE_FORMAT },
    { address: 'C1', cell: text('默认为今天；输入固定日期即按该日期统计') },
    { address: 'A2', cell: text('预警天数'), bold: true },
    { address: 'B2', cell: num(warnDays) },
    { address: 'A3', cell: text('年度'), bold: true },
    { address: 'B3', cell: year === null ? null : num(year) },
  ];
}

const T = `${sheetRef(SHEET.tasks.name)}!`;
const Q = `${sheetRef(SHEET.targets.name)}!`;
const col = (prefix: string, letter: string): string => `${prefix}$${letter}:$${letter}`;
const idx = (key: keyof typeof IX): string => col(IDX, IX[key]);
const task = (key: keyof typeof TASK_COLUMN): string => col(T, TASK_COLUMN[key]);
const ratio = (num: string, den: string): string => `IF(${den}=0,"—",${num}/${den})`;
const dueBy = (range: string): string => `${range},"<="&${NAME.asOf}`;

export const OVERALL_HEADERS = ['任务数', '已完成', '推进中', '未启动', '受阻', '未填报', '逾期', '临期', '按时完成', '逾期完成', '完成率', '按时完成率', '逾期率', '填报率', '达标率'] as const;
export const UNIT_HEADERS = ['单位', '牵头', '负责', '配合', '分别负责', '台账行数', '已完成', '推进中', '未启动', '受阻', '未填报', '逾期', '临期', '完成率', '按时完成率', '填报率'] as const;
export const SECTION_HEADERS = ['编号', '板块', '任务数', '已完成', '逾期', '完成率'] as const;
export const OVERDUE_HEADERS = ['序号', '任务编号', '单位', '截止日期', '逾期天数'] as const;

/** Where each table of 汇总 starts (1-based rows), so tests and charts can find them. */
export type SummaryAnchors = { overallRow: number; unitsRow: number; unitCount: number; sectionsRow: number; sectionCount: number; overdueRow: number; overdueCount: number };

export function summaryAnchors(layout: SummaryLayout): SummaryAnchors {
  const unitsRow = 10;
  const sectionsRow = unitsRow + layout.units.length + 3;
  const overdueRow = sectionsRow + layout.sections.length + 3;
  return { overallRow: 6, unitsRow, unitCount: layout.units.length, sectionsRow, sectionCount: layout.sections.length, overdueRow, overdueCount: Math.min(layout.rows.length, OVERDUE_LIST_LIMIT) };
}

function overallBlock(): BlockPlan {
  const count = (status: string) => formula(`COUNTIF(${task('status')},"${status}")`);
  const warn = (w: string) => formula(`COUNTIF(${task('warning')},"${w}")`);
  const dueTasks = `COUNTIFS(${dueBy(task('due'))})`;
  const rows = `(COUNTA(${idx('task')})-1)`;
  const judged = `(COUNTIF(${col(Q, 'K')},"达标")+COUNTIF(${col(Q, 'K')},"未达标"))`;
  const values: Cell[] = [
    formula(`COUNTA(${task('id')})-1`),
    count('已完成'),
    count('推进中'),
    count('未启动'),
    count('受阻'),
    count('未填报'),
    warn('逾期'),
    warn('临期'),
    warn('按时完成'),
    warn('逾期完成'),
    formula(ratio('B7', 'A7')),
    formula(ratio(`COUNTIFS(${task('warning')},"按时完成",${dueBy(task('due'))})`, dueTasks)),
    formula(ratio('G7', dueTasks)),
    formula(ratio(`SUM(${idx('complete')})`, rows)),
    formula(ratio(`COUNTIF(${col(Q, 'K')},"达标")`, judged)),
  ];
  return { at: 'A6', cells: [OVERALL_HEADERS.map(text), values], boldFirstRow: true, numberFormats: OVERALL_HEADERS.map((h) => (h.endsWith('率') ? PERCENT : null)) };
}

function unitsBlock(layout: SummaryLayout, at: number): BlockPlan {
  const rows = layout.units.map((u, i): Cell[] => {
    const r = at + 1 + i;
    const me = `${idx('unit')},$A${r}`;
    const byStatus = (s: string) => formula(`COUNTIFS(${me},${idx('status')},"${s}")`);
    const byRole = (s: string) => formula(`COUNTIFS(${me},${idx('role')},"${s}")`);
    const due = `COUNTIFS(${me},${dueBy(idx('due'))})`;
    return [
      text(u.name),
      byRole('牵头'),
      byRole('负责'),
      byRole('配合'),
      byRole('分别负责'),
      formula(`COUNTIF(${idx('unit')},$A${r})`),
      byStatus('已完成'),
      byStatus('推进中'),
      byStatus('未启动'),
      byStatus('受阻'),
      formula(`F${r}-SUM(G${r}:J${r})`),
      formula(`COUNTIFS(${me},${idx('warning')},"逾期")`),
      formula(`COUNTIFS(${me},${idx('warning')},"临期")`),
      formula(ratio(`G${r}`, `F${r}`)),
      formula(ratio(`COUNTIFS(${me},${idx('warning')},"按时完成",${dueBy(idx('due'))})`, due)),
      formula(ratio(`SUMIF(${idx('unit')},$A${r},${idx('complete')})`, `F${r}`)),
    ];
  });
  return { at: `A${at}`, cells: [UNIT_HEADERS.map(text), ...rows], boldFirstRow: true, numberFormats: UNIT_HEADERS.map((h) => (h.endsWith('率') ? PERCENT : null)) };
}

function sectionsBlock(layout: SummaryLayout, at: number): BlockPlan {
  const rows = layout.sections.map((s, i): Cell[] => {
    const r = at + 1 + i;
    const mine = `${task('section')},$B${r}`;
    return [num(s.no), text(s.label), formula(`COUNTIF(${mine})`), formula(`COUNTIFS(${mine},${task('status')},"已完成")`), formula(`COUNTIFS(${mine},${task('warning')},"逾期")`), formula(ratio(`D${r}`, `C${r}`))];
  });
  return { at: `A${at}`, cells: [SECTION_HEADERS.map(text), ...rows], boldFirstRow: true, numberFormats: [null, null, null, null, null, PERCENT] };
}

function overdueBlock(count: number, at: number): BlockPlan {
  const rows = Array.from({ length: count }, (_, k): Cell[] => {
    // The k-th 逾期 row: the first whose running count reaches k, by binary search over
    // 逾期累计 (linear recalculation); #N/A when there are fewer than k.
    const row = `IFERROR(MATCH(${k},${NAME.indexOverdueRun},1),0)+2`;
    const find = `IF(INDEX(${idx('overdueNo')},${row})=${k + 1},${row},NA())`;
    const pick = (key: keyof typeof IX) => formula(`IFERROR(INDEX(${idx(key)},${find}),"")`);
    return [num(k + 1), pick('task'), pick('unit'), pick('due'), formula(`IFERROR(${NAME.asOf}-INDEX(${idx('due')},${find}),"")`)];
  });
  return { at: `A${at}`, cells: [OVERDUE_HEADERS.map(text), ...rows], boldFirstRow: true, numberFormats: [null, null, null, DATE_FORMAT, '0'] };
}

/**
 * 汇总 (DESIGN §9): parameters, overall figures, one row per unit, one row per section and the
 * overdue list — every number a live formula over `_台账索引`, 任务清单 and 量化指标, so the
 * workbook stays right when a unit edits it without the add-in.
 */
export function summarySheet(layout: SummaryLayout, year: number | null, asOf: string | null, warnDays: number = DEFAULT_WARN_DAYS): SheetPlan {
  const a = summaryAnchors(layout);
  const title = (row: number, label: string) => ({ address: `A${row}`, cell: text(label), bold: true });
  const unitRange = (letter: string) => `${letter}${a.unitsRow + 1}:${letter}${a.unitsRow + Math.max(a.unitCount, 1)}`;
  return {
    key: SHEET.summary.key,
    name: SHEET.summary.name,
    columns: [16, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 10, 9].map((width) => ({ header: '', width, role: 'generated' as const })),
    rows: [],
    extraCells: [
      ...summaryParameters(year, asOf, warnDays),
      title(a.overallRow - 1, '总体情况（按任务计，任务状态取牵头单位台账）'),
      title(a.unitsRow - 1, '分单位（按该单位台账行计）'),
      title(a.sectionsRow - 1, '分板块'),
      title(a.overdueRow - 1, `逾期清单（按台账行，最多列出 ${OVERDUE_LIST_LIMIT} 条）`),
      { address: `C${a.overdueRow - 1}`, cell: formula(`"共 "&COUNTIF(${idx('warning')},"逾期")&" 条"`) },
    ],
    blocks: [overallBlock(), unitsBlock(layout, a.unitsRow), sectionsBlock(layout, a.sectionsRow), overdueBlock(a.overdueCount, a.overdueRow)],
    freeze: { rows: 0, columns: 0 },
    validations: [],
    conditionalFormats:
      a.unitCount > 0
        ? [
            { range: unitRange('N'), type: 'dataBar', color: '#2E7D32' },
            { range: unitRange('L'), type: 'expression', formula: `L${a.unitsRow + 1}>0`, fill: '#F8D7DA', fontColor: '#842029' },
          ]
        : [],
    protect: false,
    charts:
      a.unitCount > 0
        ? [
            { type: 'bar', title: '各单位完成率', categories: unitRange('A'), values: unitRange('N'), anchor: `R${a.unitsRow}` },
            { type: 'pie', title: '任务状态', categories: 'B6:F6', values: 'B7:F7', anchor: 'R1' },
          ]
        : [],
  };
}

