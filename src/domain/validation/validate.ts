import { cellText, dateSystemOf, type SheetData, type SheetValue, type WorkbookData } from '../grid/sheetData';
import { EXTENSION_REPLIES, LEDGER_COLUMNS, OUTPUT_FORMS, REMOVED_MARK, REVIEW_RESULTS, STATUS_VALUES, locateHeader, type LedgerColumnKey } from '../ledger/columns';
import { ROLE_LABEL } from '../ledger/ledgers';
import { ledgerSheets, readSummaryParameters } from '../summary/readSummary';
import { excelSerial, isDateSerial, type DateSystem } from '../time/isoDate';
import { columnLetter } from '../grid/a1';
import { SEVERITY, type Finding, type FindingCode } from './findings';
import { readMaster, type Master } from './master';
import { meantTargetValue } from '../ledger/targetValue';
import { asciiDigits } from '../text/normalise';
import { notADateMessage, parseQuantity, parseTextDate } from './textValues';

/** Columns a ledger must have to be validated (DESIGN §6–§7). */
export const REQUIRED_HEADERS: readonly LedgerColumnKey[] = ['taskId', 'measures', 'person', 'plannedDate', 'outputForm', 'progress', 'status', 'doneDate', 'updated'];
const REQUIRED_FILLED: readonly LedgerColumnKey[] = ['measures', 'person', 'plannedDate', 'outputForm', 'status'];
const STARTED = new Set(['推进中', '已完成', '受阻']);
const MAGNITUDES: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 十万: 1e5, 百万: 1e6, 千万: 1e7, 亿: 1e8 };

const blank = (v: SheetValue | undefined): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

export type ValidationResult = { asOf: string; findings: Finding[]; errors: number; warnings: number };

/**
 * Validate everything units fill in (DESIGN §7): every ledger, found by 单位名录 and the `台账-`
 * prefix, its columns found by header text with aliases, and 量化指标's 完成值 and 更新日期.
 * Reads the workbook as data once; `asOf` is the date 完成日期/更新日期 may not pass.
 */
/** 任务清单 is the office's master (DESIGN §5): a ledger that differs from it may just await 更新分工. */
const AFTER_EDIT = '（如刚修改过任务清单，请先“更新分工”）';

export function validateWorkbook(book: WorkbookData, asOf: string): ValidationResult {
  const master = readMaster(book);
  const findings: Finding[] = [];
  // Serials are compared in the workbook's own date system, the as-of date converted into it.
  const system = dateSystemOf(book);
  const a = excelSerial(asOf, system);
  const asOfProblem = readSummaryParameters(book).asOfProblem;
  if (asOfProblem) findings.push(finding('AS_OF_NOT_A_DATE', '汇总', 'B1', '', '', `${asOfProblem}；本次按 ${asOf} 统计`));
  const ledgers = ledgerSheets(book);
  if (ledgers.length === 0) findings.push(finding('NO_LEDGERS', '', 'A1', '', '', '工作簿中没有台账工作表（台账-单位），没有可校验的填报内容'));
  for (const { sheet, unit } of ledgers) validateLedger(sheet, unit, master, a, system, findings);
  const targets = book.sheets.find((s) => s.name === '量化指标');
  if (targets) validateTargets(targets, a, system, findings);
  return {
    asOf,
    findings,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

function finding(code: FindingCode, sheet: string, cell: string, task: string, unit: string, message: string, fix?: number): Finding {
  return { code, severity: SEVERITY[code], sheet, cell, task, unit, message, ...(fix === undefined ? {} : { fix }) };
}

function validateLedger(sheet: SheetData, unit: string, master: Master | null, asOf: number, system: DateSystem, out: Finding[]): void {
  const { row: headerRow, match } = locateHeader(sheet.rows);
  const header = sheet.rows[headerRow] ?? [];
  const headerCell = (i: number): string => `${columnLetter(i)}${headerRow + 1}`;
  const col = match.columns;
  const add = (code: FindingCode, cell: string, task: string, message: string, fix?: number) => out.push(finding(code, sheet.name, cell, task, unit, message, fix));

  for (const d of match.duplicates) {
    for (const i of d.indexes.slice(1)) add('HEADER_DUPLICATE', headerCell(i), '', `“${d.header}”列出现了 ${d.indexes.length} 次（第 ${d.indexes.map((x) => columnLetter(x)).join('、')} 列），请删除多余的一列`);
  }
  for (const key of REQUIRED_HEADERS) {
    if (col[key] === undefined) add('HEADER_MISSING', headerCell(0), '', `缺少“${LABEL[key]}”列`);
  }
  // In ledger order, 具体措施 first: an unreported row points at the first cell the unit has to fill.
  const fill = LEDGER_COLUMNS.filter((c) => c.role === 'fill' && col[c.key] !== undefined).map((c) => col[c.key] as number);
  const fillColumns = new Set(fill);
  for (const range of sheet.merges ?? []) {
    const [first] = range.split(':') as [string];
    const c = /^[A-Z]+/.exec(first)?.[0] ?? 'A';
    if ([...fillColumns].some((i) => columnLetter(i) === c)) add('MERGED_CELLS', first, '', `填报区域有合并单元格 ${range}：合并后只有左上角的值，其余行会被当作空白，请取消合并`);
  }
  for (const i of sheet.hiddenColumns ?? []) {
    if (fillColumns.has(i)) add('HIDDEN_COLUMN', headerCell(i), '', `“${cellText(header[i])}”列被隐藏，隐藏列中的内容照样参与校验`);
  }
  if (master && !master.units.has(unit)) add('UNKNOWN_UNIT', 'A1', '', `单位“${unit}”不在单位名录和任务分工中，请核对工作表名或单位名录`);
  if (col.taskId === undefined) return;

  const ctx: RowContext = { sheet: sheet.name, unit, col, fill, master, asOf, system, out, seen: new Map() };
  for (let r = headerRow + 1; r < sheet.rows.length; r++) checkRow(ctx, sheet.rows[r] as SheetValue[], r);
}

type RowContext = {
  sheet: string;
  unit: string;
  col: Partial<Record<LedgerColumnKey, number>>;
  /** Indexes of the fill columns present, in ledger order (具体措施 first). */
  fill: number[];
  master: Master | null;
  asOf: number;
  system: DateSystem;
  out: Finding[];
  /** Rows of each task seen so far: 1-based row and the fill values as one key. */
  seen: Map<string, Array<{ row: number; fills: string }>>;
};

/** Locked cells compared with 任务清单 (本单位职责 with the unit's role there). */
const LOCKED_KEYS = ['role', 'leads', 'text', 'deadlineText'] as const;
const LIST_KEYS = [
  ['status', STATUS_VALUES],
  ['outputForm', OUTPUT_FORMS],
  ['extensionReply', EXTENSION_REPLIES],
  ['review', REVIEW_RESULTS],
] as const;

/** 具体措施, 责任人… by key, looked up once. */
const LABEL = Object.fromEntries(LEDGER_COLUMNS.map((c) => [c.key, c.header])) as Record<LedgerColumnKey, string>;

/** One ledger row against every rule. Written as a plain function: it runs 100 000 times on big ledgers. */
function checkRow(ctx: RowContext, row: SheetValue[], r: number): void {
  const { col, master, unit } = ctx;
  const get = (key: LedgerColumnKey): SheetValue => (col[key] === undefined ? null : (row[col[key] as number] ?? null));
  const cell = (key: LedgerColumnKey): string => `${columnLetter(col[key] as number)}${r + 1}`;
  const task = cellText(get('taskId'));
  const add = (code: FindingCode, key: LedgerColumnKey, message: string, fix?: number) => ctx.out.push(finding(code, ctx.sheet, cell(key), task, unit, message, fix));

  if (task.length === 0) {
    if (row.some((v) => !blank(v))) add('UNKNOWN_TASK', 'taskId', `第 ${r + 1} 行填写了内容但没有任务编号`);
    return;
  }
  const roleCell = get('role');
  if (typeof roleCell === 'string' && roleCell.startsWith(REMOVED_MARK)) return; // kept for the record, no longer assigned
  // A unit may add rows for one task (several measures, DESIGN §6): each is checked like any row.
  // Only a row whose fill values repeat an earlier row of the task word for word is a duplicate.
  const earlier = ctx.seen.get(task) ?? [];
  const fills = JSON.stringify(ctx.fill.map((i) => (blank(row[i]) ? null : row[i])));
  const twin = ctx.fill.some((i) => !blank(row[i])) ? earlier.find((e) => e.fills === fills) : undefined;
  if (twin !== undefined) {
    add('DUPLICATE_ROW', 'taskId', `任务 ${task} 的这一行与第 ${twin.row} 行填写的内容完全相同，是否重复填报？`);
    return;
  }
  ctx.seen.set(task, [...earlier, { row: r + 1, fills }]);
  const added = earlier.length > 0;

  const m = master?.tasks.get(task);
  if (master && !m) add('UNKNOWN_TASK', 'taskId', `任务编号 ${task} 不在任务清单中${AFTER_EDIT}`);
  const role = master?.roles.get(`${task}|${unit}`);
  if (m && master?.units.has(unit) && role === undefined) add('NOT_ASSIGNED', 'taskId', `任务 ${task} 没有分工给${unit}${AFTER_EDIT}`);
  // A row that should not be here at all is one finding, not one per differing cell.
  if (m && role !== undefined) {
    for (const key of LOCKED_KEYS) {
      if (col[key] === undefined) continue;
      const expected = key === 'role' ? ROLE_LABEL[role] : m[key];
      const actual = get(key);
      if (actual === expected || cellText(actual) === expected) continue;
      // A row a unit inserted for a second measure may leave the generated cells blank.
      if (added && blank(actual)) continue;
      add('ASSIGNMENT_CHANGED', key, `${LABEL[key]}与任务清单不一致：台账为“${cellText(actual)}”，应为“${expected}”${AFTER_EDIT}`);
    }
    if (col.due !== undefined && get('due') !== m.due && !(added && blank(get('due')))) add('ASSIGNMENT_CHANGED', 'due', `截止日期与任务清单不一致${AFTER_EDIT}`);
  }

  // Nothing filled in at all: one NOT_REPORTED for the row, not one REQUIRED_EMPTY per cell. A row
  // that should not be in this ledger (unknown or not assigned) owes no report: its finding is above.
  if (ctx.fill.length > 0 && ctx.fill.every((i) => blank(row[i]))) {
    const misplaced = master !== null && (!m || (master.units.has(unit) && role === undefined));
    if (!misplaced) ctx.out.push(finding('NOT_REPORTED', ctx.sheet, `${columnLetter(ctx.fill[0] as number)}${r + 1}`, task, unit, `任务 ${task} 未填报`));
    return;
  }
  for (const key of REQUIRED_FILLED) {
    if (col[key] === undefined) continue;
    const v = get(key);
    if (blank(v)) add('REQUIRED_EMPTY', key, `“${LABEL[key]}”未填写${typeof v === 'string' && v.length > 0 ? '（只有空格）' : ''}`);
  }
  for (const [key, values] of LIST_KEYS) {
    const v = get(key);
    if (blank(v) || (values as readonly unknown[]).includes(v)) continue;
    const hint = typeof v === 'string' && (values as readonly string[]).includes(v.trim()) ? '（前后有多余空格）' : '';
    // A status nobody can read is counted apart on 汇总 (状态无法识别), not as 未填报 without a word.
    if (key === 'status') add('STATUS_UNKNOWN', key, `“${LABEL[key]}”无法识别：填写了“${String(v)}”${hint}，只能是：${values.join('、')}；汇总中单独计为“状态无法识别”`);
    else add('NOT_IN_LIST', key, `“${LABEL[key]}”填写了“${String(v)}”${hint}，只能是：${values.join('、')}`);
  }

  const dateOf = (key: LedgerColumnKey): number | null =>
    col[key] === undefined ? null : dateCell(get(key), LABEL[key], ctx.system, (code, message, fix) => add(code, key, message, fix));
  const planned = dateOf('plannedDate');
  const done = dateOf('doneDate');
  const updated = dateOf('updated');
  const due = m?.due ?? (typeof get('due') === 'number' ? (get('due') as number) : null);
  const status = get('status');
  if (planned !== null && due !== null && planned > due) add('PLAN_AFTER_DUE', 'plannedDate', '计划完成时间晚于截止日期');
  if (status === '已完成' && col.doneDate !== undefined && blank(get('doneDate'))) add('DONE_WITHOUT_DATE', 'doneDate', '状态为“已完成”，但没有填写完成日期');
  // The loop (DESIGN §12), only where the ledger has its columns (a ledger from before it has none).
  if (status === '已完成' && col.evidence !== undefined && blank(get('evidence'))) add('NO_EVIDENCE', 'evidence', '状态为“已完成”，请在“佐证材料”中写明文号、文件名或链接，供督查室审核销号');
  const asked = col.extensionAsked === undefined ? null : dateOf('extensionAsked');
  if (asked !== null && due !== null && asked <= due) add('EXTENSION_NOT_LATER', 'extensionAsked', '“申请延期至”不晚于截止日期，不需要延期；请填写截止日期之后的日期或清空');
  if (col.extensionReply !== undefined && !blank(get('extensionReply')) && (col.extensionAsked === undefined || blank(get('extensionAsked')))) {
    add('APPROVAL_WITHOUT_REQUEST', 'extensionReply', '填写了“延期批复”，但本行没有“申请延期至”：请先由单位提出申请，或清空批复');
  }
  if (done !== null && done > ctx.asOf) add('DATE_IN_FUTURE', 'doneDate', `“${LABEL.doneDate}”晚于统计日期`);
  if (updated !== null && updated > ctx.asOf) add('DATE_IN_FUTURE', 'updated', `“${LABEL.updated}”晚于统计日期`);
  if (typeof status === 'string' && STARTED.has(status) && col.progress !== undefined && blank(get('progress'))) {
    add('PROGRESS_EMPTY', 'progress', `状态为“${status}”，请填写进展情况`);
  }
}

/**
 * A date cell: a serial of the workbook's date system is a date; recognisable text is a TEXT_DATE
 * (fixable, to the serial of that system); anything else, a number past 9999-12-31 such as
 * `20231231` included, is NOT_A_DATE.
 */
function dateCell(v: SheetValue, label: string, system: DateSystem, report: (code: FindingCode, message: string, fix?: number) => void): number | null {
  if (blank(v)) return null;
  if (typeof v === 'number') {
    if (isDateSerial(v, system)) return v;
    report('NOT_A_DATE', notADateMessage(label, v));
    return null;
  }
  if (typeof v === 'string') {
    const iso = parseTextDate(v);
    if (iso) {
      const serial = excelSerial(iso, system);
      report('TEXT_DATE', `“${label}”是文字“${v}”而不是日期，可一键改为日期 ${iso}`, serial);
      return serial;
    }
  }
  report('NOT_A_DATE', `“${label}”填写了“${String(v)}”，这里需要一个日期（例如 2020-12-31）`);
  return null;
}

function validateTargets(sheet: SheetData, asOf: number, system: DateSystem, out: Finding[]): void {
  const h = (sheet.rows[0] ?? []).map(cellText);
  const [iTask, iDir, iUnit, iUnitBy, iValue, iUpd] = ['任务编号', '方向', '单位', '填报单位', '完成值', '更新日期'].map((x) => h.indexOf(x)) as [number, number, number, number, number, number];
  if (iValue < 0) return;
  sheet.rows.forEach((row, r) => {
    if (r === 0 || cellText(row[iDir]).startsWith(REMOVED_MARK)) return;
    const task = cellText(row[iTask]);
    const unit = iUnitBy >= 0 ? cellText(row[iUnitBy]) : '';
    const add = (code: FindingCode, col: number, message: string, fix?: number) => out.push(finding(code, sheet.name, `${columnLetter(col)}${r + 1}`, task, unit, message, fix));
    const v = row[iValue];
    if (typeof v === 'string' && !blank(v)) {
      const q = parseQuantity(v);
      const target = targetUnit(iUnit >= 0 ? cellText(row[iUnit]) : '');
      // A bare number (`8.2`, no 万, no unit) is in the target's unit, as the same number typed as a number is.
      const fix = q ? round(q.unit === '' && q.magnitude === 1 ? q.value : (q.value * q.magnitude) / target.magnitude) : NaN;
      const hidden = q ? null : numberInText(v);
      if (hidden !== null) add('VALUE_NOT_NUMBER', iValue, `完成值“${v}”不是数字：其中的数字是 ${hidden}，完成值只能单独填写数字（如 ${hidden}），说明文字请写在台账的进展情况中`);
      else if (!q || !Number.isFinite(fix)) add('VALUE_NOT_NUMBER', iValue, `完成值“${v}”不是数字`);
      else if (q.unit !== '' && q.unit !== target.base) add('UNIT_MISMATCH', iValue, `完成值“${v}”的单位是“${q.unit}”，指标的单位是“${target.display}”`);
      else {
        add('TEXT_NUMBER', iValue, `完成值“${v}”是文字，按指标单位“${target.display}”应填 ${fix}，可一键改为数字`, fix);
      }
    } else if (typeof v === 'number' && Number.isFinite(v) && iUnit >= 0 && meantTargetValue(sheet, r, iValue, row[iUnit]) !== v) {
      const meant = meantTargetValue(sheet, r, iValue, row[iUnit]) as number;
      add('PERCENT_TYPED', iValue, `完成值填写为 ${meant}%，指标单位已是“%”，按 ${meant} 计算；本表的完成进度公式会按 ${v} 计算，请改为数字 ${meant}（不带 %），可一键修正`, meant);
    } else if (typeof v === 'boolean') add('VALUE_NOT_NUMBER', iValue, '完成值不是数字');
    else if (typeof v === 'number' && !Number.isFinite(v)) add('VALUE_NOT_NUMBER', iValue, '完成值无法识别（文件里记录的不是有效数字），请重新填写');
    if (iUpd >= 0) {
      const d = dateCell(row[iUpd] ?? null, '更新日期', system, (code, message, fix) => add(code, iUpd, message, fix));
      if (d !== null && d > asOf) add('DATE_IN_FUTURE', iUpd, '“更新日期”晚于统计日期');
    }
  });
}

/**
 * The first number written inside a text that is more than a quantity, or null.
 * @example numberInText('约7所（已全部立项）') //=> '7'
 */
function numberInText(text: string): string | null {
  return /\d+(?:\.\d+)?/.exec(asciiDigits(text).replace(/,(?=\d{3})/g, ''))?.[0] ?? null;
}

/** `万人` → magnitude 10000, base `人`; `家（至5）` → 1, `家`. */
function targetUnit(display: string): { display: string; magnitude: number; base: string } {
  const clean = display.replace(/（至[^）]*）$/, '');
  const m = /^(十万|百万|千万|万|亿|千|百|十)?(.*)$/.exec(clean) as RegExpExecArray;
  const magnitude = MAGNITUDES[m[1] ?? ''] ?? 1;
  return { display: clean, magnitude: m[2] === '' ? 1 : magnitude, base: m[2] === '' ? clean : (m[2] as string) };
}

const round = (n: number): number => Math.round(n * 1e9) / 1e9;
