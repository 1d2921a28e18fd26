/** A1 addressing helpers shared by the plan builders and both adapters. */

/** @example columnLetter(0) //=> 'A' · columnLetter(27) //=> 'AB' */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** @example columnIndex('AB') //=> 27 */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Zero-based row/column → `B3`. */
export function address(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** `A1:C3` for a block starting at (row, col) with the given size. */
export function rangeAddress(row: number, col: number, rows: number, cols: number): string {
  return `${address(row, col)}:${address(row + Math.max(rows, 1) - 1, col + Math.max(cols, 1) - 1)}`;
}

/** Parse `B3` → { row: 2, col: 1 }. */
export function parseAddress(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a1.trim());
  if (!m) throw new Error(`not an A1 address: ${a1}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1] as string) };
}

/** `B3` → `$B$3`; `M2:M9` → `$M$2:$M$9`: the absolute form a defined name refers to. */
export function absoluteAddress(a1: string): string {
  return a1
    .split(':')
    .map((part) => {
      const { row, col } = parseAddress(part);
      return `$${columnLetter(col)}$${row + 1}`;
    })
    .join(':');
}

/** Quote a sheet name for use in a formula: `'台账-市财政局'!A2`. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
