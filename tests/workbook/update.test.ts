import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { planAsData } from '../../src/workbook/planValues';
import type { SheetValue, WorkbookData } from '../../src/domain/grid/sheetData';
import { LEDGER_COLUMNS, REMOVED_MARK, type LedgerColumnKey } from '../../src/domain/ledger/columns';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const FILL = LEDGER_COLUMNS.filter((c) => c.role === 'fill');
const indexOf = (key: LedgerColumnKey) => LEDGER_COLUMNS.findIndex((c) => c.key === key);

type Typed = { sheet: string; taskId: string; key: LedgerColumnKey; value: SheetValue };

/** Put typed values into ledger rows of a workbook read back as data. */
function type(book: WorkbookData, typed: Typed[]): WorkbookData {
  const copy: WorkbookData = { sheets: book.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) })) };
  for (const t of typed) {
    const sheet = copy.sheets.find((s) => s.name === t.sheet)!;
    const row = sheet.rows.find((r) => r[0] === t.taskId)!;
    row[indexOf(t.key)] = t.value;
  }
  return copy;
}

/** Every typed value, found again in the rebuilt workbook at the row of the same (任务编号, unit). */
function lost(rebuilt: WorkbookData, typed: Typed[]): Typed[] {
  return typed.filter((t) => {
    const sheet = rebuilt.sheets.find((s) => s.name === t.sheet);
    const rows = sheet?.rows.filter((r) => r[0] === t.taskId) ?? [];
    return !(rows.length === 1 && (rows[0] as SheetValue[])[indexOf(t.key)] === t.value);
  });
}

/** Drop items and swap a unit, the way a revised notice differs from the first one. */
function editNotice(text: string, dropItems: number[], swap: boolean): string {
  let lines = text.split('\n').filter((l) => {
    const m = /^\s*(\d+)．/.exec(l);
    return !(m && dropItems.includes(Number(m[1])));
  });
  if (swap) lines = lines.map((l) => l.replace('市财政局牵头', '市审计局牵头'));
  return lines.join('\n');
}

describe('regenerating never loses what units typed', () => {
  const first = prepareWorkbook({ noticeText: SEED, previous: null, asOf: null });
  const book = planAsData(first.plan);
  const rowKeys = first.ledgers.ledgers.flatMap((l) => l.rows.map((r) => ({ sheet: l.sheetName, taskId: r.taskId })));

  it('keeps a value typed in every fill column of a row, and marks rows whose task left', () => {
    const typed: Typed[] = FILL.map((c, i) => ({ sheet: '台账-市财政局', taskId: '36.1', key: c.key, value: c.kind === 'date' ? 44100 + i : `第${i}列 =1+1` }));
    const second = prepareWorkbook({ noticeText: editNotice(SEED, [36], false), previous: type(book, typed), asOf: null });
    const rebuilt = planAsData(second.plan);
    expect(lost(rebuilt, typed)).toEqual([]);
    const row = rebuilt.sheets.find((s) => s.name === '台账-市财政局')!.rows.find((r) => r[0] === '36.1')!;
    expect(row[indexOf('role')]).toBe(`${REMOVED_MARK}（原：牵头）`);
    expect(second.ledgers.removedRows).toBe(1);
    // Kept at the bottom, after every live row.
    const sheet = rebuilt.sheets.find((s) => s.name === '台账-市财政局')!;
    expect(sheet.rows[sheet.rows.length - 1]?.[0]).toBe('36.1');
  });

  it('property: random fills, random notice edits, rebuild twice — every typed value is still there', () => {
    const value = fc.oneof(
      fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0),
      fc.constantFrom('=SUM(A1:A9)', '+86 22 1234', '已完成', '2020年12月31日', '  前后空格  '),
      fc.integer({ min: 43831, max: 44561 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    );
    const typedArb = fc.uniqueArray(
      fc.record({ row: fc.nat({ max: rowKeys.length - 1 }), col: fc.nat({ max: FILL.length - 1 }), value }),
      { minLength: 1, maxLength: 40, selector: (t) => `${t.row}:${t.col}` },
    );
    fc.assert(
      fc.property(typedArb, fc.uniqueArray(fc.integer({ min: 1, max: 50 }), { maxLength: 8 }), fc.boolean(), (picks, dropItems, swap) => {
        const typed: Typed[] = picks.map((p) => ({ ...(rowKeys[p.row] as { sheet: string; taskId: string }), key: (FILL[p.col] as (typeof FILL)[number]).key, value: p.value }));
        const edited = editNotice(SEED, dropItems, swap);
        const second = prepareWorkbook({ noticeText: edited, previous: type(book, typed), asOf: null });
        expect(second.problems).toEqual([]);
        const rebuilt = planAsData(second.plan);
        expect(lost(rebuilt, typed)).toEqual([]);
        // Rebuilding again from the rebuilt workbook (now with removed rows) loses nothing either.
        const third = planAsData(prepareWorkbook({ noticeText: SEED, previous: rebuilt, asOf: null }).plan);
        expect(lost(third, typed)).toEqual([]);
      }),
      { numRuns: 60, seed: 20200808 },
    );
  });

  it('reads a ledger in a unit\'s own layout (moved columns, alias headers) and keeps its values', () => {
    const custom: WorkbookData = {
      sheets: [
        ...book.sheets.filter((s) => s.name !== '台账-市财政局'),
        {
          name: '台账-市财政局',
          rows: [
            ['备注', '工作进展', '序号', '负责人', '完成状态'],
            ['自己的备注', '已出台文件', '36.1', '张三', '已完成'],
          ],
        },
      ],
    };
    const second = prepareWorkbook({ noticeText: SEED, previous: custom, asOf: null });
    const row = planAsData(second.plan).sheets.find((s) => s.name === '台账-市财政局')!.rows.find((r) => r[0] === '36.1')!;
    expect(row[indexOf('note')]).toBe('自己的备注');
    expect(row[indexOf('progress')]).toBe('已出台文件');
    expect(row[indexOf('person')]).toBe('张三');
    expect(row[indexOf('status')]).toBe('已完成');
  });

  it('a missing or duplicated key column is a clear problem, before anything is written', () => {
    const broken = (rows: SheetValue[][]): WorkbookData => ({ sheets: [...book.sheets.filter((s) => s.name !== '台账-市财政局'), { name: '台账-市财政局', rows }] });
    const missing = prepareWorkbook({ noticeText: SEED, previous: broken([['任务', '状态'], ['x', '已完成']]), asOf: null });
    expect(missing.problems).toEqual([expect.objectContaining({ code: 'HEADER_MISSING', sheet: '台账-市财政局', column: '任务编号' })]);
    expect(missing.problems[0]?.message).toContain('台账-市财政局');
    const dup = prepareWorkbook({ noticeText: SEED, previous: broken([['任务编号', '状态', '完成状态'], ['36.1', '已完成', '推进中']]), asOf: null });
    expect(dup.problems).toEqual([expect.objectContaining({ code: 'HEADER_DUPLICATE', column: '状态' })]);
  });

  it('keeps 量化指标 values by task and indicator across a rebuild', () => {
    const targets = book.sheets.find((s) => s.name === '量化指标')!;
    const filled: WorkbookData = {
      sheets: book.sheets.map((s) => (s.name !== '量化指标' ? s : { name: s.name, rows: s.rows.map((r, i) => (r[1] === '5.1' ? r.map((v, j) => (j === 8 ? 8.3 : j === 11 ? 44166 : v)) : i === 0 ? r : r)) })),
    };
    const second = planAsData(prepareWorkbook({ noticeText: editNotice(SEED, [2, 3], false), previous: filled, asOf: null }).plan);
    const row = second.sheets.find((s) => s.name === '量化指标')!.rows.find((r) => r[1] === '5.1')!;
    expect([row[8], row[11]]).toEqual([8.3, 44166]);
    expect(targets.rows.length).toBeGreaterThan(1);
  });

  it('uses the workbook\'s 单位名录: a new alias there is understood in the notice', () => {
    const dirSheet = book.sheets.find((s) => s.name === '单位名录')!;
    const withAlias: WorkbookData = {
      sheets: book.sheets.map((s) => (s !== dirSheet ? s : { name: s.name, rows: s.rows.map((r) => (r[0] === '市财政局' ? r.map((v, j) => (j === 2 ? '财政' : v)) : r)) })),
    };
    const second = prepareWorkbook({ noticeText: SEED.replace('（市财政局牵头，市发展改革委、市人社局、人民银行天津分行、市税务局等按职责分工负责，12月底前完成）', '（财政牵头，12月底前完成）'), previous: withAlias, asOf: null });
    expect(second.notice.tasks.find((t) => t.id === '3.1')?.units).toEqual([{ name: '市财政局', role: 'lead' }]);
  });
});

describe('a rebuild keeps 汇总\'s parameters', () => {
  it('a typed 统计日期 and 预警天数 survive --update', () => {
    const first = planAsData(prepareWorkbook({ noticeText: SEED, previous: null, asOf: null }).plan);
    const summary = first.sheets.find((s) => s.name === '汇总')!;
    summary.rows[0]![1] = 44105; // 2020-10-01 typed over =TODAY(): a plain value, no longer a formula cell
    summary.formulaCells = (summary.formulaCells ?? []).filter((a) => a !== 'B1');
    summary.rows[1]![1] = 7;
    const rebuilt = prepareWorkbook({ noticeText: SEED, previous: first, asOf: null }).plan.sheets.find((s) => s.name === '汇总')!;
    expect(rebuilt.extraCells?.find((e) => e.address === 'B1')?.cell).toEqual({ t: 'date', v: '2020-10-01' });
    expect(rebuilt.extraCells?.find((e) => e.address === 'B2')?.cell).toEqual({ t: 'number', v: 7 });
  });
});

describe('=TODAY() is not a typed date', () => {
  it('a rebuild keeps 汇总!B1 as =TODAY() when nobody typed over it', () => {
    const first = planAsData(prepareWorkbook({ noticeText: SEED, previous: null, asOf: null }).plan);
    // What a reader sees after Excel computed the workbook: a number in B1, marked as a formula cell.
    first.sheets.find((s) => s.name === '汇总')!.rows[0]![1] = 46352;
    const rebuilt = prepareWorkbook({ noticeText: SEED, previous: first, asOf: null }).plan.sheets.find((s) => s.name === '汇总')!;
    expect(rebuilt.extraCells?.find((e) => e.address === 'B1')?.cell).toEqual({ t: 'formula', f: 'TODAY()' });
  });
});
