import { cutText } from '../text/normalise';

/** Excel's longest sheet name, in UTF-16 units. */
export const MAX_SHEET_NAME = 31;
/** Characters Excel refuses in a sheet name. */
const ILLEGAL = /[:\\/?*[\]]/g;
/** Their full-width look-alikes, also replaced in names made from unit names (as generated names always were). */
const FULL_WIDTH_ILLEGAL = /[：？＊]/g;
/** Control characters (a line break typed in a 单位名录 cell) and lone surrogates cannot be in a name. */
// eslint-disable-next-line no-control-regex
const UNWRITABLE = /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Excel keeps this name for its change history, in any case. */
const RESERVED = 'history';

/** Case-insensitive key of a sheet name, as Excel compares them. */
export const sheetKey = (name: string): string => name.toLowerCase();

/**
 * The name Excel would accept for a wanted one, or null when nothing usable is left (empty,
 * `History`): characters Excel refuses become `_`, quotes at either end go, and the name is cut
 * to 31 UTF-16 units without splitting a surrogate pair.
 */
function excelSheetName(wanted: string): string | null {
  const stripQuotes = (s: string): string => s.replace(/^'+|'+$/g, '');
  const name = stripQuotes(cutText(stripQuotes(wanted.replace(UNWRITABLE, '_').replace(ILLEGAL, '_')), MAX_SHEET_NAME));
  return name.trim().length === 0 || sheetKey(name) === RESERVED ? null : name;
}

/**
 * Turn a wanted sheet name into a valid, unique one: valid as Excel's rules go (at most 31 UTF-16
 * units with no surrogate pair split, none of `: \ / ? * [ ]`, no `'` first or last, not
 * `History`, not empty) and unique, case-insensitively, among `used` (the keys of every other
 * sheet of the workbook). When the valid form of `wanted` is taken or nothing of it is usable,
 * `fallback` is wanted instead when given; a name still taken gets `~2`, `~3`… The name's key
 * is added to `used`. Every ledger sheet name is made here.
 *
 * @example uniqueSheetName('汇总', new Set(['汇总']), '台账-市财政局') //=> '台账-市财政局'
 * @example uniqueSheetName("台账-O'Neil's", new Set()) //=> "台账-O'Neil's" (inner quotes are fine)
 */
export function uniqueSheetName(wanted: string, used: Set<string>, fallback?: string): string {
  const valid = excelSheetName(wanted);
  if (fallback !== undefined && (valid === null || used.has(sheetKey(valid)))) return uniqueSheetName(fallback, used);
  const base = valid ?? 'Sheet';
  let name = base;
  for (let n = 2; used.has(sheetKey(name)); n++) {
    const suffix = `~${n}`;
    name = cutText(base, MAX_SHEET_NAME - suffix.length) + suffix;
  }
  used.add(sheetKey(name));
  return name;
}

/**
 * The default ledger sheet name of a unit, `台账-<单位>`, valid and unique among `used`.
 *
 * @example ledgerSheetName('市发展改革委', new Set()) //=> '台账-市发展改革委'
 */
export function ledgerSheetName(unit: string, used: Set<string>): string {
  return uniqueSheetName(defaultLedgerSheetName(unit), used);
}

/** `台账-<单位>` before it is made valid and unique (full-width `：？＊` replaced too). */
export const defaultLedgerSheetName = (unit: string): string => `台账-${unit.replace(FULL_WIDTH_ILLEGAL, '_')}`;

/** Why Excel, or the workbook, would not take a wanted name as written (in Chinese), or null when it would. */
export function sheetNameProblem(wanted: string, used: ReadonlySet<string>): string | null {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(wanted)) return '含有换行等控制字符';
  if (new RegExp(ILLEGAL.source).test(wanted)) return '含有 Excel 工作表名不允许的字符 : \\ / ? * [ ]';
  if (/^'|'$/.test(wanted)) return '以单引号开头或结尾';
  if (wanted.length > MAX_SHEET_NAME) return `超过 ${MAX_SHEET_NAME} 个字符`;
  if (wanted.trim().length === 0) return '为空';
  if (sheetKey(wanted) === RESERVED) return '“History”是 Excel 保留的名称';
  if (excelSheetName(wanted) !== wanted) return '不是有效的工作表名';
  if (used.has(sheetKey(wanted))) return '与其他工作表重名（工作表名不区分大小写）';
  return null;
}

/** True when Excel would accept the name. */
export function isValidSheetName(name: string): boolean {
  return excelSheetName(name) === name;
}
