import ExcelJS from 'exceljs';
import { FORMULA_AWARE_SHEETS, PERCENT_AWARE_SHEETS, isPercentFormat, type CellMark, type SheetData, type SheetValue, type WorkbookData } from '../../domain/grid/sheetData';
import type { DateSystem } from '../../domain/time/isoDate';
import { serialOfDate, workbookDateSystem } from './dateSerials';
import { formattedInParts } from '../../domain/ledger/formatsLost';

/**
 * Turn whatever exceljs holds in a cell into a plain value. exceljs makes Dates of date-formatted
 * cells using the workbook's flag; they become the serials the file holds, in `system`, like the
 * numbers of cells without a date format.
 */
export function plainValue(value: ExcelJS.CellValue, system: DateSystem = 1900): SheetValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return serialOfDate(value, system);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      if (typeof result === 'object' && 'error' in result) return result.error;
      return plainValue(result as ExcelJS.CellValue, system);
    }
    if ('text' in value && 'hyperlink' in value) return String(value.text);
    if ('error' in value) return value.error;
  }
  return String(value);
}

/**
 * A cell's value with its formula's cached result. exceljs' `cell.value` copies a formula's model
 * but drops a falsy result (0, "", FALSE): a count of 0 would read as an empty cell.
 */
export function valueOf(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const v = cell.value;
  if (cell.type !== ExcelJS.ValueType.Formula || v === null || typeof v !== 'object' || 'result' in v) return v;
  const result = (cell as unknown as { result: ExcelJS.CellFormulaValue['result'] }).result;
  return result === undefined ? v : ({ ...v, result } as ExcelJS.CellValue);
}

/** Every sheet's values, with the workbook's date system (serials are in it). */
export function readWorkbookData(wb: ExcelJS.Workbook): WorkbookData {
  const system = workbookDateSystem(wb);
  const sheets: SheetData[] = [];
  wb.eachSheet((ws) => {
    const rows: SheetValue[][] = [];
    const formulaCells: string[] = [];
    const marks: CellMark[] = [];
    const wantFormulas = FORMULA_AWARE_SHEETS.has(ws.name);
    const percentCells: string[] = [];
    const wantPercents = PERCENT_AWARE_SHEETS.has(ws.name);
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const values: SheetValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        values[c - 1] = plainValue(valueOf(cell), system);
        const isFormula = cell.value !== null && typeof cell.value === 'object' && ('formula' in cell.value || 'sharedFormula' in cell.value);
        if (wantFormulas && isFormula) formulaCells.push(cell.address);
        if (wantPercents && typeof cell.value === 'number' && isPercentFormat(cell.numFmt)) percentCells.push(cell.address);
        marks.push(...cellMarks(cell, r - 1, c - 1, isFormula));
      });
      for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
      rows[r - 1] = values;
    });
    for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
    while (rows.length > 0 && (rows[rows.length - 1] as SheetValue[]).every((v) => v === null || v === '')) rows.pop();
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
    const hiddenColumns: number[] = [];
    (ws.columns ?? []).forEach((c, i) => {
      if (c.hidden) hiddenColumns.push(i);
    });
    const conditionalFormats = conditionalRules(ws);
    sheets.push({ name: ws.name, rows, merges, hiddenColumns, ...(wantFormulas ? { formulaCells } : {}), ...(wantPercents ? { percentCells } : {}), marks, ...(conditionalFormats.length > 0 ? { conditionalFormats } : {}) });
  });
  return { sheets, dateSystem: system };
}

/** Each conditional-format rule's range and formula, or its kind where it has none (a data bar, an icon set). */
function conditionalRules(ws: ExcelJS.Worksheet): Array<{ range: string; rule: string }> {
  const all = (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
  return all.flatMap((cf) =>
    cf.rules.map((rule) => {
      const r = rule as { type: string; operator?: string; formulae?: unknown[] };
      const formula = r.type === 'expression' && r.formulae?.length ? String(r.formulae[0]) : null;
      return { range: cf.ref, rule: formula ?? [r.type, r.operator, ...(r.formulae ?? []).map(String)].filter(Boolean).join(' ') };
    }),
  );
}

/** Font properties a person sets on part of a text; LibreOffice's own runs (a font per script) differ in none of them. */
const EMPHASIS = ['bold', 'italic', 'underline', 'strike', 'color'] as const;

/** Rich text whose runs differ in emphasis (a bold word, a red phrase). */
function formattedApart(value: ExcelJS.CellValue): boolean {
  if (value === null || typeof value !== 'object' || !('richText' in value)) return false;
  return formattedInParts(value.richText, (run) => EMPHASIS.map((k) => run.font?.[k] ?? null));
}

function cellMarks(cell: ExcelJS.Cell, row: number, col: number, isFormula: boolean): CellMark[] {
  // A merged range's other cells report the first cell's value and marks: only the first counts.
  if (cell.isMerged && cell.master.address !== cell.address) return [];
  const marks: CellMark[] = [];
  const at = { address: cell.address, row, col };
  const note = cell.note as ExcelJS.Comment | string | undefined;
  if (note !== undefined && note !== null) {
    const text = typeof note === 'string' ? note : (note.texts ?? []).map((t) => (typeof t === 'string' ? t : t.text)).join('');
    marks.push({ ...at, kind: 'comment', detail: text });
  }
  if (formattedApart(cell.value)) marks.push({ ...at, kind: 'format', detail: plainValue(cell.value) as string });
  const link = cell.hyperlink as string | undefined;
  if (typeof link === 'string' && link.length > 0) marks.push({ ...at, kind: 'hyperlink', detail: link });
  if (isFormula) {
    const v = cell.value as ExcelJS.CellFormulaValue;
    const result = v.result;
    marks.push({ ...at, kind: 'formula', detail: cell.formula ?? v.formula ?? '', cached: result !== undefined && result !== null });
  }
  return marks;
}
