import ExcelJS from 'exceljs';
import { openWorkbook, writeWorkbookFile } from '../../src/adapters/xlsx/files';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExcelHost } from '../../src/adapters/officejs/excelHost';
import { createFakeExcel, type FakeWorkbook } from '../support/fakeExcel';
import { cli } from '../support/captureIo';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const FIN = '台账-市财政局';
const noProgress = () => undefined;

const realExcel = (globalThis as { Excel?: unknown }).Excel;
afterAll(() => {
  (globalThis as { Excel?: unknown }).Excel = realExcel;
});

/** What a cell shows: text written with Excel's text apostrophe (`'3.1`) without it. */
const shown = (v: unknown): unknown => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v);
/** A cell of the fake workbook as it shows. */
const cellOf = (wb: FakeWorkbook, sheet: string, address: string) => shown(wb.sheets.find((s) => s.name === sheet)?.cells.get(address)?.formula);
/** Address of a header's cell in row r of a fake sheet (headers in row 1). */
function addressOf(wb: FakeWorkbook, sheet: string, header: string, task: string): string {
  const ws = wb.sheets.find((s) => s.name === sheet)!;
  const col = [...ws.cells.entries()].find(([a, c]) => /^[A-Z]+1$/.test(a) && c.formula === header)![0].replace('1', '');
  const row = [...ws.cells.entries()].find(([a, c]) => /^A\d+$/.test(a) && a !== 'A1' && shown(c.formula) === task)![0].slice(1);
  return `${col}${row}`;
}

describe('下发 and 回收 in Excel (against the in-memory Excel)', () => {
  const created: string[] = [];
  const fake = createFakeExcel();
  // Desktop Excel: each file opens as a new workbook (Excel.createWorkbook).
  const host = createExcelHost(
    () => true,
    async (base64) => {
      created.push(base64);
    },
    { platform: 'PC' },
  );
  beforeAll(async () => {
    (globalThis as { Excel?: unknown }).Excel = fake.Excel;
    await host.generate(SEED, null, noProgress);
  }, 300_000);

  it('下发 opens one new workbook per unit, holding only its ledger, and records the round here', async () => {
    const result = await host.distribute([], noProgress);
    expect(result.round).toBe(1);
    expect(result.delivery).toBe('opened');
    expect(created).toHaveLength(result.files.length);
    expect(created.length).toBe(fake.workbook.sheets.filter((s) => s.name.startsWith('台账-')).length);
    const identity = fake.workbook.sheets.find((s) => s.name === '_督办标识')!;
    expect(identity.visibility).toBe('Hidden');
    const masterId = shown(identity.cells.get('B3')?.formula);
    const file = new ExcelJS.Workbook();
    await file.xlsx.load(Buffer.from(created[result.files.findIndex((f) => f.file === `${FIN}.xlsx`)] as string, 'base64') as unknown as ExcelJS.Buffer);
    expect(file.worksheets.filter((w) => w.name.startsWith('台账-')).map((w) => w.name)).toEqual([FIN]);
    expect([2, 3, 4, 6].map((r) => file.getWorksheet('_督办标识')!.getCell(r, 2).value)).toEqual(['下发台账', masterId, 1, '市财政局']);
  }, 300_000);

  it('回收 merges a returned file and refuses a broken one with its reason; 校验结果 is written', async () => {
    // A second round; its 市财政局 file comes back with 具体措施 of 3.1 filled, as its clerk would.
    const result = await host.distribute([], noProgress);
    const file = new ExcelJS.Workbook();
    await file.xlsx.load(Buffer.from(created[created.length - result.files.length + result.files.findIndex((f) => f.file === `${FIN}.xlsx`)] as string, 'base64') as unknown as ExcelJS.Buffer);
    const ws = file.getWorksheet(FIN)!;
    const col = (ws.getRow(1).values as unknown[]).indexOf('具体措施');
    ws.eachRow((row, r) => {
      if (r > 1 && row.getCell(1).value === '3.1') row.getCell(col).value = '回收的措施';
    });
    // And the 完成值 of the first target it reports, which merge sets in place in 量化指标.
    const targets = file.getWorksheet('量化指标')!;
    const target = String(targets.getCell(2, 1).value);
    targets.getCell(2, (targets.getRow(1).values as unknown[]).indexOf('完成值')).value = 1234;
    const bytes = new Uint8Array((await file.xlsx.writeBuffer()) as ArrayBuffer);
    const collected = await host.collect(
      [
        { name: `${FIN}.xlsx`, bytes },
        { name: '坏文件.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]) },
      ],
      noProgress,
    );
    expect(collected).toMatchObject({ merged: 1, cells: 2, conflicts: 0 });
    expect(collected.refused).toHaveLength(1);
    expect(collected.refused[0]).toMatchObject({ file: '坏文件.xlsx', reason: expect.stringContaining('无法作为 .xlsx 打开') });
    expect(cellOf(fake.workbook, FIN, addressOf(fake.workbook, FIN, '具体措施', '3.1'))).toBe('回收的措施');
    expect(fake.workbook.sheets.some((s) => s.name === '校验结果')).toBe(true);
    const master = fake.workbook.sheets.find((s) => s.name === '量化指标')!;
    const row = [...master.cells.entries()].find(([a, c]) => /^A\d+$/.test(a) && shown(c.formula) === target)![0].slice(1);
    expect(master.cells.get(`I${row}`)?.formula).toBe(1234);
    // Its 完成进度 formula is still there: the sheet was edited in place, not rewritten.
    expect(String(master.cells.get(`J${row}`)?.formula)).toMatch(/^=IF\(/);
    // The ledger is protected again, its fill cells unlocked.
    const ledger = fake.workbook.sheets.find((s) => s.name === FIN)!;
    expect(ledger.protection_).not.toBeNull();
    expect(ledger.cells.get(addressOf(fake.workbook, FIN, '具体措施', '3.1'))?.locked).toBe(false);
  }, 300_000);

  it('without ExcelApi 1.8, 下发 says how to split with the command line', async () => {
    const old = createExcelHost((_n, v) => v <= '1.7', undefined, { platform: 'PC' });
    expect(old.distributeUnavailable).toContain('duban split');
    await expect(old.distribute([], noProgress)).rejects.toThrow('duban split');
  });

  it('下发 of chosen units saves one download; each unit file is the one `duban split` makes (任务清单 and 量化指标 rows complete)', async () => {
    const saved: Array<{ name: string; bytes: Uint8Array }> = [];
    const web = createExcelHost(() => true, () => Promise.reject(new Error('not on the web')), { platform: 'OfficeOnline', save: (name, bytes) => saved.push({ name, bytes }) });
    const result = await web.distribute(['市财政局'], noProgress);
    expect(result).toMatchObject({ delivery: 'download', saved: `${FIN}.xlsx`, files: [{ unit: '市财政局', file: `${FIN}.xlsx` }] });
    expect(result.cli).toBe('duban split 督办台账.xlsx -d 下发 --unit 市财政局');
    expect(saved.map((f) => f.name)).toEqual([`${FIN}.xlsx`]);
    const pane = new ExcelJS.Workbook();
    await pane.xlsx.load(Buffer.from(saved[0]!.bytes) as unknown as ExcelJS.Buffer);

    // The CLI's file, from a master the CLI built of the same notice.
    const dir = mkdtempSync(join(tmpdir(), 'duban-pane-split-'));
    expect((await cli(['build', join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), '-o', join(dir, 'm.xlsx')])).code).toBe(0);
    // The in-memory master holds what 回收 merged above (具体措施 of 3.1, one 完成值): the CLI's master gets the same.
    const typed = await openWorkbook(join(dir, 'm.xlsx'));
    const ledgerWs = typed.getWorksheet(FIN)!;
    const measures = (ledgerWs.getRow(1).values as unknown[]).indexOf('具体措施');
    ledgerWs.eachRow((row, r) => {
      if (r > 1 && row.getCell(1).value === '3.1') row.getCell(measures).value = '回收的措施';
    });
    const inMemory = fake.workbook.sheets.find((s) => s.name === '量化指标')!;
    for (const [address, c] of inMemory.cells) if (/^I\d+$/.test(address) && typeof c.formula === 'number') typed.getWorksheet('量化指标')!.getCell(address).value = c.formula;
    await writeWorkbookFile(typed, join(dir, 'm.xlsx'));
    expect((await cli(['split', join(dir, 'm.xlsx'), '-d', join(dir, 'out'), '--unit', '市财政局'])).code).toBe(0);
    const ours = await new ExcelJS.Workbook().xlsx.readFile(join(dir, 'out', `${FIN}.xlsx`));

    const grid = (wb: ExcelJS.Workbook, name: string): unknown[][] => {
      const rows: unknown[][] = [];
      wb.getWorksheet(name)?.eachRow((row, r) => {
        // This master has distributed twice before: only the round number in 填报说明 differs.
        rows[r - 1] = (row.values as unknown[]).slice(1).map((v) => (v && typeof v === 'object' && 'formula' in v ? `=${(v as { formula: string }).formula}` : typeof v === 'string' ? v.replace(/^第 \d+ 轮，/, '第 n 轮，') : v));
      });
      return rows;
    };
    const sheets = (wb: ExcelJS.Workbook) => wb.worksheets.map((w) => `${w.name}${w.state === 'visible' ? '' : ` (${w.state})`}`);
    expect(sheets(pane)).toEqual(sheets(ours));
    const tasks = grid(pane, '任务清单');
    // Every task the unit has a ledger row for, not an empty sheet.
    expect(tasks.length).toBeGreaterThan(10);
    for (const name of pane.worksheets.map((w) => w.name).filter((n) => n !== '_督办标识')) expect([name, grid(pane, name)]).toEqual([name, grid(ours, name)]);
  }, 300_000);
});
