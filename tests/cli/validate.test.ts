import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { captureIo } from '../support/captureIo';
import { recalculate } from '../support/libreoffice';

const SEED = join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt');

async function cli(argv: string[]) {
  const io = captureIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

/** Build the seed workbook and fill every ledger row correctly, through exceljs like a unit's Excel would. */
async function filledBook(): Promise<{ file: string; wb: ExcelJS.Workbook }> {
  const file = join(mkdtempSync(join(tmpdir(), 'duban-val-')), 'book.xlsx');
  await cli(['build', SEED, '-o', file, '--as-of', '2020-12-01']);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const ws of wb.worksheets.filter((w) => w.name.startsWith('台账-'))) {
    ws.eachRow((row, r) => {
      if (r === 1) return;
      row.getCell(8).value = '制定方案';
      row.getCell(10).value = '张三';
      row.getCell(11).value = new Date(Date.UTC(2020, 7, 1)); // before every due date (the earliest is 08-31)
      row.getCell(12).value = '工作方案';
      row.getCell(13).value = '已召开推进会';
      row.getCell(14).value = '推进中';
      row.getCell(16).value = new Date(Date.UTC(2020, 10, 30));
    });
  }
  await wb.xlsx.writeFile(file);
  return { file, wb };
}

describe('duban validate', () => {
  it('a correctly filled workbook: exit 0, no findings', async () => {
    const { file } = await filledBook();
    const r = await cli(['validate', file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ schema: 'duban.validation/1', asOf: '2020-12-01', errors: 0, warnings: 0, findings: [] });
  });

  it('errors: exit 1 and each finding names code, severity, sheet, cell, task, unit, message', async () => {
    const { file, wb } = await filledBook();
    const ws = wb.getWorksheet('台账-市财政局')!;
    ws.getCell('N4').value = '完成了';
    ws.getCell('P5').value = '2020年11月30日';
    ws.mergeCells('H6:H7');
    await wb.xlsx.writeFile(file);
    const r = await cli(['validate', file, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.findings).toEqual([
      { code: 'MERGED_CELLS', severity: 'warning', sheet: '台账-市财政局', cell: 'H6', task: '', unit: '市财政局', message: expect.stringContaining('H6:H7') },
      { code: 'NOT_IN_LIST', severity: 'error', sheet: '台账-市财政局', cell: 'N4', task: '3.1', unit: '市财政局', message: expect.stringContaining('完成了') },
      { code: 'TEXT_DATE', severity: 'warning', sheet: '台账-市财政局', cell: 'P5', task: '5.1', unit: '市财政局', message: expect.stringContaining('2020-11-30') },
    ]);
  });

  it('--fix turns text dates into dates; --write adds 校验结果 with links LibreOffice computes', async () => {
    const { file, wb } = await filledBook();
    wb.getWorksheet('台账-市财政局')!.getCell('P5').value = '2020.11.30';
    wb.getWorksheet('台账-市财政局')!.getCell('H8').value = null;
    await wb.xlsx.writeFile(file);
    const r = await cli(['validate', file, '--fix', '--write']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('已把 1 处');
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(file);
    expect((after.getWorksheet('台账-市财政局')!.getCell('P5').value as Date).toISOString().slice(0, 10)).toBe('2020-11-30');
    const sheet = after.getWorksheet('校验结果')!;
    expect(sheet.getRow(2).values).toEqual([undefined, '错误', 'REQUIRED_EMPTY', '台账-市财政局', { formula: 'HYPERLINK("#\'台账-市财政局\'!H8","H8")' }, '10.1', '市财政局', '"具体措施"未填写']);
    const [computed] = recalculate([file]);
    const lo = new ExcelJS.Workbook();
    await lo.xlsx.readFile(computed as string);
    expect(lo.getWorksheet('校验结果')!.getCell('D2').text).toBe('H8');
  });

  it('refuses a file that is not a Duban workbook (exit 2)', async () => {
    const r = await cli(['validate', SEED]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('不是 .xlsx');
  });
});
