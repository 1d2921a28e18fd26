import type { SummaryInput, SummaryReport } from '../summary/summarize';
import { toChineseNumber } from '../notice/patterns';
import type { BehindPace, Circular, CircularBlock, CircularTable, Reporting } from './circular';
import { rateParts, type RateParts } from './fractions';
import { chineseDate, listNames, monthOf, percent, rateText, shorten } from './wording';

export type CircularSource = {
  /** The summary engine's report: every figure of the circular comes from it. */
  report: SummaryReport;
  /** What the report was computed from (due dates, targets, rows), for the rates' fractions. */
  input: SummaryInput;
  /** 任务内容 by 任务编号. */
  texts: ReadonlyMap<string, string>;
  /** The notice's short title (`2020年政府工作报告`), or null: the title then names no notice. */
  subject: string | null;
  /** @default '各责任单位：' */
  addressees?: string;
  /** 本期 as the supervision loop records it; without it, units whose every row is 未填报 are named. */
  reporting?: Reporting | null;
  /** Targets 慢于序时 from the loop; without it the circular has no pace section (never an invented one). */
  behindPace?: readonly BehindPace[] | null;
};

/** Characters of 任务内容 kept in the attachment's table. */
const TASK_TEXT_CHARS = 40;

/**
 * The 通报 of a workbook on its as-of date (DESIGN §12): title, addressees, the overall figures
 * with fractions, progress by 板块, units with 逾期 tasks named with ids and days, units that
 * have not reported, targets 慢于序时 (when known), a 下一步工作要求 draft for the office to edit,
 * and the attachments (overdue tasks; every unit's figures). Figures are the report's, never
 * recomputed another way; no unit is named for anything the report does not hold.
 * @example buildCircular({ report, input, texts, subject: '2020年政府工作报告' }).title
 * //=> '关于2020年政府工作报告重点任务推进情况的通报（2020年12月）'
 */
export function buildCircular(src: CircularSource): Circular {
  const { report } = src;
  const parts = rateParts(report, src.input);
  const period = src.reporting?.period ?? monthOf(report.asOf);
  const asOf = chineseDate(report.asOf);
  const body: CircularBlock[] = [
    { kind: 'paragraph', text: src.subject ? `现将${src.subject}确定的重点任务截至${asOf}的推进情况通报如下。` : `现将截至${asOf}的重点任务推进情况通报如下。` },
    ...overallSection(report, parts, asOf),
    ...sectionsSection(report),
    ...overdueSection(report, asOf),
    ...reportingSection(report, src.reporting ?? null, asOf),
    ...paceSection(src.behindPace ?? null),
    ...nextSteps(),
  ];
  const numbered = numberHeadings(body);
  const attachments = [overdueTable(report, src.texts), unitsTable(report)];
  const tail = `重点任务推进情况的通报（${period}）`;
  return {
    title: `关于${src.subject ?? ''}${tail}`,
    titleLines: src.subject ? [`关于${src.subject}`, tail] : [`关于${tail}`],
    period,
    asOf: report.asOf,
    addressees: src.addressees ?? '各责任单位：',
    body: numbered,
    attachmentList: attachments.map((a) => a.title),
    signature: { issuer: '【发文机关署名】', date: asOf },
    attachments,
    figures: report.overall,
  };
}

function overallSection(report: SummaryReport, p: RateParts, asOf: string): CircularBlock[] {
  const o = report.overall;
  const status = `已完成${o.done}项，完成率${rateText(o.completionRate, o.done, o.tasks)}；推进中${o.inProgress}项，未启动${o.notStarted}项，受阻${o.blocked}项，未填报${o.unreported}项。`;
  const due =
    p.tasksDue === 0
      ? `截至${asOf}尚无到期任务，按时完成率和逾期率暂不计算。`
      : `截止日期已到的${p.tasksDue}项任务中，按时完成${p.onTimeDue}项，按时完成率${rateText(o.onTimeRate, p.onTimeDue, p.tasksDue)}；逾期未完成${o.overdue}项，逾期率${rateText(o.overdueRate, o.overdue, p.tasksDue)}。`;
  const extra = [`已完成的任务中，按时完成${o.onTime}项，逾期完成${o.late}项；另有${o.dueSoon}项任务将在${report.warnDays}天内到期（临期）。`];
  extra.push(`各单位台账共${p.rows}行，填报完整${p.completeRows}行，填报率${rateText(o.fillRate, p.completeRows, p.rows)}。`);
  if (p.filledTargets > 0) extra.push(`已填报完成值的量化指标${p.filledTargets}项，达标${p.metTargets}项，达标率${rateText(o.targetRate, p.metTargets, p.filledTargets)}。`);
  return [
    { kind: 'heading', text: '总体情况' },
    { kind: 'paragraph', text: `截至${asOf}，纳入督办的重点任务共${o.tasks}项。其中，${status}${due}` },
    { kind: 'paragraph', text: extra.join('') },
  ];
}

function sectionsSection(report: SummaryReport): CircularBlock[] {
  if (report.sections.length === 0) return [];
  const inSections = report.sections.reduce((n, s) => n + s.tasks, 0);
  const rest = report.overall.tasks - inSections;
  return [
    { kind: 'heading', text: '分板块推进情况' },
    ...report.sections.map((s): CircularBlock => ({
      kind: 'paragraph',
      lead: `（${toChineseNumber(s.no)}）${s.title}。`,
      text: `任务${s.tasks}项，已完成${s.done}项，完成率${rateText(s.completionRate, s.done, s.tasks)}，逾期${s.overdue}项。`,
    })),
    ...(rest > 0 ? [{ kind: 'paragraph' as const, text: `另有${rest}项任务未归入板块。` }] : []),
  ];
}

function overdueSection(report: SummaryReport, asOf: string): CircularBlock[] {
  const heading: CircularBlock = { kind: 'heading', text: '逾期任务情况' };
  if (report.overdue.length === 0) return [heading, { kind: 'paragraph', text: `截至${asOf}，各单位台账中没有逾期未完成的任务。` }];
  const byUnit = new Map<string, SummaryReport['overdue']>();
  for (const o of report.overdue) byUnit.set(o.unit, [...(byUnit.get(o.unit) ?? []), o]);
  // Units in ledger order, as 汇总 lists them.
  const order = new Map(report.units.map((u, i) => [u.name, i]));
  const units = [...byUnit].sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
  return [
    heading,
    { kind: 'paragraph', text: `截至${asOf}，${units.length}个单位的台账有逾期未完成的任务，共${report.overdue.length}行（按单位台账计，详见附件1）：` },
    ...units.map(([unit, rows], i): CircularBlock => ({
      kind: 'paragraph',
      lead: `（${toChineseNumber(i + 1)}）${unit}。`,
      text: `逾期${rows.length}项：${byDueDate(rows)
        .map((g) => `${g.tasks.join('、')}（截止${chineseDate(g.due)}，逾期${g.days}天）`)
        .join('；')}。`,
    })),
  ];
}

/**
 * A unit's overdue rows grouped by due date, in the order the dates first appear: a unit with many
 * tasks due on one day reads `1.1、2.1、3.1（截止2020年12月31日，逾期10天）`, not the date thrice.
 */
function byDueDate(rows: SummaryReport['overdue']): Array<{ due: string; days: number; tasks: string[] }> {
  const groups = new Map<string, { due: string; days: number; tasks: string[] }>();
  for (const r of rows) {
    const g = groups.get(r.due);
    if (g) g.tasks.push(r.task);
    else groups.set(r.due, { due: r.due, days: r.days, tasks: [r.task] });
  }
  return [...groups.values()];
}

function reportingSection(report: SummaryReport, reporting: Reporting | null, asOf: string): CircularBlock[] {
  const heading: CircularBlock = { kind: 'heading', text: '报送情况' };
  if (reporting) {
    const lines = [
      reporting.notReported.length === 0 ? `本期（${reporting.period}）各单位均已报送。` : `本期（${reporting.period}）报送截止日为${chineseDate(reporting.due)}，未报送的单位${reporting.notReported.length}个：${listNames(reporting.notReported)}。`,
    ];
    if (reporting.late.length > 0) lines.push(`迟报的单位${reporting.late.length}个：${listNames(reporting.late)}。`);
    return [heading, { kind: 'paragraph', text: lines.join('') }];
  }
  // Without 报送记录 the workbook can only tell which units have filled in nothing at all.
  const silent = report.units.filter((u) => u.rows > 0 && u.unreported === u.rows);
  return [
    heading,
    {
      kind: 'paragraph',
      text: silent.length === 0 ? `截至${asOf}，各单位均已在台账中填报任务进展。` : `截至${asOf}，以下${silent.length}个单位的台账尚未填报任何任务进展（全部为未填报）：${listNames(silent.map((u) => `${u.name}（${u.rows}项）`))}。`,
    },
  ];
}

function paceSection(behind: readonly BehindPace[] | null): CircularBlock[] {
  if (behind === null) return [];
  const heading: CircularBlock = { kind: 'heading', text: '量化指标序时进度' };
  if (behind.length === 0) return [heading, { kind: 'paragraph', text: '已填报的量化指标均未慢于序时进度。' }];
  return [
    heading,
    { kind: 'paragraph', text: `以下${behind.length}项量化指标的完成进度慢于序时进度：` },
    ...behind.map((b, i): CircularBlock => ({
      kind: 'paragraph',
      lead: `（${toChineseNumber(i + 1)}）${b.name}。`,
      text: `任务${b.task}${b.units.length > 0 ? `（${listNames(b.units)}）` : ''}，完成进度${percent(b.progress)}，序时进度${percent(b.pace)}。`,
    })),
  ];
}

/** A draft the office rewrites: it says what belongs here and asserts nothing. */
function nextSteps(): CircularBlock[] {
  return [
    { kind: 'heading', text: '下一步工作要求' },
    { kind: 'paragraph', draft: true, lead: '（一）', text: '【请督查室填写：对逾期任务责任单位的督办要求，例如限期办结、说明原因。】' },
    { kind: 'paragraph', draft: true, lead: '（二）', text: '【请督查室填写：对未报送、填报不完整单位的要求。】' },
    { kind: 'paragraph', draft: true, lead: '（三）', text: '【请督查室填写：下一期报送时间和报送方式。】' },
  ];
}

/** First-level headings are numbered 一、二、… in the order they appear (sections may be left out). */
function numberHeadings(body: CircularBlock[]): CircularBlock[] {
  let n = 0;
  return body.map((b) => (b.kind === 'heading' ? { ...b, text: `${toChineseNumber(++n)}、${b.text}` } : b));
}

function overdueTable(report: SummaryReport, texts: ReadonlyMap<string, string>): CircularTable {
  return {
    title: '逾期任务清单',
    header: ['序号', '任务编号', '任务内容', '责任单位', '截止日期', '逾期天数'],
    widths: [7, 9, 33, 16, 15, 9],
    rows: report.overdue.map((o, i) => [String(i + 1), o.task, shorten(texts.get(o.task) ?? '', TASK_TEXT_CHARS), o.unit, o.due, String(o.days)]),
    ...(report.overdue.length === 0 ? { note: `截至${chineseDate(report.asOf)}没有逾期未完成的任务。` } : {}),
  };
}

function unitsTable(report: SummaryReport): CircularTable {
  return {
    title: '各单位任务推进情况',
    header: ['单位', '台账任务', '已完成', '推进中', '未启动', '受阻', '未填报', '逾期', '临期', '完成率'],
    widths: [22, 8, 7, 7, 7, 6, 7, 6, 6, 10],
    rows: report.units.map((u) => [u.name, String(u.rows), String(u.done), String(u.inProgress), String(u.notStarted), String(u.blocked), String(u.unreported), String(u.overdue), String(u.dueSoon), u.completionRate === null ? '—' : percent(u.completionRate)]),
  };
}
