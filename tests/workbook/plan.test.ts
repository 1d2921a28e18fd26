import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import type { Cell, SheetPlan } from '../../src/workbook/plan';
import { ledgerSheetName, isValidSheetName } from '../../src/domain/ledger/sheetName';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const { plan, ledgers, notice } = prepareWorkbook({ noticeText: SEED, previous: null, asOf: null });
const sheet = (name: string) => plan.sheets.find((s) => s.name === name) as SheetPlan;
const col = (s: SheetPlan, header: string) => s.columns.findIndex((c) => c.header === header);
const textOf = (c: Cell | undefined) => (c && c.t === 'text' ? c.v : c && c.t === 'formula' ? `=${c.f}` : c && c.t === 'number' ? c.v : null);

describe('the seed WorkbookPlan', () => {
  it('has the sheets of DESIGN §5 and one ledger per responsible unit', () => {
    expect(plan.sheets.slice(0, 5).map((s) => s.name)).toEqual(['汇总', '任务清单', '量化指标', '责任矩阵', '单位名录']);
    expect(plan.sheets.filter((s) => s.key.startsWith('ledger:'))).toHaveLength(52);
    expect(sheet('任务清单').rows).toHaveLength(120);
    expect(sheet('量化指标').rows).toHaveLength(notice.tasks.reduce((n, t) => n + t.targets.length, 0));
  });

  it('writes task ids as text cells with the text number format', () => {
    const tasks = sheet('任务清单');
    expect(tasks.columns[0]?.numberFormat).toBe('@');
    expect(tasks.rows.every((r) => r[0]?.t === 'text')).toBe(true);
  });

  it('市政府各部门 (分别负责) gives every municipal unit a ledger row; 有关部门 gets none and is 待明确', () => {
    const municipal = ledgers.ledgers.filter((l) => l.category === 'municipal');
    expect(municipal.length).toBe(36);
    for (const l of municipal) expect(l.rows.filter((r) => ['1.1', '43.1', '44.1'].includes(r.taskId)).map((r) => r.roleLabel)).toEqual(['分别负责', '分别负责', '分别负责']);
    expect(ledgers.ledgers.find((l) => l.unit === '人民银行天津分行')?.rows.some((r) => r.taskId === '1.1')).toBe(false);
    expect(ledgers.ledgers.some((l) => l.unit === '有关部门' || l.unit === '市政府各部门')).toBe(false);
    expect(ledgers.pending).toEqual(['有关部门']);
    const directory = sheet('单位名录');
    const row = directory.rows.find((r) => textOf(r[0]) === '有关部门');
    expect(textOf(row?.[col(directory, '状态')])).toBe('待明确');
    expect(sheet('责任矩阵').columns.map((c) => c.header)).toContain('有关部门');
  });

  it('the matrix checks "exactly one accountable" and totals each unit\'s load with formulas', () => {
    const m = sheet('责任矩阵');
    const check = col(m, '核查');
    const row = (id: string) => m.rows.find((r) => textOf(r[0]) === id) as Cell[];
    expect(textOf(row('3.1')[check])).toMatch(/^=IF\(.*"无牵头".*"多个牵头"/);
    expect(textOf(row('4.1')[col(m, '人民银行天津分行')])).toBe('牵头');
    expect(textOf(row('4.1')[col(m, '市金融局')])).toBe('牵头');
    const totals = (m.extraCells ?? []).filter((e) => e.cell?.t === 'text').map((e) => textOf(e.cell));
    expect(totals).toEqual(['牵头合计', '负责合计', '配合合计', '分别负责合计', '合计']);
    expect(m.conditionalFormats.filter((c) => c.type === 'expression').map((c) => (c.type === 'expression' ? c.formula : ''))).toEqual(
      expect.arrayContaining(['C2="牵头"', 'C2="负责"', 'C2="配合"', 'C2="分别负责"']),
    );
  });

  it('ledgers: validation and colours bound to the used rows, only fill columns unlocked, 预警 a classic formula', () => {
    const ledger = sheet('台账-市财政局');
    const n = ledger.rows.length;
    // The loop's lists (延期批复 V, 审核结果 X) and dates (申请延期至 S, 批准时限 W, 销号日期 Z) are checked too.
    expect(ledger.validations.map((v) => v.range)).toEqual([`N2:N${n + 1}`, `L2:L${n + 1}`, `V2:V${n + 1}`, `X2:X${n + 1}`, `K2:K${n + 1}`, `O2:O${n + 1}`, `P2:P${n + 1}`, `S2:S${n + 1}`, `W2:W${n + 1}`, `Z2:Z${n + 1}`]);
    // 逾期, 临期, 逾期完成 colour the generated columns and 预警, never the shaded fill columns.
    expect(ledger.conditionalFormats.map((c) => c.range)).toEqual([`A2:G${n + 1}`, `Q2:Q${n + 1}`, `A2:G${n + 1}`, `Q2:Q${n + 1}`, `A2:G${n + 1}`, `Q2:Q${n + 1}`]);
    expect(ledger.conditionalFormats.map((c) => (c.type === 'expression' ? c.formula : ''))).toEqual(['$Q2="逾期"', '$Q2="逾期"', '$Q2="临期"', '$Q2="临期"', '$Q2="逾期完成"', '$Q2="逾期完成"']);
    // The unit's own columns are shaded; the office's loop columns (延期批复…销号日期) are open in the master but not shaded.
    expect(ledger.columns.filter((c) => c.shade !== undefined).map((c) => c.header)).toEqual(['具体措施', '责任处室', '责任人', '计划完成时间', '成果形式', '进展情况', '状态', '完成日期', '更新日期', '备注', '申请延期至', '延期理由', '佐证材料']);
    expect(ledger.protect).toBe(true);
    expect(ledger.columns.filter((c) => c.role === 'fill').map((c) => c.header)).toEqual([...(['具体措施', '责任处室', '责任人', '计划完成时间', '成果形式', '进展情况', '状态', '完成日期', '更新日期', '备注', '申请延期至', '延期理由', '佐证材料']), '延期批复', '批准时限', '审核结果', '审核意见', '销号日期']);
    const formula = textOf(ledger.rows[0]?.[col(ledger, '预警')]) as string;
    expect(formula).toContain('Duban_AsOf');
    expect(formula).not.toMatch(/XLOOKUP|IFS\(|LET\(|FILTER\(|_xlfn/);
  });

  it('defines Duban_AsOf (=TODAY() by default), Duban_WarnDays (15) and Duban_Year on 汇总, and the index ranges the binary searches read', () => {
    const last = sheet('_台账索引').rows.length + 1;
    expect(last).toBeGreaterThan(364);
    // The loop's settings (E2, E3, G2, G3), its 待办 index, and 本期's dates in the loop block under the overdue list.
    const names = plan.names.map((n) => `${n.name}@${n.address}`);
    expect(names.filter((n) => !n.startsWith('Duban_Period') && !n.startsWith('Duban_ReportDue'))).toEqual([`Duban_IndexOrder@$M$2:$M$${last}`, `Duban_IndexOverdueRun@$N$2:$N$${last}`, `Duban_IndexTodoRun@$AA$2:$AA$${last}`, 'Duban_AsOf@B1', 'Duban_WarnDays@B2', 'Duban_Year@B3', 'Duban_ReportCycle@E2', 'Duban_ReportDay@E3', 'Duban_ReviewRequired@G2', 'Duban_PaceTolerance@G3']);
    const loopValues = names.filter((n) => /^Duban_(PeriodStart|PeriodEnd|ReportDue)@/.test(n)).map((n) => n.replace(/\d+$/, ''));
    expect(loopValues).toEqual(['Duban_PeriodStart@C', 'Duban_PeriodEnd@D', 'Duban_ReportDue@E']);
    const params = sheet('汇总').extraCells ?? [];
    expect(params.find((e) => e.address === 'B1')?.cell).toEqual({ t: 'formula', f: 'TODAY()' });
    expect(params.find((e) => e.address === 'B2')?.cell).toEqual({ t: 'number', v: 15 });
    expect(params.find((e) => e.address === 'B3')?.cell).toEqual({ t: 'number', v: 2020 });
  });
});

describe('_台账索引 laid out for linear recalculation', () => {
  const plan = prepareWorkbook({ noticeText: SEED, previous: null, asOf: null }).plan;
  const index = plan.sheets.find((s) => s.name === '_台账索引') as SheetPlan;
  const tasks = plan.sheets.find((s) => s.name === '任务清单') as SheetPlan;
  const at = (row: Cell[], header: string) => row[index.columns.findIndex((c) => c.header === header)] ?? null;

  it('sorts its rows by the task\'s row in 任务清单, so each task\'s rows are contiguous', () => {
    const taskRow = new Map(tasks.rows.map((r, i) => [textOf(r[0]), i + 1]));
    const orders = index.rows.map((r) => at(r, '任务序'));
    expect(orders.every((o) => o !== null && o.t === 'number')).toBe(true);
    const values = orders.map((o) => (o as { v: number }).v);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    index.rows.forEach((r, i) => expect(values[i]).toBe(taskRow.get(textOf(at(r, '任务编号')))));
    const seen = new Set<string>();
    let previous = '';
    for (const r of index.rows) {
      const id = textOf(at(r, '任务编号')) as string;
      if (id !== previous) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
        previous = id;
      }
    }
  });

  it('has 任务清单 read a task\'s figures from its last index row, with the whole-index count as the fallback', () => {
    const status = textOf(tasks.rows[0]?.[tasks.columns.findIndex((c) => c.header === '任务状态')]) as string;
    expect(status).toContain('MATCH(ROW()-1,Duban_IndexOrder,1)');
    expect(status).toContain('COUNTIFS(');
    expect(status).not.toMatch(/OFFSET|INDIRECT|XLOOKUP|_xlfn/);
  });
});

describe('ledger sheet names', () => {
  it('replaces characters Excel refuses, cuts to 31 and stays unique', () => {
    const used = new Set<string>();
    const a = ledgerSheetName('市财政局:综合处/[试点]?*', used);
    expect(a).toBe('台账-市财政局_综合处__试点___');
    const long = '中华人民共和国某某某某某某某某某某某某某某某某某某某某监督管理委员会';
    const b = ledgerSheetName(long, used);
    const c = ledgerSheetName(`${long}驻本市办事处`, used);
    expect(b.length).toBe(31);
    expect(c).not.toBe(b);
    expect(c.endsWith('~2')).toBe(true);
    expect([a, b, c].every(isValidSheetName)).toBe(true);
  });
});

describe('formulas are never written into text-formatted cells', () => {
  it('no formula cell sits in a column or block formatted as text (@), on any sheet', () => {
    const offenders: string[] = [];
    for (const s of plan.sheets) {
      s.rows.forEach((row, i) => row.forEach((c, j) => c?.t === 'formula' && s.columns[j]?.numberFormat === '@' && offenders.push(`${s.name} row ${i + 2} col ${j + 1}`)));
      for (const b of s.blocks ?? []) b.cells.forEach((row) => row.forEach((c, j) => c?.t === 'formula' && b.numberFormats?.[j] === '@' && offenders.push(`${s.name} block ${b.at} col ${j + 1}`)));
      for (const e of s.extraCells ?? []) if (e.cell?.t === 'formula' && e.numberFormat === '@') offenders.push(`${s.name}!${e.address}`);
    }
    expect(offenders).toEqual([]);
  });
});
