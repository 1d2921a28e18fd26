import type { UnitCategory } from '../notice/types';
import { BUILTIN_DIRECTORY, type DirectoryEntry } from './builtinDirectory';
import { normaliseUnitName } from '../text/normalise';
import { isCentralDepartment } from './centralDepartments';

export type UnitDirectory = {
  entries: readonly DirectoryEntry[];
  /**
   * Canonical entry for a name as written, or null when unknown. With `issuer` (a notice's issuer or
   * title), an entry scoped to another place (the built-in 天津 units) is found only by its own name,
   * never renamed to (`市人力资源和社会保障局` of another city stays as written); `null` (a notice that
   * names no place) is another place too. Without it (`undefined`), every alias applies.
   */
  resolve(name: string, issuer?: string | null): DirectoryEntry | null;
};

/**
 * Names that stand for several units (市政府各部门, 各区人民政府, 国务院各部门), and any name that starts
 * with 各 (各区、县级市, 各区县, 各市（州）, 各街道, 各有关省级人民政府).
 */
const GROUP_NAME = /^(.{0,8}各.{0,8}(部门|单位|政府|委、办、局|委办局|直属机构))$|^各[\u4e00-\u9fff（）、]{1,16}$/;
/** Names that defer the choice of unit (有关部门, 相关单位, 各有关部门, 省直有关部门, 市有关单位, 有关部门和单位). */
const PLACEHOLDER_NAME = /^(各)?[\u4e00-\u9fff]{0,3}?(有关|相关)(部门|单位|方面|地区|机构)(?:和|及)?(?:部门|单位)?$/;

/**
 * Build a directory; later entries with the same name replace earlier ones, so a workbook's
 * `单位名录` passed as `extra` wins over the built-in list.
 */
export function createDirectory(extra: readonly DirectoryEntry[] = [], base: readonly DirectoryEntry[] = BUILTIN_DIRECTORY): UnitDirectory {
  const byName = new Map<string, DirectoryEntry>();
  for (const entry of base) byName.set(entry.name, entry);
  for (const entry of extra) {
    // A built-in row read back unchanged from a workbook's 单位名录 keeps its scope; a row the user edited is theirs, for every notice.
    const builtin = byName.get(entry.name);
    const unchanged = builtin?.scope !== undefined && entry.scope === undefined && builtin.fullName === entry.fullName && builtin.aliases.join('、') === entry.aliases.join('、');
    byName.set(entry.name, unchanged ? { ...entry, scope: builtin.scope as string } : entry);
  }
  const entries = [...byName.values()];
  const lookup = new Map<string, DirectoryEntry>();
  for (const entry of entries) {
    for (const key of [entry.name, entry.fullName, ...entry.aliases]) lookup.set(compact(key), entry);
  }
  return {
    entries,
    resolve(name: string, issuer?: string | null): DirectoryEntry | null {
      const key = compact(name);
      const hit = lookup.get(key);
      if (hit && (inScope(hit, issuer) || key === compact(hit.name))) return hit;
      // 天津市财政局 ⇐ 市财政局: the city prefix is often written in full — the entry's own city only.
      const m = /^([\u4e00-\u9fff]{2,3})市(.+)$/.exec(key);
      if (!m) return null;
      const city = lookup.get(`市${m[2] as string}`);
      if (!city || (city.scope !== undefined && city.scope !== m[1])) return null;
      return inScope(city, issuer) ? city : null;
    },
  };
}

/**
 * True when the entry's aliases hold: unscoped entries (the user's own rows, central departments), a
 * lookup that names no notice (`undefined`: the workbook's own lists), or a notice whose issuer or title
 * names the entry's place. A notice that names no place (`null`) is not taken for 天津's: another city's
 * `市发改委` keeps its name rather than become 天津's `市发展改革委` (DESIGN §4).
 */
function inScope(entry: DirectoryEntry, issuer: string | null | undefined): boolean {
  return entry.scope === undefined || issuer === undefined || (issuer !== null && issuer.includes(entry.scope));
}

/** Category of a name the directory does not know: groups and placeholders are recognised by form. */
export function categoryByForm(name: string): UnitCategory | null {
  if (PLACEHOLDER_NAME.test(name)) return 'placeholder';
  if (GROUP_NAME.test(name)) return 'group';
  if (isCentralDepartment(name)) return 'central';
  return null;
}

/** Lookup key: one spelling (see normaliseUnitName), without any whitespace. */
function compact(name: string): string {
  return normaliseUnitName(name).replace(/\s+/g, '');
}
