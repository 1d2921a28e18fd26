import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, openXlsx } from '../support/captureIo';
import { dropAndRenumber } from '../support/renumber';

const root = join(__dirname, '..', '..');
const SEED = join(root, 'seeds', 'tianjin-2020-task-division.txt');
const SHEET = '台账-市财政局';


/** Column letter of a ledger header in row 1. */
function col(ws: ExcelJS.Worksheet, header: string): string {
  let found = '';
  ws.getRow(1).eachCell((cell) => {
    if (cell.value === header) found = cell.address.replace(/\d+/g, '');
  });
  return found;
}

/** 1-based row of a task id in column A. */
function rowOf(ws: ExcelJS.Worksheet, taskId: string): number {
  let found = 0;
  ws.eachRow((row, r) => {
    if (found === 0 && row.getCell(1).value === taskId) found = r;
  });
  return found;
}

let base = '';
beforeAll(async () => {
  base = join(mkdtempSync(join(tmpdir(), 'duban-losses-')), 'v1.xlsx');
  expect((await cli(['build', SEED, '-o', base])).code).toBe(0);
}, 300_000);

/** A copy of the first generation with `edit` applied to 台账-市财政局, then `duban build --update` of it to v2.xlsx. */
async function updateAfter(edit: (ws: ExcelJS.Worksheet) => void, notice = SEED): Promise<{ code: number; out: string; err: string; out2: string; v1: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-losses-'));
  const v1 = join(dir, 'v1.xlsx');
  copyFileSync(base, v1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(v1);
  edit(wb.getWorksheet(SHEET)!);
  await wb.xlsx.writeFile(v1);
  const out2 = join(dir, 'v2.xlsx');
  const r = await cli(['build', notice, '-o', out2, '--update', v1]);
  return { ...r, out2, v1 };
}

/** The rebuild stopped, wrote nothing and named the place. */
function expectStopped(r: { code: number; err: string; out2: string }, ...named: string[]): void {
  expect(r.code).toBe(2);
  expect(existsSync(r.out2)).toBe(false);
  expect(r.err).toContain('未写入任何内容');
  for (const n of named) expect(r.err).toContain(n);
}

describe('--update never drops what a unit put in its ledger silently', () => {
  it('a fill column whose header a unit renamed stops, naming sheet and column and the header to use', async () => {
    const r = await updateAfter((ws) => {
      const c = col(ws, '具体措施');
      ws.getCell(`${c}1`).value = '措施内容';
      ws.getCell(`${c}${rowOf(ws, '3.1')}`).value = '拨付资金';
    });
    expectStopped(r, SHEET, '措施内容', '请把列名改为“具体措施”');
  });

  it('a renamed header the aliases know is read and kept', async () => {
    const r = await updateAfter((ws) => {
      const c = col(ws, '具体措施');
      ws.getCell(`${c}1`).value = '工作措施';
      ws.getCell(`${c}${rowOf(ws, '3.1')}`).value = '拨付资金';
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain('保留已填写 1 行');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.out2);
    const ws = wb.getWorksheet(SHEET)!;
    expect(ws.getCell(`${col(ws, '具体措施')}${rowOf(ws, '3.1')}`).value).toBe('拨付资金');
  });

  it('a row without 任务编号 below the table stops, naming the cell', async () => {
    let cell = '';
    const r = await updateAfter((ws) => {
      cell = `${col(ws, '具体措施')}${ws.rowCount + 2}`;
      ws.getCell(cell).value = '补充措施';
    });
    expectStopped(r, `${SHEET}!${cell}`, '没有任务编号的行', '补充措施');
  });

  it('a 填报人 line below the table (in the 任务编号 column) stops, naming the cell', async () => {
    let cell = '';
    const r = await updateAfter((ws) => {
      cell = `A${ws.rowCount + 2}`;
      ws.getCell(cell).value = '填报人：张三';
    });
    expectStopped(r, `${SHEET}!${cell}`, '填报人');
  });

  it('a value beside the table (a column with no header) stops, naming the cell', async () => {
    const r = await updateAfter((ws) => {
      // Past the ledger's last column (Z, the loop's 销号日期) and with no header.
      ws.getCell(`AC${rowOf(ws, '3.1')}`).value = '旁边的说明';
    });
    expectStopped(r, `${SHEET}!AC`, '表格右侧', '旁边的说明');
  });

  it('a comment, a hyperlink and typed formulas stop, each named with what would be lost', async () => {
    let row = 0;
    const r = await updateAfter((ws) => {
      row = rowOf(ws, '3.1');
      ws.getCell(`${col(ws, '备注')}${row}`).value = '见附件';
      ws.getCell(`${col(ws, '备注')}${row}`).note = '财政局王五补充';
      ws.getCell(`${col(ws, '进展情况')}${row}`).value = { text: '进展报告', hyperlink: 'https://example.gov.cn/report' };
      ws.getCell(`${col(ws, '具体措施')}${row}`).value = { formula: 'C2&"（落实）"', result: '落实' };
      ws.getCell(`${col(ws, '责任人')}${row}`).value = { formula: 'C3' } as ExcelJS.CellFormulaValue;
    });
    expectStopped(r, '批注“财政局王五补充”', '超链接 https://example.gov.cn/report', '公式 =C2&"（落实）"，只能保留计算结果“落实”', '公式 =C3，文件中没有计算结果');
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('a formula in a fill column is to be made a value, not moved to the fill column it is already in', async () => {
    const r = await updateAfter((ws) => {
      ws.getCell(`${col(ws, '具体措施')}${rowOf(ws, '3.1')}`).value = { formula: 'C2&"（落实）"', result: '落实' };
    });
    expectStopped(r, '公式 =C2&"（落实）"', '把填报列中的公式改为数值');
    expect(r.err).not.toContain('移到任务行的填报列');
  });

  it('a ledger renamed by hand (财政局台账) stops the rebuild, naming the sheet and the name it likely had', async () => {
    const r = await updateAfter((ws) => {
      ws.getCell(`${col(ws, '具体措施')}${rowOf(ws, '3.1')}`).value = '改名前填写的措施';
      ws.name = '财政局台账';
    });
    expectStopped(r, '工作表“财政局台账”是一张台账', '已填写 1 处', `可能是“${SHEET}”改名而来`, '改回原来的名字');
  });

  it('a ledger deleted by hand is made again, and the warning says its values could not be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-losses-'));
    const v1 = join(dir, 'v1.xlsx');
    copyFileSync(base, v1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(v1);
    wb.removeWorksheet(wb.getWorksheet(SHEET)!.id);
    await wb.xlsx.writeFile(v1);
    const r = await cli(['build', SEED, '-o', join(dir, 'v2.xlsx'), '--update', v1]);
    expect(r.code).toBe(0);
    expect(r.err + r.out).toContain(`台账工作表“${SHEET}”不在工作簿中，原来填写的内容无法读取`);
    expect((await openXlsx(join(dir, 'v2.xlsx'))).getWorksheet(SHEET)).toBeDefined();
  });

  it('text formatted in parts (a bold word) is kept as text, with a warning that the formatting is not; a font per script is no formatting', async () => {
    let at = '';
    let plain = '';
    const r = await updateAfter((ws) => {
      const row = rowOf(ws, '3.1');
      at = `${col(ws, '具体措施')}${row}`;
      plain = `${col(ws, '进展情况')}${row}`;
      ws.getCell(at).value = { richText: [{ text: '统筹资金' }, { text: '保障', font: { bold: true } }] };
      // LibreOffice saves mixed scripts as runs in different fonts: not a person's formatting.
      ws.getCell(plain).value = { richText: [{ text: '完成', font: { name: 'Noto Sans CJK SC' } }, { text: '80%', font: { name: 'Liberation Sans' } }] };
    });
    expect(r.code).toBeLessThan(2);
    expect(r.err + r.out).toContain(`工作表“${SHEET}”有 1 处文字设了局部格式（加粗、颜色等），重建后只保留文字、不保留这些格式：${at}`);
    const ws = (await openXlsx(r.out2)).getWorksheet(SHEET)!;
    expect(ws.getCell(at).value).toBe('统筹资金保障');
    expect(ws.getCell(plain).value).toBe('完成80%');
  });

  it('names at most 10 places, then counts them', async () => {
    const r = await updateAfter((ws) => {
      for (let i = 0; i < 12; i++) ws.getCell(`AC${i + 2}`).value = `说明${i}`;
    });
    expectStopped(r, '等 12 处');
    expect(r.err.match(new RegExp(`${SHEET}!AC`, 'g'))).toHaveLength(10);
  });

  it('several rows of one task (a unit\'s several measures) are all kept and all counted', async () => {
    const r = await updateAfter((ws) => {
      const at = rowOf(ws, '3.1');
      ws.spliceRows(at + 1, 0, []);
      ws.getCell(`A${at + 1}`).value = '3.1';
      ws.getCell(`${col(ws, '具体措施')}${at}`).value = '措施一';
      ws.getCell(`${col(ws, '具体措施')}${at + 1}`).value = '措施二';
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain('保留已填写 2 行');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.out2);
    const ws = wb.getWorksheet(SHEET)!;
    const c = col(ws, '具体措施');
    const at = rowOf(ws, '3.1');
    expect([ws.getCell(`${c}${at}`).value, ws.getCell(`A${at + 1}`).value, ws.getCell(`${c}${at + 1}`).value]).toEqual(['措施一', '3.1', '措施二']);
  });

  it('a renumbered notice: values follow their task through real files, and every move is printed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-losses-'));
    const revised = join(dir, 'v2.txt');
    writeFileSync(revised, dropAndRenumber(readFileSync(SEED, 'utf8'), 2));
    let text31 = '';
    const r = await updateAfter((ws) => {
      const at = rowOf(ws, '3.1');
      text31 = String(ws.getCell(`${col(ws, '任务内容')}${at}`).value);
      ws.getCell(`${col(ws, '具体措施')}${at}`).value = '3.1 的措施';
      // Item 2's task 2.1 had its own measure: it must not land on the new 2.1 (the old 3.1).
      ws.getCell(`${col(ws, '具体措施')}${rowOf(ws, '2.1')}`).value = '2.1 的措施';
    }, revised);
    expect(r.code).toBe(0);
    expect(r.out).toContain('保留已填写 1 行，已移出分工 1 行');
    expect(r.err).toContain('任务 3.1 → 2.1');
    expect(r.err).not.toContain('任务 2.1 →');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.out2);
    const ws = wb.getWorksheet(SHEET)!;
    const rows: Array<[unknown, unknown, unknown, unknown]> = [];
    ws.eachRow((row, n) => {
      if (n > 1) rows.push([row.getCell(1).value, ws.getCell(`${col(ws, '任务内容')}${n}`).value, ws.getCell(`${col(ws, '具体措施')}${n}`).value, ws.getCell(`${col(ws, '本单位职责')}${n}`).value]);
    });
    expect(rows.find((x) => x[2] === '3.1 的措施')?.slice(0, 2)).toEqual(['2.1', text31]);
    expect(rows.find((x) => x[2] === '2.1 的措施')?.[3]).toMatch(/^已移出分工/);
  });

  it('a column a unit added (联系电话) is kept with its values, right of the ledger, unlocked, and counted as typed', async () => {
    const r = await updateAfter((ws) => {
      const c = ws.getRow(1).cellCount + 1;
      ws.getCell(1, c).value = '联系电话';
      ws.getCell(rowOf(ws, '3.1'), c).value = '23456789';
      // A row with only the added column typed is a typed row too.
      ws.getCell(rowOf(ws, '9.1'), c).value = '13800000000';
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain('保留已填写 2 行');
    const ws = (await openXlsx(r.out2)).getWorksheet(SHEET)!;
    const c = col(ws, '联系电话');
    // The first column after the ledger's own (A–Z, the loop's columns ending at 销号日期).
    expect(c).toBe('AA');
    expect([ws.getCell(`${c}${rowOf(ws, '3.1')}`).value, ws.getCell(`${c}${rowOf(ws, '9.1')}`).value]).toEqual(['23456789', '13800000000']);
    expect(ws.getCell(`${c}${rowOf(ws, '3.1')}`).protection?.locked).toBe(false);
    // Another unit's ledger gets no such column.
    expect(col((await openXlsx(r.out2)).getWorksheet('台账-市教委')!, '联系电话')).toBe('');
  });

  it('a title a unit put above its ledger header does not stop the rebuild, and the warning names it', async () => {
    const r = await updateAfter((ws) => {
      ws.getCell(`${col(ws, '具体措施')}${rowOf(ws, '3.1')}`).value = '制定专项方案';
      ws.spliceRows(1, 0, ['市财政局2020年重点工作台账']);
    });
    expect(r.code).toBe(0);
    expect(r.out + r.err).toMatch(/台账-市财政局.*表头上方.*A1“市财政局2020年重点工作台账”/);
    const ws = (await openXlsx(r.out2)).getWorksheet(SHEET)!;
    expect(ws.getCell('A1').value).toBe('任务编号');
    expect(ws.getCell(`${col(ws, '具体措施')}${rowOf(ws, '3.1')}`).value).toBe('制定专项方案');
  });

  it('the clerk of the issue: 7 values on 12.1 and a second row inserted under it for a second measure, both kept in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-losses-'));
    const v1 = join(dir, 'v1.xlsx');
    copyFileSync(base, v1);
    const wb = await openXlsx(v1);
    const ws = wb.getWorksheet('台账-市教委')!;
    const at = rowOf(ws, '12.1');
    const typed: Record<string, ExcelJS.CellValue> = { 具体措施: '措施一', 责任处室: '就业处', 责任人: '张三', 计划完成时间: new Date(Date.UTC(2020, 10, 1)), 成果形式: '政策文件', 状态: '已完成', 完成日期: new Date(Date.UTC(2020, 10, 1)) };
    for (const [h, v] of Object.entries(typed)) ws.getCell(`${col(ws, h)}${at}`).value = v;
    ws.spliceRows(at + 1, 0, []);
    ws.getCell(`A${at + 1}`).value = '12.1';
    ws.getCell(`${col(ws, '具体措施')}${at + 1}`).value = '措施二';
    await wb.xlsx.writeFile(v1);
    const r = await cli(['build', SEED, '-o', join(dir, 'v2.xlsx'), '--update', v1]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('保留已填写 2 行');
    const out = (await openXlsx(join(dir, 'v2.xlsx'))).getWorksheet('台账-市教委')!;
    const row = rowOf(out, '12.1');
    for (const [h, v] of Object.entries(typed)) expect(out.getCell(`${col(out, h)}${row}`).value).toEqual(v);
    expect([out.getCell(`A${row + 1}`).value, out.getCell(`${col(out, '具体措施')}${row + 1}`).value]).toEqual(['12.1', '措施二']);
    // Both rows are counted by 汇总's index.
    const index = (await openXlsx(join(dir, 'v2.xlsx'))).getWorksheet('_台账索引')!;
    let rows = 0;
    index.eachRow((x) => {
      if (x.getCell(1).value === '12.1' && x.getCell(2).value === '市教委') rows++;
    });
    expect(rows).toBe(2);
  });

  it('regenerating with nothing changed reports no move and keeps the file\'s values', async () => {
    const r = await updateAfter((ws) => {
      ws.getCell(`${col(ws, '具体措施')}${rowOf(ws, '3.1')}`).value = '不变';
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain('保留已填写 1 行，已移出分工 0 行');
    expect(r.err).not.toContain('任务编号有变动');
    expect(statSync(r.out2).size).toBeGreaterThan(0);
  });
});
