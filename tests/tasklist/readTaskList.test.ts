import { readTaskList } from '../../src/domain/tasklist/readTaskList';
import { readDeadlineCells } from '../../src/domain/tasklist/deadlineCells';
import { closestUnitName } from '../../src/domain/tasklist/closestName';
import { readUnitCell } from '../../src/domain/tasklist/unitCells';
import { createDirectory } from '../../src/domain/units/directory';
import { BUILTIN_DIRECTORY } from '../../src/domain/units/builtinDirectory';
import type { SheetValue } from '../../src/domain/grid/sheetData';
import { serial } from './support';

const HEADER = ['任务编号', '板块', '事项', '任务内容', '牵头单位', '负责单位', '配合单位', '完成时限', '截止日期', '时限类型', '指标数', '任务状态', '预警', '灯'];
const directory = createDirectory();
const read = (...rows: SheetValue[][]) => readTaskList({ name: '任务清单', rows: [HEADER, ...rows] }, { directory, year: 2020, dateSystem: 1900 });
const row = (id: string, text: string, lead: string, joint = '', support = '', deadline = '12月底前完成', due: SheetValue = null): SheetValue[] => [id, '（一）稳就业', 1, text, lead, joint, support, deadline, due];

describe('reading 任务清单', () => {
  it('reads units by column, with role suffixes and the directory’s canonical names', () => {
    const { notice, findings } = read(row('1.1', '做好就业工作。', '天津市财政局', '市政府各部门（分别负责）', '市发改委、市人社局'));
    expect(findings).toEqual([]);
    expect(notice.tasks[0]!.units).toEqual([
      { name: '市财政局', role: 'lead' },
      { name: '市政府各部门', role: 'each' },
      { name: '市发展改革委', role: 'support' },
      { name: '市人社局', role: 'support' },
    ]);
    expect(notice.sections).toEqual([{ no: 1, title: '稳就业' }]);
    expect(notice.tasks[0]!.deadline.due).toBe('2020-12-31');
  });

  it('an unknown unit is a finding at its cell, with the closest directory name suggested', () => {
    const { findings, notice } = read(row('1.1', '做好就业工作。', '市财正局'));
    expect(findings).toEqual([{ code: 'UNKNOWN_UNIT', severity: 'warning', sheet: '任务清单', cell: 'E2', task: '1.1', message: expect.stringContaining('是否应为“市财政局”') }]);
    // Kept as written: the office decides.
    expect(notice.tasks[0]!.units).toEqual([{ name: '市财正局', role: 'lead' }]);
  });

  it('an unknown unit like no directory name gets no suggestion', () => {
    const { findings } = read(row('1.1', '做好就业工作。', '', '', '某某研究会'));
    expect(findings.map((f) => [f.code, f.cell])).toEqual([['UNKNOWN_UNIT', 'G2']]);
    expect(findings[0]!.message).not.toContain('是否应为');
  });

  it('a task with no unit is a finding', () => {
    const { findings, notice } = read(row('1.1', '做好就业工作。', ''));
    expect(findings.map((f) => [f.code, f.severity, f.cell, f.task])).toEqual([['TASK_NO_UNIT', 'warning', 'E2', '1.1']]);
    expect(notice.tasks).toHaveLength(1);
  });

  it('a duplicated id is an error naming both rows; the second row is left out', () => {
    const { findings, notice } = read(row('1.1', '甲。', '市财政局'), row('1.1', '乙。', '市人社局'));
    expect(findings.map((f) => [f.code, f.severity, f.cell])).toEqual([['TASK_ID_DUPLICATE', 'error', 'A3']]);
    expect(findings[0]!.message).toContain('第 2 行和第 3 行');
    expect(notice.tasks.map((t) => t.text)).toEqual(['甲。']);
  });

  it('an unreadable 完成时限 is a finding; the task has no due date', () => {
    const { findings, notice } = read(row('1.1', '甲。', '市财政局', '', '', '尽快'));
    expect(findings.map((f) => [f.code, f.cell])).toEqual([['DEADLINE_UNREADABLE', 'H2']]);
    expect(notice.tasks[0]!.deadline.due).toBeNull();
  });

  it('a 截止日期 that is no date is a finding; 完成时限 gives the date', () => {
    const { findings, notice } = read(row('1.1', '甲。', '市财政局', '', '', '9月底前完成', '下个月'));
    expect(findings.map((f) => [f.code, f.cell])).toEqual([['DUE_NOT_A_DATE', 'I2']]);
    expect(notice.tasks[0]!.deadline.due).toBe('2020-09-30');
  });

  it('a row without 任务编号 gets the next item number; empty rows are skipped', () => {
    const { findings, notice } = read(row('7.2', '甲。', '市财政局'), [null, null, null, null], ['', '', null, '乙。', '市人社局']);
    expect(notice.tasks.map((t) => [t.id, t.item])).toEqual([['7.2', 1], ['8', 8]]);
    expect(findings.map((f) => [f.code, f.cell])).toEqual([['TASK_ID_MISSING', 'A4']]);
  });

  it('finds the header under a title row; without one it says so', () => {
    const titled = readTaskList({ name: '任务清单', rows: [['2020年重点工作任务清单'], HEADER, row('1.1', '甲。', '市财政局')] }, { directory, year: 2020, dateSystem: 1900 });
    expect(titled.notice.tasks).toHaveLength(1);
    const none = readTaskList({ name: '任务清单', rows: [['编号', '内容']] }, { directory, year: 2020, dateSystem: 1900 });
    expect(none.findings.map((f) => [f.code, f.severity])).toEqual([['TASKLIST_HEADER_MISSING', 'error']]);
  });

  it('a column the office added with values is reported (a rewrite would lose it)', () => {
    const { unknownColumns } = readTaskList({ name: '任务清单', rows: [[...HEADER, '督办意见'], [...row('1.1', '甲。', '市财政局'), null, null, null, null, null, '抓紧']] }, { directory, year: 2020, dateSystem: 1900 });
    expect(unknownColumns).toEqual([{ header: '督办意见', column: 'O', filled: 1 }]);
  });
});

describe('完成时限 against 截止日期: which wins', () => {
  const shown = { text: '12月底前完成', due: '2020-12-31' };
  it.each([['2020/9/30'], ['2020.9.30'], ['2020-9-30']])('a date typed as a date in a table (%s) reads back without a problem', (text) => {
    const r = readDeadlineCells(text, serial('2020-09-30'), 2020, 1900, { text, due: '2020-09-30' });
    expect([r.deadline.due, r.deadline.clauses.map((c) => c.kind), r.problems]).toEqual(['2020-09-30', ['by'], []]);
  });
  it('only 完成时限 edited: the date follows the text', () => {
    expect(readDeadlineCells('9月底前完成', serial('2020-12-31'), 2020, 1900, shown).deadline.due).toBe('2020-09-30');
  });
  it('only 截止日期 edited: the typed date wins, the text stays', () => {
    const r = readDeadlineCells('12月底前完成', serial('2020-10-15'), 2020, 1900, shown);
    expect([r.deadline.due, r.deadline.text, r.problems]).toEqual(['2020-10-15', '12月底前完成', []]);
  });
  it('both edited and disagreeing: the typed date wins, and it is said', () => {
    const r = readDeadlineCells('9月底前完成', serial('2020-10-15'), 2020, 1900, shown);
    expect(r.deadline.due).toBe('2020-10-15');
    expect(r.problems.map((p) => p.code)).toEqual(['DEADLINE_CONFLICT']);
  });
  it('截止日期 cleared: from 完成时限', () => {
    expect(readDeadlineCells('9月底前完成', null, 2020, 1900, shown).deadline.due).toBe('2020-09-30');
  });
  it('a date typed as text counts as that date', () => {
    expect(readDeadlineCells('12月底前完成', '2020年11月30日', 2020, 1900, shown).deadline.due).toBe('2020-11-30');
  });
});

describe('closest unit name', () => {
  it('a typo, a longer form and a shorter form find the unit; a stranger finds none', () => {
    expect(closestUnitName('市财正局', BUILTIN_DIRECTORY)).toBe('市财政局');
    expect(closestUnitName('天津市财政局办公室', BUILTIN_DIRECTORY)).toBe('市财政局');
    expect(closestUnitName('人社局', BUILTIN_DIRECTORY)).toBe('市人社局');
    expect(closestUnitName('某某研究会', BUILTIN_DIRECTORY)).toBeNull();
  });
  it('unit cells split on list separators', () => {
    expect(readUnitCell('市财政局；市人社局/市商务局\n市科技局', 'support').map((u) => u.name)).toEqual(['市财政局', '市人社局', '市商务局', '市科技局']);
  });
});
