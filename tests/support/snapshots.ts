import ExcelJS from 'exceljs';
import type { FakeWorkbook } from './fakeExcel';
import { POINTS_PER_CHAR } from '../../src/adapters/officejs/cellValues';

/** What both adapters must agree on, in one comparable shape. */
export type CellSnap = { text?: string; number?: number; formula?: string; format?: string; unlocked?: true };
export type SheetSnap = {
  name: string;
  cells: Record<string, CellSnap>;
  widths: number[];
  validations: string[];
  conditionalFormats: string[];
  protected: boolean;
  freeze: { rows: number; columns: number };
};
export type BookSnap = { sheets: SheetSnap[]; names: Record<string, string> };

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function snapFake(wb: FakeWorkbook): BookSnap {
  return {
    sheets: wb.sheets.map((ws) => {
      const cells: Record<string, CellSnap> = {};
      for (const [addr, c] of ws.cells) {
        const snap: CellSnap = {};
        if (typeof c.formula === 'number') snap.number = c.formula;
        else if (typeof c.formula === 'string' && c.formula.startsWith('=')) snap.formula = c.formula.slice(1);
        else if (typeof c.formula === 'string' && c.formula !== '') snap.text = c.formula.startsWith("'") ? c.formula.slice(1) : c.formula;
        if (c.numberFormat !== 'General') snap.format = c.numberFormat;
        if (!c.locked && ws.protectedWith) snap.unlocked = true;
        if (Object.keys(snap).length > 0) cells[addr] = snap;
      }
      const widths: number[] = [];
      for (const [i, w] of ws.columnWidths) widths[i] = w / POINTS_PER_CHAR;
      return {
        name: ws.name,
        cells,
        widths,
        // exceljs reads validations back one cell at a time: compare cell by cell.
        validations: ws.validations.flatMap((v) => cellsOf(v.range).map((a) => `${a} ${JSON.stringify(v.rule)}`)).sort(),
        conditionalFormats: ws.conditionalFormats.map((cf) => `${cf.range} ${cf.type} ${cf.formula ?? ''}`).sort(),
        protected: ws.protectedWith !== null,
        freeze: ws.freeze,
      };
    }),
    names: Object.fromEntries([...wb.definedNames].map(([k, v]) => [k, v.replace(/^=/, '')])),
  };
}

const CF_TYPE: Record<string, string> = { expression: 'Custom', dataBar: 'DataBar', iconSet: 'IconSet' };

export async function snapXlsx(buffer: ExcelJS.Buffer): Promise<BookSnap> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  const names: Record<string, string> = {};
  for (const n of (wb.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> }).model) names[n.name] = n.ranges[0] as string;
  return {
    sheets: wb.worksheets.map((ws) => {
      const cells: Record<string, CellSnap> = {};
      const isProtected = Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          const snap: CellSnap = {};
          const v = cell.value;
          if (typeof v === 'number') snap.number = v;
          else if (v instanceof Date) snap.number = (v.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
          else if (typeof v === 'string' && v !== '') snap.text = v;
          else if (v && typeof v === 'object' && 'formula' in v) snap.formula = v.formula;
          if (cell.numFmt && cell.numFmt !== 'General') snap.format = cell.numFmt;
          if (isProtected && cell.protection?.locked === false) snap.unlocked = true;
          if (Object.keys(snap).length > 0) cells[cell.address] = snap;
        }),
      );
      const widths: number[] = [];
      ws.columns?.forEach((c, i) => {
        if (c.width !== undefined) widths[i] = Math.round(c.width * 10) / 10;
      });
      const dv = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> } }).dataValidations.model;
      const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
      return {
        name: ws.name,
        cells,
        widths,
        validations: Object.entries(dv).map(([range, rule]) => `${range} ${JSON.stringify(xlsxRuleAsOffice(rule))}`).sort(),
        conditionalFormats: (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string; formulae?: string[] }> }> }).conditionalFormattings
          .flatMap((cf) => cf.rules.map((r) => `${cf.ref} ${CF_TYPE[r.type] ?? r.type} ${r.formulae?.[0] ? `=${r.formulae[0]}` : ''}`))
          .sort(),
        protected: isProtected,
        freeze: view?.state === 'frozen' ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } : { rows: 0, columns: 0 },
      };
    }),
    names,
  };
}

/** exceljs' validation model in the shape of Office.js' DataValidationRule. */
function xlsxRuleAsOffice(rule: { type: string; formulae: unknown[] }): unknown {
  if (rule.type === 'list') return { list: { inCellDropDown: true, source: String(rule.formulae[0]).replace(/^"|"$/g, '') } };
  const iso = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
  return { date: { formula1: iso(rule.formulae[0]), formula2: iso(rule.formulae[1]), operator: 'Between' } };
}

function cellsOf(range: string): string[] {
  const [from, to] = range.split(':') as [string, string | undefined];
  const parse = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a) as RegExpExecArray;
    return { col: m[1] as string, row: Number(m[2]) };
  };
  const a = parse(from);
  const b = parse(to ?? from);
  if (a.col !== b.col) throw new Error(`multi-column validation range not expected: ${range}`);
  return Array.from({ length: b.row - a.row + 1 }, (_, i) => `${a.col}${a.row + i}`);
}
