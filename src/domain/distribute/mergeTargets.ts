import { cellText, type SheetData, type SheetValue } from '../grid/sheetData';
import { columnLetter } from '../grid/a1';
import { targetKey } from '../ledger/readBack';
import { isPercentCell, meantTargetValue } from '../ledger/targetValue';
import type { Conflict } from './conflict';
import { sameValue } from './sameValue';
import { returnedIsNewer } from './updatedDay';
import type { DateSystem } from '../time/isoDate';

/** The columns of 量化指标 a unit fills (DESIGN §5). */
const FILL = ['完成值', '更新日期'] as const;

/** A cell of 量化指标 a merge sets; `plainFormat` when the master's cell showed a percentage (`76.5%` now written as 76.5). */
export type TargetEdit = { row: number; col: number; plainFormat?: boolean };

/** Rows of a 量化指标 sheet by (任务编号, 指标), with the index of each header. */
function index(sheet: SheetData): { at: (h: string) => number; rows: Map<string, number> } {
  const header = (sheet.rows[0] ?? []).map(cellText);
  const at = (h: string): number => header.indexOf(h);
  const rows = new Map<string, number>();
  sheet.rows.forEach((row, r) => {
    const key = targetKey(cellText(row[at('任务编号')]), cellText(row[at('指标')]));
    if (r > 0 && !rows.has(key)) rows.set(key, r);
  });
  return { at, rows };
}

/** A fill cell's value as meant: 完成值 typed as `76.5%` in a `%` target is 76.5 (DESIGN §12). */
function meant(sheet: SheetData, r: number, col: number, h: string, unitCol: number): SheetValue {
  if (col < 0) return null;
  if (h !== '完成值') return sheet.rows[r]?.[col] ?? null;
  return meantTargetValue(sheet, r, col, unitCol >= 0 ? sheet.rows[r]?.[unitCol] : null);
}

/**
 * Merge a unit's 完成值 and 更新日期 into the master's 量化指标, in place (`master.rows` is the merge's
 * working copy, so a second unit reporting the same target sees the first one's value): the same
 * three-way rule as the ledgers, rows matched by (任务编号, 指标). Returns the cells changed and the
 * conflicts (the row with the later 更新日期 wins). `takenBy` (cell → unit) is shared by the calls of
 * one merge: a target several units report that two of them filled differently is a conflict
 * naming both units, never the first unit's value passed off as the master's.
 */
export function mergeTargets(
  master: SheetData,
  sent: SheetData,
  back: SheetData,
  unit: string,
  file: string,
  takenBy: Map<string, string> = new Map(),
  system: DateSystem = 1900,
): { changed: TargetEdit[]; conflicts: Conflict[] } {
  const [m, s, b] = [index(master), index(sent), index(back)];
  const changed: TargetEdit[] = [];
  const conflicts: Conflict[] = [];
  if (FILL.some((h) => m.at(h) < 0)) return { changed, conflicts };
  for (const [key, br] of b.rows) {
    const mr = m.rows.get(key);
    const sr = s.rows.get(key);
    if (mr === undefined) continue;
    const mine = master.rows[mr] as SheetValue[];
    const theirs = back.rows[br] as SheetValue[];
    const [mu, ru] = [mine[m.at('更新日期')], b.at('更新日期') >= 0 ? theirs[b.at('更新日期')] : null];
    const returnedNewer = returnedIsNewer(ru, mu, system);
    for (const h of FILL) {
      if (b.at(h) < 0) continue;
      const [mv, rv, bv] = [meant(master, mr, m.at(h), h, m.at('单位')), meant(back, br, b.at(h), h, b.at('单位')), sr === undefined ? null : meant(sent, sr, s.at(h), h, s.at('单位'))];
      if (sameValue(rv, bv) || sameValue(rv, mv)) continue;
      const cell = `${columnLetter(m.at(h))}${mr + 1}`;
      const put = (): void => {
        mine[m.at(h)] = rv;
        const plainFormat = isPercentCell(master, mr, m.at(h));
        // The cell now holds the meant number: it no longer reads as a percentage.
        if (plainFormat) master.percentCells = (master.percentCells ?? []).filter((a) => a !== cell);
        changed.push({ row: mr, col: m.at(h), ...(plainFormat ? { plainFormat } : {}) });
        takenBy.set(cell, unit);
      };
      const earlier = takenBy.get(cell);
      // Unchanged in the master since the split, and no other unit of this merge filled it.
      if (earlier === undefined && sameValue(mv, bv)) {
        put();
        continue;
      }
      const [task, indicator] = [cellText(mine[m.at('任务编号')]), cellText(mine[m.at('指标')])];
      conflicts.push({ sheet: master.name, cell, task, unit, column: `${h}（${indicator}）`, master: mv, returned: rv, applied: returnedNewer ? 'returned' : 'master', file, ...(earlier === undefined ? {} : { masterFrom: earlier }) });
      if (returnedNewer) put();
    }
  }
  return { changed, conflicts };
}

/**
 * 完成值 and 更新日期 cells of a returned 量化指标 that hold a formula: a merge takes typed values
 * only (a formula's result would be copied without its formula, or lost), so the file is refused
 * naming the cells, as a formula in a ledger's fill column is.
 */
export function formulaFills(back: SheetData): string | null {
  const { at } = index(back);
  const columns = new Set(FILL.map((h) => at(h)).filter((c) => c >= 0));
  const cells = (back.marks ?? []).filter((m) => m.kind === 'formula' && m.row > 0 && columns.has(m.col));
  if (cells.length === 0) return null;
  const shown = cells.slice(0, 3).map((m) => `${back.name}!${m.address}（=${m.detail}）`).join('、');
  return `${shown}${cells.length > 3 ? ` 等 ${cells.length} 处` : ''}填的是公式，合并只取填写的数值：请单位把这些单元格改为数值（复制后“选择性粘贴—数值”）再报送`;
}

/**
 * Every 完成值 of a `%` target typed as a percentage (`76.5%`, stored 0.765) set to the number it
 * means, in place: the edits that write it with a plain number format.
 */
export function plainPercents(sheet: SheetData): TargetEdit[] {
  const { at } = index(sheet);
  const [iValue, iUnit] = [at('完成值'), at('单位')];
  if (iValue < 0 || (sheet.percentCells ?? []).length === 0) return [];
  const edits: TargetEdit[] = [];
  sheet.rows.forEach((row, r) => {
    if (r === 0) return;
    const v = meantTargetValue(sheet, r, iValue, iUnit >= 0 ? row[iUnit] : null);
    if (v === row[iValue]) return;
    row[iValue] = v;
    edits.push({ row: r, col: iValue, plainFormat: true });
  });
  const done = new Set(edits.map((e) => `${columnLetter(e.col)}${e.row + 1}`));
  sheet.percentCells = (sheet.percentCells ?? []).filter((a) => !done.has(a));
  return edits;
}
