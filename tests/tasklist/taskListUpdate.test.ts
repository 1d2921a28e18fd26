import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { prepareFromTaskList } from '../../src/workbook/prepareFromTaskList';
import { planAsData } from '../../src/workbook/planValues';
import { readSummary } from '../../src/domain/summary/readSummary';
import { summarize } from '../../src/domain/summary/summarize';
import { validateWorkbook } from '../../src/domain/validation/validate';
import { REMOVED_MARK } from '../../src/domain/ledger/columns';
import type { WorkbookData } from '../../src/domain/grid/sheetData';
import { addTask, col, copyBook, deleteTask, fillLedgers, lostValues, serial, setTask, sheetOf } from './support';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const first = prepareWorkbook({ noticeText: SEED, previous: null, asOf: null });

/** The 分工调整 of the issue: a task added with two units, a lead changed, a due date moved, a task deleted. */
export function editTaskList(book: WorkbookData): void {
  addTask(book, { 任务编号: '51.1', 板块: sheetOf(book, '任务清单').rows[1]![1] ?? null, 任务内容: '建设全市督办信息平台，实现任务分工在线调度。', 牵头单位: '市政务服务办', 配合单位: '市财政局、市科技局', 完成时限: '10月底前完成' });
  setTask(book, '3.1', { 牵头单位: '市审计局' });
  setTask(book, '2.1', { 截止日期: serial('2020-09-30') });
  deleteTask(book, '42.1');
}

const rowsOf = (book: WorkbookData, sheet: string, id: string) => sheetOf(book, sheet).rows.filter((r) => r[0] === id);

describe('更新分工 from the edited 任务清单', () => {
  const filled = copyBook(planAsData(first.plan));
  const typed = fillLedgers(filled);
  const edited = copyBook(filled);
  editTaskList(edited);
  const second = prepareFromTaskList(edited, null);
  const rebuilt = planAsData(second.plan);

  it('reads the unedited 任务清单 back to the very workbook it came from', () => {
    const again = prepareFromTaskList(planAsData(first.plan), null);
    expect(again.findings).toEqual([]);
    expect(again.plan.sheets.map((s) => [s.name, s.rows])).toEqual(first.plan.sheets.map((s) => [s.name, s.rows]));
  });

  it('stops for nothing and finds nothing wrong in a well-made edit', () => {
    expect(second.problems).toEqual([]);
    expect(second.findings).toEqual([]);
    expect(second.notice.tasks.map((t) => t.id)).toContain('51.1');
    expect(second.notice.tasks.map((t) => t.id)).not.toContain('42.1');
  });

  it('the preview names each edit against the last generation', () => {
    const d = second.changes;
    expect(d.added.map((t) => [t.id, t.units])).toEqual([['51.1', [{ name: '市政务服务办', role: 'lead' }, { name: '市财政局', role: 'support' }, { name: '市科技局', role: 'support' }]]]);
    expect(d.removed.map((t) => t.id)).toEqual(['42.1']);
    expect(d.changed.map((c) => [c.task, c.fields, c.before.due, c.after.due])).toEqual([
      ['2.1', ['deadline'], '2020-12-31', '2020-09-30'],
      ['3.1', ['units'], '2020-12-31', '2020-12-31'],
    ]);
    expect([d.unchanged, d.movedRows]).toEqual([117, 12]);
  });

  it('责任矩阵 shows each edit', () => {
    const m = sheetOf(rebuilt, '责任矩阵');
    const at = (id: string, unit: string) => m.rows.find((r) => r[0] === id)?.[m.rows[0]!.indexOf(unit)] ?? null;
    expect(at('51.1', '市政务服务办')).toBe('牵头');
    expect(at('51.1', '市财政局')).toBe('配合');
    expect(at('51.1', '市科技局')).toBe('配合');
    expect(at('3.1', '市审计局')).toBe('牵头');
    expect(at('3.1', '市财政局')).toBeNull();
    expect(m.rows.some((r) => r[0] === '42.1')).toBe(false);
  });

  it('ledgers show each edit, and every typed value is where it was', () => {
    expect(rowsOf(rebuilt, '台账-市政务服务办', '51.1').map((r) => r[col(rebuilt, '台账-市政务服务办', '本单位职责')])).toEqual(['牵头']);
    expect(rowsOf(rebuilt, '台账-市科技局', '51.1').map((r) => r[col(rebuilt, '台账-市科技局', '本单位职责')])).toEqual(['配合']);
    expect(rowsOf(rebuilt, '台账-市审计局', '3.1').map((r) => r[col(rebuilt, '台账-市审计局', '本单位职责')])).toEqual(['牵头']);
    // The old lead's typed row stays, marked; so do the rows of the deleted task.
    expect(rowsOf(rebuilt, '台账-市财政局', '3.1').map((r) => r[col(rebuilt, '台账-市财政局', '本单位职责')])).toEqual([`${REMOVED_MARK}（原：牵头）`]);
    const removed42 = rebuilt.sheets.filter((s) => s.name.startsWith('台账-')).flatMap((s) => s.rows.filter((r) => r[0] === '42.1').map((r) => r[col(rebuilt, s.name, '本单位职责')]));
    const had42 = filled.sheets.filter((s) => s.name.startsWith('台账-')).flatMap((s) => s.rows.filter((r) => r[0] === '42.1'));
    expect(had42).toHaveLength(11);
    expect(removed42).toHaveLength(11);
    expect(removed42.every((label) => String(label).startsWith(REMOVED_MARK))).toBe(true);
    // The moved due date reaches every ledger row of 2.1; its 完成时限 text stays as written.
    for (const s of rebuilt.sheets.filter((x) => x.name.startsWith('台账-'))) {
      for (const r of s.rows.filter((x) => x[0] === '2.1')) {
        expect(r[col(rebuilt, s.name, '截止日期')]).toBe(serial('2020-09-30'));
        expect(r[col(rebuilt, s.name, '完成时限')]).toBe('12月底前完成');
      }
    }
    expect(typed.length).toBeGreaterThan(500);
    expect(lostValues(rebuilt, typed)).toEqual([]);
    expect(second.ledgers.rowMoves).toHaveLength(1 + 11);
  });

  it('汇总 and _台账索引 count the new assignments and not the old ones', () => {
    const before = summarize(readSummary(filled).input, '2020-10-01', 15);
    const after = summarize(readSummary(rebuilt).input, '2020-10-01', 15);
    const unit = (r: typeof before, name: string) => r.units.find((u) => u.name === name);
    expect(after.overall.tasks).toBe(before.overall.tasks); // one added, one deleted
    expect(unit(after, '市审计局')!.lead).toBe((unit(before, '市审计局')?.lead ?? 0) + 1);
    expect(unit(after, '市财政局')!.lead).toBe(unit(before, '市财政局')!.lead - 1);
    expect(unit(after, '市财政局')!.support).toBe(unit(before, '市财政局')!.support + 1);
    expect(unit(after, '市政务服务办')!.lead).toBe((unit(before, '市政务服务办')?.lead ?? 0) + 1);
    expect(unit(after, '市应急局')!.rows).toBe(unit(before, '市应急局')!.rows - 1);
    const index = sheetOf(rebuilt, '_台账索引').rows;
    expect(index.some((r) => r.includes('51.1'))).toBe(true);
    // 2.1 is now due 2020-09-30: overdue as of October, in 汇总's overdue list.
    expect(after.overdue.some((o) => o.task === '2.1')).toBe(true);
    expect(before.overdue.some((o) => o.task === '2.1')).toBe(false);
  });

  it('任务清单 is rewritten with the formulas on the added row, and is not protected', () => {
    const tasks = second.plan.sheets.find((s) => s.name === '任务清单')!;
    expect(tasks.protect).toBe(false);
    const row = tasks.rows.find((r) => r[0]?.t === 'text' && r[0].v === '51.1')!;
    expect(row.slice(11, 14).map((c) => c?.t)).toEqual(['formula', 'formula', 'formula']);
    expect(sheetOf(rebuilt, '任务清单').rows.find((r) => r[0] === '51.1')![col(rebuilt, '任务清单', '截止日期')]).toBe(serial('2020-10-31'));
  });

  it('校验 before 更新分工 points to it; after it, ledgers and 任务清单 agree', () => {
    const codes = ['ASSIGNMENT_CHANGED', 'NOT_ASSIGNED', 'UNKNOWN_TASK'];
    const pending = validateWorkbook(edited, '2020-10-01').findings.filter((f) => codes.includes(f.code));
    expect(pending.map((f) => [f.code, f.task, f.unit])).toEqual(expect.arrayContaining([['NOT_ASSIGNED', '3.1', '市财政局'], ['UNKNOWN_TASK', '42.1', '市应急局']]));
    expect(pending.every((f) => f.message.includes('请先“更新分工”'))).toBe(true);
    expect(validateWorkbook(rebuilt, '2020-10-01').findings.filter((f) => codes.includes(f.code))).toEqual([]);
  });

  it('a second 更新分工 changes nothing', () => {
    const third = prepareFromTaskList(rebuilt, null);
    expect(third.ledgers.rowMoves).toEqual([]);
    expect([third.changes.added, third.changes.removed, third.changes.changed, third.changes.unchanged]).toEqual([[], [], [], 120]);
    expect(third.plan.sheets.map((s) => [s.name, s.rows])).toEqual(second.plan.sheets.map((s) => [s.name, s.rows]));
  });
});

describe('更新分工 that stops before anything is written', () => {
  const book = planAsData(first.plan);
  const tasks = (edit: (rows: WorkbookData['sheets'][number]['rows']) => void) => {
    const copy = copyBook(book);
    edit(sheetOf(copy, '任务清单').rows);
    return prepareFromTaskList(copy, null).problems.map((p) => [p.code, p.message]);
  };

  it('a 任务清单 with every task deleted', () => {
    expect(tasks((rows) => rows.splice(1))).toEqual([['HEADER_MISSING', expect.stringContaining('没有任何任务')]]);
  });

  it('a column the office added with values in it', () => {
    const problems = tasks((rows) => {
      rows[0]!.push('督办意见');
      rows[3]!.push('请加快');
    });
    expect(problems).toEqual([['HEADER_UNKNOWN', expect.stringContaining('“督办意见”列（P 列）有 1 个值')]]);
  });

  it('a workbook without 任务清单', () => {
    const copy = copyBook(book);
    copy.sheets = copy.sheets.filter((s) => s.name !== '任务清单');
    expect(prepareFromTaskList(copy, null).problems.map((p) => p.code)).toEqual(['SHEET_MISSING']);
  });
});

describe('in 任务清单 the id is the key', () => {
  it('a task whose text the office rewrote keeps its ledger rows and is shown as changed', () => {
    const book = copyBook(planAsData(first.plan));
    const typed = fillLedgers(book);
    setTask(book, '3.1', { 任务内容: '全面推进财政资金直达机制，确保惠企利民资金及时足额到位。' });
    const update = prepareFromTaskList(book, null);
    const rebuilt = planAsData(update.plan);
    expect(lostValues(rebuilt, typed)).toEqual([]);
    expect(update.ledgers.rowMoves).toEqual([]);
    expect(rowsOf(rebuilt, '台账-市财政局', '3.1').map((r) => r[col(rebuilt, '台账-市财政局', '任务内容')])).toEqual(['全面推进财政资金直达机制，确保惠企利民资金及时足额到位。']);
    expect(update.changes.changed.map((c) => [c.task, c.fields])).toEqual([['3.1', ['text']]]);
    expect([update.changes.added, update.changes.removed]).toEqual([[], []]);
  });
});
