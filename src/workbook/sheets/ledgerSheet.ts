import { LEDGER_COLUMNS, OUTPUT_FORMS, STATUS_VALUES, type LedgerColumnKey } from '../../domain/ledger/columns';
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
 * 预警 of a ledger row (DESIGN §9), as a classic formula. Row `r` is 1-based.
 * 已完成: 逾期完成 when 完成日期 > 截止日期, else 按时完成; otherwise 逾期 when 统计日期 > 截止日期,
 * 临期 when 0 ≤ 截止日期 − 统计日期 ≤ 预警天数, else 正常 (also when there is no due date).
 */
export function warningFormula(r: number, due = `${col('due')}${r}`, status = `${col('status')}${r}`, done = `${col('doneDate')}${r}`): string {
  return (
    `IF(${status}="已完成",IF(AND(ISNUMBER(${done}),ISNUMBER(${due}),${done}>${due}),"逾期完成","按时完成"),` +
    `IF(NOT(ISNUMBER(${due})),"正常",IF(${NAME.asOf}>${due},"逾期",IF(${due}-${NAME.asOf}<=${NAME.warnDays},"临期","正常"))))`
  );
}

export function ledgerColumns(): ColumnPlan[] {
  return LEDGER_COLUMNS.map((c) => ({
    header: c.header,
    width: c.width,
    role: c.role,
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


export function ledgerSheet(ledger: Ledger, index: number): SheetPlan {
  const n = ledger.rows.length;
  const last = n + 1;
  const colRange = (key: LedgerColumnKey): string => `${col(key)}2:${col(key)}${last}`;
  const validations: ValidationPlan[] = [
    { range: colRange('status'), type: 'list', values: [...STATUS_VALUES], prompt: '从列表选择：未启动、推进中、已完成、受阻', error: '状态只能是：未启动、推进中、已完成、受阻' },
    { range: colRange('outputForm'), type: 'list', values: [...OUTPUT_FORMS], prompt: '从列表选择成果形式', error: `成果形式只能是：${OUTPUT_FORMS.join('、')}` },
    ...(['plannedDate', 'doneDate', 'updated'] as const).map(
      (key): ValidationPlan => ({ range: colRange(key), type: 'date', min: '2000-01-01', max: '2099-12-31', prompt: '请输入日期，如 2020-12-31', error: '这里需要一个日期（例如 2020-12-31），不能是文字' }),
    ),
  ];
  const warn = `${col('warning')}2`;
  const extras = ledger.extraColumns ?? [];
  return {
    key: ledgerKey(ledger.unit),
    name: ledger.sheetName,
    columns: [...ledgerColumns(), ...extras.map(extraColumn)],
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
