import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExcelHost } from '../../src/adapters/officejs/excelHost';
import { readWorkbookInExcel } from '../../src/adapters/officejs/readWorkbook';
import { REMOVED_MARK } from '../../src/domain/ledger/columns';
import { FakeContext, createFakeExcel, type FakeWorkbook } from '../support/fakeExcel';
import { snapFake } from '../support/snapshots';
import { col, lostValues, serial, sheetOf, type Typed } from '../tasklist/support';
import type { WorkbookData } from '../../src/domain/grid/sheetData';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const none = (): void => undefined;
const ctxOf = (wb: FakeWorkbook) => new FakeContext(wb) as unknown as Excel.RequestContext & FakeContext;
const read = (wb: FakeWorkbook): Promise<WorkbookData> => readWorkbookInExcel(ctxOf(wb), new Set());

/** Write cells the way the office does in Excel: through the API, so the fake enforces protection. */
async function type(wb: FakeWorkbook, sheet: string, writes: Array<[string, string | number]>): Promise<void> {
  const ctx = ctxOf(wb);
  const ws = ctx.workbook.worksheets.getItem(sheet);
  for (const [address, v] of writes) ws.getRange(address).values = [[v]];
  await ctx.sync();
}

describe('更新分工 inside Excel (Office.js adapter, strict fake)', () => {
  const realExcel = (globalThis as { Excel?: unknown }).Excel;
  afterAll(() => {
    (globalThis as { Excel?: unknown }).Excel = realExcel;
  });

  it('round trip: generate, fill ledgers, edit 任务清单, preview, update — each edit shown, nothing typed lost', async () => {
    const fake = createFakeExcel();
    (globalThis as { Excel?: unknown }).Excel = fake.Excel;
    const host = createExcelHost(() => true);
    await host.generate(SEED, null, none);
    const wb = fake.workbook;
    expect(wb.sheet('任务清单')?.protectedWith).toBeNull();

    // Units type into their (protected) ledgers: 具体措施 of every row of three ledgers.
    const generated = await read(wb);
    const typed: Typed[] = [];
    for (const name of ['台账-市财政局', '台账-市应急局', '台账-市科技局']) {
      const c = col(generated, name, '具体措施');
      const writes = sheetOf(generated, name).rows.slice(1).map((r, i): [string, string] => [`${String.fromCharCode(65 + c)}${i + 2}`, `${name}:${String(r[0])}`]);
      await type(wb, name, writes);
      typed.push(...writes.map(([, v]) => ({ sheet: name, taskId: v.split(':')[1]!, key: 'measures' as const, value: v })));
    }

    // The office edits 任务清单: a lead changed, a due date moved, 42.1 deleted (rows below move up), a task added.
    const tasks = sheetOf(generated, '任务清单').rows;
    const letter = (h: string) => String.fromCharCode(65 + col(generated, '任务清单', h));
    const rowOf = (id: string) => tasks.findIndex((r) => r[0] === id) + 1;
    const edits: Array<[string, string | number]> = [
      [`${letter('牵头单位')}${rowOf('3.1')}`, '市审计局'],
      [`${letter('截止日期')}${rowOf('2.1')}`, serial('2020-09-30')],
    ];
    for (let r = rowOf('42.1'); r < tasks.length; r++) for (let c = 0; c < 11; c++) edits.push([`${String.fromCharCode(65 + c)}${r}`, (tasks[r]![c] ?? '') as string | number]);
    const last = tasks.length;
    for (let c = 0; c < 11; c++) edits.push([`${String.fromCharCode(65 + c)}${last}`, '']);
    edits.push([`A${last}`, '51.1'], [`D${last}`, '建设全市督办信息平台。'], [`E${last}`, '市财政局'], [`F${last}`, '市科技局'], [`H${last}`, '10月底前完成']);
    await type(wb, '任务清单', edits);

    // The preview writes nothing and names the rows that move.
    const before = snapFake(wb);
    const preview = await host.previewUpdate(null, null, none);
    expect(snapFake(wb)).toEqual(before);
    expect(preview.blocked).toBeNull();
    expect(preview.findings).toEqual([]);
    expect(preview.movedRows).toBe(2);
    expect(preview.unchanged).toBe(false);
    expect(preview.headline).toBe('新增任务 1 项，修改 2 项，移出 1 项；已填写的台账行移动 2 行（内容随之保留，不会丢失）');
    expect(preview.lines).toContain('    牵头单位：市财政局 → 市审计局');
    expect(preview.lines.slice(-3)).toEqual(['  市财政局 任务 3.1 的已填内容标为已移出分工', '  市应急局 任务 42.1 的已填内容标为已移出分工', '其余 117 项任务没有变化']);

    const result = await host.updateFromTaskList(none);
    expect([result.keptRows, result.removedRows]).toEqual([typed.length - 2, 2]);
    const after = await read(wb);
    expect(lostValues(after, typed)).toEqual([]);
    const role = (sheet: string, id: string) => sheetOf(after, sheet).rows.filter((x) => x[0] === id).map((x) => x[col(after, sheet, '本单位职责')]);
    expect(role('台账-市财政局', '51.1')).toEqual(['牵头']);
    expect(role('台账-市科技局', '51.1')).toEqual(['负责']);
    expect(role('台账-市审计局', '3.1')).toEqual(['牵头']);
    expect(role('台账-市财政局', '3.1')).toEqual([`${REMOVED_MARK}（原：牵头）`]);
    expect(role('台账-市应急局', '42.1')).toEqual([`${REMOVED_MARK}（原：负责）`]);
    expect(sheetOf(after, '台账-市人社局').rows.find((x) => x[0] === '2.1')![col(after, '台账-市人社局', '截止日期')]).toBe(serial('2020-09-30'));
    const matrix = sheetOf(after, '责任矩阵');
    expect(matrix.rows.find((x) => x[0] === '3.1')?.[matrix.rows[0]!.indexOf('市审计局')]).toBe('牵头');
    expect(matrix.rows.some((x) => x[0] === '42.1')).toBe(false);
    expect(sheetOf(after, '_台账索引').rows.some((x) => x.includes('51.1'))).toBe(true);
    // The added row has its formulas now, and 任务清单 is still the office's to edit.
    const added = sheetOf(after, '任务清单').rows.findIndex((x) => x[0] === '51.1') + 1;
    expect(String(wb.sheet('任务清单')!.cells.get(`L${added}`)?.formula)).toMatch(/^=IF\(/);
    expect(wb.sheet('任务清单')?.protectedWith).toBeNull();
  }, 300_000);

  it('a new notice: the preview lists the changes and writes nothing; a duplicated id blocks 更新分工', async () => {
    const fake = createFakeExcel();
    (globalThis as { Excel?: unknown }).Excel = fake.Excel;
    const host = createExcelHost(() => true);
    await host.generate(SEED, null, none);
    const before = snapFake(fake.workbook);
    const preview = await host.previewUpdate(SEED.replace(/市财政局牵头/g, '市审计局牵头'), null, none);
    expect(snapFake(fake.workbook)).toEqual(before);
    expect(preview.headline).toBe('新增任务 0 项，修改 3 项，移出 0 项；已填写的台账行移动 0 行（内容随之保留，不会丢失）');
    expect(preview.lines).toContain('    牵头单位：市财政局 → 市审计局');

    await type(fake.workbook, '任务清单', [['A3', '1.1']]);
    const blocked = await host.previewUpdate(null, null, none);
    expect(blocked.blocked).toContain('任务编号 1.1 在第 2 行和第 3 行重复出现');
    await expect(host.updateFromTaskList(none)).rejects.toThrow('任务编号 1.1');
    expect(fake.workbook.sheet('任务清单')!.cells.get('A3')?.formula).toBe('1.1');
  }, 300_000);
});
