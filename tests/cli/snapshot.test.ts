import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cli, openXlsx } from '../support/captureIo';
import { recalculate } from '../support/libreoffice';

const SEED = join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt');
const DATES = ['2020-11-01', '2020-12-20', '2021-01-05'] as const;

type Overall = { tasks: number; done: number; overdue: number; dueSoon: number; completionRate: number | null; onTimeRate: number | null; fillRate: number | null };
type Report = { asOf: string; overall: Overall; units: Array<{ name: string; rows: number; done: number; overdue: number; dueSoon: number; completionRate: number | null }> };

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
const plain = (v: ExcelJS.CellValue): unknown => (v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v);

/** 调度记录 as plain rows (dates as ISO text), header left out. */
async function history(file: string): Promise<unknown[][]> {
  const ws = (await openXlsx(file)).getWorksheet('调度记录');
  const rows: unknown[][] = [];
  ws?.eachRow((row, r) => {
    if (r > 1) rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((v, i) => (i === 0 ? iso(v) : plain(v))));
  });
  return rows;
}

/** Mark the first `n` rows of every ledger 已完成 (done the day before `asOf`), so each snapshot differs. */
async function finish(file: string, n: number, asOf: string): Promise<void> {
  const wb = await openXlsx(file);
  for (const ws of wb.worksheets.filter((w) => w.name.startsWith('台账-'))) {
    const header = (ws.getRow(1).values as unknown[]).map(String);
    for (let r = 2; r <= Math.min(ws.rowCount, n + 1); r++) {
      ws.getRow(r).getCell(header.indexOf('状态')).value = '已完成';
      ws.getRow(r).getCell(header.indexOf('完成日期')).value = new Date(Date.parse(`${asOf}T00:00:00Z`) - 86_400_000);
    }
  }
  await wb.xlsx.writeFile(file);
}

describe('duban summary --snapshot (调度记录) and the trend on 汇总', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'duban-snapshot-')), 'book.xlsx');
  const reports: Report[] = [];
  const after: unknown[][][] = [];

  beforeAll(async () => {
    expect((await cli(['build', SEED, '-o', file])).code).toBe(0);
    for (const [k, asOf] of DATES.entries()) {
      await finish(file, k + 1, asOf);
      const run = await cli(['summary', file, '--snapshot', '--as-of', asOf, '--json']);
      expect(run.code).toBe(0);
      reports.push(JSON.parse(run.out) as Report);
      after.push(await history(file));
    }
  }, 300_000);

  it('appends the whole and each unit per snapshot and never rewrites earlier rows', () => {
    const perSnapshot = 1 + (reports[0]?.units.length ?? 0);
    after.forEach((rows, k) => {
      expect(rows).toHaveLength(perSnapshot * (k + 1));
      if (k > 0) expect(rows.slice(0, perSnapshot * k)).toEqual(after[k - 1]);
      const r = reports[k] as Report;
      const mine = rows.slice(perSnapshot * k);
      const o = r.overall;
      expect(mine[0]).toEqual([r.asOf, '全部', o.tasks, o.done, o.overdue, o.dueSoon, o.completionRate ?? '—', o.onTimeRate ?? '—', o.fillRate ?? '—']);
      r.units.forEach((u, i) => expect(mine[i + 1]?.slice(0, 6)).toEqual([r.asOf, u.name, u.rows, u.done, u.overdue, u.dueSoon]));
    });
    // The snapshots really differ, so "equal" below means something.
    expect(new Set(reports.map((r) => r.overall.done)).size).toBe(3);
  });

  it('refuses a second snapshot of one date without --replace and changes nothing', async () => {
    const before = readFileSync(file);
    const run = await cli(['summary', file, '--snapshot', '--as-of', DATES[1]]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`调度记录中已有 ${DATES[1]} 的记录`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('with --replace replaces only that date\'s rows', async () => {
    const old = after[2] as unknown[][];
    await finish(file, 4, DATES[1]);
    expect((await cli(['summary', file, '--snapshot', '--replace', '--as-of', DATES[1]])).code).toBe(0);
    const now = await history(file);
    expect(now).toHaveLength(old.length);
    expect(now.filter((r) => r[0] !== DATES[1])).toEqual(old.filter((r) => r[0] !== DATES[1]));
    const whole = now.find((r) => r[0] === DATES[1] && r[1] === '全部') as unknown[];
    expect(whole[3]).toBeGreaterThan((reports[1] as Report).overall.done);
    reports[1] = { ...(reports[1] as Report), overall: { ...(reports[1] as Report).overall, done: whole[3] as number, completionRate: whole[6] as number, overdue: whole[4] as number } };
  });

  it('survives build --update, and 汇总\'s trend (computed by LibreOffice) equals the snapshots', async () => {
    const kept = await history(file);
    expect((await cli(['build', SEED, '-o', file, '--update', file])).code).toBe(0);
    expect(await history(file)).toEqual(kept);
    const [computed] = recalculate([file]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(computed as string);
    const ws = wb.getWorksheet('汇总') as ExcelJS.Worksheet;
    let title = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === '趋势（调度记录，全部任务）') title = r;
    });
    expect(title).toBeGreaterThan(0);
    expect((ws.getRow(title + 1).values as unknown[]).slice(1, 4)).toEqual(['统计日期', '完成率', '逾期']);
    const trend = DATES.map((_, k) => (ws.getRow(title + 2 + k).values as ExcelJS.CellValue[]).slice(1, 4).map((v) => plain(v)));
    // LibreOffice keeps 15 significant digits.
    const round = (x: unknown): number => Number(Number(x ?? 0).toFixed(12));
    expect(trend.map(([d, rate, overdue]) => [iso(d), round(rate), overdue ?? 0])).toEqual(reports.map((r) => [r.asOf, round(r.overall.completionRate), r.overall.overdue]));
    // Rates with their fraction: 完成率 of the whole as LibreOffice computes it, one decimal as everywhere, e.g. 40.0%（2/5）.
    const fraction = String(plain(ws.getCell('K8').value));
    const done = Number(plain(ws.getCell('B7').value) ?? 0);
    const tasks = Number(plain(ws.getCell('A7').value));
    expect(fraction).toBe(`${((done / tasks) * 100).toFixed(1)}%（${done}/${tasks}）`);
  }, 300_000);
});
