import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { previewChanges } from '../../src/workbook/previewChanges';
import { planAsData } from '../../src/workbook/planValues';
import { describeDiff, isUnchanged, removalWarning } from '../../src/domain/diff/describeDiff';
import { REMOVED_MARK } from '../../src/domain/ledger/columns';
import type { WorkbookData } from '../../src/domain/grid/sheetData';
import { col, copyBook, sheetOf } from '../tasklist/support';

const V1 = `某市人民政府关于印发2023年重点工作任务分工的通知
（一）教育
1．新建幼儿园20所。（市教育局牵头，市财政局配合，12月底前完成）
2．改造薄弱学校10所。（市教育局负责，6月底前完成）
（二）就业
3．城镇新增就业5万人。（市人社局牵头，年内持续推进）
4．开展职业技能培训。（市人社局、市教育局按职责分工负责，9月底前完成）
某市人民政府
2023年1月10日`;

/**
 * The revision, read by hand against V1: item 2 dropped and the later items renumbered;
 * 1.1's deadline moved; the old 3.1 (now 2.1) gets another lead; the old 4.1 (now 3.1) is
 * unchanged but for its number; a new task takes the number 4.1.
 */
const V2 = `某市人民政府关于印发2023年重点工作任务分工的通知
（一）教育
1．新建幼儿园20所。（市教育局牵头，市财政局配合，10月底前完成）
（二）就业
2．城镇新增就业5万人。（市发展改革委牵头，年内持续推进）
3．开展职业技能培训。（市人社局、市教育局按职责分工负责，9月底前完成）
4．推进校园安全建设。（市公安局、市教育局按职责分工负责，12月底前完成）
某市人民政府
2023年1月10日`;

/** Type 具体措施 into every ledger row: `<unit>:<task>`. */
function typeMeasures(book: WorkbookData): WorkbookData {
  const out = copyBook(book);
  for (const s of out.sheets.filter((x) => x.name.startsWith('台账-'))) {
    const c = col(out, s.name, '具体措施');
    for (const r of s.rows.slice(1)) r[c] = `${s.name.slice(3)}:${String(r[0])}`;
  }
  return out;
}

describe('changes preview of a revised notice', () => {
  const first = prepareWorkbook({ noticeText: V1, previous: null, asOf: null });
  const typed = typeMeasures(planAsData(first.plan));
  const second = prepareWorkbook({ noticeText: V2, previous: typed, asOf: null });
  const diff = previewChanges(typed, second);

  it('lists tasks added, removed and changed as read by hand', () => {
    expect(diff.schema).toBe('duban.diff/1');
    expect(diff.added.map((t) => [t.id, t.text])).toEqual([['4.1', '推进校园安全建设。']]);
    expect(diff.removed.map((t) => [t.id, t.text])).toEqual([['2.1', '改造薄弱学校10所。']]);
    expect(diff.changed.map((c) => [c.from, c.task, c.fields])).toEqual([
      ['1.1', '1.1', ['deadline']],
      ['3.1', '2.1', ['id', 'units']],
      ['4.1', '3.1', ['id']],
    ]);
    const lead = diff.changed[1]!;
    expect([lead.unitsRemoved, lead.unitsAdded]).toEqual([[{ name: '市人社局', role: 'lead' }], [{ name: '市发展改革委', role: 'lead' }]]);
    expect([diff.changed[0]!.before.due, diff.changed[0]!.after.due]).toEqual(['2023-12-31', '2023-10-31']);
    expect(diff.unchanged).toBe(0);
  });

  it('counts the typed rows that move: two renumbered, two out of the division', () => {
    const byUnit = [...diff.rows].sort((a, b) => `${a.unit}${a.from}`.localeCompare(`${b.unit}${b.from}`));
    expect(byUnit).toEqual([
      { unit: '市人社局', from: '3.1', to: '2.1', kind: 'removed' },
      { unit: '市人社局', from: '4.1', to: '3.1', kind: 'renumbered' },
      { unit: '市教育局', from: '2.1', to: '2.1', kind: 'removed' },
      { unit: '市教育局', from: '4.1', to: '3.1', kind: 'renumbered' },
    ]);
    expect(diff.movedRows).toBe(4);
  });

  it('the rebuild then moves exactly those rows', () => {
    const rebuilt = planAsData(second.plan);
    // Every typed value, where it is now: its row's task and 本单位职责.
    const now = rebuilt.sheets.filter((s) => s.name.startsWith('台账-')).flatMap((s) => {
      const [m, role] = [col(rebuilt, s.name, '具体措施'), col(rebuilt, s.name, '本单位职责')];
      return s.rows.slice(1).filter((r) => r[m] !== null).map((r) => ({ typed: String(r[m]), task: String(r[0]), removed: String(r[role]).startsWith(REMOVED_MARK) }));
    });
    expect(now).toHaveLength(6); // every value typed into V1's 6 ledger rows (1.1 ×2, 2.1, 3.1, 4.1 ×2)
    const moved = now.filter((x) => x.removed || x.typed.split(':')[1] !== x.task);
    expect(moved.length).toBe(diff.movedRows);
    expect(sheetOf(rebuilt, '台账-市教育局').rows.find((r) => r[0] === '3.1')?.[col(rebuilt, '台账-市教育局', '具体措施')]).toBe('市教育局:4.1');
  });

  it('says it in Chinese, a line per change', () => {
    const text = describeDiff(diff).join('\n');
    expect(text).toContain('新增任务 1 项，修改 3 项，移出 1 项；已填写的台账行移动 4 行');
    expect(text).toContain('牵头单位：市人社局 → 市发展改革委');
    expect(text).toContain('编号 4.1 → 3.1');
    expect(text).toContain('完成时限 “12月底前完成” → “10月底前完成”，截止日期 2023-12-31 → 2023-10-31');
    expect(text).toContain('市教育局 任务 4.1 的已填内容随任务移到 3.1');
  });

  it('a notice applied unchanged changes nothing', () => {
    const same = prepareWorkbook({ noticeText: V1, previous: typed, asOf: null });
    const d = previewChanges(typed, same);
    expect([d.added, d.removed, d.changed, d.movedRows, d.unchanged]).toEqual([[], [], [], 0, 4]);
    expect(describeDiff(d)[0]).toBe('分工没有变化');
    // Nothing else changed: not "其余 4 项" (the rest of what?).
    expect(describeDiff(d)).toEqual(['分工没有变化', '全部 4 项任务与工作簿中的相同']);
    expect(isUnchanged(d)).toBe(true);
    expect(removalWarning(d)).toBeNull();
  });

  it('warns when an update would move out more tasks than it keeps (another document applied as an update)', () => {
    // The revision removes 1 of 4 and keeps 3: a revision, no warning.
    expect(removalWarning(diff)).toBeNull();
    const other = `某市人民政府常务会议纪要
1．研究部署防汛工作。（市水务局牵头，6月底前完成）
2．推进老旧小区改造。（市住房城乡建设委负责，12月底前完成）`;
    const d = previewChanges(typed, prepareWorkbook({ noticeText: other, previous: typed, asOf: null }));
    expect([d.removed.length, d.unchanged + d.changed.length]).toEqual([4, 0]);
    expect(removalWarning(d)).toBe('这次更新会把工作簿中的 4 项任务移出分工，只保留 0 项。如果这是另一份文件（会议议定事项、领导批示、另一张分工表），');
    // Half removed, half kept: still a revision.
    const half = { ...d, removed: d.removed.slice(0, 2), unchanged: 2 };
    expect(removalWarning(half)).toBeNull();
    expect(removalWarning({ ...half, unchanged: 1 })).not.toBeNull();
  });
});
