import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../support/captureIo';
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
}, 60_000);

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
      ws.getCell(`Z${rowOf(ws, '3.1')}`).value = '旁边的说明';
    });
    expectStopped(r, `${SHEET}!Z`, '表格右侧', '旁边的说明');
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

  it('names at most 10 places, then counts them', async () => {
    const r = await updateAfter((ws) => {
      for (let i = 0; i < 12; i++) ws.getCell(`Z${i + 2}`).value = `说明${i}`;
    });
    expectStopped(r, '等 12 处');
    expect(r.err.match(new RegExp(`${SHEET}!Z`, 'g'))).toHaveLength(10);
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
