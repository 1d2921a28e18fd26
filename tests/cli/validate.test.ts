import ExcelJS from 'exceljs';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../support/captureIo';
import { recalculate } from '../support/libreoffice';

const SEED = join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt');


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
      { code: 'STATUS_UNKNOWN', severity: 'error', sheet: '台账-市财政局', cell: 'N4', task: '3.1', unit: '市财政局', message: expect.stringContaining('完成了') },
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
    expect(sheet.getRow(2).values).toEqual([undefined, '错误', 'REQUIRED_EMPTY', '台账-市财政局', { formula: 'HYPERLINK("#\'台账-市财政局\'!H8","H8")', result: 'H8' }, '10.1', '市财政局', '“具体措施”未填写']);
    const [computed] = recalculate([file]);
    const lo = new ExcelJS.Workbook();
    await lo.xlsx.readFile(computed as string);
    expect(lo.getWorksheet('校验结果')!.getCell('D2').text).toBe('H8');
  });

  it('a freshly generated workbook: no errors, --json lists one NOT_REPORTED per ledger row, in the same shape', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'duban-val-')), 'book.xlsx');
    await cli(['build', SEED, '-o', file, '--as-of', '2020-12-01']);
    const r = await cli(['validate', file, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect({ ...doc, findings: doc.findings.length }).toEqual({ schema: 'duban.validation/1', asOf: '2020-12-01', errors: 0, warnings: 463, findings: 463 });
    expect(doc.findings[0]).toEqual({ code: 'NOT_REPORTED', severity: 'warning', sheet: '台账-市发展改革委', cell: 'H2', task: '1.1', unit: '市发展改革委', message: '任务 1.1 未填报' });
    expect(new Set(doc.findings.map((f: { code: string }) => f.code))).toEqual(new Set(['NOT_REPORTED']));
    const text = await cli(['validate', file]);
    expect(text.code).toBe(0);
    expect(text.out.split('\n').slice(0, 4)).toEqual(['统计日期 2020-12-01：错误 0 个，警告 0 个，未填报 463 行（52 个单位）', '未填报：', '  市发展改革委 48 行', '  市财政局 35 行']);
  });

  describe('the grouped text report and --unit', () => {
    let file: string;
    beforeAll(async () => {
      const built = await filledBook();
      file = built.file;
      const finance = built.wb.getWorksheet('台账-市财政局')!;
      for (const r of [2, 3, 4, 5, 6, 7, 8]) finance.getCell(`H${r}`).value = null;
      finance.getCell('J3').value = null;
      finance.getCell('N4').value = '完成了';
      finance.getCell('P5').value = '2020年11月30日';
      built.wb.getWorksheet('台账-市商务局')!.getCell('P2').value = '2020.11.30';
      // 市教委 has not started: every fill cell of every row empty again.
      built.wb.getWorksheet('台账-市教委')!.eachRow((row, r) => {
        if (r > 1) for (const c of [8, 9, 10, 11, 12, 13, 14, 15, 16, 18]) row.getCell(c).value = null;
      });
      await built.wb.xlsx.writeFile(file);
    });

    it('one header line, then per unit its rules with at most five cells, then 未填报 per unit; exit 1 on errors', async () => {
      const r = await cli(['validate', file]);
      expect(r.code).toBe(1);
      expect(r.out.trimEnd().split('\n')).toEqual([
        '统计日期 2020-12-01：错误 9 个，警告 2 个，未填报 11 行（1 个单位）',
        '市财政局（台账-市财政局）：错误 9 个，警告 1 个',
        // One group per column: the label names the column of every cell listed under it.
        '  必填项未填写：具体措施 7 处：H2、H3、H4、H5、H6 等',
        '  必填项未填写：责任人 1 处：J3',
        '  状态无法识别：状态 1 处：N4',
        '  文字日期：更新日期 1 处：P5',
        '市商务局（台账-市商务局）：错误 0 个，警告 1 个',
        '  文字日期：更新日期 1 处：P2',
        '未填报：',
        '  市教委 11 行',
        '每一处的说明：--json，或 --write 写入“校验结果”工作表',
      ]);
    });

    it('--unit (repeatable) checks only those units: the report, --json and the exit code', async () => {
      const r = await cli(['validate', file, '--unit', '市商务局', '--unit', '市教委']);
      expect(r.code).toBe(0);
      expect(r.out.trimEnd().split('\n')).toEqual([
        '统计日期 2020-12-01（单位：市商务局、市教委）：错误 0 个，警告 1 个，未填报 11 行（1 个单位）',
        '市商务局（台账-市商务局）：错误 0 个，警告 1 个',
        '  文字日期：更新日期 1 处：P2',
        '未填报：',
        '  市教委 11 行',
        '每一处的说明：--json，或 --write 写入“校验结果”工作表',
      ]);
      const json = await cli(['validate', file, '--json', '--unit=市财政局']);
      expect(json.code).toBe(1);
      const doc = JSON.parse(json.out);
      expect({ errors: doc.errors, warnings: doc.warnings, units: [...new Set(doc.findings.map((f: { unit: string }) => f.unit))] }).toEqual({ errors: 9, warnings: 1, units: ['市财政局'] });
      expect(doc.findings).toHaveLength(10);
    });

    it('an unknown --unit is a usage error naming close names; so are a repeated option and a stray argument', async () => {
      const r = await cli(['validate', file, '--unit', '教委']);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^duban validate: 工作簿中没有单位“教委”，是不是：.*市教委/);
      const far = await cli(['validate', file, '--unit', 'XYZ']);
      expect(far.code).toBe(2);
      expect(far.err).toContain('单位名录');
      for (const argv of [['--as-of', '2020-12-01', '--as-of', '2020-12-02'], ['--json', '--json'], ['extra.xlsx']]) {
        const u = await cli(['validate', file, ...argv]);
        expect([u.code, u.out]).toEqual([2, '']);
      }
    });

    it('--write: 校验结果 grouped by unit and rule, then one row per unit for its unreported rows', async () => {
      const copy = join(mkdtempSync(join(tmpdir(), 'duban-val-')), 'book.xlsx');
      copyFileSync(file, copy);
      expect((await cli(['validate', copy, '--write'])).code).toBe(1);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(copy);
      const sheet = wb.getWorksheet('校验结果')!;
      const rows: string[] = [];
      sheet.eachRow((row, r) => {
        if (r > 1) rows.push(`${row.getCell(2).text} ${row.getCell(6).text} ${(row.getCell(4).value as { formula: string }).formula}`);
      });
      expect(rows.map((x) => x.split(' ').slice(0, 2).join(' '))).toEqual([
        ...Array.from({ length: 8 }, () => 'REQUIRED_EMPTY 市财政局'),
        'STATUS_UNKNOWN 市财政局',
        'TEXT_DATE 市财政局',
        'TEXT_DATE 市商务局',
        'NOT_REPORTED 市教委',
      ]);
      expect(rows.at(-1)).toBe('NOT_REPORTED 市教委 HYPERLINK("#\'台账-市教委\'!H2","H2")');
      expect(sheet.getRow(13).getCell(7).text).toMatch(/^11 行未填报：任务 \d/);
    });
  });

  it('refuses a file that is not a Duban workbook (exit 2)', async () => {
    const r = await cli(['validate', SEED]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('不是 .xlsx');
  });
});
