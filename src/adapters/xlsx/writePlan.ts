import ExcelJS from 'exceljs';
import type { BlockPlan, Cell, ConditionalFormatPlan, PrintPlan, SheetPlan, ValidationPlan, WorkbookPlan } from '../../workbook/plan';
import { DATE_FORMAT, PRINT_FOOTER, PROTECTION_ALLOWS, SPARE_COLUMNS, spareColumnsOf } from '../../workbook/plan';
import { absoluteAddress, columnLetter, parseAddress, sheetRef } from '../../domain/grid/a1';
import { excelSerial, type DateSystem } from '../../domain/time/isoDate';
import { assertWritable } from '../../workbook/planValues';
import { dateForSerial1900Writer, workbookDateSystem } from './dateSerials';
import { rememberCharts } from './charts';

/** exceljs wants ARGB; the plan speaks `#RRGGBB`. */
const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

const HEADER_FILL = '#DDEBF7';
const EXCELJS_DEFAULT_WIDTH = 9;
/** Excel's paper size code for A4. */
const A4 = 9;
/** exceljs orders sheets by this field; its typings leave it out. */
type Ordered = ExcelJS.Worksheet & { orderNo: number };

/**
 * Apply a plan to an exceljs workbook. Sheets the plan names are replaced; any other sheet the
 * user added stays as it was. The only code besides the reader that touches exceljs. Dates are
 * written as serials of the workbook's own date system, which stays what it was; a plan with a
 * cell no file can hold (NaN, a date past 9999) is refused before anything changes.
 */
export function applyPlanToWorkbook(wb: ExcelJS.Workbook, plan: WorkbookPlan): void {
  const system = workbookDateSystem(wb);
  assertWritable(plan, system);
  // A regenerated sheet takes the place of the one it replaces, so the user's tab order stays.
  for (const name of plan.removeSheets ?? []) {
    const ws = wb.getWorksheet(name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  const positions = new Map<string, number>();
  for (const sheet of plan.sheets) {
    const existing = wb.getWorksheet(sheet.name);
    if (!existing) continue;
    positions.set(sheet.name, (existing as Ordered).orderNo);
    wb.removeWorksheet(existing.id);
  }
  for (const sheet of plan.sheets) {
    const ws = writeSheet(wb, sheet, system);
    const at = positions.get(sheet.name);
    if (at !== undefined) (ws as Ordered).orderNo = at;
  }
  for (const edit of plan.cellEdits ?? []) {
    const ws = wb.getWorksheet(edit.sheet);
    if (!ws) throw new Error(`cell edit ${edit.sheet}!${edit.address}: the workbook has no such sheet`);
    // The cell keeps its style (unlocked, its number format); only its value changes.
    const cell = ws.getCell(edit.address);
    setCell(cell, edit.cell, system);
    // A fresh style object: exceljs cells may share one, and only this cell's format changes. (exceljs,
    // not Office.js: the office-addins rules mistake this cell for an Excel proxy.)
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    if (edit.numberFormat !== undefined && cell.numFmt !== edit.numberFormat) cell.style = { ...cell.style, numFmt: edit.numberFormat };
  }
  for (const n of plan.names) {
    const sheet = plan.sheets.find((s) => s.key === n.sheetKey);
    if (!sheet) throw new Error(`defined name ${n.name} points at a sheet the plan does not have: ${n.sheetKey}`);
    // A name is redefined, never added to: exceljs keeps every cell a name was ever given, and
    // its remove() takes one cell, so an earlier range (a shorter index) is dropped whole here.
    delete (wb.definedNames as unknown as { matrixMap: Record<string, unknown> }).matrixMap[n.name];
    wb.definedNames.add(`${sheetRef(sheet.name)}!${absoluteAddress(n.address)}`, n.name);
  }
}

function writeSheet(wb: ExcelJS.Workbook, plan: SheetPlan, system: DateSystem): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(plan.name, {
    views: plan.freeze.rows + plan.freeze.columns > 0 ? [{ state: 'frozen', xSplit: plan.freeze.columns, ySplit: plan.freeze.rows }] : [],
    ...(plan.tabColor ? { properties: { tabColor: { argb: argb(plan.tabColor) } } } : {}),
  });
  const hasHeader = plan.columns.some((c) => c.header !== '');
  plan.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    // exceljs treats a width of exactly 9 as its default and leaves it out of the file.
    column.width = c.width === EXCELJS_DEFAULT_WIDTH ? c.width + 0.01 : c.width;
  });
  if (hasHeader) {
    const header = ws.getRow(1);
    plan.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(HEADER_FILL) } };
      cell.alignment = { vertical: 'middle', wrapText: true };
    });
  }
  // One style object per column, shared by its cells: exceljs then builds one style, not one per cell.
  const styles = plan.columns.map((c): Partial<ExcelJS.Style> => ({
    ...(c.numberFormat && c.numberFormat !== 'General' ? { numFmt: c.numberFormat } : {}),
    alignment: c.wrap ? { vertical: 'top', wrapText: true } : { vertical: 'top' },
    ...(plan.protect && c.role === 'fill' ? { protection: { locked: false } } : {}),
    ...(c.shade ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(c.shade) } } } : {}),
  }));
  plan.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 2);
    plan.columns.forEach((_, i) => {
      const cell = row.getCell(i + 1);
      cell.style = styles[i] as Partial<ExcelJS.Style>;
      setCell(cell, cells[i] ?? null, system);
    });
  });
  for (const extra of plan.extraCells ?? []) {
    const cell = ws.getCell(extra.address);
    cell.style = {
      ...(extra.numberFormat ? { numFmt: extra.numberFormat } : {}),
      ...(extra.fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(extra.fill) } } } : {}),
      ...(extra.fontColor || extra.bold ? { font: { ...(extra.bold ? { bold: true } : {}), ...(extra.fontColor ? { color: { argb: argb(extra.fontColor) } } : {}) } } : {}),
      ...(plan.protect ? { protection: { locked: true } } : {}),
    };
    setCell(cell, extra.cell, system);
  }
  for (const block of plan.blocks ?? []) writeBlock(ws, block, plan.protect, system);
  (plan.rowHeights ?? []).forEach((h, i) => {
    ws.getRow(i + 1).height = h;
  });
  if (plan.print) applyPrint(ws, plan.print);
  if (plan.hidden) ws.state = 'hidden';
  if (plan.table && plan.rows.length > 0) {
    // A filterable range over the header and rows; Excel tables are added by the Office.js adapter
    // (exceljs rewrites table cells itself and drops the formats we set).
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: plan.rows.length + 1, column: plan.columns.length } };
  }
  for (const v of plan.validations) addValidation(ws, v, system);
  for (const cf of plan.conditionalFormats) addConditionalFormat(ws, cf);
  if (plan.protect) {
    // No password: a unit must be able to unprotect; protection prevents accidents, not intent.
    void ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, ...PROTECTION_ALLOWS });
    for (const i of spareColumnsOf(plan)) {
      const column = ws.getColumn(i + 1);
      column.width = SPARE_COLUMNS.width;
      column.protection = { locked: false };
    }
  }
  // exceljs cannot write charts: they are added to the package when it is saved (charts.ts).
  rememberCharts(wb, plan.name, plan.charts ?? []);
  return ws;
}

/**
 * Page setup. Fit to one page wide only works with the fit-to-page switch (`<pageSetUpPr
 * fitToPage="1"/>`, exceljs `fitToPage`); `fitToHeight: 0` is "as many pages down as needed".
 * Print titles become the sheet's `_xlnm.Print_Titles` name.
 */
export function applyPrint(ws: ExcelJS.Worksheet, print: PrintPlan): void {
  const fit = print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, scale: 100 };
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4,
    orientation: print.orientation,
    ...fit,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
    ...(print.titleRows ? { printTitlesRow: `${print.titleRows[0]}:${print.titleRows[1]}` } : {}),
    ...(print.titleColumns ? { printTitlesColumn: `${columnLetter(print.titleColumns[0])}:${columnLetter(print.titleColumns[1])}` } : {}),
  };
  ws.headerFooter = { ...ws.headerFooter, oddHeader: `&L${print.header.left}${print.header.center ? `&C${print.header.center}` : ''}&R${print.header.right}`, oddFooter: `&C${PRINT_FOOTER}` };
  for (const r of print.rowBreaks ?? []) {
    // exceljs puts the break after the row it is called on.
    if (r > 1) ws.getRow(r - 1).addPageBreak();
  }
}

function writeBlock(ws: ExcelJS.Worksheet, block: BlockPlan, protect: boolean, system: DateSystem): void {
  const { row: r0, col: c0 } = parseAddress(block.at);
  const styles = (block.numberFormats ?? []).map((f): Partial<ExcelJS.Style> => (f ? { numFmt: f } : {}));
  const bold: Partial<ExcelJS.Style> = { font: { bold: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(HEADER_FILL) } } };
  block.cells.forEach((cells, i) => {
    const row = ws.getRow(r0 + i + 1);
    cells.forEach((value, j) => {
      const cell = row.getCell(c0 + j + 1);
      const wrap: Partial<ExcelJS.Style> = block.wrapColumns?.includes(j) ? { alignment: { wrapText: true } } : {};
      cell.style = block.boldFirstRow && i === 0 ? bold : { ...(styles[j] ?? {}), ...wrap, ...(protect ? { protection: { locked: true } } : {}) };
      setCell(cell, value, system);
    });
  });
}

/** A number, never a Date: exceljs would convert a Date with the flag too, but a serial says exactly what is written. */
function setCell(cell: ExcelJS.Cell, value: Cell, system: DateSystem): void {
  if (value === null) {
    cell.value = null;
    return;
  }
  switch (value.t) {
    case 'text':
      // A string value is written as a shared string: `=HYPERLINK(…)` typed in a notice stays text.
      cell.value = value.v;
      break;
    case 'number':
      cell.value = value.v;
      break;
    case 'date':
      cell.value = excelSerial(value.v, system);
      // Styles are shared per column: replace, never mutate, when a date lands in another column.
      if (cell.numFmt !== DATE_FORMAT) cell.style = { ...cell.style, numFmt: DATE_FORMAT };
      break;
    case 'formula':
      cell.value = { formula: value.f } as ExcelJS.CellFormulaValue;
      break;
  }
}

function addValidation(ws: ExcelJS.Worksheet, v: ValidationPlan, system: DateSystem): void {
  const common = { allowBlank: true, showErrorMessage: true, showInputMessage: true, errorStyle: 'stop', errorTitle: '输入有误', error: v.error, promptTitle: '填写说明', prompt: v.prompt };
  const rule: ExcelJS.DataValidation =
    v.type === 'list'
      ? { ...common, type: 'list', formulae: [`"${v.values.join(',')}"`] }
      : // exceljs writes these dates in the 1900 system even in a 1904 workbook: give it the Date of the serial we mean.
        { ...common, type: 'date', operator: 'between', formulae: [dateForSerial1900Writer(excelSerial(v.min, system)), dateForSerial1900Writer(excelSerial(v.max, system))] };
  (ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(v.range, rule);
}

function addConditionalFormat(ws: ExcelJS.Worksheet, cf: ConditionalFormatPlan): void {
  if (cf.type === 'expression') {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: [cf.formula],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.fill) } }, ...(cf.fontColor ? { font: { color: { argb: argb(cf.fontColor) } } } : {}) },
        },
      ],
    });
  } else if (cf.type === 'dataBar') {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [{ type: 'dataBar', priority: 1, cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 1 }], color: { argb: argb(cf.color) }, gradient: true } as unknown as ExcelJS.ConditionalFormattingRule],
    });
  } else {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: 'iconSet',
          priority: 1,
          iconSet: '3TrafficLights1',
          showValue: false,
          cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: cf.thresholds[0] }, { type: 'num', value: cf.thresholds[1] }],
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }
}
