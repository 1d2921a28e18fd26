/**
 * 生成工作簿 over a workbook units have filled, inside Excel: what a rebuild cannot keep besides
 * values (a comment, a hyperlink, a formula a unit typed) stops it before anything is written,
 * naming sheet and cell — as `duban build --update` does for files (issue 12).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExcelHost } from '../../src/adapters/officejs/excelHost';
import { readWorkbookInExcel } from '../../src/adapters/officejs/readWorkbook';
import { FakeContext, FakeWorkbook, createFakeExcel, type FakeWorksheet } from '../support/fakeExcel';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const noProgress = (): void => undefined;
const realExcel = (globalThis as { Excel?: unknown }).Excel;
afterEach(() => {
  (globalThis as { Excel?: unknown }).Excel = realExcel;
});

function excelWith(workbook: FakeWorkbook, supported: (set: string, version: string) => boolean = () => true) {
  const fake = createFakeExcel(workbook);
  (globalThis as { Excel?: unknown }).Excel = fake.Excel;
  return { ...fake, host: createExcelHost(supported) };
}

/** The generated seed workbook, with 具体措施 typed in 台账-市财政局 row 2 (H2). */
async function generated(): Promise<FakeWorkbook> {
  const workbook = new FakeWorkbook();
  await excelWith(workbook).host.generate(SEED, null, noProgress);
  const ws = workbook.sheet('台账-市财政局') as FakeWorksheet;
  ws.cell(1, 7).formula = '制定专项方案';
  return workbook;
}

const snapshot = (wb: FakeWorkbook): string => JSON.stringify(wb.sheets.map((s) => [s.name, [...s.cells].map(([k, c]) => [k, c.formula])]));

describe('the Excel reader reports what a rebuild would lose', () => {
  it('reads comments, hyperlink targets and typed formulas with their places, in no more syncs than blocks need', async () => {
    const wb = await generated();
    wb.userAddsComment('台账-市财政局', 'L2', '请财政局核实');
    wb.userAddsHyperlink('台账-市财政局', 'H2', 'https://example.invalid/方案.pdf');
    (wb.sheet('台账-市财政局') as FakeWorksheet).cell(2, 7).formula = '=H2&"（续）"';
    const book = await readWorkbookInExcel(new FakeContext(wb) as unknown as Excel.RequestContext, undefined, { marks: true });
    const marks = book.sheets.find((s) => s.name === '台账-市财政局')?.marks ?? [];
    expect(marks).toEqual(
      expect.arrayContaining([
        { address: 'L2', row: 1, col: 11, kind: 'comment', detail: '请财政局核实' },
        { address: 'H2', row: 1, col: 7, kind: 'hyperlink', detail: 'https://example.invalid/方案.pdf' },
        { address: 'H3', row: 2, col: 7, kind: 'formula', detail: 'H2&"（续）"', cached: true },
      ]),
    );
    // Typed text that only looks like a formula is no formula.
    expect(marks.filter((m) => m.kind === 'formula' && m.col === 7)).toHaveLength(1);
    expect(book.syncs).toBeLessThanOrEqual(6);
  });

  it('reads each conditional format’s range and rule: the ledger’s 预警 colours and one a person added', async () => {
    const wb = await generated();
    const ws = wb.sheet('台账-市财政局') as FakeWorksheet;
    const ours = ws.conditionalFormats.length;
    ws.conditionalFormats.push({ range: 'K2:K20', type: 'Custom', formula: '=LEN(K2)>50' }, { range: 'M2:M20', type: 'DataBar' });
    const book = await readWorkbookInExcel(new FakeContext(wb) as unknown as Excel.RequestContext, undefined, { marks: true });
    const rules = book.sheets.find((s) => s.name === '台账-市财政局')?.conditionalFormats ?? [];
    expect(rules).toHaveLength(ours + 2);
    expect(rules.slice(ours)).toEqual([
      { range: 'K2:K20', rule: 'LEN(K2)>50' },
      { range: 'M2:M20', rule: 'DataBar' },
    ]);
    expect(rules.slice(0, ours).every((r) => /^\$[A-Z]+2="/.test(r.rule))).toBe(true);
  });

  it('生成工作簿 over it keeps the values and says which conditional formats a person added are not kept', async () => {
    const wb = await generated();
    (wb.sheet('台账-市财政局') as FakeWorksheet).conditionalFormats.push({ range: 'K2:K20', type: 'Custom', formula: '=LEN(K2)>50' });
    const result = await excelWith(wb).host.generate(SEED, null, noProgress);
    expect(result.notes ?? []).toContain('工作表“台账-市财政局”添加的条件格式（K2:K20，共 1 处）重建后不再保留，需要时请重新设置');
    expect(result.notes?.filter((n) => n.includes('条件格式'))).toHaveLength(1);
    expect((wb.sheet('台账-市财政局') as FakeWorksheet).cells.get('H2')?.formula).toBe('制定专项方案');
  });

  it('生成工作簿 with ExcelApi 1.18 names a word formatted apart (the text is kept); a font per script is no formatting', async () => {
    const wb = await generated();
    wb.userFormatsInParts('台账-市财政局', 'H3', [{ text: '统筹资金' }, { text: '保障', font: { bold: true } }]);
    wb.userFormatsInParts('台账-市财政局', 'K2', [{ text: '完成', font: { name: '等线' } }, { text: '80%', font: { name: 'Calibri' } }]);
    const result = await excelWith(wb).host.generate(SEED, null, noProgress);
    expect(result.notes ?? []).toContain('工作表“台账-市财政局”有 1 处文字设了局部格式（加粗、颜色等），重建后只保留文字、不保留这些格式：H3');
    const ws = wb.sheet('台账-市财政局') as FakeWorksheet;
    expect([ws.cells.get('H3')?.formula, ws.cells.get('K2')?.formula]).toEqual(['统筹资金保障', '完成80%']);
  });

  it('an Excel before ExcelApi 1.18 is not asked for text runs (its rebuild cannot see them)', async () => {
    const wb = await generated();
    wb.userFormatsInParts('台账-市财政局', 'H3', [{ text: '统筹资金' }, { text: '保障', font: { bold: true } }]);
    const result = await excelWith(wb, (_set, version) => Number(version) <= 1.17).host.generate(SEED, null, noProgress);
    expect((result.notes ?? []).filter((n) => n.includes('局部格式'))).toEqual([]);
  });

  it('without marks it reads as before: no marks, no comment collection loaded', async () => {
    const wb = await generated();
    wb.userAddsComment('台账-市财政局', 'L2', '请财政局核实');
    const book = await readWorkbookInExcel(new FakeContext(wb) as unknown as Excel.RequestContext);
    expect(book.sheets.every((s) => s.marks === undefined)).toBe(true);
  });
});

describe('生成工作簿 stops before losing a comment, a link or a typed formula', () => {
  it.each([
    ['a comment', (wb: FakeWorkbook) => wb.userAddsComment('台账-市财政局', 'H2', '措施待定'), /H2.*批注“措施待定”/],
    ['a hyperlink', (wb: FakeWorkbook) => wb.userAddsHyperlink('台账-市财政局', 'H2', 'https://example.invalid/a'), /H2.*超链接 https:\/\/example\.invalid\/a/],
    ['a typed formula', (wb: FakeWorkbook) => void ((wb.sheet('台账-市财政局') as FakeWorksheet).cell(1, 9).formula = '=UPPER("zhang")'), /J2.*公式 =UPPER/],
  ])('%s in a ledger: refused, named, nothing written', async (_what, edit, message) => {
    const wb = await generated();
    edit(wb);
    const before = snapshot(wb);
    const { host } = excelWith(wb);
    await expect(host.generate(SEED, null, noProgress)).rejects.toThrow(message);
    expect(snapshot(wb)).toBe(before);
  });

  it('a workbook with none of them is rebuilt, the typed measure kept', async () => {
    const wb = await generated();
    const { host } = excelWith(wb);
    await host.generate(SEED, null, noProgress);
    expect((wb.sheet('台账-市财政局') as FakeWorksheet).cells.get('H2')?.formula).toBe('制定专项方案');
  });

  it('an Excel without ExcelApi 1.10 says it cannot see comments and links', () => {
    const { host } = excelWith(new FakeWorkbook(), (set, version) => !(set === 'ExcelApi' && Number(version.split('.')[1]) >= 10));
    expect(host.warnings.join()).toMatch(/批注和超链接/);
  });
});
