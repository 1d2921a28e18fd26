import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cli, openXlsx } from '../support/captureIo';

const SEED = join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt');
const EDU = '台账-市教委';
const FIN = '台账-市财政局';

/** Column number (1-based) of a header in row 1. */
const colOf = (ws: ExcelJS.Worksheet, header: string): number => (ws.getRow(1).values as unknown[]).indexOf(header);
/** 1-based row of the n-th row of a task (column A). */
function rowOf(ws: ExcelJS.Worksheet, task: string, nth = 0): number {
  const rows: number[] = [];
  ws.eachRow((row, r) => {
    if (r > 1 && row.getCell(1).value === task) rows.push(r);
  });
  return rows[nth] ?? 0;
}
async function edit(file: string, sheet: string, fn: (ws: ExcelJS.Worksheet) => void): Promise<void> {
  const wb = await openXlsx(file);
  fn(wb.getWorksheet(sheet)!);
  await wb.xlsx.writeFile(file);
}
/** Every sheet's values, for comparing two workbooks. */
async function values(file: string): Promise<Record<string, unknown[][]>> {
  const out: Record<string, unknown[][]> = {};
  (await openXlsx(file)).eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((row, r) => {
      rows[r] = (row.values as unknown[]).map((v) => (v !== null && typeof v === 'object' && 'formula' in v ? (v as { formula: string }).formula : v));
    });
    out[ws.name] = rows;
  });
  return out;
}

let dir = '';
let master = '';
let sent = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-split-'));
  master = join(dir, 'master.xlsx');
  expect((await cli(['build', SEED, '-o', master, '--as-of', '2020-12-01'])).code).toBe(0);
  sent = join(dir, 'sent');
  const r = await cli(['split', master, '-d', sent, '--unit', '市教委', '--unit', '市财政局']);
  expect(r.code).toBe(0);
  expect(r.out).toContain('已下发第 1 轮');
}, 300_000);

describe('duban split', () => {
  it('writes one file per unit named after its ledger, with its ledger only, its tasks and targets, protected', async () => {
    expect(readdirSync(sent).sort()).toEqual([`${EDU}.xlsx`, `${FIN}.xlsx`]);
    const wb = await openXlsx(join(sent, `${EDU}.xlsx`));
    const names = wb.worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith('台账-'))).toEqual([EDU]);
    expect(names).toEqual(expect.arrayContaining(['填报说明', '任务清单', '量化指标', '_督办标识', '_下发时台账']));
    const ledger = wb.getWorksheet(EDU)!;
    const m = (await openXlsx(master)).getWorksheet(EDU)!;
    expect(ledger.rowCount).toBe(m.rowCount);
    expect((ledger as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    expect(ledger.getCell(2, colOf(ledger, '具体措施')).protection?.locked).toBe(false);
    const dv = (ledger as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model;
    expect(Object.values(dv).some((v) => v.type === 'list')).toBe(true);
    // The task list holds exactly the tasks of the ledger.
    const tasks = new Set<unknown>();
    ledger.eachRow((row, r) => r > 1 && tasks.add(row.getCell(1).value));
    const listed: unknown[] = [];
    wb.getWorksheet('任务清单')!.eachRow((row, r) => r > 1 && listed.push(row.getCell(1).value));
    expect(new Set(listed)).toEqual(tasks);
    // Targets: only those this unit reports.
    const targets = wb.getWorksheet('量化指标')!;
    targets.eachRow((row, r) => r > 1 && expect(String(row.getCell(colOf(targets, '填报单位')).value)).toContain('市教委'));
    expect(['_督办标识', '_下发时台账'].map((n) => wb.getWorksheet(n)!.state)).toEqual(['hidden', 'hidden']);
    // 填报说明 names exactly the columns the unit can type into, and the office's locked ones apart.
    const say = String(wb.getWorksheet('填报说明')!.getCell('B6').value);
    const headers = (ledger.getRow(1).values as unknown[]).slice(1).map(String);
    const open = headers.filter((_, i) => ledger.getCell(2, i + 1).protection?.locked === false);
    expect(say.match(/填写以下各列：([^。]+)。/)?.[1]?.split('、')).toEqual(open);
    expect(open).toEqual(expect.arrayContaining(['具体措施', '备注', '申请延期至', '延期理由', '佐证材料']));
    expect(say).toContain('延期批复、批准时限、审核结果、审核意见、销号日期由督查室填写');
  });

  it('gives the master an id once and counts rounds; the unit file carries them', async () => {
    const id = async (file: string) => {
      const ws = (await openXlsx(file)).getWorksheet('_督办标识')!;
      return [2, 3, 4, 6].map((r) => ws.getCell(r, 2).value);
    };
    const [kind, masterId, round] = await id(master);
    expect([kind, round]).toEqual(['总表', 1]);
    expect(await id(join(sent, `${EDU}.xlsx`))).toEqual(['下发台账', masterId, 1, '市教委']);
    const copy = join(dir, 'copy.xlsx');
    copyFileSync(master, copy);
    expect((await cli(['split', copy, '-d', join(dir, 'round2'), '--unit', '市教委'])).code).toBe(0);
    expect(await id(copy)).toEqual(['总表', masterId, 2, '']);
  });

  it('refuses an unknown unit and files already in the folder (exit 2, nothing written)', async () => {
    const r = await cli(['split', master, '-d', join(dir, 'x'), '--unit', '市教育局']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('没有单位“市教育局”');
    const again = await cli(['split', master, '-d', sent, '--unit', '市教委']);
    expect(again.code).toBe(2);
    expect(again.err).toContain('已存在');
  });
});

describe('duban merge', () => {
  /** A fresh copy of the master and of the sent files, to edit. */
  function copies(): { m: string; edu: string; fin: string; out: string } {
    const d = mkdtempSync(join(tmpdir(), 'duban-merge-'));
    const files = { m: join(d, 'master.xlsx'), edu: join(d, `${EDU}.xlsx`), fin: join(d, `${FIN}.xlsx`), out: join(d, 'merged.xlsx') };
    copyFileSync(master, files.m);
    copyFileSync(join(sent, `${EDU}.xlsx`), files.edu);
    copyFileSync(join(sent, `${FIN}.xlsx`), files.fin);
    return files;
  }

  it('takes the unit\'s cells, added rows and columns; refreshes 汇总, its index and 校验结果', async () => {
    const f = copies();
    await edit(f.edu, EDU, (ws) => {
      const at = rowOf(ws, '12.1');
      ws.getCell(at, colOf(ws, '具体措施')).value = '措施一';
      ws.getCell(at, colOf(ws, '状态')).value = '已完成';
      ws.spliceRows(at + 1, 0, []);
      ws.getCell(at + 1, 1).value = '12.1';
      ws.getCell(at + 1, colOf(ws, '具体措施')).value = '措施二';
      const c = ws.getRow(1).cellCount + 1;
      ws.getCell(1, c).value = '联系电话';
      ws.getCell(at, c).value = '23456789';
    });
    const r = await cli(['merge', f.m, f.edu, '-o', f.out, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ schema: 'duban.merge/1', merged: 1, conflicts: [], refused: [] });
    const wb = await openXlsx(f.out);
    const ws = wb.getWorksheet(EDU)!;
    const at = rowOf(ws, '12.1');
    expect([ws.getCell(at, colOf(ws, '具体措施')).value, ws.getCell(at + 1, colOf(ws, '具体措施')).value, ws.getCell(at, colOf(ws, '联系电话')).value]).toEqual(['措施一', '措施二', '23456789']);
    expect(ws.getCell(at + 1, colOf(ws, '任务内容')).value).toBe(ws.getCell(at, colOf(ws, '任务内容')).value);
    let indexed = 0;
    wb.getWorksheet('_台账索引')!.eachRow((row) => row.getCell(1).value === '12.1' && row.getCell(2).value === '市教委' && indexed++);
    expect(indexed).toBe(2);
    // 已完成 without 完成日期 is reported in the refreshed 校验结果.
    const report: string[] = [];
    wb.getWorksheet('校验结果')!.eachRow((row) => report.push(row.values!.toString()));
    expect(report.join('\n')).toContain('DONE_WITHOUT_DATE');
    expect(wb.getWorksheet('合并冲突')).toBeUndefined();
  }, 300_000);

  it('a cell changed on both sides is a conflict with both values; the newer 更新日期 wins; exit 1', async () => {
    const f = copies();
    const set = (file: string, sheet: string, note: string, updated: Date) =>
      edit(file, sheet, (ws) => {
        ws.getCell(rowOf(ws, '3.1'), colOf(ws, '备注')).value = note;
        ws.getCell(rowOf(ws, '3.1'), colOf(ws, '更新日期')).value = updated;
        ws.getCell(rowOf(ws, '9.1'), colOf(ws, '备注')).value = `${note}（9.1）`;
      });
    await set(f.m, FIN, '总表改的', new Date(Date.UTC(2020, 10, 25)));
    await set(f.fin, FIN, '单位改的', new Date(Date.UTC(2020, 10, 20)));
    // 9.1: the unit's row is newer (the master's has no 更新日期 there).
    const r = await cli(['merge', f.m, f.fin, '-o', f.out, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    const byCell = Object.fromEntries(doc.conflicts.map((c: { task: string; column: string }) => [`${c.task} ${c.column}`, c]));
    expect(byCell['3.1 备注']).toMatchObject({ sheet: FIN, unit: '市财政局', master: '总表改的', returned: '单位改的', applied: 'master' });
    expect(byCell['9.1 备注']).toMatchObject({ master: '总表改的（9.1）', returned: '单位改的（9.1）', applied: 'returned' });
    const wb = await openXlsx(f.out);
    const ws = wb.getWorksheet(FIN)!;
    expect(ws.getCell(rowOf(ws, '3.1'), colOf(ws, '备注')).value).toBe('总表改的');
    expect(ws.getCell(rowOf(ws, '9.1'), colOf(ws, '备注')).value).toBe('单位改的（9.1）');
    const sheet = wb.getWorksheet('合并冲突')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual([FIN, byCell['3.1 备注'].cell, '3.1', '市财政局', '备注', '总表改的', '总表', '单位改的', '总表的值', f.fin]);
    expect(byCell['3.1 备注'].cell).toBe(`${ws.getCell(rowOf(ws, '3.1'), colOf(ws, '备注')).address}`);
  }, 300_000);

  it('refuses another master\'s file, a second file of one unit, altered assignments and a corrupt file, each with its reason, and merges the rest', async () => {
    const f = copies();
    const d = mkdtempSync(join(tmpdir(), 'duban-merge-refuse-'));
    // Another master: built and split from the same notice, so only its id tells it apart.
    const other = join(d, 'other.xlsx');
    expect((await cli(['build', SEED, '-o', other])).code).toBe(0);
    expect((await cli(['split', other, '-d', join(d, 'o'), '--unit', '市教委'])).code).toBe(0);
    const foreign = join(d, 'o', `${EDU}.xlsx`);
    const second = join(d, `${EDU}-第二份.xlsx`);
    copyFileSync(f.edu, second);
    const altered = join(d, `${FIN}-改了分工.xlsx`);
    copyFileSync(f.fin, altered);
    await edit(altered, FIN, (ws) => {
      ws.getCell(rowOf(ws, '3.1'), colOf(ws, '具体措施')).value = '不会被合并';
      ws.getCell(rowOf(ws, '3.1'), colOf(ws, '本单位职责')).value = '配合';
    });
    const corrupt = join(d, 'corrupt.xlsx');
    writeFileSync(corrupt, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]));
    await edit(f.edu, EDU, (ws) => {
      ws.getCell(rowOf(ws, '12.1'), colOf(ws, '具体措施')).value = '合并进来';
    });
    const r = await cli(['merge', f.m, f.edu, foreign, second, altered, corrupt, '-o', f.out, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.merged).toBe(1);
    const reasons = Object.fromEntries(doc.refused.map((x: { file: string; reason: string }) => [x.file, x.reason]));
    expect(Object.keys(reasons).sort()).toEqual([foreign, second, altered, corrupt].sort());
    // Named by the other workbook's file name, not by its id; one short line.
    expect(reasons[foreign]).toMatch(/^这个文件来自另一个工作簿“other\.xlsx”（第 1 轮，\d{4}-\d{2}-\d{2} 下发），不是本工作簿下发的$/);
    expect(reasons[second]).toContain('同一单位一次只合并一份');
    expect(reasons[altered]).toBe('任务 3.1 的“本单位职责”被改动：分工列由总表确定，不能在台账中修改');
    expect(reasons[corrupt]).toContain('无法作为 .xlsx 打开');
    const wb = await openXlsx(f.out);
    const edu = wb.getWorksheet(EDU)!;
    expect(edu.getCell(rowOf(edu, '12.1'), colOf(edu, '具体措施')).value).toBe('合并进来');
    const fin = wb.getWorksheet(FIN)!;
    expect(fin.getCell(rowOf(fin, '3.1'), colOf(fin, '具体措施')).value).toBeNull();
    // The text report names each refused file with its reason.
    const text = await cli(['merge', f.m, altered, '-o', join(d, 'text.xlsx')]);
    expect(text.out).toContain(`拒收 1 份：\n  ${altered}：任务 3.1 的“本单位职责”被改动`);
  }, 300_000);

  it('takes 完成值 and 更新日期 of 量化指标; two units reporting one target differently are a conflict', async () => {
    const f = copies();
    const hrs = join(dirname(f.m), '台账-市人社局.xlsx');
    expect((await cli(['split', f.m, '-d', join(dirname(f.m), 'hrs'), '--unit', '市人社局'])).code).toBe(0);
    copyFileSync(join(dirname(f.m), 'hrs', '台账-市人社局.xlsx'), hrs);
    // T011 (task 12.1, 2.5 万人) is reported by 市人社局 and 市教委; T012 by both too.
    const fill = (file: string, value: number, updated: Date) =>
      edit(file, '量化指标', (ws) => {
        ws.eachRow((row, r) => {
          if (r > 1 && row.getCell(1).value === 'T011') {
            row.getCell(colOf(ws, '完成值')).value = value;
            row.getCell(colOf(ws, '更新日期')).value = updated;
          }
        });
      });
    await fill(hrs, 2.6, new Date(Date.UTC(2020, 10, 20)));
    await fill(f.edu, 2.4, new Date(Date.UTC(2020, 10, 25)));
    const r = await cli(['merge', f.m, hrs, f.edu, '-o', f.out, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.conflicts.filter((c: { sheet: string }) => c.sheet === '量化指标')).toEqual([
      expect.objectContaining({ task: '12.1', unit: '市教委', master: 2.6, returned: 2.4, applied: 'returned', column: '完成值（帮促就业困难人员就业）' }),
      expect.objectContaining({ unit: '市教委', column: '更新日期（帮促就业困难人员就业）', applied: 'returned' }),
    ]);
    const ws = (await openXlsx(f.out)).getWorksheet('量化指标')!;
    let value: unknown;
    ws.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value === 'T011') value = row.getCell(colOf(ws, '完成值')).value;
    });
    expect(value).toBe(2.4);
    // The formulas of 量化指标 are kept as built: the sheet is edited in place, not rewritten.
    expect(ws.getCell(2, colOf(ws, '完成进度')).formula).toBeTruthy();
  }, 300_000);

  it('refuses a file whose 量化指标 完成值 is a formula, naming the cell, and merges nothing of it', async () => {
    const f = copies();
    let at = '';
    await edit(f.edu, '量化指标', (ws) => {
      ws.eachRow((row, r) => {
        if (r > 1 && row.getCell(1).value === 'T011') {
          row.getCell(colOf(ws, '完成值')).value = { formula: '1+1.4', result: 2.4 } as ExcelJS.CellFormulaValue;
          at = row.getCell(colOf(ws, '完成值')).address;
        }
      });
    });
    await edit(f.edu, EDU, (ws) => {
      ws.getCell(rowOf(ws, '12.1'), colOf(ws, '具体措施')).value = '不应合并';
    });
    const r = await cli(['merge', f.m, f.edu, '-o', f.out, '--json']);
    const doc = JSON.parse(r.out);
    expect(doc.merged).toBe(0);
    expect(doc.refused).toEqual([expect.objectContaining({ reason: expect.stringContaining(`量化指标!${at}（=1+1.4）`) })]);
    expect(doc.refused[0].reason).toContain('改为数值');
  }, 300_000);

  it('a conflict goes to the unit whose 更新日期 typed as text (2020年12月25日) is later than the master\'s date', async () => {
    const f = copies();
    await edit(f.edu, EDU, (ws) => {
      ws.getCell(rowOf(ws, '12.1'), colOf(ws, '备注')).value = '单位';
      ws.getCell(rowOf(ws, '12.1'), colOf(ws, '更新日期')).value = '2020年12月25日';
    });
    await edit(f.m, EDU, (ws) => {
      ws.getCell(rowOf(ws, '12.1'), colOf(ws, '备注')).value = '总表';
      ws.getCell(rowOf(ws, '12.1'), colOf(ws, '更新日期')).value = new Date(Date.UTC(2020, 11, 1));
    });
    const doc = JSON.parse((await cli(['merge', f.m, f.edu, '-o', f.out, '--json'])).out);
    expect(doc.conflicts).toEqual(expect.arrayContaining([expect.objectContaining({ task: '12.1', column: '备注', master: '总表', returned: '单位', applied: 'returned' })]));
    const ws = (await openXlsx(f.out)).getWorksheet(EDU)!;
    expect(ws.getCell(rowOf(ws, '12.1'), colOf(ws, '备注')).value).toBe('单位');
  }, 300_000);

  it('a rebuild (build --update) keeps the master\'s identity, so files sent before it still merge', async () => {
    const f = copies();
    expect((await cli(['build', SEED, '-o', f.m, '--update', f.m])).code).toBe(0);
    expect((await openXlsx(f.m)).getWorksheet('_督办标识')?.state).toBe('hidden');
    await edit(f.fin, FIN, (ws) => {
      ws.getCell(rowOf(ws, '3.1'), colOf(ws, '具体措施')).value = '重建后合并';
    });
    const r = await cli(['merge', f.m, f.fin, '-o', f.out, '--json']);
    expect(JSON.parse(r.out)).toMatchObject({ merged: 1, refused: [] });
    const ws = (await openXlsx(f.out)).getWorksheet(FIN)!;
    expect(ws.getCell(rowOf(ws, '3.1'), colOf(ws, '具体措施')).value).toBe('重建后合并');
  }, 300_000);

  it('a master in the 1904 date system: the unit file counts dates as it does, and merged dates stay the same days', async () => {
    const f = copies();
    const mac = await openXlsx(f.m);
    mac.properties.date1904 = true;
    const ws0 = mac.getWorksheet(FIN)!;
    ws0.getCell(rowOf(ws0, '3.1'), colOf(ws0, '计划完成时间')).value = new Date(Date.UTC(2020, 8, 30));
    await mac.xlsx.writeFile(f.m);
    const d = join(dirname(f.m), 'mac');
    expect((await cli(['split', f.m, '-d', d, '--unit', '市财政局'])).code).toBe(0);
    const unit = join(d, `${FIN}.xlsx`);
    const sentWb = await openXlsx(unit);
    expect(sentWb.properties.date1904).toBe(true);
    const sent = sentWb.getWorksheet(FIN)!;
    expect(sent.getCell(rowOf(sent, '3.1'), colOf(sent, '计划完成时间')).value).toEqual(new Date(Date.UTC(2020, 8, 30)));
    await edit(unit, FIN, (ws) => {
      ws.getCell(rowOf(ws, '9.1'), colOf(ws, '完成日期')).value = new Date(Date.UTC(2020, 10, 15));
    });
    expect((await cli(['merge', f.m, unit, '-o', f.out])).code).toBe(0);
    const out = (await openXlsx(f.out)).getWorksheet(FIN)!;
    expect(out.getCell(rowOf(out, '3.1'), colOf(out, '计划完成时间')).value).toEqual(new Date(Date.UTC(2020, 8, 30)));
    expect(out.getCell(rowOf(out, '9.1'), colOf(out, '完成日期')).value).toEqual(new Date(Date.UTC(2020, 10, 15)));
    expect(out.getCell(rowOf(out, '9.1'), colOf(out, '截止日期')).value).toEqual(sent.getCell(rowOf(sent, '9.1'), colOf(sent, '截止日期')).value);
  }, 300_000);

  it('a unit file saved in the 1904 date system (Excel for Mac): its dates merge as the same days, not four years early', async () => {
    const f = copies();
    const mac = await openXlsx(f.fin);
    mac.properties.date1904 = true;
    // exceljs writes Dates in the file's own system, as a program re-saving it would.
    mac.getWorksheet(FIN)!.getCell(rowOf(mac.getWorksheet(FIN)!, '9.1'), colOf(mac.getWorksheet(FIN)!, '完成日期')).value = new Date(Date.UTC(2020, 10, 24));
    await mac.xlsx.writeFile(f.fin);
    const r = await cli(['merge', f.m, f.fin, '-o', f.out]);
    expect(r.code).toBe(0);
    const out = (await openXlsx(f.out)).getWorksheet(FIN)!;
    expect(out.getCell(rowOf(out, '9.1'), colOf(out, '完成日期')).value).toEqual(new Date(Date.UTC(2020, 10, 24)));
    // Nothing else moved: the as-sent copy was shifted alike, so no date reads as the unit's change.
    expect(r.out).toContain('采用单位填写 1 处，新增行 0 行，冲突 0 处');
    const m = (await openXlsx(f.m)).getWorksheet(FIN)!;
    expect(out.getCell(rowOf(out, '9.1'), colOf(out, '截止日期')).value).toEqual(m.getCell(rowOf(m, '9.1'), colOf(m, '截止日期')).value);
  }, 300_000);

  it('the same merge twice gives the same workbook, and merging again into its result changes nothing', async () => {
    const f = copies();
    await edit(f.edu, EDU, (ws) => {
      ws.getCell(rowOf(ws, '12.1'), colOf(ws, '备注')).value = '单位';
      ws.spliceRows(rowOf(ws, '12.1') + 1, 0, ['12.1']);
    });
    await edit(f.m, EDU, (ws) => {
      ws.getCell(rowOf(ws, '12.1'), colOf(ws, '备注')).value = '总表';
      ws.getCell(rowOf(ws, '12.1'), colOf(ws, '更新日期')).value = new Date(Date.UTC(2020, 10, 30));
    });
    const out2 = f.out.replace('merged', 'merged2');
    const a = await cli(['merge', f.m, f.edu, '-o', f.out]);
    const b = await cli(['merge', f.m, f.edu, '-o', out2]);
    expect([a.code, b.code]).toEqual([1, 1]);
    const first = await values(f.out);
    expect(await values(out2)).toEqual(first);
    const again = await cli(['merge', f.out, f.edu, '-o', f.out, '--json']);
    expect(JSON.parse(again.out)).toMatchObject({ cells: 0, rowsAdded: 0 });
    expect(await values(f.out)).toEqual(first);
    expect(existsSync(`${f.out}.lock`)).toBe(false);
  }, 300_000);
});
