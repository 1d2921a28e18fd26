import ExcelJS from 'exceljs';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, openXlsx } from '../support/captureIo';
import { ROUNDS_HEADERS, ROUNDS_SHEET } from '../../src/domain/loop/roundsRecord';
import { NAME } from '../../src/domain/grid/names';

/**
 * A workbook from before the supervision loop (DESIGN §12) is upgraded by `build --update` and by
 * 更新分工 without losing a typed value. fixtures/before-loop.xlsx was written by the code of branch
 * issue-18 (`duban build tests/parser/fixtures/city-labelled.txt --as-of 2024-06-30`): ledgers end at
 * 备注, no loop settings on 汇总, no 报送记录.
 */
const FIXTURE = join(__dirname, 'fixtures', 'before-loop.xlsx');
const NOTICE = join(__dirname, '..', 'parser', 'fixtures', 'city-labelled.txt');
const SHEET = '台账-市财政局';
const OLD_HEADERS = ['任务编号', '板块', '任务内容', '本单位职责', '牵头单位', '完成时限', '截止日期', '具体措施', '责任处室', '责任人', '计划完成时间', '成果形式', '进展情况', '状态', '完成日期', '更新日期', '预警', '备注'];
const LOOP_COLUMNS = ['申请延期至', '延期理由', '佐证材料', '延期批复', '批准时限', '审核结果', '审核意见', '销号日期'];
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** What a unit typed into task 4.1's row, by header (dates as dates). */
const TYPED: Record<string, unknown> = {
  具体措施: '拨付标准化建设补助资金',
  责任处室: '社会保障处',
  责任人: '王某',
  计划完成时间: day('2023-11-30'),
  成果形式: '项目建成',
  进展情况: '已下达第一批资金 3000 万元',
  状态: '推进中',
  更新日期: day('2023-06-20'),
  备注: '第二批待预算调整',
};

const headersOf = (ws: ExcelJS.Worksheet): string[] => (ws.getRow(1).values as unknown[]).slice(1).map(String);
const rowOf = (ws: ExcelJS.Worksheet, task: string): number => {
  let found = 0;
  ws.eachRow((row, r) => {
    if (found === 0 && r > 1 && row.getCell(1).value === task) found = r;
  });
  return found;
};
const plain = (v: ExcelJS.CellValue): unknown => (v instanceof Date ? v.toISOString() : v);

let dir = '';
let before = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-upgrade-'));
  before = join(dir, 'before.xlsx');
  copyFileSync(FIXTURE, before);
  const wb = await openXlsx(before);
  const ws = wb.getWorksheet(SHEET)!;
  // The fixture really is the earlier layout: the test would prove nothing on a current workbook.
  expect(headersOf(ws)).toEqual(OLD_HEADERS);
  expect(wb.getWorksheet(ROUNDS_SHEET)).toBeUndefined();
  const r = rowOf(ws, '4.1');
  for (const [h, v] of Object.entries(TYPED)) ws.getCell(r, OLD_HEADERS.indexOf(h) + 1).value = v as ExcelJS.CellValue;
  const targets = wb.getWorksheet('量化指标')!;
  targets.getCell(rowOf(targets, 'T001'), (targets.getRow(1).values as unknown[]).indexOf('完成值')).value = 6.5;
  await wb.xlsx.writeFile(before);
}, 300_000);

describe.each([
  ['更新分工 (build --update from its own 任务清单)', [] as string[]],
  ['build --update with the notice', [NOTICE]],
])('an earlier workbook upgraded by %s', (_label, notice) => {
  let after: ExcelJS.Workbook;
  let out = '';
  beforeAll(async () => {
    const target = join(dir, `after-${notice.length}.xlsx`);
    const r = await cli(['build', ...notice, '--update', before, '-o', target]);
    expect(r.err).not.toContain('未写入任何内容');
    expect(r.code).toBe(0);
    out = r.out;
    after = await openXlsx(target);
  }, 300_000);

  it('keeps every value the unit typed, under the same headers, and gains the loop columns', () => {
    expect(out).toContain('保留已填写 1 行');
    const ws = after.getWorksheet(SHEET)!;
    const headers = headersOf(ws);
    expect(headers).toEqual(expect.arrayContaining([...OLD_HEADERS, ...LOOP_COLUMNS]));
    const r = rowOf(ws, '4.1');
    const got = Object.fromEntries(Object.keys(TYPED).map((h) => [h, plain(ws.getCell(r, headers.indexOf(h) + 1).value)]));
    expect(got).toEqual(Object.fromEntries(Object.entries(TYPED).map(([h, v]) => [h, plain(v as ExcelJS.CellValue)])));
    // The new columns start empty; the unit's are open to it, as in a new workbook.
    for (const h of LOOP_COLUMNS) expect(ws.getCell(r, headers.indexOf(h) + 1).value ?? null).toBeNull();
    expect(ws.getCell(r, headers.indexOf('申请延期至') + 1).protection?.locked).toBe(false);
    const targets = after.getWorksheet('量化指标')!;
    expect(targets.getCell(rowOf(targets, 'T001'), (targets.getRow(1).values as unknown[]).indexOf('完成值')).value).toBe(6.5);
  });

  it('adds the loop settings to 汇总 with their defaults and an empty 报送记录', () => {
    const names = after.definedNames.model.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining([NAME.reportCycle, NAME.reportDay, NAME.reviewRequired, NAME.paceTolerance]));
    const at = (name: string): unknown => {
      const ref = after.definedNames.model.find((n) => n.name === name)!.ranges[0] as string;
      const [sheet, cell] = ref.replace(/\$/g, '').split('!') as [string, string];
      return after.getWorksheet(sheet.replace(/^'|'$/g, ''))!.getCell(cell).value;
    };
    expect([NAME.reportCycle, NAME.reportDay, NAME.reviewRequired, NAME.paceTolerance].map(at)).toEqual(['每月', 25, '否', 5]);
    const rounds = after.getWorksheet(ROUNDS_SHEET)!;
    expect(headersOf(rounds)).toEqual([...ROUNDS_HEADERS]);
    expect(rounds.actualRowCount).toBe(1);
  });
});
