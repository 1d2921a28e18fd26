import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { writePlanFile, readWorkbookFile } from '../../src/adapters/xlsx/files';
import { readSummary } from '../../src/domain/summary/readSummary';
import { summarize, type SummaryReport } from '../../src/domain/summary/summarize';
import { excelSerial } from '../../src/domain/time/isoDate';
import { OVERALL_HEADERS, UNIT_HEADERS, SECTION_HEADERS, summaryAnchors } from '../../src/workbook/sheets/summarySheet';
import { recalculate } from '../support/libreoffice';
import { summaryCommand } from '../../src/cli/summaryCommand';
import { captureIo } from '../support/captureIo';
import { pick, random } from '../support/random';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');

/**
 * Fill every ledger like real units would, boundary cases included: completed on the due date,
 * a day late, text where dates belong, statuses outside the list, whitespace, blank rows.
 */
async function fill(path: string, seed: number, warnDays: number): Promise<void> {
  const rnd = random(seed);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  wb.getWorksheet('汇总')!.getCell('B2').value = warnDays;
  for (const ws of wb.worksheets.filter((w) => w.name.startsWith('台账-'))) {
    const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const at = (h: string) => headers.indexOf(h);
    const blankUnit = rnd() < 0.1; // some units never report
    ws.eachRow((row, r) => {
      if (r === 1 || blankUnit) return;
      const due = row.getCell(at('截止日期')).value as Date | null;
      const dueSerial = due instanceof Date ? excelSerial(due.toISOString().slice(0, 10), 1900) : null;
      const status = pick(rnd, ['', '', '未启动', '推进中', '推进中', '已完成', '已完成', '已完成', '受阻', '完成了', ' 已完成']);
      if (status) row.getCell(at('状态')).value = status;
      if (status === '已完成' || rnd() < 0.1) {
        const d = dueSerial ?? 44196;
        row.getCell(at('完成日期')).value = pick(rnd, [d, d, d + 1, d - 30, d + 20, '2020年12月31日', null]);
      }
      if (rnd() < 0.8) row.getCell(at('具体措施')).value = pick(rnd, ['制定方案，逐月推进', ' ', '   ', '=1+1 是文字', 42]);
      if (rnd() < 0.8) row.getCell(at('责任人')).value = pick(rnd, ['张三', '李四', ' ']);
      if (rnd() < 0.8) row.getCell(at('计划完成时间')).value = pick(rnd, [44196, 44100, '2020.12.31', 44196.5]);
      if (rnd() < 0.8) row.getCell(at('成果形式')).value = pick(rnd, ['政策文件', '工作方案', '数据指标', '其它形式']);
    });
  }
  const targets = wb.getWorksheet('量化指标')!;
  targets.eachRow((row, r) => {
    if (r > 1 && rnd() < 0.6) row.getCell(9).value = pick(rnd, [0, 5, 8, 8.2, 40, 41, 90, 100, 4000, 4500, '8万人']);
  });
  await wb.xlsx.writeFile(path);
}

/**
 * Move tasks in 任务清单 after the index was laid out (as an office editing its master would,
 * before 更新分工): from each given row, the task trades places with the next one of its 板块
 * (values of A–K; the formulas stay). Those rows' figures must come from the whole-index
 * fallback, still right. Returns how many pairs moved.
 */
async function moveTasks(path: string, from: readonly number[]): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('任务清单')!;
  let moved = 0;
  for (const a of from) {
    const b = a + 1;
    if (String(ws.getRow(a).getCell(2).value) !== String(ws.getRow(b).getCell(2).value)) continue;
    for (let c = 1; c <= 11; c++) {
      const x = ws.getRow(a).getCell(c).value;
      ws.getRow(a).getCell(c).value = ws.getRow(b).getCell(c).value;
      ws.getRow(b).getCell(c).value = x;
    }
    moved++;
  }
  await wb.xlsx.writeFile(path);
  return moved;
}

type Computed = ExcelJS.Workbook;
const result = (cell: ExcelJS.Cell): unknown => {
  const v = cell.value as ExcelJS.CellValue;
  const r = v && typeof v === 'object' && 'formula' in v ? cell.result : v;
  if (r instanceof Date) return excelSerial(r.toISOString().slice(0, 10), 1900);
  return r === undefined ? null : r;
};
const asRate = (v: number | null): number | string => (v === null ? '—' : v);
const close = (actual: unknown, expected: unknown): boolean => (typeof actual === 'number' && typeof expected === 'number' ? Math.abs(actual - expected) < 1e-9 : actual === expected);

/** Every figure on 汇总 as LibreOffice computed it, next to the engine's, and where they differ. */
function compare(lo: Computed, engine: SummaryReport, anchors: ReturnType<typeof summaryAnchors>, listOrder = true): string[] {
  const diff: string[] = [];
  const ws = lo.getWorksheet('汇总')!;
  const expect1 = (addr: string, actual: unknown, expected: unknown) => {
    if (!close(actual, expected)) diff.push(`${addr}: LibreOffice ${JSON.stringify(actual)} ≠ engine ${JSON.stringify(expected)}`);
  };
  const o = engine.overall;
  const overall: Record<(typeof OVERALL_HEADERS)[number], unknown> = {
    任务数: o.tasks, 已完成: o.done, 推进中: o.inProgress, 未启动: o.notStarted, 受阻: o.blocked, 未填报: o.unreported, 逾期: o.overdue, 临期: o.dueSoon,
    按时完成: o.onTime, 逾期完成: o.late, 完成率: asRate(o.completionRate), 按时完成率: asRate(o.onTimeRate), 逾期率: asRate(o.overdueRate), 填报率: asRate(o.fillRate), 达标率: asRate(o.targetRate),
  };
  OVERALL_HEADERS.forEach((h, j) => expect1(`汇总!${h}`, result(ws.getRow(anchors.overallRow + 1).getCell(j + 1)), overall[h]));
  engine.units.forEach((u, i) => {
    const row = ws.getRow(anchors.unitsRow + 1 + i);
    const want: Record<(typeof UNIT_HEADERS)[number], unknown> = {
      单位: u.name, 牵头: u.lead, 负责: u.joint, 配合: u.support, 分别负责: u.each, 台账行数: u.rows, 已完成: u.done, 推进中: u.inProgress, 未启动: u.notStarted, 受阻: u.blocked,
      未填报: u.unreported, 逾期: u.overdue, 临期: u.dueSoon, 完成率: asRate(u.completionRate), 按时完成率: asRate(u.onTimeRate), 填报率: asRate(u.fillRate),
    };
    UNIT_HEADERS.forEach((h, j) => expect1(`汇总!${u.name}.${h}`, result(row.getCell(j + 1)), want[h]));
  });
  engine.sections.forEach((s, i) => {
    const row = ws.getRow(anchors.sectionsRow + 1 + i);
    const want = [undefined, s.no, s.tasks, s.done, s.overdue, asRate(s.completionRate)];
    SECTION_HEADERS.forEach((h, j) => {
      if (want[j] !== undefined) expect1(`汇总!板块${s.no}.${h}`, result(row.getCell(j + 1)), want[j]);
    });
  });
  // The list follows the index's order, laid out from 任务清单 when 汇总 was last rebuilt: after
  // tasks moved in 任务清单 the same entries are listed, in the earlier order.
  const listed = engine.overdue.slice(0, anchors.overdueCount).map((od, i) => {
    const row = ws.getRow(anchors.overdueRow + 1 + i);
    return { at: `汇总!逾期${i + 1}`, lo: [result(row.getCell(2)), result(row.getCell(3)), result(row.getCell(4)), result(row.getCell(5))].join('|'), engine: [od.task, od.unit, excelSerial(od.due, 1900), od.days].join('|') };
  });
  if (!listOrder) {
    const los = listed.map((l) => l.lo).sort();
    const engines = listed.map((l) => l.engine).sort();
    listed.forEach((l, i) => Object.assign(l, { lo: los[i], engine: engines[i] }));
  }
  listed.forEach((l) => expect1(l.at, l.lo, l.engine));
  // Past the last overdue row the list is blank ("" — exceljs reads an empty text result as null).
  for (let i = engine.overdue.length; i < anchors.overdueCount; i++) expect1(`汇总!逾期${i + 1}`, result(ws.getRow(anchors.overdueRow + 1 + i).getCell(2)) ?? '', '');

  const tasks = lo.getWorksheet('任务清单')!;
  tasks.eachRow((row, r) => {
    if (r === 1) return;
    const id = String(row.getCell(1).value);
    expect1(`任务清单!L${r} (${id})`, result(row.getCell(12)), engine.taskStatus[id]?.status);
    expect1(`任务清单!M${r} (${id})`, result(row.getCell(13)), engine.taskStatus[id]?.warning);
  });
  const warnings = new Map(engine.rowWarnings.map((w) => [`${w.unit}|${w.task}`, w.warning]));
  for (const ws2 of lo.worksheets.filter((w) => w.name.startsWith('台账-'))) {
    ws2.eachRow((row, r) => {
      if (r > 1) expect1(`${ws2.name}!Q${r}`, result(row.getCell(17)), warnings.get(`${ws2.name.slice(3)}|${String(row.getCell(1).value)}`));
    });
  }
  return diff;
}

describe('汇总 in LibreOffice equals the summary engine, figure by figure', () => {
  // Seed × as-of × warn days: due = as-of (12-31), D − A = W (12-16 with W 15), W + 1 (12-15), all past due (2021-01-05), a shorter window.
  const cases = [
    { seed: 1, asOf: '2020-12-16', warnDays: 15 },
    { seed: 2, asOf: '2020-12-15', warnDays: 15 },
    { seed: 3, asOf: '2020-12-31', warnDays: 15 },
    { seed: 4, asOf: '2021-01-05', warnDays: 15 },
    { seed: 5, asOf: '2020-10-17', warnDays: 10, rewrite: true },
    { seed: 6, asOf: '2020-12-16', warnDays: 15, moved: [2, 5, 30, 61, 90, 110] },
  ];
  const dir = mkdtempSync(join(tmpdir(), 'duban-summary-'));
  const runs: Array<{ name: string; diff: string[]; engine: SummaryReport }> = [];

  beforeAll(async () => {
    const files: string[] = [];
    const engines: Array<{ engine: SummaryReport; anchors: ReturnType<typeof summaryAnchors> }> = [];
    for (const c of cases) {
      const file = join(dir, `seed-${c.seed}.xlsx`);
      const prepared = prepareWorkbook({ noticeText: SEED, previous: null, asOf: c.asOf });
      await writePlanFile(prepared.plan, file);
      await fill(file, c.seed, c.warnDays);
      if ('moved' in c) expect(await moveTasks(file, c.moved)).toBeGreaterThanOrEqual(4);
      // One case goes through `duban summary --write`, which rebuilds 汇总 from the filled workbook.
      if ('rewrite' in c) expect(await summaryCommand({ positional: [file], flags: new Set(['--write']), values: new Map() }, captureIo())).toBe(0);
      const { input, layout } = readSummary(await readWorkbookFile(file));
      engines.push({ engine: summarize(input, c.asOf, c.warnDays), anchors: summaryAnchors(layout, c.asOf) });
      files.push(file);
    }
    const computed = recalculate(files);
    for (let i = 0; i < cases.length; i++) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(computed[i] as string);
      const { engine, anchors } = engines[i]!;
      runs.push({ name: `seed ${cases[i]!.seed} as of ${cases[i]!.asOf}`, diff: compare(wb, engine, anchors, !('moved' in cases[i]!)), engine });
    }
  });

  it.each(cases.map((c, i) => [c.seed, c.asOf, i] as const))('seed %i, as of %s: every 汇总, 任务状态 and 预警 cell agrees', (_seed, _asOf, i) => {
    expect(runs[i]!.diff).toEqual([]);
  });

  it('the fills really exercise every outcome (so agreement means something)', () => {
    const all = runs.map((r) => r.engine);
    const warnings = new Set(all.flatMap((e) => e.rowWarnings.map((w) => w.warning)));
    expect([...warnings].sort()).toEqual(['临期', '按时完成', '正常', '逾期', '逾期完成'].sort());
    const statuses = new Set(all.flatMap((e) => Object.values(e.taskStatus).map((t) => t.status)));
    expect([...statuses].sort()).toEqual(['受阻', '已完成', '推进中', '未启动', '未填报'].sort());
    expect(all.some((e) => e.units.some((u) => u.completionRate === 0))).toBe(true);
    expect(all.some((e) => e.overall.targetRate !== null && e.overall.targetRate > 0 && e.overall.targetRate < 1)).toBe(true);
    expect(all.some((e) => e.overdue.length > 0)).toBe(true);
  });
});
