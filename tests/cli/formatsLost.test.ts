import ExcelJS from 'exceljs';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, openXlsx } from '../support/captureIo';
import { recalculate } from '../support/libreoffice';

// Conditional formats and rich text a unit or the office added to a ledger (DESIGN §5): a rebuild or a
// merge keeps every value but cannot keep these looks, and says so, naming the sheet and the places.
// Every file passes through LibreOffice after the edit, as files do in an office: its rewriting of
// the 预警 colours must still read as ours.

const SEED = join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt');
const FIN = '台账-市财政局';

const colOf = (ws: ExcelJS.Worksheet, header: string): string => ws.getColumn((ws.getRow(1).values as unknown[]).indexOf(header)).letter;
function firstRowOf(ws: ExcelJS.Worksheet, task: string): number {
  let at = 0;
  ws.eachRow((row, r) => {
    if (at === 0 && r > 1 && row.getCell(1).value === task) at = r;
  });
  return at;
}

/** A unit's own look: a red bar on 进展情况 when it is long, and a bold word in 具体措施. */
function addLooks(ws: ExcelJS.Worksheet): { range: string; bold: string; progress: string } {
  const progress = colOf(ws, '进展情况');
  const range = `${progress}2:${progress}20`;
  ws.addConditionalFormatting({ ref: range, rules: [{ type: 'expression', priority: 99, formulae: [`LEN(${progress}2)>50`], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF0000' } } } }] });
  const row = firstRowOf(ws, '3.1');
  const bold = `${colOf(ws, '具体措施')}${row}`;
  ws.getCell(bold).value = { richText: [{ text: '统筹资金' }, { text: '保障', font: { bold: true } }] };
  return { range, bold, progress: `${progress}${row}` };
}

/** Save `file` through LibreOffice (open, recalculate, save as .xlsx) and put it back in place. */
function throughLibreOffice(file: string): void {
  const [saved] = recalculate([file]);
  copyFileSync(saved as string, file);
}

describe('looks a rebuild or a merge cannot keep are named, never dropped silently', () => {
  let dir = '';
  let master = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-looks-'));
    master = join(dir, 'master.xlsx');
    expect((await cli(['build', SEED, '-o', master, '--as-of', '2020-12-01'])).code).toBe(0);
  }, 300_000);

  it('build --update: a conditional format and a bold word added to a ledger (saved by LibreOffice) are named; the 预警 colours are not', async () => {
    const v1 = join(dir, 'v1.xlsx');
    copyFileSync(master, v1);
    const wb = await openXlsx(v1);
    const looks = addLooks(wb.getWorksheet(FIN)!);
    await wb.xlsx.writeFile(v1);
    throughLibreOffice(v1);
    const v2 = join(dir, 'v2.xlsx');
    const r = await cli(['build', SEED, '-o', v2, '--update', v1, '--as-of', '2020-12-01']);
    expect(r.code).toBeLessThan(2);
    const said = (r.err + r.out).split('\n').filter((l) => l.includes('不保留') || l.includes('不再保留'));
    // One line for the one sheet, naming both looks and their places; no other ledger is named.
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(`工作表“${FIN}”有 1 处文字设了局部格式（加粗、颜色等），重建后只保留文字、不保留这些格式：${looks.bold}`);
    expect(said[0]).toContain(`添加的条件格式（${looks.range}，共 1 处）重建后不再保留，需要时请重新设置`);
    expect((await openXlsx(v2)).getWorksheet(FIN)!.getCell(looks.bold).value).toBe('统筹资金保障');
  }, 300_000);

  it('merge: a returned file with its own conditional format and rich text is merged, and the looks not kept are listed after what was merged', async () => {
    const m = join(dir, 'm.xlsx');
    copyFileSync(master, m);
    const sent = join(dir, 'sent');
    expect((await cli(['split', m, '-d', sent, '--unit', '市财政局'])).code).toBe(0);
    const back = join(sent, `${FIN}.xlsx`);
    const wb = await openXlsx(back);
    const looks = addLooks(wb.getWorksheet(FIN)!);
    wb.getWorksheet(FIN)!.getCell(looks.progress).value = '已完成年度预算调整';
    await wb.xlsx.writeFile(back);
    throughLibreOffice(back);
    const r = await cli(['merge', m, back, '-o', m]);
    expect([r.code, r.err]).toEqual([0, expect.any(String)]);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^已合并 1 份回收文件/);
    const at = lines.indexOf('格式未保留（填写的内容都已合并）：');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe(`  ${back}：工作表“${FIN}”有 1 处文字设了局部格式（加粗、颜色等），合并后只保留文字、不保留这些格式：${looks.bold}；添加的条件格式（${looks.range}，共 1 处）合并后不再保留，需要时请重新设置`);
    const merged = (await openXlsx(m)).getWorksheet(FIN)!;
    expect(merged.getCell(looks.progress).value).toBe('已完成年度预算调整');
    expect(merged.getCell(looks.bold).value).toBe('统筹资金保障');
  }, 300_000);

  it('merge --json lists them as formatsNotKept; a file without added looks lists none', async () => {
    const m = join(dir, 'j.xlsx');
    copyFileSync(master, m);
    const sent = join(dir, 'sent-json');
    expect((await cli(['split', m, '-d', sent, '--unit', '市财政局', '--unit', '市教委'])).code).toBe(0);
    const fin = join(sent, `${FIN}.xlsx`);
    const wb = await openXlsx(fin);
    const looks = addLooks(wb.getWorksheet(FIN)!);
    await wb.xlsx.writeFile(fin);
    const edu = join(sent, '台账-市教委.xlsx');
    throughLibreOffice(edu);
    const r = await cli(['merge', m, fin, edu, '-o', m, '--json']);
    const doc = JSON.parse(r.out) as { merged: number; formatsNotKept: unknown[] };
    expect(doc.merged).toBe(2);
    expect(doc.formatsNotKept).toEqual([{ file: fin, sheet: FIN, richTextCells: [looks.bold], conditionalFormats: [looks.range] }]);
  }, 300_000);
});
