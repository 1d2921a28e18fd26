import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { PRINT_FOOTER, type SheetPlan } from '../../src/workbook/plan';
import { linesIn, rowHeight, textUnits, LINE_POINTS } from '../../src/workbook/print';
import { writePlanFile } from '../../src/adapters/xlsx/files';
import { sheetPart, xlsxParts } from '../support/xlsxParts';
import { applyPlan } from '../../src/adapters/officejs/applyPlan';
import { FakeContext, FakeWorkbook } from '../support/fakeExcel';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const AS_OF = '2020-12-01';
const { plan } = prepareWorkbook({ noticeText: SEED, previous: null, asOf: AS_OF });
const sheet = (name: string) => plan.sheets.find((s) => s.name === name) as SheetPlan;
const ledgers = plan.sheets.filter((s) => s.key.startsWith('ledger:'));

describe('estimating wrapped text', () => {
  it('counts a Chinese character as two widths and anything else as one', () => {
    expect(textUnits('')).toBe(0);
    expect(textUnits('abc')).toBe(3);
    expect(textUnits('市财政局A')).toBe(9);
    expect(textUnits('（，）')).toBe(6);
  });
  it('wraps at the column width and starts a line at each line break', () => {
    expect(linesIn('', 10)).toBe(1);
    expect(linesIn('一二三四', 9)).toBe(1);
    expect(linesIn('一二三四五', 9)).toBe(2);
    expect(linesIn('一\n二\n三', 60)).toBe(3);
  });
  it('sizes a row to its tallest wrapped cell; unwrapped cells take one line', () => {
    const long = '加'.repeat(100);
    expect(rowHeight([{ text: long, width: 11, wrap: false }])).toBe(LINE_POINTS + 3);
    expect(rowHeight([{ text: long, width: 11, wrap: true }, { text: 'x', width: 5, wrap: true }])).toBe(20 * LINE_POINTS + 3);
    expect(rowHeight([{ text: '加'.repeat(10_000), width: 11, wrap: true }])).toBe(409);
  });
});

describe('print setup in the plan (DESIGN §5)', () => {
  it('every visible sheet prints on A4 with header, footer and repeated header row', () => {
    for (const s of plan.sheets.filter((x) => !x.hidden)) {
      expect(s.print).toBeDefined();
      expect(s.print?.header.right).toBe(`统计日期：${AS_OF}`);
    }
    expect(PRINT_FOOTER).toBe('第 &P 页 共 &N 页');
    for (const name of ['任务清单', '责任矩阵', ...ledgers.map((l) => l.name)]) expect(sheet(name).print?.orientation).toBe('landscape');
    for (const l of ledgers) expect(l.print).toMatchObject({ fitToWidth: true, titleRows: [1, 1] });
    expect(sheet('台账-市财政局').print?.header.left).toBe('市财政局 工作台账');
    // The matrix goes across pages with its unit row and task columns on each.
    expect(sheet('责任矩阵').print).toMatchObject({ fitToWidth: false, titleRows: [1, 1], titleColumns: [0, 1] });
    // Repeated columns on a sheet fitted to one page wide mean nothing and slow LibreOffice sixfold.
    for (const s of plan.sheets.filter((x) => x.print?.fitToWidth)) expect(s.print?.titleColumns).toBeUndefined();
  });

  it('a row of long 任务内容 is as tall as its wrapped text; a short one keeps one line', () => {
    const tasks = sheet('任务清单');
    const content = tasks.columns.findIndex((c) => c.header === '任务内容');
    const width = tasks.columns[content]?.width as number;
    const heights = tasks.rowHeights as number[];
    expect(heights).toHaveLength(tasks.rows.length + 1);
    tasks.rows.forEach((row, i) => {
      const cell = row[content];
      const lines = linesIn(cell?.t === 'text' ? cell.v : '', width);
      expect(heights[i + 1]).toBeGreaterThanOrEqual(Math.min(409, lines * LINE_POINTS));
    });
    expect(Math.max(...heights)).toBeGreaterThan(3 * LINE_POINTS);
  });
});

describe('the .xlsx carries the page setup (read back from its XML)', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'duban-print-')), 'book.xlsx');
  let xml: Map<string, string>;
  let sheetXml: (name: string) => string;
  beforeAll(async () => {
    await writePlanFile(plan, file);
    xml = xlsxParts(file);
    sheetXml = (name) => sheetPart(xml, name);
  });

  it('ledgers: A4 landscape, fit to one page wide with the fit-to-page switch on, header row on every page', () => {
    const ws = sheetXml('台账-市财政局');
    expect(ws).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(ws).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"/);
    expect(ws).toContain('<oddHeader>&amp;L市财政局 工作台账&amp;C图例：');
    expect(ws).toContain(`&amp;R统计日期：${AS_OF}</oddHeader><oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter>`);
    const workbook = xml.get('xl/workbook.xml') as string;
    expect(workbook).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="\d+">&apos;台账-市财政局&apos;!\$1:\$1</);
  });

  it('责任矩阵 repeats its unit row and task columns and is not squeezed to one page', () => {
    const ws = sheetXml('责任矩阵');
    expect(ws).not.toMatch(/fitToPage="1"/);
    expect(xml.get('xl/workbook.xml')).toMatch(/&apos;责任矩阵&apos;!\$A:\$B,&apos;责任矩阵&apos;!\$1:\$1</);
  });

  it('row heights are written as custom heights, so LibreOffice and Excel keep them', () => {
    const ws = sheetXml('任务清单');
    const expected = sheet('任务清单').rowHeights?.[1] as number;
    expect(ws).toMatch(new RegExp(`<row r="2"[^>]* ht="${expected}" customHeight="1"`));
  });

  it('the 灯 column shows its icons without the digits', () => {
    expect(sheetXml('任务清单')).toMatch(/<iconSet iconSet="3TrafficLights1" showValue="0">/);
  });
});

describe('Office.js writes the same page setup (ExcelApi 1.9)', () => {
  it('sets paper, orientation, fit, print titles, header, footer, and fits rows to their text', async () => {
    const wb = new FakeWorkbook();
    await applyPlan(new FakeContext(wb) as unknown as Excel.RequestContext, plan, { dataValidation: true, conditionalFormats: true, dateSystem: true, pageLayout: true });
    const ledger = wb.sheet('台账-市财政局');
    expect(ledger?.page).toMatchObject({
      paperSize: 'A4',
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      titleRows: '$1:$1',
      titleColumns: null,
      leftHeader: '市财政局 工作台账',
      rightHeader: `统计日期：${AS_OF}`,
      centerFooter: PRINT_FOOTER,
    });
    expect(wb.sheet('责任矩阵')?.page).toMatchObject({ orientation: 'Landscape', zoom: { scale: 100 }, titleColumns: '$A:$B' });
    // Inside Excel, Excel fits the rows to their wrapped text (the plan's estimate is for files).
    const rows = (sheet('任务清单').rowHeights as number[]).length;
    expect([...(wb.sheet('任务清单')?.autofitRows ?? [])].sort((a, b) => a - b)).toEqual(Array.from({ length: rows }, (_, r) => r));
    const lights = wb.sheet('任务清单')?.conditionalFormats.find((c) => c.type === 'IconSet');
    expect(lights?.detail).toMatchObject({ showIconOnly: true });
  });

  it('without ExcelApi 1.9 it leaves the page setup alone and says so', async () => {
    const wb = new FakeWorkbook();
    await applyPlan(new FakeContext(wb) as unknown as Excel.RequestContext, plan, { dataValidation: true, conditionalFormats: true, dateSystem: true, pageLayout: false });
    expect(wb.sheet('任务清单')?.page.paperSize).toBe('Letter');
    const { featureWarnings } = await import('../../src/adapters/officejs/requirements');
    expect(featureWarnings({ dataValidation: true, conditionalFormats: true, dateSystem: true, pageLayout: false }).join('')).toContain('ExcelApi 1.9');
  });
});
