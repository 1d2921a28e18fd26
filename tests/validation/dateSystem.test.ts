/**
 * Validation and the summary engine in the workbook's own date system, and numbers in date cells
 * that are no dates (`20231231`), reported in words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { planAsData } from '../../src/workbook/planValues';
import type { SheetData, SheetValue, WorkbookData } from '../../src/domain/grid/sheetData';
import { validateWorkbook } from '../../src/domain/validation/validate';
import { digitsAsDate, notADateMessage } from '../../src/domain/validation/textValues';
import { readSummary, readSummaryParameters } from '../../src/domain/summary/readSummary';
import { summarize } from '../../src/domain/summary/summarize';
import { LEDGER_COLUMNS, type LedgerColumnKey } from '../../src/domain/ledger/columns';
import { columnLetter } from '../../src/domain/grid/a1';
import { excelSerial, type DateSystem } from '../../src/domain/time/isoDate';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const AS_OF = '2020-12-01';
const plan = prepareWorkbook({ noticeText: SEED, previous: null, asOf: AS_OF }).plan;
const at = (key: LedgerColumnKey) => LEDGER_COLUMNS.findIndex((c) => c.key === key);
const F = '台账-市财政局';

/** The seed workbook as read from a file of this date system, with dates typed into 市财政局's ledger. */
function typedBook(system: DateSystem): WorkbookData {
  const book = planAsData(plan, system);
  const s = (iso: string) => excelSerial(iso, system);
  const sheet = book.sheets.find((x) => x.name === F) as SheetData;
  const put = (task: string, values: Partial<Record<LedgerColumnKey, SheetValue>>) => {
    const row = sheet.rows.find((r, i) => i > 0 && r[0] === task) as SheetValue[];
    for (const [k, v] of Object.entries(values)) row[at(k as LedgerColumnKey)] = v;
  };
  const filled = { measures: '方案', person: '张三', outputForm: '工作方案', progress: '推进' };
  put('36.1', { ...filled, plannedDate: s('2020-08-31'), status: '已完成', evidence: '津发〔2020〕1号', doneDate: s('2020-09-30'), updated: s('2020-11-30') });
  put('36.3', { ...filled, plannedDate: s('2021-01-01'), status: '推进中', updated: s('2020-12-02') });
  put('30.1', { ...filled, plannedDate: 20231231, status: '已完成', evidence: '津发〔2020〕2号', doneDate: s('2020-12-01') });
  return book;
}

const findingsOf = (book: WorkbookData) =>
  validateWorkbook(book, AS_OF)
    .findings.filter((f) => f.sheet === F && f.code !== 'NOT_REPORTED')
    .map(({ code, cell, message }) => ({ code, cell, message }));

describe('validation in the workbook’s date system', () => {
  it('a 1904 workbook gives the findings of its 1900 twin, dates in messages included', () => {
    const f1900 = findingsOf(typedBook(1900));
    const f1904 = findingsOf(typedBook(1904));
    expect(f1904).toEqual(f1900);
    expect(f1904.map((f) => f.code).sort()).toEqual(['DATE_IN_FUTURE', 'NOT_A_DATE', 'PLAN_AFTER_DUE']);
  });

  it('a text date is fixed to the serial of the workbook’s system', () => {
    for (const system of [1900, 1904] as const) {
      const book = typedBook(system);
      const sheet = book.sheets.find((x) => x.name === F) as SheetData;
      (sheet.rows.find((r, i) => i > 0 && r[0] === '36.1') as SheetValue[])[at('updated')] = '2020年11月30日';
      const fix = validateWorkbook(book, AS_OF).findings.find((f) => f.code === 'TEXT_DATE');
      expect(fix?.fix).toBe(excelSerial('2020-11-30', system));
    }
  });

  it('summary figures and the overdue list are the same in both systems', () => {
    const report = (system: DateSystem) => summarize(readSummary(typedBook(system)).input, AS_OF, 15);
    const a = report(1900);
    const b = report(1904);
    expect(b.overall).toEqual(a.overall);
    expect(b.units).toEqual(a.units);
    expect(b.overdue).toEqual(a.overdue);
    expect(b.overdue.every((o) => /^2020-/.test(o.due))).toBe(true);
  });

  it('统计日期 typed into a 1904 workbook is read as the same date', () => {
    for (const system of [1900, 1904] as const) {
      const book = planAsData(plan, system);
      const params = readSummaryParameters(book);
      expect(params).toMatchObject({ asOf: AS_OF, asOfProblem: null });
    }
  });
});

describe('a number in a date cell that is no date', () => {
  it('digits typed for a date are recognised', () => {
    expect(digitsAsDate(20231231)).toBe('2023-12-31');
    expect(digitsAsDate(20200229)).toBe('2020-02-29');
    expect(digitsAsDate(20210229)).toBeNull();
    expect(digitsAsDate(2023123)).toBeNull();
    expect(digitsAsDate(20231231.5)).toBeNull();
  });

  it('is NOT_A_DATE with a message a unit can act on, never NaN', () => {
    expect(notADateMessage('计划完成时间', 20231231)).toBe('“计划完成时间”填写了 20231231，这不是日期（像是把 2023-12-31 写成了数字），请改为日期 2023-12-31');
    expect(notADateMessage('完成日期', 3e6)).toBe('“完成日期”填写了 3000000，这不是日期（超出了 Excel 的日期范围，最晚是 9999-12-31），请填写日期（例如 2020-12-31）');
    expect(notADateMessage('完成日期', -3)).toContain('日期必须在 1900-01-01 之后');
    for (const n of [NaN, Infinity, -Infinity]) {
      const m = notADateMessage('更新日期', n);
      expect(m).toBe('“更新日期”中的值无法识别（文件里记录的不是有效数字），请重新填写日期（例如 2020-12-31）');
      expect(m).not.toMatch(/NaN|Infinity/);
    }
  });

  it('in a ledger and in 量化指标 更新日期, in either system', () => {
    for (const system of [1900, 1904] as const) {
      const book = typedBook(system);
      const f = validateWorkbook(book, AS_OF).findings.find((x) => x.code === 'NOT_A_DATE' && x.sheet === F);
      expect(f).toMatchObject({ task: '30.1', message: expect.stringContaining('像是把 2023-12-31 写成了数字') });
      const targets = book.sheets.find((s) => s.name === '量化指标') as SheetData;
      const header = targets.rows[0] as SheetValue[];
      (targets.rows[1] as SheetValue[])[header.indexOf('更新日期')] = 99999999;
      const t = validateWorkbook(book, AS_OF).findings.find((x) => x.sheet === '量化指标' && x.code === 'NOT_A_DATE');
      expect(t?.message).toBe('“更新日期”填写了 99999999，这不是日期（超出了 Excel 的日期范围，最晚是 9999-12-31），请填写日期（例如 2020-12-31）');
    }
  });

  it('a 完成值 that is not a finite number, or text too long to be one, is VALUE_NOT_NUMBER, with no fix', () => {
    const book = typedBook(1900);
    const targets = book.sheets.find((s) => s.name === '量化指标') as SheetData;
    const header = targets.rows[0] as SheetValue[];
    (targets.rows[1] as SheetValue[])[header.indexOf('完成值')] = NaN;
    (targets.rows[2] as SheetValue[])[header.indexOf('完成值')] = '9'.repeat(400);
    const found = validateWorkbook(book, AS_OF).findings.filter((x) => x.sheet === '量化指标' && x.code === 'VALUE_NOT_NUMBER');
    expect(found.map((x) => x.cell)).toEqual([`${columnLetter(header.indexOf('完成值'))}2`, `${columnLetter(header.indexOf('完成值'))}3`]);
    expect(found.every((x) => x.fix === undefined && !x.message.includes('NaN'))).toBe(true);
  });

  it('over 统计日期: not used, said why; validate warns and counts as of the given date', () => {
    const book = typedBook(1904);
    const summary = book.sheets.find((s) => s.name === '汇总') as SheetData;
    (summary.rows[0] as SheetValue[])[1] = 20231231;
    const params = readSummaryParameters(book);
    expect(params.asOf).toBeNull();
    expect(params.asOfProblem).toBe('“统计日期”填写了 20231231，这不是日期（像是把 2023-12-31 写成了数字），请改为日期 2023-12-31');
    const r = validateWorkbook(book, '2021-03-01');
    expect(r.asOf).toBe('2021-03-01');
    expect(r.findings[0]).toMatchObject({ code: 'AS_OF_NOT_A_DATE', severity: 'warning', sheet: '汇总', cell: 'B1', message: expect.stringContaining('本次按 2021-03-01 统计') });
    (summary.rows[0] as SheetValue[])[1] = '下月初';
    expect(readSummaryParameters(book)).toMatchObject({ asOf: null, asOfProblem: expect.stringContaining('“统计日期”填写了“下月初”，这不是日期') });
  });

  it('an update puts =TODAY() back over a 统计日期 that is no date, and says so', () => {
    const book = typedBook(1900);
    const summary = book.sheets.find((s) => s.name === '汇总') as SheetData;
    (summary.rows[0] as SheetValue[])[1] = 20231231;
    summary.formulaCells = (summary.formulaCells ?? []).filter((c) => c !== 'B1');
    const again = prepareWorkbook({ noticeText: SEED, previous: book, asOf: null });
    expect(again.warnings.map((w) => w.message)).toEqual(['“统计日期”填写了 20231231，这不是日期（像是把 2023-12-31 写成了数字），请改为日期 2023-12-31；已恢复为公式 =TODAY()，按当天统计']);
    const b1 = again.plan.sheets.find((s) => s.name === '汇总')?.extraCells?.find((e) => e.address === 'B1')?.cell;
    expect(b1).toEqual({ t: 'formula', f: 'TODAY()' });
    // The typed 20231231 in 计划完成时间 is kept as typed.
    const ledger = planAsData(again.plan).sheets.find((s) => s.name === F) as SheetData;
    expect((ledger.rows.find((r, i) => i > 0 && r[0] === '30.1') as SheetValue[])[at('plannedDate')]).toBe(20231231);
  });
});
