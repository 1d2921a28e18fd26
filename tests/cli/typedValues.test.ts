import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, openXlsx } from '../support/captureIo';

/**
 * Values typed the way people type them (DESIGN §12's `%` rule, §7, §9, §10), through the CLI on
 * real files: `76.5%` in a `%` target, a number hidden in text, a status outside the list, and two
 * units reporting one shared 量化指标 row. One build, one split, one merge; no LibreOffice.
 */
const SEED = join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt');
const EDU = '台账-市教委';
const FIN = '台账-市财政局';
/** T012 (12.1, `%`, 高于 70) and T013 (12.1, 万人次) are reported by 市人社局、市教委、市财政局、市残联. */
const PERCENT_ROW = 13;
const SHARED_ROW = 14;

const colOf = (ws: ExcelJS.Worksheet, header: string): number => (ws.getRow(1).values as unknown[]).indexOf(header);
const rowOf = (ws: ExcelJS.Worksheet, indicator: string): number => {
  let found = 0;
  ws.eachRow((row, r) => {
    if (found === 0 && row.getCell(colOf(ws, '指标')).value === indicator) found = r;
  });
  return found;
};
async function edit(file: string, fn: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = await openXlsx(file);
  fn(wb);
  await wb.xlsx.writeFile(file);
}
/** A target's 完成值 and 更新日期 in a unit's file, by indicator text. */
function report(wb: ExcelJS.Workbook, indicator: string, value: number, updated: Date, numFmt?: string): void {
  const ws = wb.getWorksheet('量化指标')!;
  const r = rowOf(ws, indicator);
  const cell = ws.getCell(r, colOf(ws, '完成值'));
  cell.value = value;
  // As Excel, WPS and LibreOffice store `76.5%`: 0.765 with a percent format.
  if (numFmt) cell.numFmt = numFmt;
  ws.getCell(r, colOf(ws, '更新日期')).value = updated;
}

let dir = '';
let merged = '';
let mergeOut: { code: number; out: string; err: string };
let indicators: { percent: string; shared: string };
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-typed-'));
  const master = join(dir, 'master.xlsx');
  expect((await cli(['build', SEED, '-o', master, '--as-of', '2020-12-01'])).code).toBe(0);
  const targets = (await openXlsx(master)).getWorksheet('量化指标')!;
  indicators = { percent: String(targets.getCell(PERCENT_ROW, 3).value), shared: String(targets.getCell(SHARED_ROW, 3).value) };
  expect(targets.getCell(PERCENT_ROW, colOf(targets, '单位')).value).toBe('%');
  const sent = join(dir, 'sent');
  expect((await cli(['split', master, '-d', sent, '--unit', '市教委', '--unit', '市财政局'])).code).toBe(0);
  const [edu, fin] = [join(sent, `${EDU}.xlsx`), join(sent, `${FIN}.xlsx`)];
  await edit(edu, (wb) => {
    report(wb, indicators.percent, 0.765, new Date(Date.UTC(2020, 10, 20)), '0.0%');
    report(wb, indicators.shared, 28, new Date(Date.UTC(2020, 10, 20)));
  });
  await edit(fin, (wb) => {
    report(wb, indicators.shared, 31, new Date(Date.UTC(2020, 10, 25)));
    // A row filled completely, with a status outside the list.
    const ws = wb.getWorksheet(FIN)!;
    const at = (h: string) => colOf(ws, h);
    const values: Record<string, ExcelJS.CellValue> = { 具体措施: '制定方案', 责任处室: '综合处', 责任人: '张三', 计划完成时间: new Date(Date.UTC(2020, 11, 20)), 成果形式: '工作方案', 进展情况: '已起草', 状态: '进行中', 更新日期: new Date(Date.UTC(2020, 10, 25)) };
    for (const [h, v] of Object.entries(values)) ws.getCell(2, at(h)).value = v;
  });
  merged = join(dir, 'merged.xlsx');
  mergeOut = await cli(['merge', master, edu, fin, '-o', merged, '--json']);
}, 300_000);

describe('a % typed into a % target', () => {
  it('is merged as the number it means, with a plain number format, and counted as met', async () => {
    const ws = (await openXlsx(merged)).getWorksheet('量化指标')!;
    const cell = ws.getCell(rowOf(ws, indicators.percent), colOf(ws, '完成值'));
    expect(cell.value).toBe(76.5);
    expect(cell.numFmt ?? '').not.toContain('%');
    const summary = JSON.parse((await cli(['summary', merged, '--json', '--as-of', '2020-12-01'])).out);
    // Two targets filled (T012 76.5 > 70, T013 31 ≥ 30): both met, never 1.1 % of the way.
    expect(summary.overall.targetRate).toBe(1);
  });

  it('typed straight into the master: the engine counts 76.5, validate says so with a fix, and --fix writes 76.5', async () => {
    const book = join(dir, 'typed.xlsx');
    await edit(merged, (wb) => {
      const ws = wb.getWorksheet('量化指标')!;
      const cell = ws.getCell(rowOf(ws, indicators.percent), colOf(ws, '完成值'));
      cell.value = 0.6;
      cell.numFmt = '0%';
      ws.getCell(rowOf(ws, '国家卫生区创建比例'), colOf(ws, '完成值')).value = '约7所（已全部立项）';
    });
    const wb = await openXlsx(merged);
    await wb.xlsx.writeFile(book);
    const v = JSON.parse((await cli(['validate', book, '--json', '--as-of', '2020-12-01'])).out);
    const percent = v.findings.find((f: { code: string }) => f.code === 'PERCENT_TYPED');
    expect(percent).toMatchObject({ sheet: '量化指标', severity: 'warning' });
    expect(percent.message).toContain('按 60 计算');
    const hidden = v.findings.find((f: { code: string; message: string }) => f.code === 'VALUE_NOT_NUMBER' && f.message.includes('约7所'));
    expect(hidden.message).toContain('其中的数字是 7');
    expect(hidden.message).toContain('只能单独填写数字');
    // 60 is not above 70: one of two filled targets met.
    expect(JSON.parse((await cli(['summary', book, '--json', '--as-of', '2020-12-01'])).out).overall.targetRate).toBe(0.5);
    expect((await cli(['validate', book, '--fix', '--as-of', '2020-12-01'])).err).toContain('改为');
    const fixed = (await openXlsx(book)).getWorksheet('量化指标')!.getCell(rowOf((await openXlsx(book)).getWorksheet('量化指标')!, indicators.percent), 9);
    expect(fixed.value).toBe(60);
    expect(fixed.numFmt ?? '').not.toContain('%');
  });
});

describe('two units reporting one shared 量化指标 row', () => {
  it('is a conflict naming both units; the later 更新日期 wins; 合并冲突 labels each value by its unit', async () => {
    expect(mergeOut.code).toBe(1);
    const doc = JSON.parse(mergeOut.out);
    const c = doc.conflicts.filter((x: { sheet: string }) => x.sheet === '量化指标');
    expect(c).toEqual([
      expect.objectContaining({ unit: '市财政局', masterFrom: '市教委', master: 28, returned: 31, applied: 'returned', column: `完成值（${indicators.shared}）` }),
      expect.objectContaining({ unit: '市财政局', masterFrom: '市教委', applied: 'returned', column: `更新日期（${indicators.shared}）` }),
    ]);
    const ws = (await openXlsx(merged)).getWorksheet('合并冲突')!;
    const rows: unknown[][] = [];
    ws.eachRow((row, r) => r > 1 && rows.push((row.values as unknown[]).slice(1)));
    const row = rows.find((x) => x[0] === '量化指标')!;
    expect(row.slice(3)).toEqual(['市财政局', `完成值（${indicators.shared}）`, 28, '市教委（本次回收）', 31, '市财政局的值', expect.stringContaining('市财政局')]);
    const t = (await openXlsx(merged)).getWorksheet('量化指标')!;
    expect(t.getCell(rowOf(t, indicators.shared), colOf(t, '完成值')).value).toBe(31);
  });
});

describe('a status outside the list', () => {
  it('is 状态无法识别 in validate, and counted apart from 未填报 in summary and on 汇总', async () => {
    const v = JSON.parse((await cli(['validate', merged, '--json', '--as-of', '2020-12-01'])).out);
    expect(v.findings.filter((f: { code: string }) => f.code === 'STATUS_UNKNOWN')).toEqual([expect.objectContaining({ sheet: FIN, severity: 'error', message: expect.stringContaining('“状态”无法识别：填写了“进行中”') })]);
    const s = JSON.parse((await cli(['summary', merged, '--json', '--as-of', '2020-12-01'])).out);
    const fin = s.units.find((u: { name: string }) => u.name === '市财政局');
    expect(fin.statusUnknown).toBe(1);
    expect(fin.unreported).toBe(fin.rows - 1);
    expect(s.overall.statusUnknown).toBe(1);
    const text = (await cli(['summary', merged, '--as-of', '2020-12-01'])).out;
    expect(text).toContain('1 行的状态无法识别');
    expect(text).toContain('填报率只计填报完整的台账行');
  });
});
