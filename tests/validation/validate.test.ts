import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { planAsData } from '../../src/workbook/planValues';
import type { SheetData, SheetValue, WorkbookData } from '../../src/domain/grid/sheetData';
import { validateWorkbook } from '../../src/domain/validation/validate';
import { parseQuantity, parseTextDate } from '../../src/domain/validation/textValues';
import { LEDGER_COLUMNS, type LedgerColumnKey } from '../../src/domain/ledger/columns';
import { columnLetter } from '../../src/domain/grid/a1';
import { excelSerial } from '../../src/domain/time/isoDate';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const AS_OF = '2020-12-01';
const A = excelSerial(AS_OF, 1900);
const base = planAsData(prepareWorkbook({ noticeText: SEED, previous: null, asOf: AS_OF }).plan);
const at = (key: LedgerColumnKey) => LEDGER_COLUMNS.findIndex((c) => c.key === key);

const clone = (book: WorkbookData): WorkbookData => ({ sheets: book.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) })) });

/** Every ledger row filled the way the office wants it: no finding at all. */
function filledCorrectly(): WorkbookData {
  const book = clone(base);
  for (const sheet of book.sheets.filter((s) => s.name.startsWith('台账-'))) {
    sheet.rows.forEach((row, r) => {
      if (r === 0) return;
      const due = row[at('due')] as number | null;
      row[at('measures')] = '制定方案，按月推进';
      row[at('person')] = '张三';
      row[at('plannedDate')] = due ?? A;
      row[at('outputForm')] = '工作方案';
      row[at('status')] = '推进中';
      row[at('progress')] = '已召开推进会';
      row[at('updated')] = A;
    });
  }
  return book;
}

/** A value planted in a task's row; with `copyOf`, the whole row becomes a copy of that task's row first. */
type Plant = { sheet: string; task: string; key: LedgerColumnKey; value: SheetValue; code: string; copyOf?: string };

function plant(book: WorkbookData, p: Plant): string {
  const sheet = book.sheets.find((s) => s.name === p.sheet) as SheetData;
  const r = sheet.rows.findIndex((row, i) => i > 0 && row[0] === p.task);
  if (p.copyOf !== undefined) sheet.rows[r] = [...(sheet.rows.find((row, i) => i > 0 && row[0] === p.copyOf) as SheetValue[])];
  (sheet.rows[r] as SheetValue[])[at(p.key)] = p.value;
  return `${columnLetter(at(p.key))}${r + 1}`;
}

const F = '台账-市财政局';
const PLANTS: Plant[] = [
  { sheet: F, task: '3.1', key: 'measures', value: '', code: 'REQUIRED_EMPTY' },
  { sheet: F, task: '9.1', key: 'person', value: '   ', code: 'REQUIRED_EMPTY' },
  { sheet: F, task: '10.1', key: 'progress', value: null, code: 'PROGRESS_EMPTY' },
  { sheet: F, task: '11.3', key: 'status', value: '完成了', code: 'STATUS_UNKNOWN' },
  { sheet: F, task: '12.1', key: 'outputForm', value: '会议纪要', code: 'NOT_IN_LIST' },
  { sheet: F, task: '12.3', key: 'plannedDate', value: '下个月', code: 'NOT_A_DATE' },
  { sheet: F, task: '13.6', key: 'updated', value: '2020年11月30日', code: 'TEXT_DATE' },
  { sheet: F, task: '14.1', key: 'plannedDate', value: excelSerial('2021-01-01', 1900), code: 'PLAN_AFTER_DUE' },
  { sheet: F, task: '15.1', key: 'updated', value: A + 1, code: 'DATE_IN_FUTURE' },
  { sheet: F, task: '16.1', key: 'taskId', value: '99.9', code: 'UNKNOWN_TASK' },
  { sheet: F, task: '18.1', key: 'taskId', value: '4.1', code: 'NOT_ASSIGNED' },
  // A second row of 3.1 filled word for word like the first (a row typed twice); other added rows are fine.
  { sheet: F, task: '19.1', key: 'taskId', value: '3.1', code: 'DUPLICATE_ROW', copyOf: '3.1' },
  { sheet: F, task: '20.1', key: 'role', value: '牵头', code: 'ASSIGNMENT_CHANGED' },
  { sheet: '台账-市发展改革委', task: '21.1', key: 'leads', value: '市发展改革委', code: 'ASSIGNMENT_CHANGED' },
];

describe('validation: a correctly filled workbook and planted errors', () => {
  it('a correctly filled workbook gives zero findings', () => {
    expect(validateWorkbook(filledCorrectly(), AS_OF).findings).toEqual([]);
  });

  it('an unfilled workbook is one NOT_REPORTED warning per ledger row, not one REQUIRED_EMPTY per cell', () => {
    const r = validateWorkbook(base, AS_OF);
    const ledgers = base.sheets.filter((s) => s.name.startsWith('台账-'));
    const rows = ledgers.flatMap((s) => s.rows.slice(1).map((row, i) => `${s.name}!${columnLetter(at('measures'))}${i + 2} ${String(row[0])}`));
    expect(rows).toHaveLength(463); // the seed's ledger rows (2 315 REQUIRED_EMPTY before: 5 per row)
    expect(r.errors).toBe(0);
    expect(r.warnings).toBe(463);
    expect(r.findings.map((f) => `${f.sheet}!${f.cell} ${f.task}`)).toEqual(rows);
    expect(r.findings.every((f) => f.code === 'NOT_REPORTED' && f.severity === 'warning' && f.unit === f.sheet.slice(3) && f.message === `任务 ${f.task} 未填报`)).toBe(true);
  });

  it('a row a unit filled partly still reports each empty required cell; one filled cell is enough', () => {
    const book = clone(base);
    const note = plant(book, { sheet: F, task: '3.1', key: 'note', value: '待定', code: '' });
    const row = note.replace(/^[A-Z]+/, '');
    const own = validateWorkbook(book, AS_OF).findings.filter((f) => f.sheet === F && f.task === '3.1');
    expect(own.map((f) => `${f.code} ${f.cell}`)).toEqual((['measures', 'person', 'plannedDate', 'outputForm', 'status'] as const).map((k) => `REQUIRED_EMPTY ${columnLetter(at(k))}${row}`));
  });

  it('an empty row that should not be in the ledger is reported as such, not as unreported', () => {
    const book = clone(base);
    plant(book, { sheet: F, task: '16.1', key: 'taskId', value: '99.9', code: '' });
    plant(book, { sheet: F, task: '18.1', key: 'taskId', value: '4.1', code: '' });
    const codes = validateWorkbook(book, AS_OF).findings.filter((f) => f.sheet === F && ['99.9', '4.1'].includes(f.task)).map((f) => `${f.code} ${f.task}`);
    expect(codes).toEqual(['UNKNOWN_TASK 99.9', 'NOT_ASSIGNED 4.1']);
  });

  it('finds every planted error at its cell, and nothing else', () => {
    const book = filledCorrectly();
    const expected = PLANTS.map((p) => `${p.code} ${p.sheet}!${plant(book, p)}`);
    // 已完成 without 完成日期 is planted on its own row, where both cells are known.
    const done = plant(book, { sheet: F, task: '29.1', key: 'status', value: '已完成', code: '' });
    expected.push(`DONE_WITHOUT_DATE ${F}!${columnLetter(at('doneDate'))}${done.slice(1)}`);
    // …and without 佐证材料 (DESIGN §12): a warning on the same row.
    expected.push(`NO_EVIDENCE ${F}!${columnLetter(at('evidence'))}${done.slice(1)}`);
    const actual = validateWorkbook(book, AS_OF).findings.map((f) => `${f.code} ${f.sheet}!${f.cell}`);
    expect(actual.sort()).toEqual(expected.sort());
  });

  it('the same planted errors are found in a unit\'s own layout: moved columns, alias headers', () => {
    const book = filledCorrectly();
    const planted = PLANTS.filter((x) => x.sheet === F).map((p) => ({ p, row: Number(plant(book, p).replace(/^[A-Z]+/, '')) }));
    const sheet = book.sheets.find((s) => s.name === F) as SheetData;
    // Reverse the column order and rename headers to aliases units use.
    const alias: Record<string, string> = { 任务编号: '序号', 责任人: '负责人', 进展情况: '工作进展', 完成时限: '时限要求', 状态: '完成状态' };
    sheet.rows = sheet.rows.map((row) => [...row].reverse());
    sheet.rows[0] = (sheet.rows[0] as SheetValue[]).map((h) => alias[h as string] ?? h);
    const moved = (key: LedgerColumnKey) => columnLetter(LEDGER_COLUMNS.length - 1 - at(key));
    const findings = validateWorkbook(book, AS_OF).findings.filter((f) => f.sheet === F).map((f) => `${f.code} ${f.cell}`);
    expect(findings.sort()).toEqual(planted.map(({ p, row }) => `${p.code} ${moved(p.key)}${row}`).sort());
  });

  it('rows a unit added for one task are each validated; only word-for-word copies are DUPLICATE_ROW, a warning', () => {
    const book = filledCorrectly();
    const sheet = book.sheets.find((s) => s.name === F) as SheetData;
    const r = sheet.rows.findIndex((row, i) => i > 0 && row[0] === '3.1');
    const first = sheet.rows[r] as SheetValue[];
    // Inserted under the first: only 任务编号 and fills typed, the generated cells left blank.
    const second: SheetValue[] = first.map((v, i) => (LEDGER_COLUMNS[i]?.role === 'generated' && i > 0 ? null : v));
    second[at('measures')] = '第二项措施';
    second[at('status')] = '已完成';
    second[at('evidence')] = '津财〔2020〕3号';
    const copy = [...first];
    sheet.rows.splice(r + 1, 0, second, copy);
    const found = validateWorkbook(book, AS_OF).findings.filter((f) => f.sheet === F && f.task === '3.1');
    expect(found.map((f) => `${f.code} ${f.severity} ${f.cell}`)).toEqual([
      `DONE_WITHOUT_DATE error ${columnLetter(at('doneDate'))}${r + 2}`,
      `DUPLICATE_ROW warning A${r + 3}`,
    ]);
    expect(found[1]?.message).toContain(`第 ${r + 1} 行`);
  });

  it('a missing or duplicated column is itself a finding naming the column', () => {
    const book = filledCorrectly();
    const sheet = book.sheets.find((s) => s.name === F) as SheetData;
    (sheet.rows[0] as SheetValue[])[at('person')] = '联系电话';
    (sheet.rows[0] as SheetValue[])[at('note')] = '状态';
    const f = validateWorkbook(book, AS_OF).findings.filter((x) => x.sheet === F);
    expect(f.find((x) => x.code === 'HEADER_MISSING')?.message).toBe('缺少“责任人”列');
    expect(f.find((x) => x.code === 'HEADER_DUPLICATE')).toMatchObject({ cell: `${columnLetter(at('note'))}1` });
  });
});

describe('validation at the boundaries', () => {
  const one = (key: LedgerColumnKey, value: SheetValue, task = '3.1') => {
    const book = filledCorrectly();
    plant(book, { sheet: F, task, key, value, code: '' });
    return validateWorkbook(book, AS_OF).findings.map((f) => f.code);
  };
  it('计划完成时间 equal to the due date is fine, a day later is not', () => {
    expect(one('plannedDate', excelSerial('2020-12-31', 1900))).toEqual([]);
    expect(one('plannedDate', excelSerial('2021-01-01', 1900))).toEqual(['PLAN_AFTER_DUE']);
  });
  it('更新日期 equal to the as-of date is fine, a day later is in the future', () => {
    expect(one('updated', A)).toEqual([]);
    expect(one('updated', A + 1)).toEqual(['DATE_IN_FUTURE']);
  });
  it('blank and whitespace are both empty; the message says which', () => {
    expect(one('person', '')).toEqual(['REQUIRED_EMPTY']);
    const book = filledCorrectly();
    plant(book, { sheet: F, task: '3.1', key: 'person', value: '\u0020\u0020', code: '' });
    expect(validateWorkbook(book, AS_OF).findings[0]?.message).toContain('只有空格');
  });
  it('a status with stray spaces is not in the list, and the message says so', () => {
    const book = filledCorrectly();
    plant(book, { sheet: F, task: '3.1', key: 'status', value: ' 推进中', code: '' });
    expect(validateWorkbook(book, AS_OF).findings[0]).toMatchObject({ code: 'STATUS_UNKNOWN', message: expect.stringContaining('前后有多余空格') });
  });
  it('text dates in every usual form, full-width digits included, are fixable', () => {
    for (const text of ['2020年11月30日', '2020.11.30', '2020/11/30', '2020-11-30', '２０２０年１１月３０日']) {
      const book = filledCorrectly();
      plant(book, { sheet: F, task: '3.1', key: 'updated', value: text, code: '' });
      expect(validateWorkbook(book, AS_OF).findings).toEqual([expect.objectContaining({ code: 'TEXT_DATE', fix: excelSerial('2020-11-30', 1900) })]);
    }
    expect(parseTextDate('2020.2.30')).toBeNull();
  });
});

describe('量化指标 完成值', () => {
  const targetFindings = (task: string, value: SheetValue) => {
    const book = filledCorrectly();
    const sheet = book.sheets.find((s) => s.name === '量化指标') as SheetData;
    const r = sheet.rows.findIndex((row, i) => i > 0 && row[1] === task);
    (sheet.rows[r] as SheetValue[])[8] = value;
    return validateWorkbook(book, AS_OF).findings.map((f) => ({ code: f.code, cell: f.cell, fix: f.fix }));
  };
  it('numbers with units are read against the target\'s unit and magnitude', () => {
    expect(targetFindings('5.1', 8.2)).toEqual([]);
    expect(targetFindings('5.1', '8.2万人')).toEqual([expect.objectContaining({ code: 'TEXT_NUMBER', fix: 8.2 })]);
    expect(targetFindings('5.1', '82000人')).toEqual([expect.objectContaining({ code: 'TEXT_NUMBER', fix: 8.2 })]);
    expect(targetFindings('11.4', '95%')).toEqual([expect.objectContaining({ code: 'TEXT_NUMBER', fix: 95 })]);
    expect(targetFindings('5.1', '8万吨')).toEqual([expect.objectContaining({ code: 'UNIT_MISMATCH' })]);
    expect(targetFindings('5.1', '很多')).toEqual([expect.objectContaining({ code: 'VALUE_NOT_NUMBER' })]);
    expect(parseQuantity('１，２００吨')).toBeNull();
    expect(parseQuantity('1,200 吨')).toEqual({ value: 1200, magnitude: 1, unit: '吨' });
  });
});

describe('bad input', () => {
  it('a workbook without ledgers is one finding, not a crash', () => {
    const book = { sheets: base.sheets.filter((s) => !s.name.startsWith('台账-') && s.name !== '单位名录') };
    expect(validateWorkbook(book, AS_OF).findings).toEqual([expect.objectContaining({ code: 'NO_LEDGERS', severity: 'warning' })]);
  });
  it('merged cells and hidden columns in the fill area are reported', () => {
    const book = filledCorrectly();
    const sheet = book.sheets.find((s) => s.name === F) as SheetData;
    sheet.merges = ['H2:H3', 'B2:C2'];
    sheet.hiddenColumns = [at('person'), at('section')];
    const f = validateWorkbook(book, AS_OF).findings.map((x) => `${x.code} ${x.cell}`);
    expect(f).toEqual(['MERGED_CELLS H2', `HIDDEN_COLUMN ${columnLetter(at('person'))}1`]);
  });
});

describe('a unit\'s own ledger with a title above its header row', () => {
  it('finds the header below the title and reports cells at their real rows', () => {
    const book = filledCorrectly();
    const sheet = book.sheets.find((s) => s.name === F) as SheetData;
    const blankRow = (sheet.rows[0] as SheetValue[]).map(() => null);
    sheet.rows = [['市财政局重点工作任务台账', ...blankRow.slice(1)], blankRow, ...sheet.rows];
    const r = sheet.rows.findIndex((row) => row[0] === '3.1');
    (sheet.rows[r] as SheetValue[])[at('person')] = '';
    expect(validateWorkbook(book, AS_OF).findings.map((f) => `${f.code} ${f.cell}`)).toEqual([`REQUIRED_EMPTY ${columnLetter(at('person'))}${r + 1}`]);
  });
});
