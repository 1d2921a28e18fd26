import type { Severity } from '../notice/types';
import { SEVERITY, type Finding, type FindingCode } from './findings';

/** Short Chinese name of each rule, for grouped reports (CLI, task pane, 校验结果). */
export const RULE_LABEL: Record<FindingCode, string> = {
  HEADER_MISSING: '缺少必需列',
  HEADER_DUPLICATE: '列重复',
  REQUIRED_EMPTY: '必填项未填写',
  PROGRESS_EMPTY: '进展情况未填写',
  NOT_IN_LIST: '不在可选值中',
  NOT_A_DATE: '不是日期',
  TEXT_DATE: '文字日期',
  PLAN_AFTER_DUE: '计划晚于截止日期',
  DONE_WITHOUT_DATE: '已完成无完成日期',
  NO_EVIDENCE: '已完成无佐证材料',
  EXTENSION_NOT_LATER: '申请延期不晚于截止日期',
  APPROVAL_WITHOUT_REQUEST: '无申请却有延期批复',
  DATE_IN_FUTURE: '日期晚于统计日期',
  VALUE_NOT_NUMBER: '完成值不是数字',
  UNIT_MISMATCH: '计量单位不一致',
  TEXT_NUMBER: '文字数字',
  PERCENT_TYPED: '百分号数字',
  STATUS_UNKNOWN: '状态无法识别',
  UNKNOWN_TASK: '任务编号不在任务清单',
  UNKNOWN_UNIT: '单位不在名录',
  NOT_ASSIGNED: '任务未分工给本单位',
  DUPLICATE_ROW: '重复行',
  NOT_REPORTED: '未填报',
  ASSIGNMENT_CHANGED: '分工信息被改动',
  MERGED_CELLS: '合并单元格',
  HIDDEN_COLUMN: '隐藏列',
  NO_LEDGERS: '没有台账',
  AS_OF_NOT_A_DATE: '统计日期不是日期',
};

/**
 * One rule in one column of a sheet: `label` names the rule and that column (`必填项未填写：成果形式`),
 * so it is true of every cell listed under it.
 */
export type RuleGroup = { code: FindingCode; severity: Severity; label: string; /** The column's header, or `K 列` when the findings do not name it; null for findings not about a column. */ column: string | null; count: number; findings: Finding[] };
export type UnitGroup = { unit: string; sheet: string; errors: number; warnings: number; rules: RuleGroup[] };
export type NotReported = { unit: string; sheet: string; rows: number; cell: string /* first unreported row's cell */; tasks: string[] };
/**
 * `errors` and `warnings` count the findings in `units` (NOT_REPORTED rows are counted apart, in
 * `notReportedRows`), so a report can say 错误 n 个，警告 n 个，未填报 n 行 without counting a row twice.
 */
export type GroupedFindings = { units: UnitGroup[]; notReported: NotReported[]; errors: number; warnings: number; notReportedRows: number };

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** Rule order for ties: the order of the rule table. */
const CODE_ORDER = new Map(Object.keys(SEVERITY).map((c, i) => [c, i]));
const byName = (a: string, b: string): number => a.localeCompare(b, 'zh-CN');

/**
 * Findings as people act on them: per unit, per rule, with the rows a unit has not filled in at all
 * (NOT_REPORTED) collapsed to one entry per unit. Pure; the findings keep their order inside a rule.
 *
 * `units`: workbook-level findings (unit '') first, then units with more errors, then more
 * warnings, then by name; inside a unit, rules by severity (errors, warnings, info), then count.
 * `notReported`: one entry per unit, most rows first.
 *
 * @example
 * groupFindings(validateWorkbook(book, '2020-12-01').findings)
 * //=> { units: [{ unit: '市财政局', sheet: '台账-市财政局', errors: 2, warnings: 1, rules: [
 * //       { code: 'REQUIRED_EMPTY', severity: 'error', label: '必填项未填写', count: 2, findings: [H5, J5] },
 * //       { code: 'TEXT_DATE', severity: 'warning', label: '文字日期', count: 1, findings: [P7] }] }],
 * //     notReported: [{ unit: '市教委', sheet: '台账-市教委', rows: 11, cell: 'H2', tasks: ['1.1', '2.3', …] }],
 * //     errors: 2, warnings: 1, notReportedRows: 11 }
 */
export function groupFindings(findings: readonly Finding[]): GroupedFindings {
  const units = new Map<string, Finding[]>();
  const unreported = new Map<string, Finding[]>();
  for (const f of findings) {
    const into = f.code === 'NOT_REPORTED' ? unreported : units;
    const list = into.get(f.unit);
    if (list) list.push(f);
    else into.set(f.unit, [f]);
  }

  const unitGroups: UnitGroup[] = [...units].map(([unit, list]) => ({
    unit,
    sheet: (list.find((f) => f.sheet.startsWith('台账-')) ?? (list[0] as Finding)).sheet,
    errors: list.filter((f) => f.severity === 'error').length,
    warnings: list.filter((f) => f.severity === 'warning').length,
    rules: ruleGroups(list),
  }));
  unitGroups.sort((a, b) => Number(b.unit === '') - Number(a.unit === '') || b.errors - a.errors || b.warnings - a.warnings || byName(a.unit, b.unit));

  const notReported: NotReported[] = [...unreported].map(([unit, list]) => ({
    unit,
    sheet: (list[0] as Finding).sheet,
    rows: list.length,
    cell: (list[0] as Finding).cell,
    tasks: list.map((f) => f.task),
  }));
  notReported.sort((a, b) => b.rows - a.rows || byName(a.unit, b.unit));

  return {
    units: unitGroups,
    notReported,
    errors: unitGroups.reduce((n, u) => n + u.errors, 0),
    warnings: unitGroups.reduce((n, u) => n + u.warnings, 0),
    notReportedRows: notReported.reduce((n, u) => n + u.rows, 0),
  };
}

/** Rules about a whole sheet or workbook: one group whatever cell they point at. */
const SHEET_LEVEL: ReadonlySet<FindingCode> = new Set(['HEADER_MISSING', 'HEADER_DUPLICATE', 'NO_LEDGERS', 'AS_OF_NOT_A_DATE', 'MERGED_CELLS', 'DUPLICATE_ROW', 'UNKNOWN_TASK', 'NOT_ASSIGNED']);
/** `“成果形式”未填写` → 成果形式: a message names its column first, in quotes. */
const QUOTED_COLUMN = /^“([^”]+)”/;
const columnLetters = (cell: string): string => /^[A-Z]+/.exec(cell)?.[0] ?? '';

/** The column all findings of a group are in, by the header their messages name, else by its letters. */
function columnName(fs: readonly Finding[]): string {
  const names = new Set(fs.map((f) => QUOTED_COLUMN.exec(f.message)?.[1] ?? ''));
  const [only] = [...names];
  return names.size === 1 && only ? only : `${columnLetters((fs[0] as Finding).cell)} 列`;
}

function ruleGroups(list: readonly Finding[]): RuleGroup[] {
  const byKey = new Map<string, Finding[]>();
  for (const f of list) {
    // A rule's findings in different columns are different groups: the label names one column.
    const key = SHEET_LEVEL.has(f.code) ? f.code : `${f.code} ${f.sheet} ${columnLetters(f.cell)}`;
    const l = byKey.get(key);
    if (l) l.push(f);
    else byKey.set(key, [f]);
  }
  return [...byKey.values()]
    .map((fs) => {
      const { code, severity } = fs[0] as Finding;
      const column = SHEET_LEVEL.has(code) ? null : columnName(fs);
      return { code, severity, label: column === null ? RULE_LABEL[code] : `${RULE_LABEL[code]}：${column}`, column, count: fs.length, findings: fs };
    })
    .sort((a, b) => RANK[a.severity] - RANK[b.severity] || b.count - a.count || (CODE_ORDER.get(a.code) ?? 0) - (CODE_ORDER.get(b.code) ?? 0));
}

/** Only the findings of these units (and workbook-level findings with unit ''), for `--unit` and the pane's filter. */
export function forUnits(findings: readonly Finding[], units: readonly string[]): Finding[] {
  const wanted = new Set(units);
  return findings.filter((f) => f.unit === '' || wanted.has(f.unit));
}
