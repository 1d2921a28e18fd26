import type { UnitCategory } from '../notice/types';
import { BUILTIN_DIRECTORY, type DirectoryEntry } from './builtinDirectory';
import { normaliseUnitName } from '../text/normalise';

export type UnitDirectory = {
  entries: readonly DirectoryEntry[];
  /** Canonical entry for a name as written, or null when unknown. */
  resolve(name: string): DirectoryEntry | null;
};

/** Names that stand for several units (市政府各部门, 各区人民政府, 国务院各部门). */
const GROUP_NAME = /^(.{0,8}各.{0,8}(部门|单位|政府|委、办、局|委办局|直属机构))$/;
/** Names that defer the choice of unit (有关部门, 相关单位, 各有关部门, 省直有关部门, 市有关单位). */
const PLACEHOLDER_NAME = /^(各)?[\u4e00-\u9fff]{0,3}?(有关|相关)(部门|单位|方面|地区|机构)$/;

/**
 * Build a directory; later entries with the same name replace earlier ones, so a workbook's
 * `单位名录` passed as `extra` wins over the built-in list.
 */
export function createDirectory(extra: readonly DirectoryEntry[] = [], base: readonly DirectoryEntry[] = BUILTIN_DIRECTORY): UnitDirectory {
  const byName = new Map<string, DirectoryEntry>();
  for (const entry of [...base, ...extra]) byName.set(entry.name, entry);
  const entries = [...byName.values()];
  const lookup = new Map<string, DirectoryEntry>();
  for (const entry of entries) {
    for (const key of [entry.name, entry.fullName, ...entry.aliases]) lookup.set(compact(key), entry);
  }
  return {
    entries,
    resolve(name: string): DirectoryEntry | null {
      const key = compact(name);
      const hit = lookup.get(key);
      if (hit) return hit;
      // 天津市财政局 ⇐ 市财政局: the city prefix is often written in full.
      const m = /^[\u4e00-\u9fff]{2,3}市(.+)$/.exec(key);
      if (m) return lookup.get(`市${m[1] as string}`) ?? null;
      return null;
    },
  };
}

/** Category of a name the directory does not know: groups and placeholders are recognised by form. */
export function categoryByForm(name: string): UnitCategory | null {
  if (PLACEHOLDER_NAME.test(name)) return 'placeholder';
  if (GROUP_NAME.test(name)) return 'group';
  return null;
}

/** Lookup key: one spelling (see normaliseUnitName), without any whitespace. */
function compact(name: string): string {
  return normaliseUnitName(name).replace(/\s+/g, '');
}
