import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { planAsData } from '../../src/workbook/planValues';
import type { SheetData } from '../../src/domain/grid/sheetData';
import { validateWorkbook } from '../../src/domain/validation/validate';
import { SEVERITY, type Finding, type FindingCode } from '../../src/domain/validation/findings';
import { forUnits, groupFindings, RULE_LABEL } from '../../src/domain/validation/group';
import { validationSheet } from '../../src/workbook/sheets/validationSheet';
import { LEDGER_COLUMNS } from '../../src/domain/ledger/columns';
import { columnLetter } from '../../src/domain/grid/a1';

const f = (code: FindingCode, unit: string, cell: string, task = '1.1', sheet = unit ? `台账-${unit}` : ''): Finding => ({
  code,
  severity: SEVERITY[code],
  sheet,
  cell,
  task,
  unit,
  message: code === 'NOT_REPORTED' ? `任务 ${task} 未填报` : `${code} ${cell}`,
});

/** Findings in the order the validator could give them, deliberately not in report order. */
const FINDINGS: Finding[] = [
  f('NOT_REPORTED', '市教委', 'H2', '1.1'),
  f('NOT_REPORTED', '市教委', 'H3', '2.3'),
  f('TEXT_DATE', '市财政局', 'P4'),
  f('REQUIRED_EMPTY', '市财政局', 'H5'),
  f('NOT_IN_LIST', '市财政局', 'N6'),
  f('REQUIRED_EMPTY', '市财政局', 'J5'),
  f('NOT_REPORTED', '市财政局', 'H9', '9.1'),
  f('PROGRESS_EMPTY', '市商务局', 'M2'),
  f('HIDDEN_COLUMN', '市商务局', 'I1', ''),
  f('NOT_IN_LIST', '市公安局', 'N2'),
  f('TEXT_NUMBER', '', 'I5', '5.1', '量化指标'),
  f('PROGRESS_EMPTY', '市民政局', 'M3'),
  f('TEXT_DATE', '市民政局', 'P3'),
  f('NOT_REPORTED', '市教委', 'H4', '3.2'),
  f('NOT_REPORTED', '市民政局', 'H7', '7.7'),
];

describe('groupFindings', () => {
  const g = groupFindings(FINDINGS);

  it('units: workbook-level first, then more errors, more warnings, then name; NOT_REPORTED kept out', () => {
    expect(g.units.map((u) => `${u.unit || '工作簿'} ${u.sheet} ${u.errors}/${u.warnings}`)).toEqual([
      '工作簿 量化指标 0/1',
      '市财政局 台账-市财政局 3/1',
      '市公安局 台账-市公安局 1/0',
      '市民政局 台账-市民政局 0/2',
      '市商务局 台账-市商务局 0/1', // 民 before 商 in pinyin (min < shang)
    ]);
    expect(g.units.flatMap((u) => u.rules).some((r) => r.code === 'NOT_REPORTED')).toBe(false);
  });

  it('rules inside a unit: errors, then warnings, then info, larger count first; findings keep their order', () => {
    const finance = g.units.find((u) => u.unit === '市财政局')!;
    expect(finance.rules.map((r) => [r.code, r.severity, r.label, r.count, r.findings.map((x) => x.cell).join(' ')])).toEqual([
      ['REQUIRED_EMPTY', 'error', '必填项未填写：H 列', 1, 'H5'],
      ['REQUIRED_EMPTY', 'error', '必填项未填写：J 列', 1, 'J5'],
      ['NOT_IN_LIST', 'error', '不在可选值中：N 列', 1, 'N6'],
      ['TEXT_DATE', 'warning', '文字日期：P 列', 1, 'P4'],
    ]);
    expect(g.units.find((u) => u.unit === '市商务局')!.rules.map((r) => r.code)).toEqual(['PROGRESS_EMPTY', 'HIDDEN_COLUMN']);
  });

  it('a group names the column of every cell in it: the header its messages quote, one group per column', () => {
    const msg = (x: Finding, m: string): Finding => ({ ...x, message: m });
    const fs = [
      msg(f('REQUIRED_EMPTY', '市财政局', 'M3'), '“成果形式”未填写'),
      msg(f('REQUIRED_EMPTY', '市财政局', 'K3'), '“计划完成时间”未填写'),
      msg(f('REQUIRED_EMPTY', '市财政局', 'K4'), '“计划完成时间”未填写'),
      msg(f('REQUIRED_EMPTY', '市财政局', 'M5'), '“成果形式”未填写（只有空格）'),
      msg(f('HEADER_MISSING', '市财政局', 'A1', ''), '缺少“备注”列'),
    ];
    const rules = groupFindings(fs).units[0]!.rules;
    expect(rules.map((r) => [r.label, r.column, r.findings.map((x) => x.cell).join(' ')])).toEqual([
      ['必填项未填写：成果形式', '成果形式', 'M3 M5'],
      ['必填项未填写：计划完成时间', '计划完成时间', 'K3 K4'],
      ['缺少必需列', null, 'A1'],
    ]);
  });

  it('notReported: one entry per unit, most rows first, pointing at the first unreported row', () => {
    expect(g.notReported).toEqual([
      { unit: '市教委', sheet: '台账-市教委', rows: 3, cell: 'H2', tasks: ['1.1', '2.3', '3.2'] },
      { unit: '市财政局', sheet: '台账-市财政局', rows: 1, cell: 'H9', tasks: ['9.1'] },
      { unit: '市民政局', sheet: '台账-市民政局', rows: 1, cell: 'H7', tasks: ['7.7'] },
    ]);
  });

  it('totals: errors and warnings of the grouped findings, unreported rows apart', () => {
    expect({ errors: g.errors, warnings: g.warnings, notReportedRows: g.notReportedRows }).toEqual({ errors: 4, warnings: 5, notReportedRows: 5 });
    const all = g.units.flatMap((u) => u.rules.flatMap((r) => r.findings)).length + g.notReportedRows;
    expect(all).toBe(FINDINGS.length);
  });

  it('nothing found: nothing grouped', () => {
    expect(groupFindings([])).toEqual({ units: [], notReported: [], errors: 0, warnings: 0, notReportedRows: 0 });
  });

  it('every rule has a Chinese label', () => {
    for (const code of Object.keys(SEVERITY) as FindingCode[]) expect(RULE_LABEL[code]).toMatch(/\p{Script=Han}/u);
  });
});

describe('forUnits', () => {
  it('keeps the named units\' findings and the workbook-level ones, in order', () => {
    const kept = forUnits(FINDINGS, ['市教委', '市公安局']);
    expect(kept.map((x) => `${x.unit} ${x.cell}`)).toEqual(['市教委 H2', '市教委 H3', '市公安局 N2', ' I5', '市教委 H4']);
    expect(forUnits(FINDINGS, [])).toEqual([FINDINGS[10]]);
  });
});

describe('the seed workbook as generated', () => {
  const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
  const book = planAsData(prepareWorkbook({ noticeText: SEED, previous: null, asOf: '2020-12-01' }).plan);
  const ledgers = book.sheets.filter((s) => s.name.startsWith('台账-'));
  const measures = columnLetter(LEDGER_COLUMNS.findIndex((c) => c.key === 'measures'));
  const result = validateWorkbook(book, '2020-12-01');

  it('has no REQUIRED_EMPTY and one NOT_REPORTED per ledger row, at its 具体措施 cell', () => {
    expect(result.findings.filter((x) => x.code === 'REQUIRED_EMPTY')).toEqual([]);
    const rows = ledgers.flatMap((s) => s.rows.slice(1).map((row, i) => `${s.name}!${measures}${i + 2} ${String(row[0])}`));
    expect(result.findings.filter((x) => x.code === 'NOT_REPORTED').map((x) => `${x.sheet}!${x.cell} ${x.task}`)).toEqual(rows);
    expect(result.findings).toHaveLength(rows.length);
  });

  it('groups into one notReported entry per ledger and nothing else', () => {
    const g = groupFindings(result.findings);
    expect(g.units).toEqual([]);
    expect(g.notReported).toHaveLength(ledgers.length);
    const byLedger = Object.fromEntries(ledgers.map((s) => [s.name, { rows: s.rows.length - 1, cell: `${measures}2`, tasks: s.rows.slice(1).map((r) => String(r[0])) }]));
    expect(Object.fromEntries(g.notReported.map((n) => [n.sheet, { rows: n.rows, cell: n.cell, tasks: n.tasks }]))).toEqual(byLedger);
    expect(g.notReported.map((n) => n.rows)).toEqual([...g.notReported.map((n) => n.rows)].sort((a, b) => b - a));
    expect(g.notReportedRows).toBe(result.findings.length);
  });

  it('an unfilled row in a unit\'s own layout points at its 具体措施, wherever that column is', () => {
    const own = { sheets: book.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) })) };
    const sheet = own.sheets.find((s) => s.name === '台账-市财政局') as SheetData;
    sheet.rows = sheet.rows.map((row) => [...row].reverse());
    const moved = columnLetter(LEDGER_COLUMNS.length - 1 - LEDGER_COLUMNS.findIndex((c) => c.key === 'measures'));
    const first = validateWorkbook(own, '2020-12-01').findings.find((x) => x.sheet === sheet.name);
    expect(first).toMatchObject({ code: 'NOT_REPORTED', cell: `${moved}2` });
  });
});

describe('校验结果 sheet', () => {
  it('follows the grouping: filled rows by unit and rule, then one row per unit for its unreported rows', () => {
    const plan = validationSheet(FINDINGS, '2020-12-01');
    const rows = plan.rows.map((r) => r.map((c) => (c === null ? '' : 'v' in c ? String(c.v) : `=${c.f}`)));
    expect(rows.map((r) => `${r[0]} ${r[1]} ${r[5]} ${r[3]}`)).toEqual([
      '警告 TEXT_NUMBER  =HYPERLINK("#\'量化指标\'!I5","I5")',
      '错误 REQUIRED_EMPTY 市财政局 =HYPERLINK("#\'台账-市财政局\'!H5","H5")',
      '错误 REQUIRED_EMPTY 市财政局 =HYPERLINK("#\'台账-市财政局\'!J5","J5")',
      '错误 NOT_IN_LIST 市财政局 =HYPERLINK("#\'台账-市财政局\'!N6","N6")',
      '警告 TEXT_DATE 市财政局 =HYPERLINK("#\'台账-市财政局\'!P4","P4")',
      '错误 NOT_IN_LIST 市公安局 =HYPERLINK("#\'台账-市公安局\'!N2","N2")',
      '警告 PROGRESS_EMPTY 市民政局 =HYPERLINK("#\'台账-市民政局\'!M3","M3")',
      '警告 TEXT_DATE 市民政局 =HYPERLINK("#\'台账-市民政局\'!P3","P3")',
      '警告 PROGRESS_EMPTY 市商务局 =HYPERLINK("#\'台账-市商务局\'!M2","M2")',
      '提示 HIDDEN_COLUMN 市商务局 =HYPERLINK("#\'台账-市商务局\'!I1","I1")',
      '警告 NOT_REPORTED 市教委 =HYPERLINK("#\'台账-市教委\'!H2","H2")',
      '警告 NOT_REPORTED 市财政局 =HYPERLINK("#\'台账-市财政局\'!H9","H9")',
      '警告 NOT_REPORTED 市民政局 =HYPERLINK("#\'台账-市民政局\'!H7","H7")',
    ]);
    expect(rows[10]).toEqual(['警告', 'NOT_REPORTED', '台账-市教委', '=HYPERLINK("#\'台账-市教委\'!H2","H2")', '', '市教委', '3 行未填报：任务 1.1、2.3、3.2']);
    expect(plan.conditionalFormats).toEqual([expect.objectContaining({ range: 'A2:G14' })]);
  });

  it('a long list of unreported tasks is cut short; typed text never becomes a formula', () => {
    const many = Array.from({ length: 25 }, (_, i) => f('NOT_REPORTED', '=1+1', `H${i + 2}`, `${i + 1}.1`, '台账-=1+1'));
    const bad: Finding = { ...f('NOT_IN_LIST', '市财政局', 'N2'), message: '=HYPERLINK("http://x","点我")' };
    const plan = validationSheet([...many, bad], '2020-12-01');
    expect(plan.rows[0]?.[6]).toEqual({ t: 'text', v: '=HYPERLINK("http://x","点我")' });
    expect(plan.rows[1]?.[5]).toEqual({ t: 'text', v: '=1+1' });
    expect(plan.rows[1]?.[2]).toEqual({ t: 'text', v: '台账-=1+1' });
    expect(plan.rows[1]?.[6]).toEqual({ t: 'text', v: `25 行未填报：任务 ${Array.from({ length: 20 }, (_, i) => `${i + 1}.1`).join('、')}…` });
    expect(plan.rows.flat().flatMap((c) => (c?.t === 'formula' ? [c.f] : []))).toEqual([
      'HYPERLINK("#\'台账-市财政局\'!N2","N2")',
      'HYPERLINK("#\'台账-=1+1\'!H2","H2")',
    ]);
  });
});
