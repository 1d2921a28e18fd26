import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareWorkbook, type PreparedWorkbook } from '../../src/workbook/prepareWorkbook';
import { openWorkbook, writePlanFile } from '../../src/adapters/xlsx/files';
import { readWorkbookData } from '../../src/adapters/xlsx/readWorkbook';
import { planAsData } from '../../src/workbook/planValues';
import { sheetRef } from '../../src/domain/grid/a1';
import { MAX_CELL_TEXT } from '../../src/workbook/cellLimit';
import type { Cell, WorkbookPlan } from '../../src/workbook/plan';
import { isValidSheetName, ledgerSheetName, uniqueSheetName } from '../../src/domain/ledger/sheetName';
import { recalculate } from '../support/libreoffice';

const AS_OF = '2020-10-01';
const header = (title: string) => [`某市人民政府关于印发${title}的通知`, '（一）测试'];

describe('uniqueSheetName: a wanted name made valid and unique', () => {
  it.each([
    ['a quote left last by the cut to 31', `台账-市${'甲'.repeat(26)}'乙乙局`, `台账-市${'甲'.repeat(26)}`],
    ['an emoji split by the cut to 31', `台账-市${'甲'.repeat(26)}😀乙局`, `台账-市${'甲'.repeat(26)}`],
    ['an emoji that fits whole', `台账-市${'甲'.repeat(25)}😀`, `台账-市${'甲'.repeat(25)}😀`],
    ['characters Excel refuses', '财政/局:[一]?*\\', '财政_局__一____'],
    ['quotes first and last', "'财政局'", '财政局'],
    ['a quote inside', "台账-O'Neil", "台账-O'Neil"],
    ['more than 31 characters', '财'.repeat(40), '财'.repeat(31)],
    ['a line break typed in a cell', '财政\n局', '财政_局'],
  ])('%s', (_label, wanted, expected) => {
    const name = uniqueSheetName(wanted, new Set());
    expect(name).toBe(expected);
    expect(isValidSheetName(name)).toBe(true);
  });

  it('History (any case) and names with nothing usable give way to the fallback', () => {
    for (const wanted of ['History', 'history', "'''", '', '   ']) expect(uniqueSheetName(wanted, new Set(), '台账-市财政局')).toBe('台账-市财政局');
  });

  it('is unique case-insensitively, with ~2 that never splits a surrogate pair or exceeds 31', () => {
    const used = new Set(['汇总', 'ledger']);
    expect(uniqueSheetName('LEDGER', used)).toBe('LEDGER~2');
    expect(uniqueSheetName('汇总', used, '台账-市财政局')).toBe('台账-市财政局');
    const emoji = `${'甲'.repeat(28)}😀`;
    expect(uniqueSheetName(emoji, used)).toBe(emoji);
    const second = uniqueSheetName(emoji, used);
    expect(second).toBe(`${'甲'.repeat(28)}~2`);
    expect(isValidSheetName(second)).toBe(true);
    expect([...used]).toEqual(['汇总', 'ledger', 'ledger~2', '台账-市财政局', emoji, second]);
  });

  it('ledgerSheetName keeps the generated names it always made', () => {
    const used = new Set<string>();
    expect(ledgerSheetName('市发展改革委', used)).toBe('台账-市发展改革委');
    expect(ledgerSheetName('市财政局：综合处？', used)).toBe('台账-市财政局_综合处_');
  });

  it('sheetRef quotes a name for a formula, doubling a quote inside it', () => {
    expect(sheetRef("台账-O'Neil")).toBe("'台账-O''Neil'");
    expect(sheetRef('汇总')).toBe("'汇总'");
  });
});

/** Every formula of a plan (cells, extra cells, blocks, conditional formats) with its sheet. */
function formulas(plan: WorkbookPlan): Array<{ sheet: string; f: string }> {
  const out: Array<{ sheet: string; f: string }> = [];
  const add = (sheet: string, c: Cell) => c?.t === 'formula' && out.push({ sheet, f: c.f });
  for (const s of plan.sheets) {
    s.rows.forEach((r) => r.forEach((c) => add(s.name, c)));
    (s.extraCells ?? []).forEach((e) => add(s.name, e.cell));
    (s.blocks ?? []).forEach((b) => b.cells.forEach((r) => r.forEach((c) => add(s.name, c))));
    s.conditionalFormats.forEach((cf) => cf.type === 'expression' && out.push({ sheet: s.name, f: cf.formula }));
  }
  return out;
}

const QUOTED_REF = /'((?:[^']|'')+)'!/g;

/** Sheet references of a formula; an unquoted `Name!A1` is reported as such. String literals are skipped. */
function sheetRefs(f: string): string[] {
  const code = f.replace(/"(?:[^"]|"")*"/g, '""');
  const refs = [...code.matchAll(QUOTED_REF)].map((m) => (m[1] as string).replace(/''/g, "'"));
  if (code.replace(QUOTED_REF, '').includes('!')) refs.push(`(unquoted) ${f}`);
  return refs;
}

/** The plan is what Excel accepts: valid names, unique case-insensitively, every formula's sheets in the plan. */
function checkPlan(plan: WorkbookPlan): void {
  const names = plan.sheets.map((s) => s.name);
  expect(names.filter((n) => !isValidSheetName(n))).toEqual([]);
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  const known = new Set(names);
  const dangling = formulas(plan).flatMap(({ sheet, f }) => sheetRefs(f).filter((r) => !known.has(r)).map((r) => `${sheet}: ${r}`));
  expect(dangling).toEqual([]);
  expect(formulas(plan).some(({ f }) => sheetRefs(f).length > 0)).toBe(true);
  expect(plan.names.filter((n) => !plan.sheets.some((s) => s.key === n.sheetKey))).toEqual([]);
  const tooLong: string[] = [];
  for (const s of plan.sheets) s.rows.forEach((r, i) => r.forEach((c, j) => c?.t === 'text' && c.v.length > MAX_CELL_TEXT && tooLong.push(`${s.name} ${i} ${j}`)));
  expect(tooLong).toEqual([]);
}

const ledgerName = (p: PreparedWorkbook, unit: string): string | undefined => p.ledgers.ledgers.find((l) => l.unit === unit)?.sheetName;
const directoryValue = (p: PreparedWorkbook, unit: string): Cell | undefined => {
  const dir = p.plan.sheets.find((s) => s.name === '单位名录')!;
  const col = dir.columns.findIndex((c) => c.header === '台账工作表');
  return dir.rows.find((r) => r[0]?.t === 'text' && r[0].v === unit)?.[col];
};

/** Unit names whose sheet names used to crash `duban build` (exit 70). */
const AWKWARD_UNITS = [`市${'甲'.repeat(26)}'乙乙局`, `市${'甲'.repeat(26)}😀乙局`, "市O'Neil局", '市abc局', '市ABC局'];
const AWKWARD = [...header('测试任务分工'), '1．做好工作。（市财政局牵头，12月底前完成）', ...AWKWARD_UNITS.map((u, i) => `${i + 2}．第${i + 2}项工作。（${u}牵头，12月底前完成）`), '2020年3月1日'].join('\n');

const DIRECTORY_NOTICE = [
  ...header('测试任务分工'),
  '1．做好财政工作。（市财政局牵头，12月底前完成）',
  '2．做好教育工作。（市教委牵头，市财政局配合，12月底前完成）',
  '3．做好商务工作。（市商务局牵头，年内持续推进）',
  '2020年3月1日',
].join('\n');

/** 单位名录's 台账工作表 edited to these values, and the ledger name 市财政局 gets instead. */
const DIRECTORY_CASES: Array<[label: string, edits: Record<string, string>, finance: string, education: string]> = [
  ['another unit’s ledger', { 市财政局: '台账-市教委' }, '台账-市财政局', '台账-市教委'],
  ['one of ours (汇总)', { 市财政局: '汇总' }, '台账-市财政局', '台账-市教委'],
  ['one of ours (_台账索引)', { 市财政局: '_台账索引' }, '台账-市财政局', '台账-市教委'],
  ['a slash', { 市财政局: '财政/局' }, '财政_局', '台账-市教委'],
  ['quotes first and last', { 市财政局: "'财政局'" }, '财政局', '台账-市教委'],
  ['History in lower case', { 市财政局: 'history' }, '台账-市财政局', '台账-市教委'],
  ['more than 31 characters', { 市财政局: '财'.repeat(40) }, '财'.repeat(31), '台账-市教委'],
  ['a name another unit takes in another case', { 市教委: 'ledger', 市财政局: 'LEDGER' }, '台账-市财政局', 'ledger'],
];

/** A task whose text is longer than an Excel cell holds. */
const LONG_TEXT = `${'推进工作'.repeat(10_000)}。`;
const LONG = [...header('长文本'), `1．${LONG_TEXT}（市财政局牵头，12月底前完成）`, '2020年3月1日'].join('\n');

async function setCells(wb: ExcelJS.Workbook, sheet: string, match: (row: ExcelJS.Row) => boolean, column: string, value: string): Promise<void> {
  const ws = wb.getWorksheet(sheet)!;
  const col = (ws.getRow(1).values as unknown[]).indexOf(column);
  ws.eachRow((row, r) => {
    if (r > 1 && match(row)) row.getCell(col).value = value;
  });
}

describe('sheet names never crash a build and formulas only point at sheets that exist', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-names-'));
  /** Files written through the xlsx writer, with the sheet names each plan made: opened in LibreOffice together. */
  const written: Array<{ label: string; file: string; sheets: string[] }> = [];

  it('awkward unit names: quote at 31, emoji at 31, a quote inside, names differing in case', async () => {
    const p = prepareWorkbook({ noticeText: AWKWARD, previous: null, asOf: AS_OF });
    expect(p.problems).toEqual([]);
    checkPlan(p.plan);
    const names = AWKWARD_UNITS.map((u) => ledgerName(p, u));
    expect(names).toEqual([`台账-市${'甲'.repeat(26)}`, `台账-市${'甲'.repeat(25)}~2`, "台账-市O'Neil局", '台账-市abc局', '台账-市ABC局~2']);
    for (const u of AWKWARD_UNITS) expect(directoryValue(p, u)).toEqual({ t: 'text', v: ledgerName(p, u) });
    expect(formulas(p.plan).some(({ f }) => f.includes("'台账-市O''Neil局'!"))).toBe(true);
    const file = join(dir, 'awkward.xlsx');
    await writePlanFile(p.plan, file);
    written.push({ label: 'awkward', file, sheets: p.plan.sheets.map((s) => s.name) });
  });

  describe('a 台账工作表 value in 单位名录 that cannot be used as written', () => {
    const v1 = join(dir, 'v1.xlsx');
    beforeAll(async () => {
      await writePlanFile(prepareWorkbook({ noticeText: DIRECTORY_NOTICE, previous: null, asOf: AS_OF }).plan, v1);
    });

    it.each(DIRECTORY_CASES)('%s', async (label, edits, finance, education) => {
      const wb = await openWorkbook(v1);
      for (const [unit, value] of Object.entries(edits)) await setCells(wb, '单位名录', (row) => row.getCell(1).value === unit, '台账工作表', value);
      // What each unit typed must stay with that unit.
      await setCells(wb, '台账-市财政局', (row) => row.getCell(1).value === '1.1', '具体措施', '财政的措施');
      await setCells(wb, '台账-市教委', (row) => row.getCell(1).value === '2.1', '具体措施', '教育的措施');
      const edited = join(dir, `edited-${written.length}.xlsx`);
      await wb.xlsx.writeFile(edited);
      const base = await openWorkbook(edited);
      const p = prepareWorkbook({ noticeText: DIRECTORY_NOTICE, previous: readWorkbookData(base), asOf: null });
      expect(p.problems).toEqual([]);
      checkPlan(p.plan);
      expect([ledgerName(p, '市财政局'), ledgerName(p, '市教委')]).toEqual([finance, education]);
      expect(directoryValue(p, '市财政局')).toEqual({ t: 'text', v: finance });
      const warning = p.warnings.find((w) => w.code === 'SHEET_NAME_CHANGED' && w.message.includes('市财政局'));
      expect(warning?.message).toContain(`“${edits['市财政局']}”`);
      expect(warning?.message).toContain(`已改用“${finance}”`);
      expect(p.notice.issues).toEqual(expect.arrayContaining([warning]));

      const typed = planAsData(p.plan);
      const measure = (sheet: string, id: string) => typed.sheets.find((s) => s.name === sheet)?.rows.find((r) => r[0] === id)?.[7];
      expect([measure(finance, '1.1'), measure(education, '2.1'), measure(finance, '2.1')]).toEqual(['财政的措施', '教育的措施', null]);
      // Rebuilding from what was written asks for nothing it cannot have: no warning, same names.
      const again = prepareWorkbook({ noticeText: DIRECTORY_NOTICE, previous: typed, asOf: null });
      expect(again.warnings).toEqual([]);
      expect(again.plan.sheets.map((s) => s.name)).toEqual(p.plan.sheets.map((s) => s.name));

      const file = join(dir, `directory-${written.length}.xlsx`);
      await writePlanFile(p.plan, file, base);
      const sheets = (await openWorkbook(file)).worksheets.map((w) => w.name);
      expect([...sheets].sort()).toEqual(p.plan.sheets.map((s) => s.name).sort());
      written.push({ label, file, sheets });
    });
  });

  it('a task longer than a cell holds is cut to 32 767 characters, and the build says where', async () => {
    const p = prepareWorkbook({ noticeText: LONG, previous: null, asOf: AS_OF });
    checkPlan(p.plan);
    const tasks = p.plan.sheets.find((s) => s.name === '任务清单')!;
    const cell = tasks.rows[0]?.[3];
    expect(cell?.t === 'text' && cell.v.length).toBe(MAX_CELL_TEXT);
    expect(cell?.t === 'text' && LONG_TEXT.startsWith(cell.v)).toBe(true);
    const cut = p.warnings.filter((w) => w.code === 'CELL_TEXT_CUT');
    expect(cut).toHaveLength(1);
    expect(cut[0]?.message).toContain('任务 1.1');
    expect(cut[0]?.message).toContain('任务清单!D2');
    expect(cut[0]?.message).toContain('台账-市财政局!C2');
    expect(cut[0]?.message).toContain(String(LONG_TEXT.length));
    expect(cut[0]?.line).toBe(3);
    const file = join(dir, 'long.xlsx');
    await writePlanFile(p.plan, file);
    written.push({ label: 'long', file, sheets: p.plan.sheets.map((s) => s.name) });
  });

  it('LibreOffice opens every one of these workbooks and computes every formula without an error', async () => {
    expect(written.length).toBe(2 + DIRECTORY_CASES.length);
    const outputs = recalculate(written.map((w) => w.file));
    for (const [i, w] of written.entries()) {
      const out = outputs[i] as string;
      expect([w.label, existsSync(out)]).toEqual([w.label, true]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      expect([w.label, wb.worksheets.map((s) => s.name)]).toEqual([w.label, w.sheets]);
      const errors: string[] = [];
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const v = cell.value as ExcelJS.CellValue;
            if (!(v && typeof v === 'object' && 'formula' in v)) return;
            const r = cell.result as unknown;
            if ((r && typeof r === 'object' && 'error' in (r as object)) || (typeof r === 'string' && /^(#|Err:)/.test(r))) errors.push(`${ws.name}!${cell.address} ${JSON.stringify(r)}`);
          }),
        ),
      );
      expect([w.label, errors]).toEqual([w.label, []]);
      if (w.label === 'long') expect(wb.getWorksheet('任务清单')!.getCell('D2').text.length).toBe(MAX_CELL_TEXT);
    }
  });
});
