import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openXlsx as open, cli } from '../support/captureIo';

const root = join(__dirname, '..', '..');
const SEED = join(root, 'seeds', 'tianjin-2020-task-division.txt');
const tmp = () => mkdtempSync(join(tmpdir(), 'duban-build-'));



/** Row of a ledger sheet by task id, with cells addressed by header text. */
function ledgerRow(wb: ExcelJS.Workbook, sheet: string, taskId: string): Map<string, ExcelJS.Cell> | null {
  const ws = wb.getWorksheet(sheet);
  if (!ws) return null;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  let found: Map<string, ExcelJS.Cell> | null = null;
  ws.eachRow((row, r) => {
    if (r > 1 && row.getCell(1).value === taskId) found = new Map(headers.map((h, i) => [h, row.getCell(i)] as const).filter(([h]) => h !== ''));
  });
  return found;
}

describe('duban build', () => {
  it('writes the seed workbook and says what it made', async () => {
    const out = join(tmp(), 'book.xlsx');
    const r = await cli(['build', SEED, '-o', out, '--as-of', '2020-10-01']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('59 张工作表，任务 120 项，单位台账 52 张；待明确：有关部门');
    const wb = await open(out);
    // A fixed as-of date is a date cell (exceljs reads date-formatted serials back as Date), not =TODAY().
    expect((wb.getWorksheet('汇总')?.getCell('B1').value as Date).toISOString().slice(0, 10)).toBe('2020-10-01');
  });

  it('--update keeps every typed value in the .xlsx, and keeps rows whose task left', async () => {
    const dir = tmp();
    const first = join(dir, 'v1.xlsx');
    await cli(['build', SEED, '-o', first]);
    const wb = await open(first);
    const row = ledgerRow(wb, '台账-市财政局', '36.1')!;
    row.get('具体措施')!.value = '=SUM(1,2) 只是文字';
    row.get('责任人')!.value = '李四';
    row.get('状态')!.value = '已完成';
    row.get('完成日期')!.value = new Date(Date.UTC(2020, 7, 20));
    const other = ledgerRow(wb, '台账-人民银行天津分行', '4.1')!;
    other.get('进展情况')!.value = '已投放';
    await wb.xlsx.writeFile(first);

    const edited = join(dir, 'v2.txt');
    writeFileSync(edited, readFileSync(SEED, 'utf8').replace(/^\s*36．.*$/m, ''));
    const second = join(dir, 'v2.xlsx');
    const r = await cli(['build', edited, '-o', second, '--update', first]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('保留已填写 1 行，已移出分工 1 行');
    const wb2 = await open(second);
    const kept = ledgerRow(wb2, '台账-市财政局', '36.1')!;
    expect(kept.get('具体措施')!.value).toBe('=SUM(1,2) 只是文字');
    expect(kept.get('责任人')!.value).toBe('李四');
    expect(kept.get('状态')!.value).toBe('已完成');
    expect((kept.get('完成日期')!.value as Date).toISOString().slice(0, 10)).toBe('2020-08-20');
    expect(kept.get('本单位职责')!.value).toBe('已移出分工（原：牵头）');
    expect(ledgerRow(wb2, '台账-人民银行天津分行', '4.1')!.get('进展情况')!.value).toBe('已投放');
  });

  it('--update deletes the untouched ledgers of units that left, and only those', async () => {
    const dir = tmp();
    const first = join(dir, 'v1.xlsx');
    await cli(['build', SEED, '-o', first]);
    const notice = join(dir, 'n.txt');
    writeFileSync(notice, readFileSync(SEED, 'utf8').split('\n').filter((l) => !/^\s*42．/.test(l)).join('\n'));
    const second = join(dir, 'v2.xlsx');
    expect((await cli(['build', notice, '-o', second, '--update', first])).code).toBe(0);
    const names = (await open(second)).worksheets.map((w) => w.name);
    expect(names).not.toContain('台账-市地震局');
    expect(names).not.toContain('台账-市气象局');
    expect(names.filter((n) => n.startsWith('台账-'))).toHaveLength(50);
  });

  it('property (files): random typed values survive --update through real .xlsx files', async () => {
    const dir = tmp();
    const base = join(dir, 'base.xlsx');
    await cli(['build', SEED, '-o', base]);
    const ids = ['3.1', '11.3', '36.1', '36.4', '38.1'];
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ id: fc.constantFrom(...ids), col: fc.constantFrom('具体措施', '责任处室', '责任人', '进展情况', '备注'), text: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '') }), { minLength: 1, maxLength: 8, selector: (t) => `${t.id}|${t.col}` }),
        fc.subarray([3, 11, 36, 38]),
        async (typed, drop) => {
          const wb = await open(base);
          for (const t of typed) ledgerRow(wb, '台账-市财政局', t.id)!.get(t.col)!.value = t.text;
          const filled = join(dir, 'filled.xlsx');
          await wb.xlsx.writeFile(filled);
          const notice = join(dir, 'n.txt');
          writeFileSync(notice, readFileSync(SEED, 'utf8').split('\n').filter((l) => !drop.some((d) => new RegExp(`^\\s*${d}．`).test(l))).join('\n'));
          // A new output each run: an existing Duban workbook at -o is only replaced by updating it.
          const out = join(dir, `out-${run++}.xlsx`);
          expect((await cli(['build', notice, '-o', out, '--update', filled])).code).toBe(0);
          const wb2 = await open(out);
          for (const t of typed) expect([t.id, t.col, ledgerRow(wb2, '台账-市财政局', t.id)?.get(t.col)?.value]).toEqual([t.id, t.col, t.text]);
        },
      ),
      { numRuns: 4, seed: 808 },
    );
  });

  it.each([
    ['not an xlsx', () => Buffer.from('就是一段文字'), '不是 .xlsx'],
    ['password-protected (OLE container)', () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), '加密'],
    ['a broken zip', () => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]), '无法作为 .xlsx 打开'],
  ])('--update with %s exits 2 with a one-line reason', async (_label, bytes, reason) => {
    const dir = tmp();
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, bytes());
    const r = await cli(['build', SEED, '-o', join(dir, 'o.xlsx'), '--update', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(reason);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('--update with a workbook that is missing the Duban sheets exits 2 and writes nothing', async () => {
    const dir = tmp();
    const other = join(dir, 'other.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'x';
    await wb.xlsx.writeFile(other);
    const out = join(dir, 'o.xlsx');
    const r = await cli(['build', SEED, '-o', out, '--update', other]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('不是督办生成的工作簿');
    expect(() => readFileSync(out)).toThrow();
  });

  it('a ledger with a duplicated 状态 column stops the rebuild, naming sheet and column', async () => {
    const dir = tmp();
    const first = join(dir, 'v1.xlsx');
    await cli(['build', SEED, '-o', first]);
    const wb = await open(first);
    const ws = wb.getWorksheet('台账-市财政局')!;
    ws.getCell('R1').value = '状态';
    await wb.xlsx.writeFile(first);
    const r = await cli(['build', SEED, '-o', join(dir, 'v2.xlsx'), '--update', first]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('台账-市财政局');
    expect(r.err).toContain('状态');
  });

  it.each([
    [['build', SEED], '用法'],
    [['build', SEED, '-o', 'x.xlsx', '--as-of', '2020-02-30'], '--as-of'],
  ])('%j exits 2', async (argv, reason) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(reason);
  });
});
