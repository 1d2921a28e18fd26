import type { Task, UnitLoad } from '../notice/types';

/**
 * Each unit's count of tasks by role over the joined sources, with the category its source's
 * reading gave it (`known`): joining never re-reads a unit name.
 */
export function unitLoadsOf(tasks: readonly Task[], known: readonly UnitLoad[]): UnitLoad[] {
  const category = new Map(known.map((u) => [u.name, u.category]));
  const loads = new Map<string, UnitLoad>();
  for (const t of tasks) {
    for (const u of t.units) {
      let load = loads.get(u.name);
      if (!load) loads.set(u.name, (load = { name: u.name, category: category.get(u.name) ?? 'unknown', lead: 0, joint: 0, support: 0, each: 0 }));
      load[u.role]++;
    }
  }
  return [...loads.values()];
}
