/**
 * No NaN or Infinity ever reaches a cell. A number typed into a date column that is no date
 * (`20231231` in 计划完成时间, past 9999-12-31) used to become the "date" 57289-10-09 and then
 * `<v>NaN</v>`: an invalid file. Now it is kept as typed and reported as NOT_A_DATE; a 统计日期
 * that is no date falls back to today with a warning; and both adapters refuse a plan holding a
 * non-finite number or an impossible date before writing anything.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { writePlanFile } from '../../src/adapters/xlsx/files';
import { applyPlanToWorkbook } from '../../src/adapters/xlsx/writePlan';
import { applyPlan } from '../../src/adapters/officejs/applyPlan';
import { assertWritable, UnwritableCellError } from '../../src/workbook/planValues';
import { date, num, text, type WorkbookPlan } from '../../src/workbook/plan';
import { localIsoDate } from '../../src/domain/time/isoDate';
import { FakeContext, FakeWorkbook } from '../support/fakeExcel';
import { cli } from '../support/captureIo';
import { recalculate } from '../support/libreoffice';

const root = join(__dirname, '..', '..');
const SEED = join(root, 'seeds', 'tianjin-2020-task-division.txt');
const SEED_TEXT = readFileSync(SEED, 'utf8');
const ALL = { dataValidation: true, conditionalFormats: true, dateSystem: true, pageLayout: true };
const tmp = (): string => mkdtempSync(join(tmpdir(), 'duban-finite-'));


/** Every stored `<v>` of every worksheet, by sheet file and cell, with the cell's type. */
async function storedValues(path: string): Promise<Array<{ part: string; cell: string; type: string; v: string }>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const out: Array<{ part: string; cell: string; type: string; v: string }> = [];
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await (zip.file(name) as JSZip.JSZipObject).async('string');
    for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(?:<f[^>]*>[^<]*<\/f>|<f[^>]*\/>)?<v>([^<]*)<\/v>/g)) {
      out.push({ part: name, cell: m[1] as string, type: /\bt="([^"]+)"/.exec(m[2] as string)?.[1] ?? 'n', v: m[3] as string });
    }
  }
  return out;
}

/** Numeric `<v>` that is not a finite number: what made files invalid. */
async function nonFinite(path: string): Promise<string[]> {
  return (await storedValues(path)).filter((c) => c.type === 'n' && !Number.isFinite(Number(c.v))).map((c) => `${c.part}!${c.cell}=${c.v}`);
}

/** Every cell exceljs reads back: no NaN, no Infinity, no invalid Date. */
async function badCells(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const bad: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        const r = v !== null && typeof v === 'object' && 'formula' in v ? (v as ExcelJS.CellFormulaValue).result : v;
        if ((typeof v === 'number' && !Number.isFinite(v)) || (typeof r === 'number' && !Number.isFinite(r)) || (v instanceof Date && Number.isNaN(v.getTime()))) bad.push(`${ws.name}!${cell.address}`);
      }),
    ),
  );
  return bad;
}

const headerIndex = (ws: ExcelJS.Worksheet, header: string): number => {
  let at = -1;
  ws.getRow(1).eachCell((c, i) => {
    if (c.value === header) at = i;
  });
  return at;
};
const rowOf = (ws: ExcelJS.Worksheet, taskId: string): number => {
  let at = -1;
  ws.eachRow((row, r) => {
    if (r > 1 && row.getCell(1).value === taskId && at < 0) at = r;
  });
  return at;
};

describe('every written cell of the seed workbook is a finite number, text or formula', () => {
  const { plan } = prepareWorkbook({ noticeText: SEED_TEXT, previous: null, asOf: null });

  it('through the xlsx adapter: no NaN or Infinity stored, none read back', async () => {
    const file = join(tmp(), 'seed.xlsx');
    await writePlanFile(plan, file);
    const values = await storedValues(file);
    expect(values.length).toBeGreaterThan(10_000);
    expect(values.filter((c) => /nan|infinity/i.test(c.v))).toEqual([]);
    expect(await nonFinite(file)).toEqual([]);
    expect(await badCells(file)).toEqual([]);
  });

  it('through the Office.js adapter: every number sent to Excel is finite', async () => {
    const wb = new FakeWorkbook();
    await applyPlan(new FakeContext(wb) as unknown as Excel.RequestContext, plan, ALL);
    let numbers = 0;
    const bad: string[] = [];
    for (const ws of wb.sheets) {
      for (const [at, cell] of ws.cells) {
        if (typeof cell.formula !== 'number') continue;
        numbers++;
        if (!Number.isFinite(cell.formula)) bad.push(`${ws.name}!${at}`);
      }
    }
    expect(numbers).toBeGreaterThan(1000);
    expect(bad).toEqual([]);
  });
});

describe('the guard at the plan/adapter boundary', () => {
  const sheet = (cells: WorkbookPlan['sheets'][number]['rows'][number]): WorkbookPlan => ({
    sheets: [{ key: 'x', name: '测试', columns: [{ header: 'a', width: 10, role: 'fill' }, { header: 'b', width: 10, role: 'fill' }], rows: [cells], freeze: { rows: 0, columns: 0 }, validations: [], conditionalFormats: [], protect: false }],
    names: [],
  });

  it.each([
    ['NaN', num(NaN), 'B2'],
    ['Infinity', num(Infinity), 'B2'],
    ['-Infinity', num(-Infinity), 'B2'],
    ['a year past 9999', date('57289-10-09'), 'B2'],
    ['a malformed date', date('2020-13-45x'), 'B2'],
  ])('refuses %s, naming the sheet and cell', (_, cell, at) => {
    expect(() => assertWritable(sheet([text('ok'), cell]), 1900)).toThrow(UnwritableCellError);
    expect(() => assertWritable(sheet([text('ok'), cell]), 1900)).toThrow(`工作表“测试”的 ${at}`);
  });

  it('refuses a bad cell in extra cells, blocks and date validations too; passes good plans', () => {
    const base = sheet([text('ok'), num(1)]);
    const s = base.sheets[0] as WorkbookPlan['sheets'][number];
    expect(() => assertWritable(base, 1904)).not.toThrow();
    expect(() => assertWritable({ ...base, sheets: [{ ...s, extraCells: [{ address: 'D1', cell: num(NaN) }] }] }, 1900)).toThrow('D1');
    expect(() => assertWritable({ ...base, sheets: [{ ...s, blocks: [{ at: 'E5', cells: [[num(1), num(Infinity)]] }] }] }, 1900)).toThrow('F5');
    expect(() => assertWritable({ ...base, sheets: [{ ...s, validations: [{ range: 'A2:A9', type: 'date', min: '2000-01-01', max: '99999-12-31', prompt: '', error: '' }] }] }, 1900)).toThrow('A2:A9');
    // 1903 has no serial in the 1904 system.
    expect(() => assertWritable(sheet([date('1903-06-30'), null]), 1904)).toThrow('A2');
    expect(() => assertWritable(sheet([date('1903-06-30'), null]), 1900)).not.toThrow();
  });

  it('the xlsx adapter writes nothing when the plan holds NaN', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('我的');
    expect(() => applyPlanToWorkbook(wb, sheet([text('ok'), num(NaN)]))).toThrow(UnwritableCellError);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['我的']);
    const file = join(tmp(), 'never.xlsx');
    await expect(writePlanFile(sheet([num(Infinity), null]), file)).rejects.toThrow(UnwritableCellError);
    expect(existsSync(file)).toBe(false);
  });

  it('the Office.js adapter stops after looking, before any write', async () => {
    const wb = new FakeWorkbook();
    const ctx = new FakeContext(wb);
    await expect(applyPlan(ctx as unknown as Excel.RequestContext, sheet([text('ok'), num(NaN)]), ALL)).rejects.toThrow(UnwritableCellError);
    expect(ctx.syncs).toBe(1);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(wb.sheets[0]?.cells.size).toBe(0);
  });
});

describe('20231231 typed into 计划完成时间 and over 汇总’s 统计日期', () => {
  const dir = tmp();
  const typedFile = join(dir, 'typed.xlsx');
  const updated = join(dir, 'updated.xlsx');
  let update: { code: number; out: string; err: string };
  let plannedCell = '';

  beforeAll(async () => {
    const first = join(dir, 'first.xlsx');
    expect((await cli(['build', SEED, '-o', first])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first);
    const ws = wb.getWorksheet('台账-市财政局') as ExcelJS.Worksheet;
    const cell = ws.getCell(rowOf(ws, '36.1'), headerIndex(ws, '计划完成时间'));
    plannedCell = cell.address;
    cell.value = 20231231;
    ws.getCell(rowOf(ws, '36.1'), headerIndex(ws, '具体措施')).value = '出台实施方案';
    (wb.getWorksheet('汇总') as ExcelJS.Worksheet).getCell('B1').value = 20231231;
    await wb.xlsx.writeFile(typedFile);
    update = await cli(['build', SEED, '-o', updated, '--update', typedFile]);
  });

  it('the update succeeds and says 统计日期 went back to =TODAY()', () => {
    expect(update.code).toBe(0);
    expect(update.err).toContain('“统计日期”填写了 20231231，这不是日期（像是把 2023-12-31 写成了数字）');
    expect(update.err).toContain('=TODAY()');
    expect(update.err).not.toMatch(/NaN|57289/);
  });

  it('the file stays valid: no NaN stored or read back; the typed number is kept as typed', async () => {
    expect(await nonFinite(updated)).toEqual([]);
    expect((await storedValues(updated)).filter((c) => /nan|infinity/i.test(c.v))).toEqual([]);
    expect(await badCells(updated)).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(updated);
    const ws = wb.getWorksheet('台账-市财政局') as ExcelJS.Worksheet;
    expect(ws.getCell(plannedCell).address).toBe(plannedCell);
    const stored = (await storedValues(updated)).filter((c) => c.v === '20231231');
    expect(stored).toHaveLength(1);
    expect(ws.getCell(rowOf(ws, '36.1'), headerIndex(ws, '具体措施')).value).toBe('出台实施方案');
    const b1 = (wb.getWorksheet('汇总') as ExcelJS.Worksheet).getCell('B1').value as ExcelJS.CellFormulaValue;
    expect(b1.formula).toBe('TODAY()');
  });

  it('LibreOffice converts it without error and computes 汇总', async () => {
    const [out] = recalculate([updated]) as [string];
    expect(existsSync(out)).toBe(true);
    expect(await nonFinite(out)).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const b1 = (wb.getWorksheet('汇总') as ExcelJS.Worksheet).getCell('B1').value as ExcelJS.CellFormulaValue;
    expect(b1.result).toBeInstanceOf(Date);
  });

  it('validate reports NOT_A_DATE in words, never NaN', async () => {
    const r = await cli(['validate', updated, '--json', '--unit', '市财政局']);
    const findings = (JSON.parse(r.out) as { findings: Array<{ code: string; cell: string; message: string; sheet: string }> }).findings;
    const f = findings.find((x) => x.code === 'NOT_A_DATE' && x.sheet === '台账-市财政局');
    expect(f).toMatchObject({ cell: plannedCell, message: '“计划完成时间”填写了 20231231，这不是日期（像是把 2023-12-31 写成了数字），请改为日期 2023-12-31' });
    expect(r.out).not.toMatch(/NaN|57289/);
    // No PLAN_AFTER_DUE from a number that is no date.
    expect(findings.filter((x) => x.code === 'PLAN_AFTER_DUE' && x.cell === plannedCell)).toEqual([]);
  });

  it('before the update, summary counts as of today and says why; validate warns about 统计日期', async () => {
    const r = await cli(['summary', typedFile, '--json']);
    expect(r.code).toBe(0);
    const asOf = (JSON.parse(r.out) as { asOf: string }).asOf;
    expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect([localIsoDate(new Date(Date.now() - 60_000)), localIsoDate(new Date())]).toContain(asOf);
    expect(r.err).toContain('“统计日期”填写了 20231231，这不是日期（像是把 2023-12-31 写成了数字）');
    expect(r.err).toContain(`本次按 ${asOf} 统计`);
    const v = await cli(['validate', typedFile, '--json', '--as-of', '2020-12-01', '--unit', '市财政局']);
    const findings = (JSON.parse(v.out) as { findings: Array<{ code: string; severity: string; sheet: string; cell: string; message: string }> }).findings;
    expect(findings).toContainEqual(expect.objectContaining({ code: 'AS_OF_NOT_A_DATE', severity: 'warning', sheet: '汇总', cell: 'B1', message: expect.stringContaining('本次按 2020-12-01 统计') }));
    expect(v.out).not.toMatch(/NaN|57289/);
  });

  it('summary --write of that workbook stays valid too', async () => {
    const copy = join(dir, 'summary.xlsx');
    writeFileSync(copy, readFileSync(typedFile));
    expect((await cli(['summary', copy, '--write'])).code).toBe(0);
    expect(await nonFinite(copy)).toEqual([]);
    expect(await badCells(copy)).toEqual([]);
  });
});

describe('a workbook an earlier version damaged with <v>NaN</v>', () => {
  it('is updated into a valid file, and validate says the value is unreadable without saying NaN', async () => {
    const dir = tmp();
    const first = join(dir, 'first.xlsx');
    expect((await cli(['build', SEED, '-o', first, '--as-of', '2020-12-01'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first);
    const ws = wb.getWorksheet('台账-市财政局') as ExcelJS.Worksheet;
    const at = ws.getCell(rowOf(ws, '36.1'), headerIndex(ws, '完成日期')).address;
    ws.getCell(at).value = 12345.5;
    const marked = join(dir, 'marked.xlsx');
    await wb.xlsx.writeFile(marked);
    // Write what the old bug wrote: the serial replaced by NaN in the stored XML.
    const zip = await JSZip.loadAsync(readFileSync(marked));
    let damagedParts = 0;
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/sheet'))) {
      const xml = await (zip.file(name) as JSZip.JSZipObject).async('string');
      if (!xml.includes('<v>12345.5</v>')) continue;
      zip.file(name, xml.replace('<v>12345.5</v>', '<v>NaN</v>'));
      damagedParts++;
    }
    expect(damagedParts).toBe(1);
    const damaged = join(dir, 'damaged.xlsx');
    writeFileSync(damaged, await zip.generateAsync({ type: 'nodebuffer' }));
    expect(await nonFinite(damaged)).toHaveLength(1);

    const v = await cli(['validate', damaged, '--json', '--unit', '市财政局']);
    const f = (JSON.parse(v.out) as { findings: Array<{ code: string; cell: string; message: string }> }).findings.find((x) => x.cell === at);
    expect(f).toMatchObject({ code: 'NOT_A_DATE', message: '“完成日期”中的值无法识别（文件里记录的不是有效数字），请重新填写日期（例如 2020-12-31）' });
    expect(v.out).not.toContain('NaN');

    const repaired = join(dir, 'repaired.xlsx');
    expect((await cli(['build', SEED, '-o', repaired, '--update', damaged])).code).toBe(0);
    expect(await nonFinite(repaired)).toEqual([]);
    expect(await badCells(repaired)).toEqual([]);
  });
});
