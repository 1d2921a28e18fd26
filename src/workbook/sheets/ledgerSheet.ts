import { EXTENSION_REPLIES, LEDGER_COLUMNS, OUTPUT_FORMS, REVIEW_RESULTS, STATUS_VALUES, type LedgerColumnKey } from '../../domain/ledger/columns';
import { PAGE, ledgerHeaderLeft, withLegend } from '../pages';
import type { Ledger, LedgerRow } from '../../domain/ledger/ledgers';
import { columnLetter, rangeAddress } from '../../domain/grid/a1';
import { NAME, ledgerKey } from '../../domain/grid/names';
import { DATE_FORMAT, TEXT_FORMAT, date, formula, text, type Cell, type ColumnPlan, type ConditionalFormatPlan, type SheetPlan, type ValidationPlan } from '../plan';
import { fillCell } from './fillCell';
import { printSetup } from '../print';
import { FILL_COLUMN_SHADE, WARN_COLOURS, type ColouredWarning } from '../colours';

const col = (key: LedgerColumnKey): string => columnLetter(LEDGER_COLUMNS.findIndex((c) => c.key === key));

/**
 * The due date a row's 预警 uses (DESIGN §12): 批准时限 when 延期批复 is 同意 (申请延期至 when 批准时限 is
 * blank), else 截止日期; "" when none is a date. `cell(key)` gives a column's cell in the row, or
 * null for a column the sheet lacks (a ledger from before the loop): then 截止日期 alone.
 */
export function effectiveDueFormula(cell: (key: LedgerColumnKey) => string | null): string {
  const [due, reply, granted, asked] = [cell('due'), cell('extensionReply'), cell('extensionGranted'), cell('extensionAsked')];
  const plain = due === null ? '""' : `IF(ISNUMBER(${due}),${due},"")`;
  if (reply === null) return plain;
  const grantedOr = (rest: string): string => (granted === null ? rest : `IF(ISNUMBER(${granted}),${granted},${rest})`);
  const askedOr = (rest: string): string => (asked === null ? rest : `IF(ISNUMBER(${asked}),${asked},${rest})`);
  return `IF(${reply}="同意",${grantedOr(askedOr(plain))},${plain})`;
}

/**
 * 预警 of a ledger row (DESIGN §9, §12), as a classic formula. Row \`r\` is 1-based.
 * 退回 (审核结果): 退回重办; 已完成 awaiting review (Duban_ReviewRequired 是, no 通过): 待审核; else
 * 已完成: 逾期完成 when 完成日期 > the effective due date, else 按时完成; otherwise 逾期 when 统计日期 is
 * past it, 临期 when 0 ≤ due − 统计日期 ≤ 预警天数, else 正常 (also without a due date).
 */
export function warningFormula(r: number): string {
  const at = (key: LedgerColumnKey): string => `${col(key)}${r}`;
  const [status, done, review] = [at('status'), at('doneDate'), at('review')];
  const d = effectiveDueFormula(at);
  return (
    `IF(${review}="退回","退回重办",IF(AND(${status}="已完成",${NAME.reviewRequired}="是",${review}<>"通过"),"待审核",` +
    `IF(${status}="已完成",IF(AND(ISNUMBER(${done}),ISNUMBER(${d}),${done}>${d}),"逾期完成","按时完成"),` +
    `IF(NOT(ISNUMBER(${d})),"正常",IF(${NAME.asOf}>${d},"逾期",IF(${d}-${NAME.asOf}<=${NAME.warnDays},"临期","正常"))))))`
  );
}

/**
 * The ledger's columns. The office's columns (延期批复…销号日期) are unlocked in the master and
 * locked in a unit's file (\`forUnit\`): a unit asks, the office answers.
 */
export function ledgerColumns(forUnit = false): ColumnPlan[] {
  return LEDGER_COLUMNS.map((c) => ({
    header: c.header,
    width: c.width,
    role: c.role === 'office' ? (forUnit ? 'generated' : 'fill') : c.role,
    // Never `@` on a formula column: Excel stores a formula typed into a text cell as text.
    numberFormat: c.kind === 'date' ? DATE_FORMAT : c.role !== 'formula' && (c.key === 'taskId' || c.kind === 'text') ? TEXT_FORMAT : 'General',
    wrap: c.kind === 'long',
    ...(c.role === 'fill' ? { shade: FILL_COLUMN_SHADE } : {}),
  }));
}

/** Columns a unit added (联系电话…), right of the ledger's own: filled by the unit, so unlocked. */
const extraColumn = (header: string): ColumnPlan => ({ header, width: 14, role: 'fill', wrap: true });

function rowCells(row: LedgerRow, r: number, extras: readonly string[]): Cell[] {
  const own = LEDGER_COLUMNS.map((c): Cell => {
    switch (c.key) {
      case 'taskId':
        return text(row.taskId);
      case 'section':
        return text(row.section);
      case 'text':
        return text(row.text);
      case 'role':
        return text(row.roleLabel);
      case 'leads':
        return text(row.leads);
      case 'deadlineText':
        return text(row.deadlineText);
      case 'due':
        return date(row.due);
      case 'warning':
        return formula(warningFormula(r));
      default:
        return fillCell(row.fills[c.key] ?? null);
    }
  });
  return extras.length === 0 ? own : [...own, ...extras.map((h) => fillCell(row.extras?.[h] ?? null))];
}

const COLOURED: ColouredWarning[] = ['逾期', '临期', '逾期完成'];

function warnColours(n: number, warn: string): ConditionalFormatPlan[] {
  const generated = rangeAddress(1, 0, n, LEDGER_COLUMNS.findIndex((c) => c.role === 'fill'));
  const warning = `${col('warning')}2:${col('warning')}${n + 1}`;
  return COLOURED.flatMap((w) =>
    [generated, warning].map((range): ConditionalFormatPlan => ({ range, type: 'expression', formula: `$${warn}="${w}"`, fill: WARN_COLOURS[w].fill, fontColor: WARN_COLOURS[w].font })),
  );
}


export function ledgerSheet(ledger: Ledger, index: number, forUnit = false): SheetPlan {
  const n = ledger.rows.length;
  const last = n + 1;
  const colRange = (key: LedgerColumnKey): string => `${col(key)}2:${col(key)}${last}`;
  const validations: ValidationPlan[] = [
    { range: colRange('status'), type: 'list', values: [...STATUS_VALUES], prompt: '从列表选择：未启动、推进中、已完成、受阻', error: '状态只能是：未启动、推进中、已完成、受阻' },
    { range: colRange('outputForm'), type: 'list', values: [...OUTPUT_FORMS], prompt: '从列表选择成果形式', error: `成果形式只能是：${OUTPUT_FORMS.join('、')}` },
    { range: colRange('extensionReply'), type: 'list', values: [...EXTENSION_REPLIES], prompt: '督查室填写：同意或不同意', error: '延期批复只能是：同意、不同意' },
    { range: colRange('review'), type: 'list', values: [...REVIEW_RESULTS], prompt: '督查室填写：通过或退回', error: '审核结果只能是：通过、退回' },
    ...(['plannedDate', 'doneDate', 'updated', 'extensionAsked', 'extensionGranted', 'closedDate'] as const).map(
      (key): ValidationPlan => ({ range: colRange(key), type: 'date', min: '2000-01-01', max: '2099-12-31', prompt: '请输入日期，如 2020-12-31', error: '这里需要一个日期（例如 2020-12-31），不能是文字' }),
    ),
  ];
  const warn = `${col('warning')}2`;
  const extras = ledger.extraColumns ?? [];
  return {
    key: ledgerKey(ledger.unit),
    name: ledger.sheetName,
    columns: [...ledgerColumns(forUnit), ...extras.map(extraColumn)],
    rows: ledger.rows.map((row, i) => rowCells(row, i + 2, extras)),
    freeze: { rows: 1, columns: 1 },
    table: { name: `Duban_Ledger_${index + 1}`, style: 'TableStyleLight9' },
    validations: n > 0 ? validations : [],
    // The warning colours the generated columns and 预警, never the fill columns: their shade
    // shows where to type, whatever the row's state.
    conditionalFormats: n > 0 ? warnColours(n, warn) : [],
    protect: true,
    print: withLegend(printSetup(ledgerHeaderLeft(ledger.unit), null, PAGE.ledger)),
  };
}
