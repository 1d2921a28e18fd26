import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, openXlsx } from '../support/captureIo';
import { readWorkbookFile } from '../../src/adapters/xlsx/files';
import { readSummary } from '../../src/domain/summary/readSummary';
import { summarize, type SummaryReport } from '../../src/domain/summary/summarize';
import { summaryAnchors } from '../../src/workbook/sheets/summarySheet';
import { SOURCE_HEADERS } from '../../src/workbook/sheets/sourcesBlock';
import { REMOVED_MARK } from '../../src/domain/ledger/columns';
import { recalculate } from '../support/libreoffice';
import { inputOfSource } from '../../src/domain/summary/ofSource';

/**
 * A 督查室's year in one workbook (DESIGN §13): the seed notice, filled by units; a 常务会议纪要
 * added as a second source; a 领导批示 typed into 任务清单; then split/merge, the per-source
 * figures in the engine and in LibreOffice, and the 纪要 removed again.
 */
const root = join(__dirname, '..', '..');
const SEED = join(root, 'seeds', 'tianjin-2020-task-division.txt');
const MINUTES = join(__dirname, 'fixtures', 'changwu-2020-12.txt');
const MEETING = '市政府第12次常务会议纪要';
const INSTRUCTION = '领导批示';
const AS_OF = '2020-10-31';
const FIN = '台账-市财政局';

const col = (ws: ExcelJS.Worksheet, header: string): number => (ws.getRow(1).values as unknown[]).indexOf(header);
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  // LibreOffice writes a header with mixed scripts as rich text.
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v);
}
/** Rows of a sheet as [id, row number] in order. */
function ids(ws: ExcelJS.Worksheet): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  ws.eachRow((row, r) => {
    if (r > 1) out.push([cellText(row.getCell(1).value), r]);
  });
  return out;
}

type Typed = { sheet: string; task: string; header: string; value: string };
const STATUSES = ['推进中', '已完成', '未启动', '受阻', ''];

/** Units type into every ledger row: 具体措施 and 责任人 name the row; 状态 and 完成日期 vary. */
async function fillAll(file: string, only: (task: string) => boolean = () => true): Promise<Typed[]> {
  const wb = await openXlsx(file);
  const typed: Typed[] = [];
  let n = 0;
  for (const ws of wb.worksheets.filter((w) => w.name.startsWith('台账-'))) {
    for (const [task, r] of ids(ws).filter(([t]) => only(t))) {
      const row = ws.getRow(r);
      const status = STATUSES[n++ % STATUSES.length] as string;
      const put = (header: string, value: string | Date): void => {
        row.getCell(col(ws, header)).value = value;
        if (typeof value === 'string') typed.push({ sheet: ws.name, task, header, value });
      };
      put('具体措施', `${ws.name}|${task}`);
      put('责任人', `责任人${n}`);
      if (status) put('状态', status);
      if (status === '已完成') put('完成日期', new Date(Date.UTC(2020, 8, 1 + (n % 20))));
    }
  }
  await wb.xlsx.writeFile(file);
  return typed;
}

/** Typed values not found again on a row of the same task in the same sheet. */
async function lost(file: string, typed: readonly Typed[]): Promise<Typed[]> {
  const wb = await openXlsx(file);
  return typed.filter((t) => {
    const ws = wb.getWorksheet(t.sheet);
    if (!ws) return true;
    return !ids(ws).some(([task, r]) => task === t.task && cellText(ws.getRow(r).getCell(col(ws, t.header)).value) === t.value);
  });
}

async function engineOf(file: string): Promise<SummaryReport> {
  const { input } = readSummary(await readWorkbookFile(file));
  return summarize(input, AS_OF, 15);
}

let dir = '';
let book = '';
let typed: Typed[] = [];
let seedIds: string[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-sources-'));
  book = join(dir, 'book.xlsx');
  expect((await cli(['build', SEED, '-o', book, '--as-of', AS_OF])).code).toBe(0);
  seedIds = ids((await openXlsx(book)).getWorksheet('任务清单')!).map(([id]) => id);
  typed = await fillAll(book);
  // The 纪要 as a second source, through the changes preview.
  const added = await cli(['build', MINUTES, '--update', book, '-o', book, '--source', MEETING]);
  expect(added.err).toBe('');
  expect(added.code).toBe(0);
  expect(added.out).toContain('新增任务 6 项，修改 0 项，移出 0 项');
  // A 领导批示 the office types into 任务清单 (no 任务编号), then 更新分工.
  const wb = await openXlsx(book);
  const ws = wb.getWorksheet('任务清单')!;
  const row = ws.getRow(ws.rowCount + 1);
  const at = (h: string) => row.getCell(col(ws, h));
  at('任务内容').value = '研究制定支持个体工商户减免房租的具体办法，报市政府审定后实施';
  at('牵头单位').value = '市财政局';
  at('配合单位').value = '市国资委、市人社局';
  at('完成时限').value = '11月15日前完成';
  at('事项来源').value = INSTRUCTION;
  await wb.xlsx.writeFile(book);
  const update = await cli(['build', '--update', book, '-o', book]);
  expect(update.code).toBe(0);
  // The typed rows of the new units get their own values too.
  typed = [...typed, ...(await fillAll(book, (t) => t.startsWith('纪要12-') || t.startsWith('批示-')))];
}, 300_000);

describe('several sources in one workbook', () => {
  it('keeps the seed’s 120 ids and prefixes later sources, with 事项来源 on every row', async () => {
    const ws = (await openXlsx(book)).getWorksheet('任务清单')!;
    const rows = ids(ws);
    expect(seedIds).toHaveLength(120);
    expect(rows.slice(0, 120).map(([id]) => id)).toEqual(seedIds);
    expect(rows.slice(120).map(([id]) => id)).toEqual(['纪要12-1.1', '纪要12-2.1', '纪要12-3.1', '纪要12-4.1', '纪要12-5.1', '纪要12-6.1', '批示-1']);
    const source = (r: number) => cellText(ws.getRow(r).getCell(col(ws, '事项来源')).value);
    expect(new Set(rows.slice(0, 120).map(([, r]) => source(r)))).toEqual(new Set(['落实国务院《政府工作报告》重点工作任务分工']));
    expect(rows.slice(120, 126).every(([, r]) => source(r) === MEETING)).toBe(true);
    expect(source((rows[126] as [string, number])[1])).toBe(INSTRUCTION);
  });

  it('loses no typed value and gives a unit of several sources one ledger with rows of each', async () => {
    expect(await lost(book, typed)).toEqual([]);
    const ledger = ids((await openXlsx(book)).getWorksheet(FIN)!).map(([id]) => id);
    expect(ledger).toEqual(expect.arrayContaining(['3.1', '纪要12-3.1', '纪要12-4.1', '批示-1']));
    // The minutes' 板块 follow the notice's 44, so 分板块 keeps them apart.
    const report = await engineOf(book);
    expect(report.sections.map((s) => s.no).slice(-3)).toEqual([45, 46, 47]);
  });

  it('refuses a notice without --source and names the sources', async () => {
    const r = await cli(['build', MINUTES, '--update', book, '-o', book, '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`3 个事项来源：落实国务院《政府工作报告》重点工作任务分工、${MEETING}、${INSTRUCTION}`);
    const again = await cli(['build', MINUTES, '--update', book, '--dry-run', '--json', '--source', MEETING]);
    expect(again.code).toBe(0);
    const diff = JSON.parse(again.out) as { added: unknown[]; removed: unknown[]; changed: unknown[]; movedRows: number };
    expect([diff.added.length, diff.removed.length, diff.changed.length, diff.movedRows]).toEqual([0, 0, 0, 0]);
  });

  it('counts per source in the engine, in summary --json and in LibreOffice, adding up to the whole', async () => {
    const r = await cli(['summary', book, '--json', '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as SummaryReport;
    expect(doc.sources.map((s) => [s.name, s.tasks])).toEqual([
      ['落实国务院《政府工作报告》重点工作任务分工', 120],
      [MEETING, 6],
      [INSTRUCTION, 1],
    ]);
    const sum = (k: 'tasks' | 'done' | 'inProgress' | 'notStarted' | 'blocked' | 'unreported' | 'overdue' | 'dueSoon') => doc.sources.reduce((n, s) => n + s[k], 0);
    for (const k of ['tasks', 'done', 'inProgress', 'notStarted', 'blocked', 'unreported', 'overdue', 'dueSoon'] as const) expect([k, sum(k)]).toEqual([k, doc.overall[k]]);
    expect(doc.overall.done).toBeGreaterThan(0);
    // One source summarised on its own (a 通报 of one source) gives the same figures.
    const { input } = readSummary(await readWorkbookFile(book));
    const alone = doc.sources.map((s) => summarize(inputOfSource(input, s.name), AS_OF, 15).overall);
    expect(alone.map((o) => [o.tasks, o.done, o.overdue])).toEqual(doc.sources.map((s) => [s.tasks, s.done, s.overdue]));
    // The 通报 of one source carries that source's figures and names it; an unknown source is refused.
    const docx = join(mkdtempSync(join(tmpdir(), 'duban-src-report-')), '通报.docx');
    const one = await cli(['report', book, '-o', docx, '--as-of', AS_OF, '--json', '--source', MEETING]);
    expect(one.code).toBe(0);
    const circular = JSON.parse(one.out) as { title: string; figures: { tasks: number; done: number; overdue: number } };
    const meeting = doc.sources.find((s) => s.name === MEETING)!;
    expect([circular.figures.tasks, circular.figures.done, circular.figures.overdue]).toEqual([meeting.tasks, meeting.done, meeting.overdue]);
    expect(circular.title).toContain(MEETING);
    const unknown = await cli(['report', book, '-o', docx, '--force', '--source', '没有这个来源']);
    expect([unknown.code, unknown.err]).toEqual([2, expect.stringContaining(`工作簿中没有事项来源“没有这个来源”；现有：落实国务院《政府工作报告》重点工作任务分工、${MEETING}、${INSTRUCTION}`)]);

    const [computed] = recalculate([book]);
    const lo = (await openXlsx(computed as string)).getWorksheet('汇总')!;
    const a = summaryAnchors(readSummary(await readWorkbookFile(book)).layout, AS_OF);
    expect(a.sourceCount).toBe(3);
    expect(SOURCE_HEADERS.map((_, i) => cellText(lo.getRow(a.sourcesRow).getCell(i + 1).value))).toEqual([...SOURCE_HEADERS]);
    // LibreOffice keeps 15 significant digits of a rate; the engine has a double's 17.
    const round = (v: unknown): unknown => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v);
    const value = (c: ExcelJS.Cell): unknown => round(typeof c.value === 'object' && c.value !== null && 'formula' in c.value ? c.result : c.value);
    const shown = doc.sources.map((_, i) => {
      const row = lo.getRow(a.sourcesRow + 1 + i);
      return [2, 3, 4, 5, 6, 7, 8, 9, 10].map((c) => value(row.getCell(c)));
    });
    expect(shown).toEqual(doc.sources.map((s) => [s.tasks, s.done, s.inProgress, s.notStarted, s.blocked, s.unreported, s.overdue, s.dueSoon, round(s.completionRate)]));
    // LibreOffice's overall row (row 7) is the sum of its per-source rows.
    const overall = lo.getRow(a.overallRow + 1);
    for (const [c, i] of [[1, 0], [2, 1], [7, 6]] as const) expect(value(overall.getCell(c))).toBe(shown.reduce((n, s) => n + (s[i] as number), 0));
  }, 300_000);

  it('splits and merges a unit with rows of every source in one file', async () => {
    const sent = join(dir, 'sent');
    expect((await cli(['split', book, '-d', sent, '--unit', '市财政局'])).code).toBe(0);
    const [name] = readdirSync(sent);
    const file = join(sent, name as string);
    const wb = await openXlsx(file);
    const ws = wb.getWorksheet(FIN)!;
    const rows = ids(ws);
    expect(rows.map(([id]) => id)).toEqual(expect.arrayContaining(['3.1', '纪要12-3.1', '批示-1']));
    for (const [id, r] of rows) if (['3.1', '纪要12-3.1', '批示-1'].includes(id)) ws.getRow(r).getCell(col(ws, '进展情况')).value = `回收：${id}`;
    await wb.xlsx.writeFile(file);
    const merged = join(dir, 'merged.xlsx');
    const r = await cli(['merge', book, file, '-o', merged]);
    expect(r.code).toBe(0);
    const back = (await openXlsx(merged)).getWorksheet(FIN)!;
    const progress = ids(back).filter(([id]) => ['3.1', '纪要12-3.1', '批示-1'].includes(id)).map(([id, r]) => [id, cellText(back.getRow(r).getCell(col(back, '进展情况')).value)]);
    expect(progress).toEqual(expect.arrayContaining([['3.1', '回收：3.1'], ['纪要12-3.1', '回收：纪要12-3.1'], ['批示-1', '回收：批示-1']]));
  }, 300_000);

  it('removing a source (an empty update) moves only its rows to 已移出分工', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '市政府第12次常务会议纪要\n');
    const out = join(dir, 'removed.xlsx');
    const r = await cli(['build', empty, '--update', book, '-o', out, '--source', MEETING]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('移出 6 项');
    const wb = await openXlsx(out);
    expect(ids(wb.getWorksheet('任务清单')!).map(([id]) => id)).toEqual([...seedIds, '批示-1']);
    const removedIds: string[] = [];
    for (const ws of wb.worksheets.filter((w) => w.name.startsWith('台账-'))) {
      for (const [id, row] of ids(ws)) if (cellText(ws.getRow(row).getCell(col(ws, '本单位职责')).value).startsWith(REMOVED_MARK)) removedIds.push(id);
    }
    expect(removedIds.length).toBeGreaterThan(0);
    expect(removedIds.every((id) => id.startsWith('纪要12-'))).toBe(true);
    // Every value typed is still there, the minutes' under 已移出分工.
    expect(await lost(out, typed)).toEqual([]);
  }, 300_000);
});
