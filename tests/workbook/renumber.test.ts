import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { planAsData } from '../../src/workbook/planValues';
import type { WorkbookData } from '../../src/domain/grid/sheetData';
import { LEDGER_COLUMNS, REMOVED_MARK, type LedgerColumnKey } from '../../src/domain/ledger/columns';
import { matchTasks } from '../../src/domain/ledger/matchTasks';
import { dropAndRenumber } from '../support/renumber';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const at = (key: LedgerColumnKey) => LEDGER_COLUMNS.findIndex((c) => c.key === key);

/** Every ledger row's 具体措施 set to a text naming its task: `措施@<任务内容>`. */
function typeMeasuresEverywhere(book: WorkbookData): WorkbookData {
  return {
    ...book,
    sheets: book.sheets.map((s) =>
      !s.name.startsWith('台账-') ? s : { ...s, rows: s.rows.map((r, i) => (i === 0 ? r : r.map((v, j) => (j === at('measures') ? `措施@${String(r[at('text')])}` : v)))) },
    ),
  };
}

describe('a renumbered notice: values follow the task, not the id', () => {
  const first = prepareWorkbook({ noticeText: SEED, previous: null, asOf: null });
  const typed = typeMeasuresEverywhere(planAsData(first.plan));
  const typedRows = typed.sheets.filter((s) => s.name.startsWith('台账-')).reduce((n, s) => n + s.rows.length - 1, 0);

  it('item 2 removed and the rest renumbered: no row carries another task\'s 具体措施, every move is reported', () => {
    const revised = dropAndRenumber(SEED, 2);
    const second = prepareWorkbook({ noticeText: revised, previous: typed, asOf: null });
    expect(second.problems).toEqual([]);
    expect(second.notice.tasks.length).toBeLessThan(first.notice.tasks.length);
    const rebuilt = planAsData(second.plan);
    let wrong = 0;
    let live = 0;
    for (const s of rebuilt.sheets.filter((x) => x.name.startsWith('台账-'))) {
      for (const r of s.rows.slice(1)) {
        const measure = r[at('measures')];
        if (measure === null || measure === '') continue;
        if (measure !== `措施@${String(r[at('text')])}`) wrong++;
        if (!String(r[at('role')]).startsWith(REMOVED_MARK)) live++;
      }
    }
    expect(wrong).toBe(0);
    // Item 2's rows are kept as 已移出分工; every other typed row found its task again.
    expect(second.ledgers.keptRows).toBe(live);
    expect(second.ledgers.keptRows + second.ledgers.removedRows).toBe(typedRows);
    const item2 = first.notice.tasks.filter((t) => t.id.split('.')[0] === '2');
    expect(second.ledgers.removedRows).toBe(first.ledgers.ledgers.flatMap((l) => l.rows).filter((r) => item2.some((t) => t.id === r.taskId)).length);
    // Every task after item 2 moved to the id one item lower, and each move is reported.
    const withRows = new Set(first.ledgers.ledgers.flatMap((l) => l.rows.map((r) => r.taskId)));
    const expected = first.notice.tasks
      .filter((t) => Number(t.id.split('.')[0]) > 2 && withRows.has(t.id))
      .map((t) => ({ from: t.id, to: t.id.replace(/^\d+/, (d) => String(Number(d) - 1)) }));
    expect(second.ledgers.moves).toEqual(expected);
    const note = second.warnings.find((w) => w.code === 'TASK_RENUMBERED');
    expect(note?.message).toContain(`${expected.length} 项任务`);
    for (const m of expected) expect(note?.message).toContain(`${m.from} → ${m.to}`);
  });

  it('the seed regenerated with nothing changed: no move, every value kept', () => {
    const second = prepareWorkbook({ noticeText: SEED, previous: typed, asOf: null });
    expect(second.ledgers.moves).toEqual([]);
    expect(second.warnings.filter((w) => w.code === 'TASK_RENUMBERED')).toEqual([]);
    expect(second.ledgers.keptRows).toBe(typedRows);
    expect(second.ledgers.removedRows).toBe(0);
    const rebuilt = planAsData(second.plan);
    for (const s of typed.sheets.filter((x) => x.name.startsWith('台账-'))) {
      expect(rebuilt.sheets.find((x) => x.name === s.name)?.rows.map((r) => r[at('measures')])).toEqual(s.rows.map((r) => r[at('measures')]));
    }
  });
});

describe('matchTasks', () => {
  const tasks = [
    { id: '1.1', text: '甲任务：建设进口商品集散地' },
    { id: '2.1', text: '丙任务：落实各项减税降费政策' },
    { id: '3.1', text: '丁任务：出台社保补贴政策，稳定就业' },
  ];
  it('same id same text stays; same text elsewhere moves; a reused id with other text is not the same task', () => {
    const { mapping, moves } = matchTasks(
      [
        { id: '1.1', text: '甲任务：建设进口商品集散地' },
        { id: '2.1', text: '乙任务：打好防范化解重大金融风险攻坚战' },
        { id: '3.1', text: '丙任务：落实各项减税降费政策' },
        { id: '4.1', text: '丁任务：出台社保补贴政策，稳定就业。' },
      ],
      tasks,
    );
    expect([...mapping.values()]).toEqual(['1.1', null, '2.1', '3.1']);
    expect(moves).toEqual([{ from: '3.1', to: '2.1' }, { from: '4.1', to: '3.1' }]);
  });
  it('a small edit under the same id is the same task; an unknown text keeps its id', () => {
    const { mapping } = matchTasks([{ id: '1.1', text: '甲任务：加快建设进口商品集散地' }, { id: '3.1', text: '' }], tasks);
    expect([...mapping.values()]).toEqual(['1.1', '3.1']);
  });
});
