import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { cli } from '../support/captureIo';
import { excelWith, restoreExcelAfterEach } from '../support/fakeExcelHost';
import { snapFake, snapXlsx, type CellSnap, type SheetSnap } from '../support/snapshots';
import type { FakeWorkbook } from '../support/fakeExcel';

/**
 * 事项来源 through the pane's host (DESIGN §13): the `source` the pane passes reaches the same
 * prepareWorkbook and placeSource as `duban build --source`, so the pane and the CLI give the same
 * 任务清单. The pane's Office.js adapter runs against the in-memory Excel.
 */
restoreExcelAfterEach();

const root = join(__dirname, '..', '..');
const SEED_FILE = join(root, 'seeds', 'tianjin-2020-task-division.txt');
const MINUTES_FILE = join(__dirname, 'fixtures', 'changwu-2020-12.txt');
const SEED = readFileSync(SEED_FILE, 'utf8');
const MINUTES = readFileSync(MINUTES_FILE, 'utf8');
const SEED_SOURCE = '落实国务院《政府工作报告》重点工作任务分工';
const MEETING = '市政府第12次常务会议纪要';
const noProgress = (): void => undefined;

/** 任务清单's cells, the header's columns by name. */
function taskList(snap: { sheets: SheetSnap[] }): SheetSnap {
  const sheet = snap.sheets.find((s) => s.name === '任务清单');
  if (!sheet) throw new Error('no 任务清单');
  return sheet;
}
const textOf = (c: CellSnap | undefined): string => c?.text ?? (c?.number === undefined ? '' : String(c.number));
function column(sheet: SheetSnap, header: string): string[] {
  const letter = Object.entries(sheet.cells).find(([addr, c]) => /^[A-Z]+1$/.test(addr) && c.text === header)?.[0].replace('1', '');
  if (!letter) throw new Error(`no column ${header}`);
  const rows = Object.keys(sheet.cells).filter((a) => a.startsWith(letter) && /^[A-Z]+\d+$/.test(a) && a.slice(letter.length).match(/^\d+$/)).map((a) => Number(a.slice(letter.length)));
  const last = Math.max(...rows);
  return Array.from({ length: last - 1 }, (_, i) => textOf(sheet.cells[`${letter}${i + 2}`]));
}
/** A ledger cell the unit typed into, as the fake holds it. */
const ledgerCell = (wb: FakeWorkbook, sheet: string, cell: string): unknown => wb.sheets.find((s) => s.name === sheet)?.cells.get(cell)?.formula;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'duban-pane-sources-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a second 事项来源 from the pane', () => {
  it('is added beside the first, whose 120 tasks stay, and 任务清单 is the CLI’s', async () => {
    const { host, workbook } = excelWith();
    await host.generate(SEED, null, noProgress);
    expect((await host.describeWorkbook()).sources).toEqual([SEED_SOURCE]);

    // The preview says what adding the minutes does: 6 tasks added, none of the notice's touched.
    const preview = await host.previewUpdate(MINUTES, MEETING, noProgress);
    expect(preview.blocked).toBeNull();
    expect(preview.headline).toContain('新增任务 6 项，修改 0 项，移出 0 项');
    await host.generate(MINUTES, MEETING, noProgress);
    expect((await host.describeWorkbook()).sources).toEqual([SEED_SOURCE, MEETING]);

    const pane = taskList(snapFake(workbook));
    const ids = column(pane, '任务编号');
    const sources = column(pane, '事项来源');
    expect(ids).toHaveLength(126);
    expect(sources.slice(0, 120).every((s) => s === SEED_SOURCE)).toBe(true);
    expect(ids.slice(120)).toEqual(['纪要12-1.1', '纪要12-2.1', '纪要12-3.1', '纪要12-4.1', '纪要12-5.1', '纪要12-6.1']);
    expect(sources.slice(120).every((s) => s === MEETING)).toBe(true);

    // The CLI, from the same two inputs.
    const book = join(dir, 'two.xlsx');
    expect((await cli(['build', SEED_FILE, '-o', book])).code).toBe(0);
    expect((await cli(['build', MINUTES_FILE, '--update', book, '-o', book, '--source', MEETING])).code).toBe(0);
    const line = taskList(await snapXlsx(readFileSync(book) as unknown as ExcelJS.Buffer));
    expect(pane.cells).toEqual(line.cells);
  });

  it('without a source on a workbook of two, is refused naming both, and nothing is written', async () => {
    const { host, workbook } = excelWith();
    await host.generate(SEED, null, noProgress);
    await host.generate(MINUTES, MEETING, noProgress);
    const before = JSON.stringify(taskList(snapFake(workbook)).cells);
    const preview = await host.previewUpdate(MINUTES, null, noProgress);
    expect(preview.blocked).toContain(`工作簿中有 2 个事项来源：${SEED_SOURCE}、${MEETING}`);
    await expect(host.generate(MINUTES, null, noProgress)).rejects.toThrow(`工作簿中有 2 个事项来源：${SEED_SOURCE}、${MEETING}`);
    expect(JSON.stringify(taskList(snapFake(workbook)).cells)).toBe(before);
  });

  it('updating one source leaves the other’s tasks and typed values alone', async () => {
    const { host, workbook } = excelWith();
    await host.generate(SEED, null, noProgress);
    await host.generate(MINUTES, MEETING, noProgress);
    // A unit typed into a row of the notice; the minutes get a new deadline for their task 3.
    const fin = workbook.sheets.find((s) => s.name === '台账-市财政局');
    fin?.cells.set('J2', { ...(fin.cells.get('J2') as object), formula: '王五' } as never);
    const before = taskList(snapFake(workbook));
    const revised = MINUTES.replace('9月底前完成', '10月底前完成');
    expect(revised).not.toBe(MINUTES);
    const preview = await host.previewUpdate(revised, MEETING, noProgress);
    expect(preview.headline).toContain('新增任务 0 项，修改 1 项，移出 0 项');
    await host.generate(revised, MEETING, noProgress);
    const after = taskList(snapFake(workbook));
    const deadlines = column(after, '完成时限');
    expect(column(after, '任务编号')).toEqual(column(before, '任务编号'));
    // The notice's 120 rows are as they were; the minutes' task 3 has its new deadline.
    expect(deadlines.slice(0, 120)).toEqual(column(before, '完成时限').slice(0, 120));
    expect(column(after, '事项来源')).toEqual(column(before, '事项来源'));
    expect(deadlines[122]).toContain('10月底前');
    expect(column(before, '完成时限')[122]).toContain('9月底前');
    expect(ledgerCell(workbook, '台账-市财政局', 'J2')).toBe('王五');
  });
});
