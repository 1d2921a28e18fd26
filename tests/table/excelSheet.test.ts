/**
 * 从当前工作表读取 against the strict fake Excel: the active sheet (or the selection) read in one
 * sync with its merged areas, previewed, then built from — the source sheet untouched.
 */
import { createExcelHost } from '../../src/adapters/officejs/excelHost';
import { readSheetGrid } from '../../src/adapters/officejs/readSheetTable';
import { readTaskTables } from '../../src/domain/table/readTaskTables';
import { excelSerial } from '../../src/domain/time/isoDate';
import { FakeContext, FakeWorkbook, createFakeExcel, type FakeWorksheet } from '../support/fakeExcel';

const realExcel = (globalThis as { Excel?: unknown }).Excel;
afterEach(() => {
  (globalThis as { Excel?: unknown }).Excel = realExcel;
});
const noProgress = (): void => undefined;

/** A sheet as an office types its 分工表: a title merged across, a 板块 merged down, a date typed as a date. */
function typeTable(ws: FakeWorksheet, top = 0): void {
  const rows: Array<Array<string | number>> = [
    ['2020年重点任务分工表', '', '', '', ''],
    ['板块', '序号', '重点任务', '牵头单位', '完成时限'],
    ['稳就业', '1', '开展职业技能培训。', '市人社局', excelSerial('2020-12-31', 1900)],
    ['', '2', '支持高校毕业生就业。', '市教委、市人社局', '年底前'],
    ['保民生', '3', '新建幼儿园20所。', '市教委牵头，各区人民政府负责', '9月底前完成'],
  ];
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === '') return;
      const cell = ws.cell(top + r, c);
      cell.formula = v;
      if (typeof v === 'number') cell.numberFormat = 'yyyy/m/d';
    }),
  );
  ws.userMerges(`A${top + 1}:E${top + 1}`, `A${top + 3}:A${top + 4}`);
}

function workbookWithTable(name = '分工表'): { wb: FakeWorkbook; ws: FakeWorksheet } {
  const wb = new FakeWorkbook({ sheets: [name] });
  const ws = wb.sheet(name) as FakeWorksheet;
  typeTable(ws);
  return { wb, ws };
}

const snapshot = (ws: FakeWorksheet) => JSON.stringify([...ws.cells.entries()].sort(), null, 0) + JSON.stringify(ws.merged);

describe('readSheetGrid (Office.js adapter)', () => {
  it('reads the used range: text as shown, merged areas, in one sync', async () => {
    const { wb } = workbookWithTable();
    const ctx = new FakeContext(wb);
    const read = await readSheetGrid(ctx as unknown as Excel.RequestContext, 'sheet', true);
    expect(ctx.syncs).toBe(1);
    expect(read.sheet).toBe('分工表');
    expect(read.address).toBe('A1:E5');
    expect(read.grid.rows[2]).toEqual(['稳就业', '1', '开展职业技能培训。', '市人社局', '2020/12/31']);
    expect(read.grid.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 4 },
      { top: 2, left: 0, bottom: 3, right: 0 },
    ]);
    const { parsed } = readTaskTables([read.grid], { format: 'sheet' });
    expect(parsed.tasks.map((t) => [t.id, t.section, t.deadline.due])).toEqual([
      ['1', 1, '2020-12-31'],
      ['2', 1, '2020-12-31'],
      ['3', 2, '2020-09-30'],
    ]);
  });

  it('reads the selection where it starts: rows keep their sheet numbers, merges are placed in it', async () => {
    const wb = new FakeWorkbook({ sheets: ['Sheet1'] });
    const ws = wb.sheet('Sheet1') as FakeWorksheet;
    ws.cell(0, 0).formula = '填表说明：请于月底前报送';
    typeTable(ws, 3);
    wb.selected = 'Sheet1!A5:E8';
    const ctx = new FakeContext(wb);
    const read = await readSheetGrid(ctx as unknown as Excel.RequestContext, 'selection', true);
    expect(ctx.syncs).toBe(1);
    expect([read.address, read.grid.firstRow, read.grid.rows.length]).toEqual(['A5:E8', 5, 4]);
    // The title merged across row 4 lies outside; the 板块 merged over rows 6–7 is rows 1–2 here.
    expect(read.grid.merges).toEqual([{ top: 1, left: 0, bottom: 2, right: 0 }]);
    const { parsed, source } = readTaskTables([read.grid], { format: 'sheet', defaultYear: 2020 });
    expect(source.tables[0]?.headerRow).toBe(5);
    expect(parsed.tasks.map((t) => [t.id, t.line])).toEqual([
      ['1', 6],
      ['2', 7],
      ['3', 8],
    ]);
  });

  it('a blank sheet reads as one empty cell, which the reader calls empty', async () => {
    const wb = new FakeWorkbook();
    const read = await readSheetGrid(new FakeContext(wb) as unknown as Excel.RequestContext, 'sheet', true);
    expect(read.grid.rows).toEqual([['']]);
    expect(readTaskTables([read.grid], { format: 'sheet' }).parsed.issues[0]?.message).toBe('表格是空的，没有可读取的内容');
  });

  it('without ExcelApi 1.13 merged areas are not asked for', async () => {
    const { wb } = workbookWithTable();
    const read = await readSheetGrid(new FakeContext(wb) as unknown as Excel.RequestContext, 'sheet', false);
    expect([read.mergesRead, read.grid.merges]).toEqual([false, []]);
  });
});

describe('the Excel host: readSheetTable, then generateFromTable', () => {
  function excelWith(wb: FakeWorkbook, supported: (v: string) => boolean = () => true) {
    const fake = createFakeExcel(wb);
    (globalThis as { Excel?: unknown }).Excel = fake.Excel;
    return { ...fake, host: createExcelHost((_n, v) => supported(v)) };
  }

  it('builds the workbook from the sheet read, keeping the sheet as it was', async () => {
    const { wb, ws } = workbookWithTable('Sheet1');
    const before = snapshot(ws);
    const { host, contexts } = excelWith(wb);
    const read = await host.readSheetTable('sheet');
    expect(contexts[0]?.syncs).toBe(1);
    expect([read.sheet, read.address, read.mergeNote]).toEqual(['Sheet1', 'A1:E5', null]);
    const result = await host.generateFromTable({ format: 'sheet', grids: [read.grid] }, null, noProgress);
    // 各区人民政府 is a group: a matrix column, no ledger of its own.
    expect(result.ledgers).toBe(2);
    // The table's sheet is the office's: not a blank default sheet, so it stays, unchanged.
    expect(wb.sheets.map((s) => s.name)).toContain('Sheet1');
    expect(snapshot(ws)).toBe(before);
    const tasks = wb.sheet('任务清单') as FakeWorksheet;
    expect([tasks.cells.get('A2')?.formula, tasks.cells.get('A4')?.formula]).toEqual(["'1", "'3"]);
    expect(wb.sheets.filter((s) => s.name.startsWith('台账-')).map((s) => s.name).sort()).toEqual(['台账-市人社局', '台账-市教委']);
  });

  it('regenerating from the table later keeps the table sheet and everything typed', async () => {
    const { wb, ws } = workbookWithTable();
    const { host } = excelWith(wb);
    const read = await host.readSheetTable('sheet');
    await host.generateFromTable({ format: 'sheet', grids: [read.grid] }, null, noProgress);
    const ledger = wb.sheet('台账-市教委') as FakeWorksheet;
    ledger.cell(1, 7).formula = '已建成5所';
    wb.activeSheet = '分工表';
    const again = await host.readSheetTable('sheet');
    const second = await host.generateFromTable({ format: 'sheet', grids: [again.grid] }, null, noProgress);
    expect(second.keptRows).toBeGreaterThan(0);
    expect(ledger.cells.get('H2')?.formula).toBe('已建成5所');
    expect(wb.sheet('分工表')).toBe(ws);
  });

  it('a table given as a second 事项来源 adds its tasks beside the first source’s, which stay as they were', async () => {
    const { wb } = workbookWithTable();
    const { host } = excelWith(wb);
    const read = await host.readSheetTable('sheet');
    await host.generateFromTable({ format: 'sheet', grids: [read.grid] }, '重点任务分工表', noProgress);
    wb.activeSheet = '分工表';
    const again = await host.readSheetTable('sheet');
    await host.generateFromTable({ format: 'sheet', grids: [again.grid] }, '常务会议纪要', noProgress);
    const tasks = wb.sheet('任务清单') as FakeWorksheet;
    const header = Array.from({ length: 30 }, (_, c) => String(tasks.cell(0, c).formula ?? ''));
    const sourceCol = header.indexOf('事项来源');
    expect(sourceCol).toBeGreaterThanOrEqual(0);
    const sources: string[] = [];
    for (let r = 1; tasks.cell(r, 0).formula !== undefined && tasks.cell(r, 0).formula !== null && tasks.cell(r, 0).formula !== ''; r++) sources.push(String(tasks.cell(r, sourceCol).formula).replace(/^'/, ''));
    // Three tasks from each: the first source's were not replaced by the second's.
    expect(sources).toEqual(['重点任务分工表', '重点任务分工表', '重点任务分工表', '常务会议纪要', '常务会议纪要', '常务会议纪要']);
  });

  it('refuses to read a sheet Duban generated, and says what to do', async () => {
    const { wb } = workbookWithTable();
    const { host } = excelWith(wb);
    await host.generateFromTable({ format: 'sheet', grids: [(await host.readSheetTable('sheet')).grid] }, null, noProgress);
    wb.activeSheet = '任务清单';
    await expect(host.readSheetTable('sheet')).rejects.toThrow('工作表“任务清单”是督办生成的工作表，不能作为分工表读取。请切换到存放分工表的工作表（或选中分工表所在区域）后再读取。');
  });

  it('a user\'s table on a sheet named like one of Duban\'s is refused before the preview: the build would overwrite it', async () => {
    const { wb, ws } = workbookWithTable('任务清单');
    const before = snapshot(ws);
    const { host } = excelWith(wb);
    await expect(host.readSheetTable('sheet')).rejects.toThrow('工作表“任务清单”与督办要生成的工作表同名，生成时会被覆盖。请先把它改名（例如“分工表”），再读取。');
    expect(snapshot(ws)).toBe(before);
  });

  it('on an Excel before ExcelApi 1.13 says merged cells were not read', async () => {
    const { wb } = workbookWithTable();
    const { host } = excelWith(wb, (v) => v <= '1.12' || v === '1.7' || v === '1.8');
    const read = await host.readSheetTable('sheet');
    expect(read.mergeNote).toContain('需要 ExcelApi 1.13');
  });

  it('a table of no tasks writes nothing', async () => {
    const wb = new FakeWorkbook();
    const { host } = excelWith(wb);
    const read = await host.readSheetTable('sheet');
    await expect(host.generateFromTable({ format: 'sheet', grids: [read.grid] }, null, noProgress)).rejects.toThrow('没有读到任何任务，未写入任何内容。');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });
});
