import { summarize, type SummaryInput, type SummaryRow } from '../../src/domain/summary/summarize';
import { compare, type BenchRow } from './measure';

const STATUSES = ['', '未启动', '推进中', '已完成', '受阻', '已完成', '推进中'];

/** 100 000 ledger rows over 50 units and 25 000 tasks, filled deterministically. */
export function syntheticSummaryInput(rows = 100_000, units = 50): SummaryInput {
  const unitNames = Array.from({ length: units }, (_, i) => `单位${i + 1}`);
  const taskCount = Math.ceil(rows / 4);
  const tasks = Array.from({ length: taskCount }, (_, i) => ({ id: `${Math.floor(i / 5) + 1}.${(i % 5) + 1}`, sectionNo: (i % 40) + 1, section: '', due: 44000 + (i % 365), leads: [unitNames[i % units] as string] }));
  const list: SummaryRow[] = [];
  for (let i = 0; i < rows; i++) {
    const t = tasks[i % taskCount]!;
    list.push({
      taskId: t.id,
      unit: unitNames[(i * 7) % units] as string,
      role: i % 3 === 0 ? 'lead' : 'joint',
      due: t.due,
      status: STATUSES[i % STATUSES.length] as string,
      doneDate: i % 2 === 0 ? 44100 + (i % 200) : null,
      measures: i % 5 === 0 ? null : '措施',
      person: '张三',
      plannedDate: 44200,
      outputForm: '工作方案',
    });
  }
  return { tasks, sections: Array.from({ length: 40 }, (_, i) => ({ no: i + 1, title: `板块${i + 1}` })), units: unitNames, rows: list, targets: [] };
}

export async function summaryBenchmarks(): Promise<BenchRow[]> {
  const input = syntheticSummaryInput();
  // The baseline: one loop that only counts statuses.
  const countStatuses = () => {
    const counts = new Map<unknown, number>();
    for (const r of input.rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    return counts;
  };
  return [await compare('summary engine 100 000 rows', () => summarize(input, '2020-10-01', 15), countStatuses, 5, { rows: input.rows.length, units: input.units.length, tasks: input.tasks.length })];
}
