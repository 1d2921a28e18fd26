/** Characters Excel refuses in a sheet name. */
const ILLEGAL = /[:\\/?*[\]：？＊]/g;
const MAX = 31;

/**
 * A valid, unique sheet name `台账-<单位>`: illegal characters become `_`, long names are cut to
 * Excel's 31 characters, and a clash gets `~2`, `~3`…
 *
 * @example ledgerSheetName('市发展改革委', new Set()) //=> '台账-市发展改革委'
 */
export function ledgerSheetName(unit: string, used: Set<string>): string {
  const base = `台账-${unit.replace(ILLEGAL, '_').replace(/^'+|'+$/g, '')}`.slice(0, MAX);
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = `~${n}`;
    name = base.slice(0, MAX - suffix.length) + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

/** True when Excel would accept the name. */
export function isValidSheetName(name: string): boolean {
  return name.length > 0 && name.length <= MAX && !/[:\\/?*[\]]/.test(name) && !/^'|'$/.test(name);
}
