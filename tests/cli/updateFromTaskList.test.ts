import ExcelJS from 'exceljs';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, openXlsx } from '../support/captureIo';
import { readWorkbookData } from '../../src/adapters/xlsx/readWorkbook';
import { REMOVED_MARK } from '../../src/domain/ledger/columns';
import type { TaskDiff } from '../../src/domain/diff/diffTasks';
import { readSummary } from '../../src/domain/summary/readSummary';
import { summarize } from '../../src/domain/summary/summarize';
import { recalculate } from '../support/libreoffice';
import { col as colOf, lostValues, sheetOf, type Typed } from '../tasklist/support';

const root = join(__dirname, '..', '..');
const SEED = join(root, 'seeds', 'tianjin-2020-task-division.txt');

/** 1-based column of a header in row 1. */
const col = (ws: ExcelJS.Worksheet, header: string): number => (ws.getRow(1).values as unknown[]).indexOf(header);
/** 1-based row of a task id in column A. */
function rowOf(ws: ExcelJS.Worksheet, id: string): number {
  let found = 0;
  ws.eachRow((row, r) => {
    if (found === 0 && row.getCell(1).value === id) found = r;
  });
  return found;
}

/** Values the office types into three ledgers, every row: 具体措施 and 计划完成时间. */
function typeLedgers(wb: ExcelJS.Workbook): Typed[] {
  const typed: Typed[] = [];
  for (const name of ['台账-市财政局', '台账-市应急局', '台账-市科技局']) {
    const ws = wb.getWorksheet(name)!;
    ws.eachRow((row, r) => {
      if (r === 1) return;
      const id = String(row.getCell(1).value);
      row.getCell(col(ws, '具体措施')).value = `${name}:${id}`;
      row.getCell(col(ws, '计划完成时间')).value = new Date(Date.UTC(2020, 5, r));
      typed.push({ sheet: name, taskId: id, key: 'measures', value: `${name}:${id}` });
    });
  }
  return typed;
}

/** 分工调整 in 任务清单 as an office does it in Excel: add a row, change a lead, move a date, delete a row. */
function editTaskList(wb: ExcelJS.Workbook): void {
  const ws = wb.getWorksheet('任务清单')!;
  const set = (r: number, header: string, v: ExcelJS.CellValue) => void (ws.getRow(r).getCell(col(ws, header)).value = v);
  set(rowOf(ws, '3.1'), '牵头单位', '市审计局');
  set(rowOf(ws, '2.1'), '截止日期', new Date(Date.UTC(2020, 8, 30)));
  // Delete 42.1: the rows below move up (the edited columns; the rebuild rewrites the formulas).
  const last = ws.rowCount;
  for (let r = rowOf(ws, '42.1'); r < last; r++) for (let c = 1; c <= 11; c++) ws.getRow(r).getCell(c).value = ws.getRow(r + 1).getCell(c).value;
  for (let c = 1; c <= 14; c++) ws.getRow(last).getCell(c).value = null;
  const added = last;
  set(added, '任务编号', '51.1');
  set(added, '任务内容', '建设全市督办信息平台。');
  set(added, '牵头单位', '市财政局');
  set(added, '负责单位', '市科技局');
  set(added, '完成时限', '10月底前完成');
}

let dir = '';
let book = '';
let typed: Typed[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-tasklist-'));
  book = join(dir, 'book.xlsx');
  expect((await cli(['build', SEED, '-o', book])).code).toBe(0);
  copyFileSync(book, join(dir, 'original.xlsx'));
  const wb = await openXlsx(book);
  typed = typeLedgers(wb);
  editTaskList(wb);
  await wb.xlsx.writeFile(book);
}, 300_000);

describe('duban build --update BOOK with no input: 更新分工 from 任务清单', () => {
  it('--dry-run prints the rows that move and writes nothing', async () => {
    const before = readFileSync(book);
    const r = await cli(['build', '--update', book, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('新增任务 1 项，修改 2 项，移出 1 项；已填写的台账行移动 2 行');
    expect(r.out).toContain('51.1 建设全市督办信息平台。（牵头：市财政局；负责：市科技局；10月底前完成）');
    expect(r.out).toContain('牵头单位：市财政局 → 市审计局');
    expect(r.out).toContain('完成时限不变，截止日期 2020-12-31 → 2020-09-30');
    expect(r.out).toContain('市财政局 任务 3.1 的已填内容标为已移出分工');
    expect(r.out).toContain('市应急局 任务 42.1 的已填内容标为已移出分工');
    expect(r.out).toContain('未写入任何内容');
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it('rebuilds matrix, ledgers and 汇总 from 任务清单 and keeps every typed value', async () => {
    const out = join(dir, 'updated.xlsx');
    const r = await cli(['build', '--update', book, '-o', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('已移出分工 2 行');
    const data = readWorkbookData(await openXlsx(out));
    expect(lostValues(data, typed)).toEqual([]);
    const role = (sheet: string, id: string) => sheetOf(data, sheet).rows.filter((x) => x[0] === id).map((x) => x[colOf(data, sheet, '本单位职责')]);
    expect(role('台账-市财政局', '51.1')).toEqual(['牵头']);
    expect(role('台账-市科技局', '51.1')).toEqual(['负责']);
    expect(role('台账-市审计局', '3.1')).toEqual(['牵头']);
    expect(role('台账-市财政局', '3.1')).toEqual([`${REMOVED_MARK}（原：牵头）`]);
    expect(role('台账-市应急局', '42.1')).toEqual([`${REMOVED_MARK}（原：负责）`]);
    const due = sheetOf(data, '台账-市人社局').rows.find((x) => x[0] === '2.1')![colOf(data, '台账-市人社局', '截止日期')];
    expect(due).toBe(44104); // 2020-09-30
    const matrix = sheetOf(data, '责任矩阵');
    expect(matrix.rows.find((x) => x[0] === '51.1')?.[matrix.rows[0]!.indexOf('市科技局')]).toBe('负责');
    // 汇总 counts over _台账索引, which now has the new task's rows.
    expect(sheetOf(data, '_台账索引').rows.some((x) => x.includes('51.1'))).toBe(true);
    expect(sheetOf(data, '任务清单').rows.find((x) => x[0] === '51.1')).toBeDefined();

    // 汇总 as LibreOffice computes it: each unit's 牵头/负责 counts follow the edits.
    const engine = summarize(readSummary(data).input, '2020-10-01', 15);
    const before = summarize(readSummary(readWorkbookData(await openXlsx(join(dir, 'original.xlsx')))).input, '2020-10-01', 15);
    const [computed] = recalculate([out]);
    const summary = (await openXlsx(computed!)).getWorksheet('汇总')!;
    const figures = (unit: string): number[] => {
      let row: ExcelJS.Row | undefined;
      summary.eachRow((r) => {
        if (row === undefined && r.getCell(1).value === unit) row = r;
      });
      return [2, 3, 4].map((c) => Number(row?.getCell(c).result ?? row?.getCell(c).value));
    };
    const counts = (r: typeof engine, unit: string): [number, number, number] => {
      const u = r.units.find((x) => x.name === unit);
      return [u?.lead ?? 0, u?.joint ?? 0, u?.support ?? 0];
    };
    for (const unit of ['市审计局', '市财政局', '市科技局', '市应急局']) expect(figures(unit)).toEqual(counts(engine, unit));
    expect(counts(engine, '市审计局')[0]).toBe(counts(before, '市审计局')[0] + 1);
    expect(counts(engine, '市财政局')[0]).toBe(counts(before, '市财政局')[0]); // lost 3.1, gained 51.1
    expect(counts(engine, '市科技局')[1]).toBe(counts(before, '市科技局')[1] + 1);
    expect(counts(engine, '市应急局')[1]).toBe(counts(before, '市应急局')[1] - 1);
  }, 300_000);

  it('a duplicated 任务编号 stops the update with the cell named, nothing written', async () => {
    const dup = join(dir, 'dup.xlsx');
    copyFileSync(book, dup);
    const wb = await openXlsx(dup);
    const ws = wb.getWorksheet('任务清单')!;
    ws.getRow(rowOf(ws, '2.1')).getCell(1).value = '1.1';
    await wb.xlsx.writeFile(dup);
    const before = readFileSync(dup);
    const r = await cli(['build', '--update', dup, '-o', dup]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('任务编号 1.1 在第 2 行和第 3 行重复出现');
    expect(r.err).toContain('未写入任何内容');
    expect(readFileSync(dup).equals(before)).toBe(true);
  });

  it('--json prints the same changes as duban.diff/1', async () => {
    const r = await cli(['build', '--update', book, '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.out) as TaskDiff & { findings: unknown[] };
    expect([diff.added.map((t) => t.id), diff.removed.map((t) => t.id), diff.changed.map((c) => [c.task, c.fields]), diff.movedRows]).toEqual([['51.1'], ['42.1'], [['2.1', ['deadline']], ['3.1', ['units']]], 2]);
    expect(diff.findings).toEqual([]);
  });

  it('findings in 任务清单 are printed with their cells (stderr) and listed in the JSON', async () => {
    const typo = join(dir, 'typo.xlsx');
    copyFileSync(book, typo);
    const wb = await openXlsx(typo);
    const ws = wb.getWorksheet('任务清单')!;
    const r5 = rowOf(ws, '5.1');
    ws.getRow(r5).getCell(col(ws, '牵头单位')).value = '市财正局';
    await wb.xlsx.writeFile(typo);
    const r = await cli(['build', '--update', typo, '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const cell = `E${r5}`;
    expect(r.err).toContain(`警告 任务清单!${cell}：任务 5.1 的单位“市财正局”不在单位名录中，是否应为“市财政局”？`);
    const findings = (JSON.parse(r.out) as { findings: Array<{ code: string; cell: string; task: string }> }).findings;
    expect(findings.map((f) => [f.code, f.cell, f.task])).toEqual([['UNKNOWN_UNIT', cell, '5.1']]);
  });

  it('usage: --dry-run needs --update, -o is needed to write', async () => {
    expect((await cli(['build', SEED, '--dry-run'])).code).toBe(2);
    expect((await cli(['build', '-o', book])).code).toBe(2);
  });
});

describe('a new notice applied to an existing workbook', () => {
  it('--dry-run --json prints duban.diff/1 and its movedRows is what the update then does', async () => {
    const v1 = join(dir, 'v1.xlsx');
    expect((await cli(['build', SEED, '-o', v1])).code).toBe(0);
    const wb = await openXlsx(v1);
    typeLedgers(wb);
    await wb.xlsx.writeFile(v1);
    // The revision: 市财政局 no longer leads anything, and item 42 is dropped.
    const revised = join(dir, 'revised.txt');
    const text = readFileSync(SEED, 'utf8').split('\n').filter((l) => !/^\s*42．/.test(l)).join('\n').replace(/市财政局牵头/g, '市审计局牵头');
    writeFileSync(revised, text);
    const before = readFileSync(v1);
    const r = await cli(['build', revised, '--update', v1, '--dry-run', '--json']);
    expect(r.code).toBe(0);
    expect(readFileSync(v1).equals(before)).toBe(true);
    const diff = JSON.parse(r.out) as TaskDiff;
    expect(diff.schema).toBe('duban.diff/1');
    expect(diff.removed.map((t) => t.id)).toEqual(['42.1']);
    expect(diff.changed.map((c) => c.task)).toEqual(['3.1', '36.4', '38.1']);
    expect(diff.changed.every((c) => c.fields.join() === 'units')).toBe(true);
    const applied = await cli(['build', revised, '--update', v1, '-o', v1]);
    expect(applied.code).toBe(0);
    expect(applied.out).toContain(`已移出分工 ${diff.movedRows} 行`);
    expect(applied.out).toContain('牵头单位：市财政局 → 市审计局');
  }, 300_000);
});
