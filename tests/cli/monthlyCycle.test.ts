import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, openXlsx } from '../support/captureIo';
import { recalculate } from '../support/libreoffice';
import { readPdf } from '../support/pdf';
import { sheetPart, xlsxParts } from '../support/xlsxParts';
import { rowHeight } from '../../src/workbook/print';

/*
 * The month a 督查室 runs, with the files passing through LibreOffice on the way (issue 19): build →
 * the office saves the master in LibreOffice → split → two units fill their files in LibreOffice
 * (one inserts a row and adds a column without unprotecting) → merge → summary, snapshot, remind.
 * Four LibreOffice launches for the whole file.
 */

const SEED = join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt');
const UNO_FILL = join(__dirname, '..', 'support', 'unoFill.py');
const AS_OF = '2020-10-15';
const EDU = '台账-市教委';
const FIN = '台账-市财政局';
const LONG_PROGRESS = '已召开专题会议研究部署，印发工作方案，明确责任分工和时间节点，组织各区教育局开展自查并形成问题清单，下一步将逐项整改落实到位。';

/** A1 column letter of a header in row 1. */
const letterOf = (ws: ExcelJS.Worksheet, header: string): string => ws.getColumn((ws.getRow(1).values as unknown[]).indexOf(header)).letter;

/** The column of the last header in row 1 (the spare unlocked columns right of it are blank). */
const lastHeader = (ws: ExcelJS.Worksheet): number => (ws.getRow(1).values as unknown[]).reduce<number>((last, v, i) => (typeof v === 'string' && v !== '' ? i : last), 0);

/** Each formula cell's cached value as the file holds it, read from the XML (nothing recalculates). */
function cachedFormulaValues(file: string, sheet: string): Map<string, string> {
  const xml = sheetPart(xlsxParts(file), sheet);
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const body = m[2] ?? '';
    if (!body.includes('<f')) continue;
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    out.set(m[1] as string, v === undefined ? '(none)' : v.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'));
  }
  return out;
}

/** A cached value compared as a number when it is one (LibreOffice writes 0.5 where we write 0.5000000001). */
const same = (a: string, b: string): boolean => a === b || (Number.isFinite(Number(a)) && Number.isFinite(Number(b)) && a !== '' && b !== '' && Math.abs(Number(a) - Number(b)) < 1e-9);

let dir = '';
let fresh = '';
let merged = '';
let fills: Array<{ inserted: boolean; columnAt: string | null; protected: boolean; refused: string[] }> = [];
let mergeOut = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-cycle-'));
  fresh = join(dir, 'fresh.xlsx');
  expect((await cli(['build', SEED, '-o', fresh, '--as-of', AS_OF])).code).toBe(0);
  // The office opens the master in LibreOffice and saves it.
  const [saved] = recalculate([fresh], 600_000) as [string];
  const master = join(dir, 'master.xlsx');
  writeFileSync(master, readFileSync(saved));
  const sent = join(dir, 'sent');
  expect((await cli(['split', master, '-d', sent, '--unit', '市教委', '--unit', '市财政局'])).code).toBe(0);

  // Two units fill their files in LibreOffice, protection on, typing as people type.
  const edu = (await openXlsx(join(sent, `${EDU}.xlsx`))).getWorksheet(EDU)!;
  const fin = (await openXlsx(join(sent, `${FIN}.xlsx`))).getWorksheet(FIN)!;
  const at = (ws: ExcelJS.Worksheet, header: string, row: number) => `${letterOf(ws, header)}${row}`;
  const jobs = [
    {
      in: join(sent, `${EDU}.xlsx`),
      out: join(dir, 'edu-back.xlsx'),
      sheet: EDU,
      insertRowBefore: 3,
      type: [
        [at(edu, '具体措施', 2), '制定全市教育系统落实方案'],
        [at(edu, '责任处室', 2), '办公室'],
        [at(edu, '责任人', 2), '张三'],
        [at(edu, '计划完成时间', 2), '2020-09-30'],
        [at(edu, '成果形式', 2), '工作方案'],
        [at(edu, '进展情况', 2), '已印发方案'],
        [at(edu, '状态', 2), '已完成'],
        [at(edu, '完成日期', 2), '2020-09-20'],
        [at(edu, '更新日期', 2), '2020-10-10'],
        // The inserted row: a second measure of the task above, its 任务编号 cell locked.
        [at(edu, '任务编号', 3), '1.1'],
        [at(edu, '具体措施', 3), '开展专项督导'],
        [at(edu, '责任人', 3), '李四'],
        [at(edu, '计划完成时间', 3), '2020-12-31'],
        [at(edu, '成果形式', 3), '工作报告'],
        [at(edu, '进展情况', 3), LONG_PROGRESS],
        [at(edu, '状态', 3), '推进中'],
        // Under the column the unit adds (the first empty one right of the ledger).
        [`${edu.getColumn(lastHeader(edu) + 1).letter}2`, '022-23456789'],
      ],
      newColumn: '联系电话',
    },
    {
      in: join(sent, `${FIN}.xlsx`),
      out: join(dir, 'fin-back.xlsx'),
      sheet: FIN,
      insertRowBefore: null,
      type: [
        [at(fin, '具体措施', 2), '统筹资金保障'],
        [at(fin, '责任人', 2), '王五'],
        [at(fin, '计划完成时间', 2), '2020-11-30'],
        [at(fin, '成果形式', 2), '政策文件'],
        [at(fin, '进展情况', 2), '资金已下达'],
        [at(fin, '状态', 2), '推进中'],
        [at(fin, '更新日期', 2), '2020-10-12'],
      ],
      newColumn: null,
    },
  ];
  writeFileSync(join(dir, 'jobs.json'), JSON.stringify(jobs));
  const out = execFileSync('/usr/bin/python3', [UNO_FILL, join(dir, 'jobs.json')], { encoding: 'utf8', timeout: 300_000 });
  fills = out.trim().split('\n').map((l) => JSON.parse(l) as (typeof fills)[number]);

  merged = join(dir, 'merged.xlsx');
  const m = await cli(['merge', master, join(dir, 'edu-back.xlsx'), join(dir, 'fin-back.xlsx'), '-o', merged]);
  mergeOut = m.out + m.err;
  expect(m.code).toBe(0);
  expect((await cli(['summary', merged, '--snapshot'])).code).toBe(0);
  expect((await cli(['remind', merged, '--write'])).code).toBe(0);
}, 900_000);

describe('the monthly cycle through LibreOffice', () => {
  it('lets a unit insert a row and add a column without unprotecting, and refuses typing into locked cells', () => {
    expect(fills[0]).toMatchObject({ inserted: true, protected: true });
    expect(fills[0]?.columnAt).toMatch(/^[A-Z]+1$/);
    expect(fills[0]?.refused).toEqual([expect.stringMatching(/^A3$/)]);
    expect(fills[1]).toMatchObject({ protected: true, refused: [] });
  });

  it('keeps every typed value in the merged master, the inserted row under its task, the added column', async () => {
    expect(mergeOut).toContain('新增行 1 行');
    const wb = await openXlsx(merged);
    const edu = wb.getWorksheet(EDU)!;
    const col = (h: string) => (edu.getRow(1).values as unknown[]).indexOf(h);
    const rows: unknown[][] = [];
    edu.eachRow((row, r) => {
      if (r > 1) rows.push(row.values as unknown[]);
    });
    const first = rows.find((r) => r[col('具体措施')] === '制定全市教育系统落实方案')!;
    const second = rows.find((r) => r[col('具体措施')] === '开展专项督导')!;
    expect(first[col('状态')]).toBe('已完成');
    expect(first[col('联系电话')]).toBe('022-23456789');
    expect(second[col('任务编号')]).toBe(first[col('任务编号')]);
    expect(second[col('进展情况')]).toBe(LONG_PROGRESS);
    expect(col('联系电话')).toBeGreaterThan(0);
    const fin = wb.getWorksheet(FIN)!;
    const fcol = (h: string) => (fin.getRow(1).values as unknown[]).indexOf(h);
    let found = false;
    fin.eachRow((row) => {
      if (row.getCell(fcol('具体措施')).value === '统筹资金保障') found = row.getCell(fcol('责任人')).value === '王五';
    });
    expect(found).toBe(true);
    // A returned file never leaves the master's ledgers unprotected.
    const parts = xlsxParts(merged);
    for (const ws of wb.worksheets.filter((w) => w.name.startsWith('台账-'))) expect(sheetPart(parts, ws.name)).toMatch(/<sheetProtection[^>]*sheet="1"/);
  });

  it('stores on 汇总 and 任务清单 the values a full recalculation gives, and 汇总 agrees with duban summary', async () => {
    const [recalculated] = recalculate([merged], 600_000) as [string];
    for (const sheet of ['汇总', '任务清单']) {
      const ours = cachedFormulaValues(merged, sheet);
      const theirs = cachedFormulaValues(recalculated, sheet);
      expect(ours.size).toBeGreaterThan(100);
      const differ = [...ours].filter(([a, v]) => !same(v, theirs.get(a) ?? '(missing)')).map(([a, v]) => `${sheet}!${a}: ${v} ≠ ${theirs.get(a)}`);
      expect(differ).toEqual([]);
    }
    const doc = JSON.parse((await cli(['summary', merged, '--json'])).out) as { overall: { tasks: number; done: number; inProgress: number; unreported: number } };
    const summary = cachedFormulaValues(merged, '汇总');
    expect([summary.get('A7'), summary.get('B7'), summary.get('C7'), summary.get('F7')].map(Number)).toEqual([doc.overall.tasks, doc.overall.done, doc.overall.inProgress, doc.overall.unreported]);
    expect(doc.overall.done + doc.overall.inProgress).toBeGreaterThan(0);
  }, 600_000);

  it('prints with the fixed 统计日期, fitted to the page width, on no more pages than the fresh build (+10 %, 催办单 apart)', () => {
    const parts = xlsxParts(merged);
    for (const sheet of [EDU, '台账-市残联', '任务清单', '汇总']) {
      const xml = sheetPart(parts, sheet);
      expect(xml).toContain(`统计日期：${AS_OF}`);
      expect(xml).not.toMatch(/<oddHeader>[^<]*&amp;D/);
      expect(xml).toMatch(/<pageSetUpPr[^>]*fitToPage="1"/);
    }
    const out = mkdtempSync(join(tmpdir(), 'duban-cycle-pdf-'));
    const profile = mkdtempSync(join(tmpdir(), 'duban-lo-profile-'));
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, fresh, merged], { stdio: 'pipe', timeout: 600_000 });
    // remind --write added 催办单, one page per unit reminded (each is sent on its own): counted apart.
    const pages = (name: string) => readPdf(readFileSync(join(out, name)));
    const reminders = (name: string) => pages(name).filter((p) => p.text.startsWith('催办单')).length;
    const [before, after] = [pages('fresh.pdf').length, pages('merged.pdf').length - reminders('merged.pdf')];
    expect(reminders('fresh.pdf')).toBe(0);
    expect(reminders('merged.pdf')).toBeGreaterThan(0);
    expect(reminders('merged.pdf')).toBeLessThanOrEqual(52);
    expect(after).toBeLessThanOrEqual(Math.ceil(before * 1.1));
  }, 600_000);

  it('sizes the merged ledger rows to their text', async () => {
    const edu = (await openXlsx(merged)).getWorksheet(EDU)!;
    edu.eachRow((row, r) => {
      const texts: Array<{ text: string; width: number; wrap: boolean }> = [];
      row.eachCell((cell, c) => texts.push({ text: typeof cell.value === 'string' ? cell.value : '', width: edu.getColumn(c).width ?? 8.43, wrap: cell.alignment?.wrapText === true }));
      expect([r, row.height]).toEqual([r, rowHeight(texts)]);
    });
  });

  it('draws 汇总 charts apart, the trend over dates', () => {
    const parts = xlsxParts(merged);
    const drawing = [...parts].find(([n, x]) => /^xl\/drawings\/drawing\d+\.xml$/.test(n) && x.includes('完成率趋势'))?.[1] ?? '';
    const boxes = [...drawing.matchAll(/<xdr:from><xdr:col>(\d+)<\/xdr:col>.*?<xdr:row>(\d+)<\/xdr:row>.*?<xdr:to><xdr:col>(\d+)<\/xdr:col>.*?<xdr:row>(\d+)<\/xdr:row>/g)].map((m) => m.slice(1, 5).map(Number) as [number, number, number, number]);
    expect(boxes).toHaveLength(3);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1]).toBe(true);
    }
    const line = [...parts].find(([n, x]) => n.startsWith('xl/charts/') && x.includes('<c:lineChart>'))?.[1] ?? '';
    expect(line).toContain('formatCode="yyyy-mm-dd"');
  });
});
