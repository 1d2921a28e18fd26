import mammoth from 'mammoth';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../support/captureIo';
import { filledBook } from './fillBook';
import { readWorkbookFile } from '../../src/adapters/xlsx/files';
import { readSummary } from '../../src/domain/summary/readSummary';
import { summarize } from '../../src/domain/summary/summarize';
import { rateParts } from '../../src/domain/report/fractions';
import { chineseDate } from '../../src/domain/report/wording';

const ROOT = join(__dirname, '..', '..');
const SEED_AS_OF = '2021-01-10';
const pct = (r: number | null | undefined): string => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`);

type Summary = {
  overall: Record<string, number | null>;
  units: Array<Record<string, number | null> & { name: string }>;
  sections: Array<{ no: number; title: string; tasks: number; done: number; overdue: number; completionRate: number | null }>;
  overdue: Array<{ task: string; unit: string; due: string; days: number }>;
};

/** The .docx read back: its text, and each table's rows as cell texts. */
async function readBack(file: string): Promise<{ text: string; tables: string[][][] }> {
  const text = (await mammoth.extractRawText({ path: file })).value.replace(/\n+/g, '\n');
  const html = (await mammoth.convertToHtml({ path: file })).value;
  const strip = (s: string) => s.replace(/<[^>]+>/g, '').trim();
  const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) => [...(t[1] as string).matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...(r[1] as string).matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => strip(c[1] as string))));
  return { text, tables };
}

/** Every figure `summary --json` prints is in the circular, where a reader looks for it; every unit is named. */
async function checkCircular(book: string, title: string | null, AS_OF: string): Promise<{ summary: Summary; text: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-report-'));
  const out = join(dir, '通报.docx');
  const s = await cli(['summary', book, '--json', '--as-of', AS_OF]);
  const summary = JSON.parse(s.out) as Summary;
  const r = await cli(['report', book, '-o', out, '--as-of', AS_OF, '--json', ...(title ? ['--title', title] : [])]);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.out);
  expect(doc).toEqual({ schema: 'duban.report/1', title: expect.any(String), period: `${Number(AS_OF.slice(0, 4))}年${Number(AS_OF.slice(5, 7))}月`, figures: summary.overall, file: out });
  // Without --title the circular names the notice by the workbook's one 事项来源 (the notice's short title).
  const only = (summary as unknown as { sources?: Array<{ name: string }> }).sources;
  const named = title ?? (only?.length === 1 ? only[0]!.name : '');
  expect(doc.title).toBe(`关于${named}重点任务推进情况的通报（${doc.period}）`);

  const { text, tables } = await readBack(out);
  const o = summary.overall as Record<string, number>;
  // The fractions behind the rates, from the same engine: each equals the rate summary prints.
  const data = await readWorkbookFile(book);
  const { input } = readSummary(data);
  const p = rateParts(summarize(input, AS_OF, 15), input);
  expect(p.tasksDue === 0 ? null : p.onTimeDue / p.tasksDue).toBe(summary.overall.onTimeRate);
  expect(p.rows === 0 ? null : p.completeRows / p.rows).toBe(summary.overall.fillRate);
  expect(p.filledTargets === 0 ? null : p.metTargets / p.filledTargets).toBe(summary.overall.targetRate);

  expect(text).toContain(doc.title.slice(0, 6));
  expect(text).toContain(`重点任务共${o.tasks}项`);
  expect(text).toContain(`已完成${o.done}项，完成率${pct(o.completionRate)}（${o.done}/${o.tasks}）`);
  expect(text).toContain(`推进中${o.inProgress}项，未启动${o.notStarted}项，受阻${o.blocked}项，未填报${o.unreported}项`);
  expect(p.tasksDue).toBeGreaterThan(0);
  expect(text).toContain(`截止日期已到的${p.tasksDue}项任务中，按时完成${p.onTimeDue}项，按时完成率${pct(o.onTimeRate)}（${p.onTimeDue}/${p.tasksDue}）`);
  expect(text).toContain(`逾期未完成${o.overdue}项，逾期率${pct(o.overdueRate)}（${o.overdue}/${p.tasksDue}）`);
  expect(text).toContain(`按时完成${o.onTime}项，逾期完成${o.late}项；另有${o.dueSoon}项任务将在15天内到期`);
  expect(text).toContain(`填报率${pct(o.fillRate)}（${p.completeRows}/${p.rows}）`);
  if (p.filledTargets > 0) expect(text).toContain(`达标率${pct(o.targetRate)}（${p.metTargets}/${p.filledTargets}）`);
  for (const sec of summary.sections) expect(text).toContain(`${sec.title}。任务${sec.tasks}项，已完成${sec.done}项，完成率${sec.completionRate === null ? '—（0 项）' : `${pct(sec.completionRate)}（${sec.done}/${sec.tasks}）`}，逾期${sec.overdue}项。`);
  // Each unit with 逾期 rows is named with its task ids and days, in the body and in 附件1.
  for (const d of summary.overdue) {
    const para = text.split('\n').find((l) => l.includes(`）${d.unit}。逾期`)) ?? '';
    // `逾期3项：1.1、2.1（截止…，逾期10天）；36.1（截止…，逾期111天）。`: the task in the group of its date and days.
    const groups = para.slice(para.indexOf('：') + 1).split('；').map((g) => ({ ids: g.slice(0, g.indexOf('（')).split('、'), when: g.slice(g.indexOf('（')) }));
    expect(groups.find((g) => g.ids.includes(d.task))?.when).toMatch(new RegExp(`^（截止${chineseDate(d.due)}，逾期${d.days}天）`));
  }
  const [overdueTable, unitsTable] = tables as [string[][], string[][]];
  expect(overdueTable.slice(1).map((row) => [row[1], row[3], row[4], row[5]])).toEqual(summary.overdue.map((d) => [d.task, d.unit, d.due, String(d.days)]));
  // 附件2: every unit with every figure summary prints for it.
  expect(unitsTable.slice(1)).toEqual(summary.units.map((u) => [u.name, u.rows, u.done, u.inProgress, u.notStarted, u.blocked, u.unreported, u.overdue, u.dueSoon].map(String).concat(pct(u.completionRate))));
  // The loop (DESIGN §12): this period's 未报送 and 迟报 units are named exactly as summary --json has them.
  const reporting = (summary as unknown as { reporting: { period: string; notReported: string[]; late: string[] } }).reporting;
  const reportingLine = text.split('\n').find((l) => l.includes(`本期（${reporting.period}）`)) ?? '';
  const unitsIn = (list: string) => new Set((new RegExp(`${list}的单位\\d+个：([^。]*)。`).exec(reportingLine)?.[1] ?? '').split('、').filter((n) => n !== ''));
  expect([...unitsIn('未报送')].sort()).toEqual([...reporting.notReported].sort());
  expect([...unitsIn('迟报')].sort()).toEqual([...reporting.late].sort());
  // The next steps are a draft the office fills; targets behind the calendar are those the engine counts.
  expect(text).toContain('下一步工作要求');
  expect(text).toContain('【请督查室填写');
  const behind = (summary.overall as Record<string, number>).behindPace ?? 0;
  if (behind > 0) expect(text).toContain(`以下${behind}项量化指标的完成进度慢于序时进度`);
  else expect(text).toContain('已填报的量化指标均未慢于序时进度');
  return { summary, text };
}

describe('duban report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-report-books-'));

  it('the seed filled: every figure of summary --json and every unit is in the .docx', async () => {
    const book = join(dir, 'seed.xlsx');
    await filledBook(join(ROOT, 'seeds', 'tianjin-2020-task-division.txt'), book, 24, SEED_AS_OF);
    const { summary, text } = await checkCircular(book, '2020年政府工作报告', SEED_AS_OF);
    // The fill left units silent, rows overdue and tasks done: the checks above had something to find.
    expect(summary.overdue.length).toBeGreaterThan(3);
    expect(summary.overall.done).toBeGreaterThan(0);
    expect(text).toContain('现将2020年政府工作报告确定的重点任务截至2021年1月10日的推进情况通报如下');
  });

  it('a second notice (a city\'s labelled form): the same, without a --title', async () => {
    const book = join(dir, 'city.xlsx');
    await filledBook(join(ROOT, 'tests', 'parser', 'fixtures', 'city-labelled.txt'), book, 7, '2023-12-10');
    const { summary } = await checkCircular(book, null, '2023-12-10');
    expect(summary.overdue.length).toBeGreaterThan(0);
    expect(summary.units.length).toBeGreaterThan(5);
  });

  it('refuses to replace an existing file without --force, a non-.docx output, and a missing -o', async () => {
    const book = join(dir, 'seed.xlsx');
    if (!existsSync(book)) await filledBook(join(ROOT, 'seeds', 'tianjin-2020-task-division.txt'), book, 24, SEED_AS_OF);
    const out = join(dir, '上期通报.docx');
    writeFileSync(out, 'edited by the office');
    const refused = await cli(['report', book, '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('edited by the office');
    expect((await cli(['report', book, '-o', out, '--force', '--as-of', SEED_AS_OF])).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const xlsx = await cli(['report', book, '-o', join(dir, 'x.xlsx')]);
    expect([xlsx.code, xlsx.err]).toEqual([2, expect.stringContaining('.docx')]);
    expect((await cli(['report', book])).code).toBe(2);
  });
});
