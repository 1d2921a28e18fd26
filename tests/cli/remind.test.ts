import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cli, openXlsx } from '../support/captureIo';
import { sheetPart, xlsxParts } from '../support/xlsxParts';
import type { ReminderDocument } from '../../src/domain/summary/remind';

const SEED = join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt');
const AS_OF = '2020-12-20';
const WARN_DAYS = 15;

/** A small deterministic generator, so the fill is the same on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const dayOf = (v: unknown): number | null => {
  if (v instanceof Date) return Math.round(v.getTime() / 86_400_000);
  if (typeof v === 'number') return v - 25569;
  return null;
};
const DAY = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/**
 * Fill the ledgers: statuses, done dates, persons, and some due dates moved so that rows fall
 * overdue, due soon or well ahead. Returns every row's (unit, task) and what it is on AS_OF, by
 * counting here, independently of the summary rules.
 */
async function fill(file: string): Promise<Map<string, '逾期' | '临期'>> {
  const wb = await openXlsx(file);
  const rnd = random(7);
  const expected = new Map<string, '逾期' | '临期'>();
  const asOf = DAY(AS_OF);
  for (const ws of wb.worksheets.filter((w) => w.name.startsWith('台账-'))) {
    const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const at = (h: string) => header.indexOf(h);
    ws.eachRow((row, r) => {
      if (r === 1) return;
      const dueCell = row.getCell(at('截止日期'));
      const shift = [-40, -3, 0, 5, 15, 16, 60][Math.floor(rnd() * 7)] as number;
      if (dayOf(dueCell.value) !== null) dueCell.value = new Date((asOf + shift) * 86_400_000);
      const status = ['', '未启动', '推进中', '已完成', '受阻'][Math.floor(rnd() * 5)] as string;
      row.getCell(at('状态')).value = status || null;
      if (status === '已完成') row.getCell(at('完成日期')).value = new Date((asOf - 1) * 86_400_000);
      if (rnd() < 0.7) row.getCell(at('责任人')).value = `张${r}`;
      const due = dayOf(dueCell.value);
      if (status === '已完成' || due === null) return;
      const key = `${ws.name.slice(3)}|${String(row.getCell(at('任务编号')).value)}`;
      if (asOf > due) expected.set(key, '逾期');
      else if (due - asOf <= WARN_DAYS) expected.set(key, '临期');
    });
  }
  await wb.xlsx.writeFile(file);
  return expected;
}

describe('duban remind (催办单)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-remind-'));
  const file = join(dir, 'book.xlsx');
  let expected = new Map<string, '逾期' | '临期'>();
  let doc: ReminderDocument;

  beforeAll(async () => {
    expect((await cli(['build', SEED, '-o', file, '--as-of', AS_OF])).code).toBe(0);
    expected = await fill(file);
    const run = await cli(['remind', file, '--json', '--write']);
    expect(run.code).toBe(0);
    doc = JSON.parse(run.out) as ReminderDocument;
  }, 300_000);

  it('lists exactly the 逾期 and 临期 rows of an independent count, each once', () => {
    const listed = doc.units.flatMap((u) => u.rows.map((r) => [`${u.name}|${r.task}`, r.warn] as const));
    expect(new Map(listed).size).toBe(listed.length);
    expect(new Map(listed)).toEqual(expected);
    const kinds = new Set(expected.values());
    expect(kinds).toEqual(new Set(['逾期', '临期']));
  });

  it('gives days overdue or left, the status as typed (未填报 when blank) and the 责任人', () => {
    expect(doc).toMatchObject({ schema: 'duban.remind/1', asOf: AS_OF, warnDays: WARN_DAYS });
    for (const u of doc.units) {
      // A unit is listed for its 逾期/临期 rows, or because it has not reported 本期 (DESIGN §12).
      expect(u.rows.length > 0 || u.notReported).toBe(true);
      for (const r of u.rows) {
        const diff = DAY(r.due) - DAY(AS_OF);
        expect(r.days).toBe(r.warn === '逾期' ? -diff : diff);
        expect(['未填报', '未启动', '推进中', '受阻']).toContain(r.status);
        expect(r.text.length).toBeGreaterThan(0);
      }
    }
    expect(doc.units.flatMap((u) => u.rows).some((r) => r.person.startsWith('张'))).toBe(true);
  });

  it('--write adds a 催办单 sheet: a page per unit, header row on every page, lines for 督办意见 and 反馈时限', async () => {
    const wb: ExcelJS.Workbook = await openXlsx(file);
    const ws = wb.getWorksheet('催办单');
    expect(ws).toBeDefined();
    const cells = (r: number) => (ws?.getRow(r).values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
    expect(cells(1)).toEqual(['任务编号', '任务内容', '截止日期', '预警', '逾期天数/剩余天数', '状态', '责任人']);
    const titles: number[] = [];
    ws?.eachRow((row, r) => {
      if (String(row.getCell(1).value).startsWith('致：')) titles.push(r);
    });
    expect(titles).toHaveLength(doc.units.length);
    // A page break before every unit but the first (the file marks the row a page ends on).
    const part = sheetPart(xlsxParts(file), '催办单');
    const breaks = [...part.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]) + 1);
    expect(breaks).toEqual(titles.slice(1));
    const text = (ws?.getSheetValues() ?? []).flat().map(String).join('\n');
    expect(text.match(/督办意见：/g)).toHaveLength(doc.units.length);
    expect(text.match(/反馈时限：/g)).toHaveLength(doc.units.length);
    expect(ws?.pageSetup).toMatchObject({ paperSize: 9, printTitlesRow: '1:1' });
    // Each unit's rows are the ones the JSON lists, in order.
    const first = doc.units[0];
    expect(cells((titles[0] as number) + 1).slice(0, 5)).toEqual([first?.rows[0]?.task, first?.rows[0]?.text, first?.rows[0]?.due, first?.rows[0]?.warn, first?.rows[0]?.days]);
  });

  it('refuses a stray argument and an unknown option (exit 2)', async () => {
    expect((await cli(['remind', file, 'extra'])).code).toBe(2);
    expect((await cli(['remind', file, '--snapshot'])).code).toBe(2);
  });
});
