import ExcelJS from 'exceljs';
import { FormulaEngine, type Grid, type GridCell } from '../../domain/formula/evaluate';
import { FormulaError, type Scalar } from '../../domain/formula/values';
import { excelSerial } from '../../domain/time/isoDate';
import { INDEX_SHEET, SHEET } from '../../domain/grid/names';
import { plainValue, valueOf } from './readWorkbook';
import { workbookDateSystem } from './dateSerials';

/**
 * Every formula of a workbook about to be written gets the result it computes now as its cached
 * value (DESIGN §5). exceljs writes a formula it was given without one, and keeps whatever cached
 * value the file it opened held: after LibreOffice or WPS saved the master, a merge would leave
 * 任务清单's old 任务状态 in the file, and a viewer, a printer or a PDF export that does not
 * recalculate shows those. A formula the engine does not know (a user's own) is written without a
 * cached value, never a stale one; and the file asks for a full recalculation on load.
 */

/** Sheets computed first, so the chains of running counts are met top-down, never by deep recursion. */
function evaluationOrder(names: readonly string[]): string[] {
  const late: string[] = [INDEX_SHEET.name, SHEET.tasks.name, SHEET.targets.name, SHEET.matrix.name, SHEET.directory.name, SHEET.history.name, SHEET.summary.name];
  return [...names.filter((n) => !late.includes(n)), ...late.filter((n) => names.includes(n))];
}

type FormulaCell = { cell: ExcelJS.Cell; formula: string; row: number; col: number };

/** An array formula computes over arrays this engine does not model: left to the spreadsheet. */
const isArrayFormula = (cell: ExcelJS.Cell): boolean => (cell.value as { shareType?: string }).shareType === 'array';

function formulaOf(cell: ExcelJS.Cell): string | null {
  if (cell.type !== ExcelJS.ValueType.Formula) return null;
  if (isArrayFormula(cell)) return ARRAY;
  return cell.formula ?? (cell.value as ExcelJS.CellFormulaValue).formula ?? null;
}

/** What the grid holds for an array formula: text no formula parses. */
const ARRAY = '\u0000array';

function cachedResult(v: Scalar): ExcelJS.CellFormulaValue['result'] {
  if (v instanceof FormulaError) return { error: v.code as ExcelJS.CellErrorValue['error'] };
  return v ?? 0;
}

/** Store computed results in every formula cell; returns how many were computed and how many left to the spreadsheet. */
export function storeComputedResults(wb: ExcelJS.Workbook, today: string): { computed: number; left: number } {
  const system = workbookDateSystem(wb);
  const sheets = new Map<string, { cells: Map<number, Map<number, GridCell>>; lastRow: number }>();
  const formulas = new Map<string, FormulaCell[]>();
  wb.eachSheet((ws) => {
    const cells = new Map<number, Map<number, GridCell>>();
    const mine: FormulaCell[] = [];
    let lastRow = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const rowCells = new Map<number, GridCell>();
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // The covered cells of a merged range are empty; exceljs reports the first cell's value there.
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const formula = formulaOf(cell);
        if (formula !== null) {
          rowCells.set(c, { formula });
          mine.push({ cell, formula, row: r, col: c });
        } else rowCells.set(c, { value: plainValue(cell.value, system) });
      });
      if (rowCells.size > 0) {
        cells.set(r, rowCells);
        lastRow = r;
      }
    });
    sheets.set(ws.name, { cells, lastRow });
    formulas.set(ws.name, mine);
  });
  const names = new Map<string, string>();
  for (const n of (wb.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> }).model) {
    if (n.ranges.length === 1) names.set(n.name, n.ranges[0] as string);
  }
  const grid: Grid = {
    cell: (sheet, row, col) => sheets.get(sheet)?.cells.get(row)?.get(col),
    lastRow: (sheet) => sheets.get(sheet)?.lastRow ?? 0,
    hasSheet: (sheet) => sheets.has(sheet),
    name: (name) => names.get(name),
  };
  const engine = new FormulaEngine(grid, excelSerial(today, system), system);
  let computed = 0;
  let left = 0;
  for (const sheet of evaluationOrder([...formulas.keys()])) {
    for (const f of formulas.get(sheet) ?? []) {
      let v: Scalar | undefined;
      try {
        v = engine.valueAt(sheet, f.row, f.col);
      } catch (e) {
        // A chain too deep for the stack is left to the spreadsheet, like an unknown function.
        if (!(e instanceof RangeError)) throw e;
        v = undefined;
      }
      if (f.formula === ARRAY) {
        f.cell.value = { ...(f.cell.value as object), result: undefined } as unknown as ExcelJS.CellValue;
        left++;
      } else if (v === undefined) {
        f.cell.value = { formula: f.formula } as ExcelJS.CellFormulaValue;
        left++;
      } else {
        f.cell.value = { formula: f.formula, result: cachedResult(v) } as ExcelJS.CellFormulaValue;
        computed++;
      }
    }
  }
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  return { computed, left };
}

/** The values of a range as the file will hold them (a formula's stored result), row by row. */
export type RangeValues = (sheet: string, range: string) => Array<string | number | null>;

/**
 * Values for a chart's cache, read after `storeComputedResults`: a chart keeps a copy of the
 * figures it draws, and a viewer that does not recalculate draws that copy (empty, without one).
 */
export function computedValues(wb: ExcelJS.Workbook): RangeValues {
  const system = workbookDateSystem(wb);
  return (sheet, range) => {
    const ws = wb.getWorksheet(sheet);
    if (!ws) return [];
    const [from, to] = range.split(':') as [string, string | undefined];
    const [a, b] = [ws.getCell(from), ws.getCell(to ?? from)];
    const out: Array<string | number | null> = [];
    for (let r = Number(a.row); r <= Number(b.row); r++) {
      for (let c = Number(a.col); c <= Number(b.col); c++) {
        const v = plainValue(valueOf(ws.getCell(r, c)), system);
        out.push(typeof v === 'number' || typeof v === 'string' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : null);
      }
    }
    return out;
  };
}
