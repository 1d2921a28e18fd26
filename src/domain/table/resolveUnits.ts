import type { Issue, Role, TaskUnit } from '../notice/types';
import { normaliseUnitName } from '../text/normalise';
import type { UnitDirectory } from '../units/directory';

// A table must give the same units as the notice it was made from: names resolve through the same
// directory, and loads are counted by parseNotice's unitLoads.

const ROLE_STRENGTH: Record<Role, number> = { lead: 3, each: 2, joint: 1, support: 0 };

/** Canonical names from the directory; a unit named twice in one row keeps its strongest role. */
export function resolveRowUnits(id: string, line: number, written: readonly TaskUnit[], directory: UnitDirectory, place: string | null, issues: Issue[]): TaskUnit[] {
  const units: TaskUnit[] = [];
  // By name: a cell may list 130 000 units, and looking each up in the list would be quadratic.
  const byName = new Map<string, TaskUnit>();
  for (const u of written) {
    const spelled = normaliseUnitName(u.name);
    const name = directory.resolve(spelled, place)?.name ?? spelled;
    const existing = byName.get(name);
    if (existing === undefined) {
      const unit = { name, role: u.role };
      units.push(unit);
      byName.set(name, unit);
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
