import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { writePlanFile, readWorkbookFile } from '../../src/adapters/xlsx/files';
import { readSummary } from '../../src/domain/summary/readSummary';
import { summaryAnchors, LOOP_HEADERS, UNIT_LOOP_HEADERS } from '../../src/workbook/sheets/summarySheet';
import { excelSerial } from '../../src/domain/time/isoDate';
import { readArgs } from '../../src/cli/args';
import { splitCommand } from '../../src/cli/splitCommand';
import { mergeCommand } from '../../src/cli/mergeCommand';
import { summaryCommand } from '../../src/cli/summaryCommand';
import { remindCommand } from '../../src/cli/remindCommand';
import { validateCommand } from '../../src/cli/validateCommand';
import { captureIo } from '../support/captureIo';
import { recalculate } from '../support/libreoffice';
import { isPendingExtension, isPendingReview } from '../../src/domain/loop';

/**
 * The supervision loop on the filled seed (DESIGN §12), one workbook, one LibreOffice round trip:
 * review required, an approved extension of an overdue row, a pending request, a 退回, a 通过, a 待审核,
 * units with and without an 更新日期 this period, a returned file merged after the report day.
 */
const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const AS_OF = '2020-12-16';
const s = (iso: string) => new Date(`${iso}T00:00:00Z`);
const serial = (iso: string) => excelSerial(iso, 1900);
const result = (cell: ExcelJS.Cell): unknown => {
  const v = cell.value as ExcelJS.CellValue;
  const r = v && typeof v === 'object' && 'formula' in v ? cell.result : v;
  if (r instanceof Date) return excelSerial(r.toISOString().slice(0, 10), 1900);
  return r === undefined ? null : r;
};

type Plan = { unit: string; sheet: string; row: number; task: string };
const dir = mkdtempSync(join(tmpdir(), 'duban-loop-'));
const master = join(dir, 'master.xlsx');
const picked: Record<'extended' | 'pending' | 'returned' | 'passed' | 'awaiting', Plan> = {} as never;
let onTimeUnit = '';
let oldUpdateUnit = '';
let mergedUnit = '';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON documents read back
let summary: Json;
let remind: Json;
let lo: ExcelJS.Workbook;
let validation: Json;

beforeAll(async () => {
  await writePlanFile(prepareWorkbook({ noticeText: SEED, previous: null, asOf: AS_OF }).plan, master);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(master);
  wb.getWorksheet('汇总')!.getCell('G2').value = '是';
  const ledgers = wb.worksheets.filter((w) => w.name.startsWith('台账-'));
  const col = (ws: ExcelJS.Worksheet, h: string) => (ws.getRow(1).values as unknown[]).indexOf(h);
  // Rows due before the as-of date (overdue unless extended) and rows due later, each of another unit.
  const rows: Array<Plan & { due: number }> = [];
  for (const ws of ledgers) {
    ws.eachRow((row, r) => {
      const due = row.getCell(col(ws, '截止日期')).value;
      if (r > 1 && due instanceof Date) rows.push({ unit: ws.name.slice(3), sheet: ws.name, row: r, task: String(row.getCell(1).value), due: serial(due.toISOString().slice(0, 10)) });
    });
  }
  const used = new Set<string>();
  const take = (cond: (x: (typeof rows)[number]) => boolean): Plan => {
    const x = rows.find((y) => cond(y) && !used.has(y.unit))!;
    used.add(x.unit);
    return x;
  };
  picked.extended = take((x) => x.due < serial(AS_OF));
  picked.pending = take((x) => x.due > serial(AS_OF));
  picked.returned = take((x) => x.due > serial(AS_OF));
  picked.passed = take((x) => x.due > serial(AS_OF));
  picked.awaiting = take((x) => x.due > serial(AS_OF));
  const set = (p: Plan, values: Record<string, ExcelJS.CellValue>) => {
    const ws = wb.getWorksheet(p.sheet)!;
    for (const [h, v] of Object.entries(values)) ws.getRow(p.row).getCell(col(ws, h)).value = v;
  };
  set(picked.extended, { 状态: '推进中', 申请延期至: s('2021-03-31'), 延期理由: '项目审批延后', 延期批复: '同意', 批准时限: s('2021-02-28') });
  set(picked.pending, { 状态: '推进中', 申请延期至: s('2021-01-31'), 延期理由: '等待上级批复' });
  set(picked.returned, { 状态: '已完成', 完成日期: s('2020-12-01'), 佐证材料: '津财〔2020〕1号', 审核结果: '退回', 审核意见: '佐证不足' });
  set(picked.passed, { 状态: '已完成', 完成日期: s('2020-12-02'), 佐证材料: '津财〔2020〕2号', 审核结果: '通过', 销号日期: s('2020-12-10') });
  // 已完成 without 佐证材料 and not reviewed: 待审核, and NO_EVIDENCE.
  set(picked.awaiting, { 状态: '已完成', 完成日期: s('2020-12-03') });
  // An 更新日期 in 本期 (December) by its 报送截止日 (25th): 按时报送. One in November: not this period.
  set(picked.passed, { 更新日期: s('2020-12-10') });
  onTimeUnit = picked.passed.unit;
  oldUpdateUnit = picked.awaiting.unit;
  set(picked.awaiting, { 更新日期: s('2020-11-20') });
  // Year-end targets: one far behind 序时进度 (5 % of the goal in mid-December), one on pace.
  const targets = wb.getWorksheet('量化指标')!;
  const paced: number[] = [];
  targets.eachRow((row, r) => {
    if (r > 1 && row.getCell(13).value !== null && row.getCell(4).value === '不低于') paced.push(r);
  });
  const goal = (r: number) => Number(targets.getRow(r).getCell(5).value);
  targets.getRow(paced[0]!).getCell(9).value = goal(paced[0]!) * 0.05;
  targets.getRow(paced[1]!).getCell(9).value = goal(paced[1]!);
  await wb.xlsx.writeFile(master);

  // A unit's file, sent 12-01, filled and merged 12-28: after the report day, so 迟报.
  mergedUnit = ledgers.map((w) => w.name.slice(3)).find((u) => !used.has(u))!;
  const sent = join(dir, 'sent');
  expect(await splitCommand(readArgs([master, '-d', sent, '--unit', mergedUnit], ['-d', '--dir', '--unit'], ['--unit']), captureIo(), () => s('2020-12-01'))).toBe(0);
  const file = join(sent, `台账-${mergedUnit}.xlsx`);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  const ws = back.getWorksheet(`台账-${mergedUnit}`)!;
  ws.getRow(2).getCell(col(ws, '具体措施')).value = '制定方案，逐月推进';
  // The office's columns in a returned file are never taken.
  ws.getRow(2).getCell(col(ws, '审核结果')).value = '通过';
  await back.xlsx.writeFile(file);
  expect(await mergeCommand(readArgs([master, file, '-o', master], ['-o', '--out']), captureIo(), () => s('2020-12-28'))).toBe(0);

  const io1 = captureIo();
  expect(await summaryCommand(readArgs([master, '--json'], ['--as-of']), io1)).toBe(0);
  summary = JSON.parse(io1.stdout);
  const io2 = captureIo();
  expect(await remindCommand(readArgs([master, '--json'], ['--as-of']), io2)).toBe(0);
  remind = JSON.parse(io2.stdout);
  const io3 = captureIo();
  await validateCommand(readArgs([master, '--json'], ['--as-of', '--unit'], ['--unit']), io3);
  validation = JSON.parse(io3.stdout);
  const [computed] = recalculate([master]);
  lo = new ExcelJS.Workbook();
  await lo.xlsx.readFile(computed as string);
}, 300_000);

describe('the supervision loop on a filled seed workbook', () => {
  it('counts the loop rows as the test set them (independent count)', () => {
    expect(summary.overall).toMatchObject({ extended: 1, pendingExtension: 1, returned: 1, pendingReview: 1, behindPace: 1 });
    const unit = (name: string) => summary.units.find((u: { name: string }) => u.name === name);
    expect(unit(picked.extended.unit).extended).toBe(1);
    expect(unit(picked.returned.unit).returned).toBe(1);
    expect(unit(picked.awaiting.unit).pendingReview).toBe(1);
    expect(summary.pending).toEqual([
      expect.objectContaining({ kind: 'extension', task: picked.pending.task, unit: picked.pending.unit, requested: '2021-01-31' }),
      expect.objectContaining({ kind: 'review', task: picked.awaiting.task, unit: picked.awaiting.unit }),
    ]);
  });

  it('an approved extension takes the row off the overdue list; 截止日期 stays', () => {
    expect(summary.overdue.some((o: { task: string; unit: string }) => o.task === picked.extended.task && o.unit === picked.extended.unit)).toBe(false);
    const ws = lo.getWorksheet(picked.extended.sheet)!;
    expect(result(ws.getRow(picked.extended.row).getCell(7))).toBeLessThan(serial(AS_OF));
    expect(remind.units.flatMap((u: { rows: Array<{ task: string }>; name: string }) => u.rows.map((r) => `${u.name}|${r.task}`))).not.toContain(`${picked.extended.unit}|${picked.extended.task}`);
  });

  it('reporting: 按时报送 by an 更新日期, 迟报 by a late merge, the rest 未报送; 催办单 names a unit that has not reported', () => {
    expect(summary.reporting).toMatchObject({ cycle: '每月', period: '2020年12月', due: '2020-12-25' });
    expect(summary.reporting.late).toEqual([mergedUnit]);
    expect(summary.reporting.notReported).not.toContain(onTimeUnit);
    expect(summary.reporting.notReported).toContain(oldUpdateUnit);
    expect(summary.reporting.notReported).toHaveLength(summary.units.length - 2);
    const r = remind.units.find((u: { name: string }) => u.name === oldUpdateUnit);
    expect(r).toMatchObject({ notReported: true });
    expect(remind.units.find((u: { name: string }) => u.name === onTimeUnit)?.notReported ?? false).toBe(false);
  });

  it('a returned file brings no office column; 报送记录 has the round with its 回收日期', () => {
    const ws = lo.getWorksheet(`台账-${mergedUnit}`)!;
    const h = (ws.getRow(1).values as unknown[]).indexOf('审核结果');
    expect(result(ws.getRow(2).getCell(h))).toBeNull();
    const rounds = lo.getWorksheet('报送记录')!;
    expect([result(rounds.getRow(2).getCell(2)), result(rounds.getRow(2).getCell(5)), result(rounds.getRow(2).getCell(6))]).toEqual([mergedUnit, serial('2020-12-28'), '迟报']);
  });

  it('validation: NO_EVIDENCE for 已完成 without 佐证材料', () => {
    expect(validation.findings.filter((f: { code: string }) => f.code === 'NO_EVIDENCE').map((f: { unit: string }) => f.unit)).toEqual([picked.awaiting.unit]);
  });

  it('LibreOffice computes the same loop figures, 预警 and per-unit 报送 as the engine', () => {
    const ws = lo.getWorksheet('汇总')!;
    const a = summaryAnchorsOf();
    const values = LOOP_HEADERS.map((_, j) => result(ws.getRow(a.loopRow + 1).getCell(j + 1)));
    expect(values).toEqual([
      '每月', '2020年12月', serial('2020-12-01'), serial('2020-12-31'), serial('2020-12-25'),
      summary.reporting.notReported.length, 1, 1, 1, 1, 1, summary.overall.behindPace,
    ]);
    const perUnit = summary.units.map((u: { name: string; reportStatus: string; extended: number; pendingExtension: number; pendingReview: number; returned: number }) => [u.name, u.reportStatus, u.extended, u.pendingExtension, u.pendingReview, u.returned]);
    const shown = summary.units.map((_: unknown, i: number) => UNIT_LOOP_HEADERS.map((__, j) => result(ws.getRow(a.unitLoopRow + 1 + i).getCell(j + 1))));
    expect(shown).toEqual(perUnit);
    const warn = (p: Plan) => result(lo.getWorksheet(p.sheet)!.getRow(p.row).getCell(17));
    expect([warn(picked.returned), warn(picked.awaiting), warn(picked.passed), warn(picked.extended)]).toEqual(['退回重办', '待审核', '按时完成', '正常']);
    const todo = [1, 2].map((k) => [3, 4].map((c) => result(ws.getRow(a.todoRow + k).getCell(c))).join('|'));
    expect(todo.sort()).toEqual(summary.pending.map((p: { task: string; unit: string }) => `${p.task}|${p.unit}`).sort());
    expect(summary.overall.overdue).toBe(result(ws.getRow(7).getCell(7)));
  });
});

/** 汇总's anchors as the merged workbook laid them out (read from the file, as `summary --write` would). */
function summaryAnchorsOf(): ReturnType<typeof summaryAnchors> {
  return anchors;
}
let anchors: ReturnType<typeof summaryAnchors>;
beforeAll(async () => {
  const book = await readWorkbookFile(master);
  const { layout, input } = readSummary(book);
  const queued = input.rows.filter((r) => isPendingExtension(r) || isPendingReview(r, true)).length;
  anchors = summaryAnchors(layout, AS_OF, null, queued);
});
