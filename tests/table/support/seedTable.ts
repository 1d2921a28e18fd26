import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotice } from '../../../src/domain/notice/parseNotice';
import type { ParsedNotice, Role, Task } from '../../../src/domain/notice/types';
import type { CellSpan } from '../../../src/domain/table/types';
import type { TableRows } from './tableFiles';

export const SEED_TEXT = readFileSync(join(__dirname, '..', '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
export const seedNotice = (): ParsedNotice => parseNotice(SEED_TEXT);

const names = (t: Task, role: Role): string[] => t.units.filter((u) => u.role === role).map((u) => u.name);

/**
 * The seed's division written as a 分工表, the way offices write one:
 * - `columns`: 序号 | 重点任务 | 牵头单位 | 责任单位 | 配合单位 | 完成时限, 板块 as heading rows merged across
 *   the table (`（一）…`); 分别负责 as prose in 责任单位;
 * - `prose`: 板块 | 序号 | 重点任务 | 责任单位 | 完成时限, the units as the notice writes them
 *   (`市财政局牵头，市发展改革委、市人社局配合`), 板块 merged down over its tasks.
 * Every table has the title row `天津市2020年重点工作任务分工表` above its header.
 */
export function seedTable(notice: ParsedNotice, style: 'columns' | 'prose', tasks: Task[] = notice.tasks): TableRows {
  const rows: string[][] = [['天津市2020年重点工作任务分工表']];
  const merges: CellSpan[] = [];
  if (style === 'columns') {
    rows.push(['序号', '重点任务', '牵头单位', '责任单位', '配合单位', '完成时限']);
    let section: number | null = null;
    for (const t of tasks) {
      if (t.section !== section) {
        section = t.section;
        const s = notice.sections.find((x) => x.no === section);
        merges.push({ top: rows.length, left: 0, bottom: rows.length, right: 5 });
        rows.push([`（${s?.no}）${s?.title ?? ''}`, '', '', '', '', '']);
      }
      const responsible = [names(t, 'joint').join('、'), ...names(t, 'each').map((n) => `${n}分别负责`)].filter((v) => v !== '').join('，');
      rows.push([t.id, t.text, names(t, 'lead').join('、'), responsible, names(t, 'support').join('\n'), t.deadline.text]);
    }
  } else {
    rows.push(['板块', '序号', '重点任务', '责任单位', '完成时限']);
    let start = -1;
    tasks.forEach((t, i) => {
      if (i === 0 || tasks[i - 1]?.section !== t.section) start = rows.length;
      const s = notice.sections.find((x) => x.no === t.section);
      const clauses = [
        names(t, 'lead').length > 0 ? `${names(t, 'lead').join('、')}牵头` : '',
        names(t, 'joint').length > 0 ? `${names(t, 'joint').join('、')}负责` : '',
        names(t, 'support').length > 0 ? `${names(t, 'support').join('、')}配合` : '',
        ...names(t, 'each').map((n) => `${n}分别负责`),
      ];
      rows.push([rows.length === start ? (s?.title ?? '') : '', t.id, t.text, clauses.filter((c) => c !== '').join('，'), t.deadline.text]);
      const next = tasks[i + 1];
      if ((next === undefined || next.section !== t.section) && rows.length - 1 > start) merges.push({ top: start, left: 0, bottom: rows.length - 1, right: 0 });
    });
  }
  return { rows, merges };
}
