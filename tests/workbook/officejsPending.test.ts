/**
 * 刷新汇总 in the pane returns the office's queue (DESIGN §12) from the summary engine, each item at
 * the cell the office answers in: a request at its 延期批复, a reported 已完成 at its 审核结果.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExcelHost } from '../../src/adapters/officejs/excelHost';
import { columnLetter } from '../../src/domain/grid/a1';
import { FakeWorkbook, createFakeExcel, type FakeWorksheet } from '../support/fakeExcel';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const serial = (iso: string): number => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
const realExcel = (globalThis as { Excel?: unknown }).Excel;
afterEach(() => {
  (globalThis as { Excel?: unknown }).Excel = realExcel;
});

const at = (ws: FakeWorksheet, address: string): unknown => ws.cells.get(address)?.formula;
function column(ws: FakeWorksheet, header: string): string {
  for (let c = 0; c < 40; c++) if (at(ws, `${columnLetter(c)}1`) === header) return columnLetter(c);
  throw new Error(`${ws.name} has no ${header}`);
}
const type = (ws: FakeWorksheet, header: string, r: number, value: string | number): void => {
  ws.cells.get(`${column(ws, header)}${r}`)!.formula = value;
};

it('lists a pending request and a 已完成 awaiting review, in 任务清单 order, at the cells to answer', async () => {
  const workbook = new FakeWorkbook();
  (globalThis as { Excel?: unknown }).Excel = createFakeExcel(workbook).Excel;
  const host = createExcelHost(() => true);
  await host.generate(SEED, null, () => undefined);
  const fin = workbook.sheet('台账-市财政局') as FakeWorksheet;
  const edu = workbook.sheet('台账-市教委') as FakeWorksheet;
  const [finTask, eduTask] = [String(at(fin, 'A2')).replace(/^'/, ''), String(at(edu, 'A2')).replace(/^'/, '')];
  type(fin, '申请延期至', 2, serial('2021-06-30'));
  type(fin, '延期理由', 2, '资金未到位');
  type(edu, '状态', 2, '已完成');
  type(edu, '完成日期', 2, serial('2020-11-20'));
  // A request already answered and a review already passed are no longer pending.
  type(fin, '申请延期至', 3, serial('2021-06-30'));
  type(fin, '延期批复', 3, '同意');
  type(edu, '状态', 3, '已完成');
  type(edu, '审核结果', 3, '通过');
  // Review is required: the setting the office turns on, found by its name.
  const ref = String(workbook.definedNames.get('Duban_ReviewRequired')).replace(/^=/, '').replace(/\$/g, '');
  const [sheetName, cell] = ref.split('!') as [string, string];
  (workbook.sheet(sheetName.replace(/^'|'$/g, '')) as FakeWorksheet).cells.get(cell)!.formula = '是';

  const result = await host.refreshSummary(() => undefined);
  const pending = result.pending.map(({ kind, task, unit, sheet, cell: c, requested }) => ({ kind, task, unit, sheet, cell: c, requested }));
  expect(pending).toEqual(
    expect.arrayContaining([
      { kind: 'extension', task: finTask, unit: '市财政局', sheet: '台账-市财政局', cell: `${column(fin, '延期批复')}2`, requested: '2021-06-30' },
      { kind: 'review', task: eduTask, unit: '市教委', sheet: '台账-市教委', cell: `${column(edu, '审核结果')}2`, requested: null },
    ]),
  );
  expect(pending).toHaveLength(2);
  await host.selectCell('台账-市教委', pending.find((p) => p.kind === 'review')!.cell);
});
