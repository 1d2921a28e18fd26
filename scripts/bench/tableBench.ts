import { parseNotice } from '../../src/domain/notice/parseNotice';
import type { ParsedNotice, Role } from '../../src/domain/notice/types';
import { readTaskTables } from '../../src/domain/table/readTaskTables';
import type { Grid } from '../../src/domain/table/types';
import { compare, type BenchRow } from './measure';
import { scaledNotice } from './parseBench';

/** A parsed notice written as a 分工表 grid: 序号 | 重点任务 | 牵头单位 | 责任单位 | 配合单位 | 完成时限. */
function asTable(notice: ParsedNotice): Grid {
  const names = (units: ParsedNotice['tasks'][number]['units'], role: Role) => units.filter((u) => u.role === role).map((u) => u.name).join('、');
  const rows = [
    ['2020年重点工作任务分工表'],
    ['序号', '重点任务', '牵头单位', '责任单位', '配合单位', '完成时限'],
    ...notice.tasks.map((t) => [t.id, t.text, names(t.units, 'lead'), [names(t.units, 'joint'), ...t.units.filter((u) => u.role === 'each').map((u) => `${u.name}分别负责`)].filter((v) => v !== '').join('，'), names(t.units, 'support'), t.deadline.text]),
  ];
  return { name: '工作表“分工表”', rows, merges: [] };
}

/** Reading the seed's division as a table, against parsing the same division as a notice. */
export async function tableBenchmarks(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [label, times, runs] of [['seed', 1, 21], ['seed ×10', 10, 7], ['seed ×100', 100, 3]] as const) {
    const text = scaledNotice(times);
    const grid = asTable(parseNotice(text));
    let tasks = 0;
    const row = await compare(
      `table ${label}`,
      () => {
        tasks = readTaskTables([grid], { format: 'xlsx' }).parsed.tasks.length;
      },
      () => parseNotice(text),
      runs,
      { rows: grid.rows.length },
    );
    row.tasks = tasks;
    rows.push(row);
  }
  return rows;
}
