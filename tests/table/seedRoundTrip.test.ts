import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Task } from '../../src/domain/notice/types';
import { cli } from '../support/captureIo';
import { csvText, docxBytes, xlsxBytes } from './support/tableFiles';
import { SEED_TEXT, seedNotice, seedTable } from './support/seedTable';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { readTaskTables } from '../../src/domain/table/readTaskTables';

const seed = seedNotice();
const dir = mkdtempSync(join(tmpdir(), 'duban-table-'));

/** What a task-list table must carry over from the notice: the division itself. */
const division = (t: Pick<Task, 'id' | 'text' | 'units' | 'deadline'>) => ({
  id: t.id,
  text: t.text,
  units: [...t.units].sort((a, b) => a.name.localeCompare(b.name)),
  due: t.deadline.due,
  milestones: t.deadline.milestones,
});
const assignments = (tasks: Array<Pick<Task, 'units'>>) => tasks.reduce((n, t) => n + t.units.length, 0);

async function parsed(file: string) {
  const run = await cli(['parse', file, '--json']);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.out);
}

describe('the seed division written as a table reads back as the seed', () => {
  it('has 364 assignments to start from', () => {
    expect(assignments(seed.tasks)).toBe(364);
  });

  it('from an .xlsx sheet (role columns, 板块 as merged heading rows, title row above the header)', async () => {
    const file = join(dir, 'seed.xlsx');
    writeFileSync(file, await xlsxBytes([{ name: '说明', rows: [['本表由督查室整理']] }, { name: '分工表', ...seedTable(seed, 'columns') }]));
    const doc = await parsed(file);
    expect(assignments(doc.tasks)).toBe(364);
    expect(doc.tasks.map(division)).toEqual(seed.tasks.map(division));
    expect(doc.sections).toEqual(seed.sections);
    expect(doc.tasks.map((t: Task) => t.section)).toEqual(seed.tasks.map((t) => t.section));
    expect(doc.notice.year).toBe(2020);
    expect(doc.input.tables[0]).toMatchObject({ name: '工作表“分工表”', headerRow: 2, tasks: 120 });
  });

  it('from a UTF-8 CSV with a BOM (units as prose in one 责任单位 column, 板块 column)', async () => {
    const file = join(dir, 'seed.csv');
    const { rows } = seedTable(seed, 'prose');
    // A CSV has no merged cells: the 板块 is written on the first task of each section only.
    writeFileSync(file, `\ufeff${csvText(rows)}`);
    const doc = await parsed(file);
    expect(assignments(doc.tasks)).toBe(364);
    expect(doc.tasks.map(division)).toEqual(seed.tasks.map(division));
    expect(doc.sections.map((s: { title: string }) => s.title)).toEqual(seed.sections.map((s) => s.title));
    expect(doc.tasks.map((t: Task) => t.section)).toEqual(seed.tasks.map((t) => t.section));
    expect(doc.input.format).toBe('csv');
  });

  it('from a .docx holding the division as two tables, 板块 merged down', async () => {
    const file = join(dir, 'seed.docx');
    const half = seed.tasks.findIndex((t) => (t.section ?? 0) > 20);
    const first = seedTable(seed, 'prose', seed.tasks.slice(0, half));
    const second = seedTable(seed, 'prose', seed.tasks.slice(half));
    // Word's second table has no title row of its own.
    const drop = { rows: second.rows.slice(1), merges: (second.merges ?? []).map((m) => ({ ...m, top: m.top - 1, bottom: m.bottom - 1 })) };
    writeFileSync(file, await docxBytes(['附件', '天津市2020年重点工作任务分工表'], [{ rows: first.rows.slice(1), merges: (first.merges ?? []).map((m) => ({ ...m, top: m.top - 1, bottom: m.bottom - 1 })) }, drop], ['（续表）']));
    const doc = await parsed(file);
    expect(assignments(doc.tasks)).toBe(364);
    expect(doc.tasks.map(division)).toEqual(seed.tasks.map(division));
    expect(doc.tasks.map((t: Task) => t.section)).toEqual(seed.tasks.map((t) => t.section));
    expect(doc.notice.title).toBe('天津市2020年重点工作任务分工表');
    expect(doc.input.tables.map((t: { name: string; tasks: number }) => [t.name, t.tasks])).toEqual([
      ['表 1', half],
      ['表 2', 120 - half],
    ]);
  });
});

describe('a workbook built from the seed table is the one built from the seed notice, as far as the division goes', () => {
  it('same ledgers, same rows, same 责任矩阵', () => {
    const { rows, merges = [] } = seedTable(seed, 'columns');
    const grid = { name: '工作表“分工表”', rows, merges };
    expect(readTaskTables([grid], { format: 'xlsx' }).parsed.tasks).toHaveLength(120);
    const fromTable = prepareWorkbook({ table: { format: 'xlsx', grids: [grid] }, previous: null, asOf: '2020-10-01' });
    const fromNotice = prepareWorkbook({ noticeText: SEED_TEXT, previous: null, asOf: '2020-10-01' });
    const ledgers = (p: typeof fromTable) => p.ledgers.ledgers.map((l) => [l.sheetName, l.rows.map((r) => [r.taskId, r.role, r.section, r.text, r.leads, r.deadlineText, r.due])]);
    expect(ledgers(fromTable)).toEqual(ledgers(fromNotice));
    expect(fromTable.ledgers.pending).toEqual(fromNotice.ledgers.pending);
    const matrix = (p: typeof fromTable) => p.plan.sheets.find((s) => s.name === '责任矩阵')?.rows;
    expect(matrix(fromTable)).toEqual(matrix(fromNotice));
    expect(fromTable.source?.tables[0]?.tasks).toBe(120);
    expect(fromNotice.source).toBeNull();
  });
});
