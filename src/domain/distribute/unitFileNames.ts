/**
 * The names of the files `split` (and 下发 in the pane) writes, one per ledger sheet. A sheet name
 * comes from a notice, a table or 单位名录's 台账工作表 column, so it may hold what a file name must
 * not: characters Windows refuses (`"<>|`…), direction controls that make `台账-市\u202Egpj.exe局.xlsx`
 * show as a `.jpg`, a reserved device name (`CON`, `NUL`, `COM1`), or a name that sanitises to
 * another unit's. Each ledger gets its own file, always: a later one is numbered (`台账-A_B局-2.xlsx`),
 * never written over an earlier one.
 */

/** Characters Windows does not allow in a file name (and `/`, which no system allows). */
const FORBIDDEN = /["<>|\\/:*?]/g;
/**
 * Controls that change how a name is shown without being seen: C0/C1 controls, bidi embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069), marks (U+200E, U+200F, U+061C), zero-width
 * characters and the BOM.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Names Windows keeps for devices, with any extension (`con.txt` is as reserved as `CON`). */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/i;

/**
 * One file name (without folder) per sheet name, in order, distinct even on file systems that
 * ignore case (Windows, macOS).
 * @example
 * unitFileNames(['台账-A"B局', '台账-A|B局', 'CON'])
 * //=> ['台账-A_B局.xlsx', '台账-A_B局-2.xlsx', 'CON_.xlsx']
 */
export function unitFileNames(sheetNames: readonly string[]): string[] {
  const used = new Set<string>();
  return sheetNames.map((sheet) => {
    const base = safeBase(sheet);
    let name = `${base}.xlsx`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}.xlsx`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** A sheet name made safe as a file's base name; never empty. */
function safeBase(sheet: string): string {
  // Windows drops trailing dots and spaces, so `台账-A.` and `台账-A` would be one file.
  const base = sheet.replace(INVISIBLE, '').replace(FORBIDDEN, '_').trim().replace(/[. ]+$/, '');
  if (base === '') return '台账';
  return RESERVED.test(base) ? `${base}_` : base;
}
