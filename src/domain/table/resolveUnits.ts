import type { Issue, Role, TaskUnit, UnitCategory, UnitLoad } from '../notice/types';
import { normaliseUnitName } from '../text/normalise';
import { categoryByForm, type UnitDirectory } from '../units/directory';

// The prose parser resolves names the same way (parseNotice.ts keeps its helpers private while it
// is being reworked); a table must give the same units as the notice it was made from.

const ROLE_STRENGTH: Record<Role, number> = { lead: 3, each: 2, joint: 1, support: 0 };

/** Canonical names from the directory; a unit named twice in one row keeps its strongest role. */
export function resolveRowUnits(id: string, line: number, written: readonly TaskUnit[], directory: UnitDirectory, issues: Issue[]): TaskUnit[] {
  const units: TaskUnit[] = [];
  for (const u of written) {
    const spelled = normaliseUnitName(u.name);
    const name = directory.resolve(spelled)?.name ?? spelled;
    const existing = units.find((x) => x.name === name);
    if (existing === undefined) {
      units.push({ name, role: u.role });
      continue;
    }
    if (ROLE_STRENGTH[u.role] > ROLE_STRENGTH[existing.role]) existing.role = u.role;
    issues.push({ severity: 'info', code: 'DUPLICATE_UNIT', message: `任务 ${id} 中 ${name} 出现两次，按 ${existing.role} 计`, line });
  }
  if (units.length > 0 && !units.some((u) => u.role !== 'support')) {
    issues.push({ severity: 'warning', code: 'NO_ACCOUNTABLE', message: `任务 ${id} 只有配合单位，没有牵头或负责单位`, line });
  }
  return units;
}

/** Each unit's load by role, in order of first appearance; names the directory lacks are one warning each. */
export function unitLoads(tasks: ReadonlyArray<{ id: string; line: number; units: TaskUnit[] }>, directory: UnitDirectory, issues: Issue[]): UnitLoad[] {
  const loads = new Map<string, UnitLoad>();
  for (const task of tasks) {
    for (const u of task.units) {
      let load = loads.get(u.name);
      if (load === undefined) {
        const category: UnitCategory = directory.resolve(u.name)?.category ?? categoryByForm(u.name) ?? 'unknown';
        load = { name: u.name, category, lead: 0, joint: 0, support: 0, each: 0 };
        loads.set(u.name, load);
        if (category === 'unknown') {
          issues.push({ severity: 'warning', code: 'UNKNOWN_UNIT', message: `单位“${u.name}”不在单位名录中，请在单位名录中补充或更正（首次出现于任务 ${task.id}）`, line: task.line });
        }
      }
      load[u.role]++;
    }
  }
  return [...loads.values()];
}
