import type { Role } from '../notice/types';
import { cellText, type WorkbookData } from '../grid/sheetData';
import { ALL_MUNICIPAL } from '../ledger/ledgers';

export type MasterTask = { id: string; text: string; leads: string; deadlineText: string; due: number | null; section: string };
export type Master = {
  tasks: Map<string, MasterTask>;
  /** `${taskId}|${unit}` → role, with 市政府各部门 分别负责 expanded to every municipal unit. */
  roles: Map<string, Role>;
  units: Set<string>;
};

const names = (v: string): string[] => v.split('、').map((x) => x.trim()).filter((x) => x.length > 0);

/** The assignments as generated: 任务清单 is the master (protected), 单位名录 lists the units. */
export function readMaster(book: WorkbookData): Master | null {
  const tasksSheet = book.sheets.find((s) => s.name === '任务清单');
  if (!tasksSheet) return null;
  const directory = book.sheets.find((s) => s.name === '单位名录');
  const units = new Set<string>();
  const municipal: string[] = [];
  if (directory) {
    const h = (directory.rows[0] ?? []).map(cellText);
    const [iName, iCat] = [h.indexOf('单位'), h.indexOf('类别')];
    for (const row of directory.rows.slice(1)) {
      const name = cellText(row[iName]);
      if (!name) continue;
      units.add(name);
      if (cellText(row[iCat]) === '市级部门') municipal.push(name);
    }
  }
  const h = (tasksSheet.rows[0] ?? []).map(cellText);
  const at = (x: string) => h.indexOf(x);
  const tasks = new Map<string, MasterTask>();
  const roles = new Map<string, Role>();
  const assign = (id: string, unit: string, role: Role) => {
    units.add(unit);
    if (!roles.has(`${id}|${unit}`)) roles.set(`${id}|${unit}`, role);
  };
  const groups: Array<[string, string[]]> = [];
  for (const row of tasksSheet.rows.slice(1)) {
    const id = cellText(row[at('任务编号')]);
    if (!id) continue;
    const due = row[at('截止日期')];
    const leads = cellText(row[at('牵头单位')]);
    tasks.set(id, { id, text: cellText(row[at('任务内容')]), leads, deadlineText: cellText(row[at('完成时限')]), due: typeof due === 'number' ? due : null, section: cellText(row[at('板块')]) });
    for (const n of names(leads)) assign(id, n, 'lead');
    for (const n of names(cellText(row[at('负责单位')]))) {
      const each = /（分别负责）$/.exec(n);
      const name = n.replace(/（分别负责）$/, '');
      if (each && ALL_MUNICIPAL.has(name)) {
        units.add(name);
        groups.push([id, municipal]);
      } else assign(id, name, each ? 'each' : 'joint');
    }
    for (const n of names(cellText(row[at('配合单位')]))) assign(id, n, 'support');
  }
  // As in the ledgers, a unit named directly keeps its own role over the group's 分别负责.
  for (const [id, members] of groups) for (const m of members) assign(id, m, 'each');
  return { tasks, roles, units };
}
