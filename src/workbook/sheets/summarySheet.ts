import type { SummaryLayout } from '../../domain/summary/readSummary';
import { PAGE } from '../pages';
import { sheetRef } from '../../domain/grid/a1';
import { DATE_FORMAT, date, formula, num, text, type BlockPlan, type Cell, type ChartPlan, type SheetPlan } from '../plan';
import { DEFAULT_WARN_DAYS, NAME, SHEET } from '../../domain/grid/names';
import { excelSerial } from '../../domain/time/isoDate';
import { printSetup, rowHeight } from '../print';
import { WARN_COLOURS, FILL_COLUMN_SHADE, type ColouredWarning } from '../colours';
import { IDX, IX } from './indexSheet';
import { TASK_COLUMN } from './tasksSheet';
import type { SnapshotRow } from '../../domain/summary/history';
import { wholeRows } from './historySheet';
import { sourcesBlock } from './sourcesBlock';
import { DEFAULT_LOOP_SETTINGS, REPORT_CYCLES, type LoopSettings } from '../../domain/loop/settings';
import { LOOP_SETTING_ADDRESSES } from '../../domain/summary/readSummary';
import { ROUNDS_SHEET } from '../../domain/loop/roundsRecord';
import { RATE_DEFINITIONS } from '../../domain/summary/document';

export const SUMMARY_NAME_ADDRESSES = { asOf: 'B1', warnDays: 'B2', year: 'B3' } as const;
/**
 * With 统计日期 =TODAY(), the overdue list has room for the rows that fall due within this many
 * days of the day it was laid out; past that, its title says how many are not listed.
 */
export const OVERDUE_LIST_MARGIN_DAYS = 31;
/** Never more rows than this (each is five formulas written in one request inside Excel); the title counts the rest. */
export const OVERDUE_LIST_MAX = 1000;
const PERCENT = '0.0%';
/** 序号 with a full-width space after it: right-aligned beside a left-aligned 任务编号, `1 36.1` read as one number. */
const SERIAL_NO = '0"　"';

/** 汇总's parameter block: the as-of date (=TODAY() unless the user types a date), warn days, year. */
export function summaryParameters(year: number | null, asOf: string | null, warnDays: number = DEFAULT_WARN_DAYS, loop: LoopSettings = DEFAULT_LOOP_SETTINGS): NonNullable<SheetPlan['extraCells']> {
  const label = (value: string): string => `${value[0] === 'E' ? 'D' : 'F'}${value.slice(1)}`;
  const L = LOOP_SETTING_ADDRESSES;
  return [
    // The supervision loop's settings (DESIGN §12), named cells the office edits.
    { address: label(L.cycle), cell: text('报送周期'), bold: true },
    { address: L.cycle, cell: text(loop.cycle) },
    { address: label(L.reportDay), cell: text('报送日'), bold: true },
    { address: L.reportDay, cell: num(loop.reportDay) },
    { address: label(L.reviewRequired), cell: text('需审核'), bold: true },
    { address: L.reviewRequired, cell: text(loop.reviewRequired ? '是' : '否') },
    { address: label(L.paceTolerance), cell: text('序时容差'), bold: true },
    { address: L.paceTolerance, cell: num(loop.paceTolerance) },
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
/**
 * 汇总's column widths. Dates need 11 characters: B (统计日期), C–E (本期开始, 本期结束, 报送截止日 of the
 * loop), D (截止日期 of the overdue list), E–F (截止日期, 申请延期至 of the 待办 list); a rate with its
 * fraction 15; A (18) holds unit and 板块 names.
 */
const SUMMARY_WIDTHS: readonly number[] = [18, 11, 11, 11, 11, 11, 9, 9, 9, 9, 9, 9, 9, 9, 10, 9, 9, 15, 15, 15, 11];

/** 板块 first, in the widest column and wrapped: names such as `（十）深化“放管服”改革优化营商环境` were cut to six characters. */
export const SECTION_HEADERS = ['板块', '编号', '任务数', '已完成', '逾期', '完成率'] as const;
export const OVERDUE_HEADERS = ['序号', '任务编号', '单位', '截止日期', '逾期天数'] as const;
export const TREND_HEADERS = ['统计日期', '完成率', '逾期'] as const;
/** Beside the unit table: 逾期完成 and each rate written with its fraction, `40%（2/5）`. */
export const UNIT_EXTRA_HEADERS = ['逾期完成', '完成率（完成/行数）', '按时完成率（按时/到期）', '填报率（完整/行数）', '状态无法识别'] as const;
/** Column of 状态无法识别 in the unit table: rows whose 状态 holds text outside the list, apart from 未填报. */
const UNKNOWN_STATUS_COLUMN = 'U';

/** Where each table of 汇总 starts (1-based rows), so tests and charts can find them. */
export type SummaryAnchors = {
  overallRow: number;
  unitsRow: number;
  unitCount: number;
  sectionsRow: number;
  sectionCount: number;
  /** 分来源 (DESIGN §13): 0 rows (and no table) for a workbook of one source. */
  sourcesRow: number;
  sourceCount: number;
  overdueRow: number;
  overdueCount: number;
  /** The loop's header row (本期, counts); its values are the row below. */
  loopRow: number;
  /** Header of the per-unit 报送与审核 table. */
  unitLoopRow: number;
  /** Header of the 待办 list (延期申请待批复、待审核) and its slots. */
  todoRow: number;
  todoCount: number;
};
export const LOOP_HEADERS = ['报送周期', '本期', '本期开始', '本期结束', '报送截止日', '未报送单位', '迟报单位', '已延期', '待批延期', '待审核', '退回重办', '慢于序时'] as const;
export const UNIT_LOOP_HEADERS = ['单位', '本期报送', '已延期', '待批延期', '待审核', '退回重办'] as const;
export const TODO_HEADERS = ['序号', '类型', '任务编号', '单位', '截止日期', '申请延期至'] as const;
/** Slots of the 待办 list beyond the entries there were when it was laid out: requests typed later show without a refresh. */
export const TODO_LIST_MARGIN = 10;

/**
 * Where 汇总's tables start. The overdue list is sized to its content: a row can only be 逾期 once
 * its 截止日期 is past, so with a fixed 统计日期 the rows due before it are all it can ever hold.
 * With =TODAY(), `today` (read by the caller) sizes it for the next month; without either, for
 * every row that has a due date.
 */
export function summaryAnchors(layout: SummaryLayout, asOf: string | null, today: string | null = null, queued = 0): SummaryAnchors {
  const unitsRow = 11;
  const sectionsRow = unitsRow + layout.units.length + 3;
  const sourcesRow = sectionsRow + layout.sections.length + 3;
  const sourceCount = layout.sources.length > 1 ? layout.sources.length : 0;
  const overdueRow = sourceCount > 0 ? sourcesRow + sourceCount + 3 : sourcesRow;
  const day = asOf ?? today;
  const limit = day === null ? Infinity : excelSerial(day, layout.dateSystem) + (asOf === null ? OVERDUE_LIST_MARGIN_DAYS : 0);
  const overdueCount = Math.min(OVERDUE_LIST_MAX, layout.rows.filter((r) => r.due !== null && r.due < limit).length);
  const loopRow = overdueRow + overdueCount + 3;
  const unitLoopRow = loopRow + 4;
  const todoRow = unitLoopRow + layout.units.length + 3;
  const todoCount = Math.min(OVERDUE_LIST_MAX, queued + TODO_LIST_MARGIN);
  return { overallRow: 6, unitsRow, unitCount: layout.units.length, sectionsRow, sectionCount: layout.sections.length, sourcesRow, sourceCount, overdueRow, overdueCount, loopRow, unitLoopRow, todoRow, todoCount };
}

const R = `${sheetRef(ROUNDS_SHEET)}!`;
const CYCLE_LIST = `{${REPORT_CYCLES.map((c) => `"${c}"`).join(',')}}`;

/**
 * 本期 (DESIGN §12) and the loop's counts, one row under its headers. The period is computed from
 * 统计日期 and the settings as the engine's reportingPeriod does; its dates are named for the
 * per-unit 报送 formulas.
 */
function loopBlock(a: SummaryAnchors): BlockPlan {
  const v = a.loopRow + 1;
  const months = `CHOOSE(MATCH($A$${v},${CYCLE_LIST},0),1,2,3,6)`;
  const first = `INT((MONTH(${NAME.asOf})-1)/${months})*${months}+1`;
  const day = `IF(ISNUMBER(${NAME.reportDay}),${NAME.reportDay},25)`;
  const units = (status: string) => formula(`COUNTIF($B$${a.unitLoopRow + 1}:$B$${a.unitLoopRow + Math.max(a.unitCount, 1)},"${status}")`);
  const values: Cell[] = [
    formula(`CHOOSE(IFERROR(MATCH(${NAME.reportCycle},${CYCLE_LIST},0),1),${REPORT_CYCLES.map((c) => `"${c}"`).join(',')})`),
    formula(`YEAR(C${v})&"年"&CHOOSE(MATCH($A$${v},${CYCLE_LIST},0),MONTH(C${v})&"月",MONTH(C${v})&"—"&MONTH(D${v})&"月","第"&INT((MONTH(C${v})+2)/3)&"季度",IF(MONTH(C${v})=1,"上半年","下半年"))`),
    formula(`DATE(YEAR(${NAME.asOf}),${first},1)`),
    formula(`DATE(YEAR(${NAME.asOf}),${first}+${months},0)`),
    formula(`DATE(YEAR(D${v}),MONTH(D${v}),MIN(MAX(1,INT(${day})),DAY(D${v})))`),
    units('未报送'),
    units('迟报'),
    ...(['extended', 'pendingExtension', 'pendingReview', 'returned'] as const).map((k) => formula(`SUM(${idx(k)})`)),
    // From row 2: the column's header is 慢于序时 too.
    formula(`COUNTIF(${Q}$N$2:$N$1048576,"慢于序时")`),
  ];
  return { at: `A${a.loopRow}`, cells: [LOOP_HEADERS.map(text), values], boldFirstRow: true, numberFormats: [null, null, DATE_FORMAT, DATE_FORMAT, DATE_FORMAT] };
}

/**
 * Per unit: 本期报送 (按时报送 when it reported — a file merged per 报送记录, or an 更新日期 in its
 * ledger — between 本期开始 and 报送截止日; 迟报 when only after it; else 未报送) and its loop rows.
 */
function unitLoopBlock(layout: SummaryLayout, a: SummaryAnchors): BlockPlan {
  const rows = layout.units.map((u, i): Cell[] => {
    const r = a.unitLoopRow + 1 + i;
    const reported = (from: string, to: string) =>
      `COUNTIFS(${col(R, 'B')},$A${r},${col(R, 'E')},"${from}"&${from === '>=' ? NAME.periodStart : NAME.reportDue},${col(R, 'E')},"<="&${to})+COUNTIFS(${idx('unit')},$A${r},${idx('updated')},"${from}"&${from === '>=' ? NAME.periodStart : NAME.reportDue},${idx('updated')},"<="&${to})`;
    const mine = (k: keyof typeof IX) => formula(`SUMIF(${idx('unit')},$A${r},${idx(k)})`);
    return [text(u.name), formula(`IF(${reported('>=', NAME.reportDue)}>0,"按时报送",IF(${reported('>', NAME.periodEnd)}>0,"迟报","未报送"))`), mine('extended'), mine('pendingExtension'), mine('pendingReview'), mine('returned')];
  });
  return { at: `A${a.unitLoopRow}`, cells: [UNIT_LOOP_HEADERS.map(text), ...rows], boldFirstRow: true };
}

/** The office's queue: the k-th row awaiting 延期批复 or review, found like the overdue list's (binary search over 待办累计). */
function todoBlock(a: SummaryAnchors): BlockPlan {
  const rows = Array.from({ length: a.todoCount }, (_, k): Cell[] => {
    const row = `IFERROR(MATCH(${k},${NAME.indexTodoRun},1),0)+2`;
    const find = `IF(INDEX(${idx('todoNo')},${row})=${k + 1},${row},NA())`;
    const pick = (key: keyof typeof IX) => formula(`IFERROR(INDEX(${idx(key)},${find}),"")`);
    return [
      formula(`IF(ISNUMBER(${find}),${k + 1},"")`),
      formula(`IFERROR(IF(INDEX(${idx('pendingExtension')},${find})=1,"延期申请","待审核"),"")`),
      pick('task'),
      pick('unit'),
      pick('due'),
      pick('asked'),
    ];
  });
  return { at: `A${a.todoRow}`, cells: [TODO_HEADERS.map(text), ...rows], boldFirstRow: true, numberFormats: [null, null, null, null, DATE_FORMAT, DATE_FORMAT] };
}

/** A rate as text with its fraction, `40.0%（2/5）`, rounded as the rate cells and `duban summary` are; "—" when the denominator is 0 (DESIGN §9). */
export const withFraction = (num: string, den: string): string => `IF((${den})=0,"—",TEXT((${num})/(${den}),"${PERCENT}")&"（"&(${num})&"/"&(${den})&"）")`;

function overallBlock(): BlockPlan {
  const count = (status: string) => formula(`COUNTIF(${task('status')},"${status}")`);
  const warn = (w: string) => formula(`COUNTIF(${task('warning')},"${w}")`);
  const dueTasks = `COUNTIFS(${dueBy(task('due'))})`;
  const rows = `(COUNTA(${idx('task')})-1)`;
  const judged = `(COUNTIF(${col(Q, 'K')},"达标")+COUNTIF(${col(Q, 'K')},"未达标"))`;
  const onTime = `COUNTIFS(${task('warning')},"按时完成",${dueBy(task('due'))})`;
  const filled = `SUM(${idx('complete')})`;
  const met = `COUNTIF(${col(Q, 'K')},"达标")`;
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
    formula(ratio(onTime, dueTasks)),
    formula(ratio('G7', dueTasks)),
    formula(ratio(filled, rows)),
    formula(ratio(met, judged)),
  ];
  // Under each rate, the same rate with its fraction: 100 % of two tasks is not 100 % of a hundred.
  const fractions: Cell[] = [
    text('（分子/分母）'),
    ...Array.from({ length: 9 }, () => null),
    formula(withFraction('B7', 'A7')),
    formula(withFraction(onTime, dueTasks)),
    formula(withFraction('G7', dueTasks)),
    formula(withFraction(filled, rows)),
    formula(withFraction(met, judged)),
  ];
  return { at: 'A6', cells: [OVERALL_HEADERS.map(text), values, fractions], boldFirstRow: true, numberFormats: OVERALL_HEADERS.map((h) => (h.endsWith('率') ? PERCENT : null)) };
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
      // 未填报: rows with no status at all; a status outside the list is counted apart (状态无法识别).
      formula(`F${r}-SUM(G${r}:J${r})-${UNKNOWN_STATUS_COLUMN}${r}`),
      formula(`COUNTIFS(${me},${idx('warning')},"逾期")`),
      formula(`COUNTIFS(${me},${idx('warning')},"临期")`),
      formula(ratio(`G${r}`, `F${r}`)),
      formula(ratio(`COUNTIFS(${me},${idx('warning')},"按时完成",${dueBy(idx('due'))})`, due)),
      formula(ratio(`SUMIF(${idx('unit')},$A${r},${idx('complete')})`, `F${r}`)),
      formula(`COUNTIFS(${me},${idx('warning')},"逾期完成")`),
      formula(withFraction(`G${r}`, `F${r}`)),
      formula(withFraction(`COUNTIFS(${me},${idx('warning')},"按时完成",${dueBy(idx('due'))})`, due)),
      formula(withFraction(`SUMIF(${idx('unit')},$A${r},${idx('complete')})`, `F${r}`)),
      // Any text in the index's 状态 (it holds 状态&"") that is none of the four.
      formula(`COUNTIFS(${me},${idx('status')},"?*")-SUM(G${r}:J${r})`),
    ];
  });
  const headers = [...UNIT_HEADERS, ...UNIT_EXTRA_HEADERS];
  return { at: `A${at}`, cells: [headers.map(text), ...rows], boldFirstRow: true, numberFormats: headers.map((h) => (h.endsWith('率') ? PERCENT : null)) };
}

function sectionsBlock(layout: SummaryLayout, at: number): BlockPlan {
  const rows = layout.sections.map((s, i): Cell[] => {
    const r = at + 1 + i;
    const mine = `${task('section')},$A${r}`;
    return [text(s.label), num(s.no), formula(`COUNTIF(${mine})`), formula(`COUNTIFS(${mine},${task('status')},"已完成")`), formula(`COUNTIFS(${mine},${task('warning')},"逾期")`), formula(ratio(`D${r}`, `C${r}`))];
  });
  return { at: `A${at}`, cells: [SECTION_HEADERS.map(text), ...rows], boldFirstRow: true, numberFormats: [null, null, null, null, null, PERCENT], wrapColumns: [0] };
}

/** Heights of 汇总's rows where a 板块 name wraps in column A; the other rows keep the default. */
function sectionRowHeights(layout: SummaryLayout, at: number): number[] {
  const heights: number[] = [];
  layout.sections.forEach((s, i) => {
    heights[at + i] = rowHeight([{ text: s.label, width: SUMMARY_WIDTHS[0] as number, wrap: true }]);
  });
  return heights;
}

/** The colours used across the workbook, explained where the office reads first (DESIGN §9). */
function legend(): NonNullable<SheetPlan['extraCells']> {
  const warn = (Object.keys(WARN_COLOURS) as ColouredWarning[]).map((w, i) => ({ address: `${'IJKL'[i]}1`, cell: text(w), fill: WARN_COLOURS[w].fill, fontColor: WARN_COLOURS[w].font }));
  return [
    { address: 'H1', cell: text('图例'), bold: true },
    ...warn,
    { address: 'M1', cell: text('待填写'), fill: FILL_COLUMN_SHADE },
    { address: 'I2', cell: text('台账、任务清单按预警着色；浅黄底的列由各单位填写，其余列自动生成') },
  ];
}

/**
 * The trend of 完成率 and 逾期 over the snapshots in 调度记录: one row per snapshot of the whole,
 * each cell a reference to its row there, and a line chart over it.
 */
function trendBlock(history: readonly SnapshotRow[], row: number): { row: number; count: number; block: BlockPlan; chart: ChartPlan } | null {
  const rows = wholeRows(history);
  if (rows.length === 0) return null;
  const H = `${sheetRef(SHEET.history.name)}!`;
  const cells = rows.map(({ row: r }): Cell[] => [formula(`${H}A${r}`), formula(`${H}G${r}`), formula(`${H}E${r}`)]);
  const last = row + rows.length;
  return {
    row,
    count: rows.length,
    block: { at: `A${row}`, cells: [TREND_HEADERS.map(text), ...cells], boldFirstRow: true, numberFormats: [DATE_FORMAT, PERCENT, '0'] },
    // Placed by summarySheet with the other charts, never over them.
    chart: { type: 'line', title: '完成率趋势', categories: `A${row + 1}:A${last}`, values: `B${row + 1}:B${last}`, anchor: 'A1' },
  };
}

function overdueBlock(count: number, at: number): BlockPlan {
  const rows = Array.from({ length: count }, (_, k): Cell[] => {
    // The k-th 逾期 row: the first whose running count reaches k, by binary search over
    // 逾期累计 (linear recalculation); #N/A when there are fewer than k.
    const row = `IFERROR(MATCH(${k},${NAME.indexOverdueRun},1),0)+2`;
    const find = `IF(INDEX(${idx('overdueNo')},${row})=${k + 1},${row},NA())`;
    const pick = (key: keyof typeof IX) => formula(`IFERROR(INDEX(${idx(key)},${find}),"")`);
    // Numbered only when a row is there: an empty slot prints blank, not a bare number.
    return [formula(`IF(ISNUMBER(${find}),${k + 1},"")`), pick('task'), pick('unit'), pick('due'), formula(`IFERROR(${NAME.asOf}-INDEX(${idx('due')},${find}),"")`)];
  });
  return { at: `A${at}`, cells: [OVERDUE_HEADERS.map(text), ...rows], boldFirstRow: true, numberFormats: [SERIAL_NO, null, null, DATE_FORMAT, '0'] };
}

/**
 * 汇总 (DESIGN §9): parameters, overall figures, one row per unit, one row per section and the
 * overdue list — every number a live formula over `_台账索引`, 任务清单 and 量化指标, so the
 * workbook stays right when a unit edits it without the add-in.
 */
export function summarySheet(
  layout: SummaryLayout,
  year: number | null,
  asOf: string | null,
  warnDays: number = DEFAULT_WARN_DAYS,
  today: string | null = null,
  history: readonly SnapshotRow[] = [],
  loop: LoopSettings = DEFAULT_LOOP_SETTINGS,
  queued = 0,
): SheetPlan {
  const a = summaryAnchors(layout, asOf, today, queued);
  const trend = trendBlock(history, a.todoRow + a.todoCount + 3);
  // Charts go below the tables, not beside them: beside, they would shrink every page fitted to its width.
  const chartsRow = (trend ? trend.row + trend.count : a.todoRow + a.todoCount) + 3;
  const todo = `SUM(${idx('pendingExtension')})+SUM(${idx('pendingReview')})`;
  const unitLoopRange = `B${a.unitLoopRow + 1}:B${a.unitLoopRow + Math.max(a.unitCount, 1)}`;
  const overdue = `COUNTIF(${idx('warning')},"逾期")`;
  const title = (row: number, label: string) => ({ address: `A${row}`, cell: text(label), bold: true });
  const unitRange = (letter: string) => `${letter}${a.unitsRow + 1}:${letter}${a.unitsRow + Math.max(a.unitCount, 1)}`;
  return {
    key: SHEET.summary.key,
    name: SHEET.summary.name,
    columns: SUMMARY_WIDTHS.map((width) => ({ header: '', width, role: 'generated' as const })),
    rowHeights: sectionRowHeights(layout, a.sectionsRow),
    rows: [],
    extraCells: [
      ...summaryParameters(year, asOf, warnDays, loop),
      { address: 'A4', cell: text(RATE_DEFINITIONS) },
      title(a.overallRow - 1, '总体情况（按任务计，任务状态取牵头单位台账）'),
      title(a.unitsRow - 1, '分单位（按该单位台账行计）'),
      title(a.sectionsRow - 1, '分板块'),
      ...(a.sourceCount > 0 ? [title(a.sourcesRow - 1, '分事项来源（按任务计）')] : []),
      title(a.overdueRow - 1, '逾期清单（按台账行）'),
      // The list has the rows it needed when it was laid out; more later (=TODAY() moves on) are counted and named here.
      { address: `C${a.overdueRow - 1}`, cell: formula(`"共 "&${overdue}&" 条"&IF(${overdue}>${a.overdueCount},"，下列 ${a.overdueCount} 条之外的请点“刷新汇总”（或 duban summary --write）后查看","")`) },
      title(a.loopRow - 1, '督办闭环（本期报送、延期、审核、序时进度）'),
      title(a.unitLoopRow - 1, '分单位报送与审核（本期）'),
      title(a.todoRow - 1, '待办：延期申请待批复、办结待审核'),
      { address: `C${a.todoRow - 1}`, cell: formula(`"共 "&(${todo})&" 条"&IF(${todo}>${a.todoCount},"，下列 ${a.todoCount} 条之外的请点“刷新汇总”（或 duban summary --write）后查看","")`) },
      ...legend(),
      ...(trend ? [title(trend.row - 1, '趋势（调度记录，全部任务）')] : []),
    ],
    blocks: [overallBlock(), unitsBlock(layout, a.unitsRow), sectionsBlock(layout, a.sectionsRow), ...(a.sourceCount > 0 ? [sourcesBlock(layout.sources, a.sourcesRow)] : []), overdueBlock(a.overdueCount, a.overdueRow), loopBlock(a), unitLoopBlock(layout, a), todoBlock(a), ...(trend ? [trend.block] : [])],
    freeze: { rows: 0, columns: 0 },
    validations: [
      { range: LOOP_SETTING_ADDRESSES.cycle, type: 'list', values: [...REPORT_CYCLES], prompt: '各单位多久报送一次', error: `报送周期只能是：${REPORT_CYCLES.join('、')}` },
      { range: LOOP_SETTING_ADDRESSES.reviewRequired, type: 'list', values: ['是', '否'], prompt: '是：已完成须经审核通过才算完成', error: '只能填“是”或“否”' },
    ],
    conditionalFormats:
      a.unitCount > 0
        ? [
            { range: unitLoopRange, type: 'expression', formula: `B${a.unitLoopRow + 1}="未报送"`, fill: WARN_COLOURS['逾期'].fill, fontColor: WARN_COLOURS['逾期'].font },
            { range: unitLoopRange, type: 'expression', formula: `B${a.unitLoopRow + 1}="迟报"`, fill: WARN_COLOURS['临期'].fill, fontColor: WARN_COLOURS['临期'].font },
            { range: unitRange('N'), type: 'dataBar', color: '#2E7D32' },
            { range: unitRange('L'), type: 'expression', formula: `L${a.unitsRow + 1}>0`, fill: '#F8D7DA', fontColor: '#842029' },
          ]
        : [],
    protect: false,
    print: printSetup('督办汇总', asOf, PAGE.summary),
    charts:
      a.unitCount > 0
        ? [
            { type: 'bar', title: '各单位完成率', categories: unitRange('A'), values: unitRange('N'), anchor: `A${chartsRow}` },
            { type: 'pie', title: '任务状态', categories: 'B6:F6', values: 'B7:F7', anchor: `K${chartsRow}` },
            // Under the status chart, beside the bar chart (30 rows tall; the pie takes 16).
            ...(trend ? [{ ...trend.chart, anchor: `K${chartsRow + 17}` }] : []),
          ]
        : [],
  };
}

