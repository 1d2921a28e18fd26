import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { summaryCommand } from '../../src/cli/summaryCommand';
import { captureIo } from '../support/captureIo';
import { recalculate } from '../support/libreoffice';

const SEED = join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt');

async function built(): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'duban-sum-')), 'book.xlsx');
  expect(await runCli(['build', SEED, '-o', file], captureIo())).toBe(0);
  return file;
}

describe('duban summary', () => {
  it('--json prints duban.summary/1 with the documented fields; rates are numbers or null', async () => {
    const file = await built();
    const io = captureIo();
    expect(await runCli(['summary', file, '--json', '--as-of', '2020-12-20'], io)).toBe(0);
    const doc = JSON.parse(io.stdout);
    expect(doc.schema).toBe('duban.summary/1');
    expect(doc.asOf).toBe('2020-12-20');
    expect(Object.keys(doc.overall).sort()).toEqual(
      ['tasks', 'done', 'inProgress', 'notStarted', 'blocked', 'unreported', 'overdue', 'dueSoon', 'onTime', 'late', 'completionRate', 'onTimeRate', 'overdueRate', 'fillRate', 'targetRate', 'statusUnknown', 'extended', 'pendingExtension', 'pendingReview', 'returned', 'behindPace'].sort(),
    );
    expect(doc.overall).toMatchObject({ tasks: 120, unreported: 120, overdue: 2, dueSoon: 118, targetRate: null });
    expect(Object.keys(doc.units[0]).sort()).toEqual(
      ['name', 'lead', 'joint', 'support', 'each', 'rows', 'done', 'inProgress', 'notStarted', 'blocked', 'unreported', 'overdue', 'dueSoon', 'completionRate', 'onTimeRate', 'fillRate', 'statusUnknown', 'extended', 'pendingExtension', 'pendingReview', 'returned', 'reported', 'reportStatus'].sort(),
    );
    expect(doc.sections).toHaveLength(44);
    expect(doc.sections[7]).toEqual({ no: 8, title: '强化对稳企业的金融支持', tasks: 8, done: 0, overdue: 0, completionRate: 0 });
    // 36.1 (due 08-31) is overdue for both its leads; 41.4 (census point 11-01) for 市统计局 —
    // listed in 任务清单's order, as 汇总's 逾期清单 lists them.
    expect(doc.overdue.map((o: { task: string; unit: string }) => `${o.task} ${o.unit}`)).toEqual(['36.1 市财政局', '36.1 市医保局', '41.4 市统计局']);
    expect(doc.overdue[0]).toMatchObject({ due: '2020-08-31', days: 111 });
    expect(doc).not.toHaveProperty('taskStatus');
  });

  it('uses the date typed into 汇总 when no --as-of is given, and the clock only when neither is there', async () => {
    const file = await built();
    const io = captureIo();
    await summaryCommand({ positional: [file], flags: new Set(['--json']), values: new Map() }, io, () => new Date(2020, 11, 25));
    expect(JSON.parse(io.stdout).asOf).toBe('2020-12-25');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet('汇总')!.getCell('B1').value = new Date(Date.UTC(2020, 8, 1));
    await wb.xlsx.writeFile(file);
    const io2 = captureIo();
    await summaryCommand({ positional: [file], flags: new Set(['--json']), values: new Map() }, io2, () => new Date(2020, 11, 25));
    expect(JSON.parse(io2.stdout).asOf).toBe('2020-09-01');
  });

  it('--write rebuilds 汇总 in place: sheet order, a typed 统计日期 and the users\' own sheets stay', async () => {
    const file = await built();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet('汇总')!.getCell('B1').value = new Date(Date.UTC(2020, 8, 1));
    wb.addWorksheet('我的笔记').getCell('A1').value = '保留';
    const order = wb.worksheets.map((w) => w.name);
    await wb.xlsx.writeFile(file);
    expect(await runCli(['summary', file, '--write'], captureIo())).toBe(0);
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(file);
    expect(after.worksheets.map((w) => w.name)).toEqual(order);
    expect((after.getWorksheet('汇总')!.getCell('B1').value as Date).toISOString().slice(0, 10)).toBe('2020-09-01');
    expect(after.getWorksheet('我的笔记')!.getCell('A1').value).toBe('保留');
    expect(after.getWorksheet('_台账索引')!.state).toBe('hidden');
  });

  it('refuses a workbook that is not a Duban workbook with exit 2', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'duban-sum-')), 'other.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    await wb.xlsx.writeFile(file);
    const io = captureIo();
    expect(await runCli(['summary', file], io)).toBe(2);
    expect(io.stderr).toContain('缺少“任务清单”');
  });
});

describe('duban summary on a workbook Excel or LibreOffice has computed', () => {
  it('treats a cached =TODAY() result as "today", not as a typed date', async () => {
    const file = await built();
    const [computed] = recalculate([file]);
    const io = captureIo();
    await summaryCommand({ positional: [computed as string], flags: new Set(['--json']), values: new Map() }, io, () => new Date(2020, 11, 25));
    expect(JSON.parse(io.stdout).asOf).toBe('2020-12-25');
  });
});
