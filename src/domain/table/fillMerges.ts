import type { Grid } from './types';

/**
 * The grid's text with every merged area filled from its top-left cell, down and across: a 板块
 * merged over ten task rows belongs to each of them, a heading merged across the table fills
 * its whole row. Cell text is trimmed; rows are padded to the widest row.
 *
 * @example
 * fillMerges({ name: 't', rows: [['一、就业', ''], ['', '']], merges: [{ top: 0, left: 0, bottom: 1, right: 0 }] })
 * //=> [['一、就业', ''], ['一、就业', '']]
 */
export function fillMerges(grid: Grid): string[][] {
  const width = Math.max(0, ...grid.rows.map((r) => r.length), ...grid.merges.map((m) => m.right + 1));
  const rows = grid.rows.map((r) => Array.from({ length: width }, (_, c) => (r[c] ?? '').trim()));
  for (const m of grid.merges) {
    const value = rows[m.top]?.[m.left] ?? '';
    for (let r = m.top; r <= Math.min(m.bottom, rows.length - 1); r++) {
      const row = rows[r] as string[];
      for (let c = m.left; c <= m.right; c++) row[c] = value;
    }
  }
  return rows;
}

/** Whether a cell is inside a merged area but not its top-left cell. */
export function isMergedCopy(grid: Grid, row: number, col: number): boolean {
  return grid.merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left));
}

/** Whether a row is one merged area across at least two columns (a heading row such as `一、稳就业`). */
export function isMergedAcross(grid: Grid, row: number): boolean {
  return grid.merges.some((m) => m.top <= row && m.bottom >= row && m.right > m.left);
}
