import { cellText, type SheetData, type SheetValue } from '../grid/sheetData';
import { columnLetter } from '../grid/a1';
import { targetKey } from '../ledger/readBack';
import type { Conflict } from './conflict';
import { sameValue } from './sameValue';

/** The columns of 量化指标 a unit fills (DESIGN §5). */
const FILL = ['完成值', '更新日期'] as const;


/** Rows of a 量化指标 sheet by (任务编号, 指标), with the index of each header. */
function index(sheet: SheetData): { at: (h: string) => number; rows: Map<string, number> } {
  const header = (sheet.rows[0] ?? []).map(cellText);
  const at = (h: string): number => header.indexOf(h);
  const rows = new Map<string, number>();
  sheet.rows.forEach((row, r) => {
    if (r > 0 && !rows.has(targetKey(cellText(row[at('任务编号')]), cellText(row[at('指标')])))) rows.set(targetKey(cellText(row[at('任务编号')]), cellText(row[at('指标')])), r);
  });
  return { at, rows };
}

/**
 * Merge a unit's 完成值 and 更新日期 into the master's 量化指标, in place (`master.rows` is the merge's
 * working copy, so a second unit reporting the same target sees the first one's value): the same
 * three-way rule as the ledgers, rows matched by (任务编号, 指标). Returns the cells changed and the
 * conflicts (the row with the later 更新日期 wins).
 */
export function mergeTargets(master: SheetData, sent: SheetData, back: SheetData, unit: string, file: string): { changed: Array<{ row: number; col: number }>; conflicts: Conflict[] } {
  const [m, s, b] = [index(master), index(sent), index(back)];
  const changed: Array<{ row: number; col: number }> = [];
  const conflicts: Conflict[] = [];
  if (FILL.some((h) => m.at(h) < 0)) return { changed, conflicts };
  for (const [key, br] of b.rows) {
    const mr = m.rows.get(key);
    const sr = s.rows.get(key);
    if (mr === undefined) continue;
    const mine = master.rows[mr] as SheetValue[];
    const theirs = back.rows[br] as SheetValue[];
    const was = sr === undefined ? [] : (sent.rows[sr] as SheetValue[]);
    const [mu, ru] = [mine[m.at('更新日期')], b.at('更新日期') >= 0 ? theirs[b.at('更新日期')] : null];
    const returnedNewer = typeof mu !== 'number' || (typeof ru === 'number' && ru >= mu);
    for (const h of FILL) {
      if (b.at(h) < 0) continue;
      const [mv, rv, bv] = [mine[m.at(h)] ?? null, theirs[b.at(h)] ?? null, s.at(h) >= 0 ? (was[s.at(h)] ?? null) : null];
      if (sameValue(rv, bv) || sameValue(rv, mv)) continue;
      const put = (): void => {
        mine[m.at(h)] = rv;
        changed.push({ row: mr, col: m.at(h) });
      };
      if (sameValue(mv, bv)) {
        put();
        continue;
      }
      const [task, indicator] = [cellText(mine[m.at('任务编号')]), cellText(mine[m.at('指标')])];
      conflicts.push({ sheet: master.name, cell: `${columnLetter(m.at(h))}${mr + 1}`, task, unit, column: `${h}（${indicator}）`, master: mv, returned: rv, applied: returnedNewer ? 'returned' : 'master', file });
      if (returnedNewer) put();
    }
  }
  return { changed, conflicts };
}
