import type { ColumnKind, HeaderMatch } from './types';
import { readDeadlineCell } from './deadlineCell';
import { readUnitCell } from './unitCell';
import { neverRead } from './headerWords';

/**
 * Reading a column by what it holds (DESIGN §3 "Task-list tables"), where its header says nothing we
 * know (`分工`, `推进安排`, a blank header): a column whose cells are lists of unit-like names holds units,
 * a column of dates or `X月底前` holds deadlines, the column of the longest texts holds the task.
 */

/** Rows looked at below the header: enough to judge a column, few enough that a 10 000-row sheet costs nothing. */
const SAMPLE_ROWS = 60;
/** Share of a column's filled cells that must look alike for the column to be read so. */
const SHARE = 0.6;
/** A task is a sentence: a column whose texts average fewer characters holds names or numbers. */
const MIN_TASK_LENGTH = 8;
/** A header row found by content alone has short, distinct cells (a title merged across the row has one). */
const MAX_HEADER_CELL = 16;

/**
 * A unit-like name: ends as an organisation does (`市发展改革委`, `国家知识产权局`, `人民银行天津分行`), or a
 * group (`各区人民政府`, `有关部门`). `市财政局（牵头）` and a closing `等` are allowed.
 */
const UNIT_LIKE = /^(?:[\u4e00-\u9fffA-Za-z（）]{1,30}(?:委员会|委|局|厅|办|办公室|部|部门|署|院|银行|分行|政府|海关|总局|中心|公司|集团|单位|机构|协会|联合会|街道|乡镇|处|室|科|所|站|队)|各[\u4e00-\u9fff（）、]{1,16}|(?:各)?(?:有关|相关)(?:部门|单位))(?:（[^（）]{1,4}）)?等?$/;

type ColumnStats = { filled: number; unitCells: number; deadlineCells: number; length: number };

/**
 * The header with its missing task, unit and deadline columns found by content. Columns the header
 * or the user named keep their reading; a column the user left unused is never taken.
 *
 * @example
 * // 序号 | 事项 | 分工 — `分工` holds `市财政局、市人社局` in every row: a unit column by content.
 */
export function completeByContent(rows: readonly string[][], header: HeaderMatch): HeaderMatch {
  const named = new Set(header.kinds.values());
  const needs = {
    task: !named.has('task'),
    unit: !(['lead', 'responsible', 'support', 'guide'] as const).some((k) => named.has(k)),
    deadline: !named.has('deadline'),
  };
  if (!needs.task && !needs.unit && !needs.deadline) return header;
  const cells = rows[header.row] ?? [];
  const open = cells.map((_, c) => c).filter((c) => !header.kinds.has(c) && !header.by.has(c) && !neverRead(cells[c] ?? ''));
  if (open.length === 0) return header;
  const stats = columnStats(rows, header.row, open);
  const kinds = new Map(header.kinds);
  const by = new Map(header.by);
  const take = (c: number | undefined, kind: ColumnKind): void => {
    if (c === undefined) return;
    kinds.set(c, kind);
    by.set(c, 'content');
  };
  const share = (s: ColumnStats, n: number): boolean => s.filled > 0 && n / s.filled >= SHARE;
  if (needs.unit) take(bestOf(open, stats, (s) => (share(s, s.unitCells) ? s.unitCells / s.filled : null), kinds), 'responsible');
  if (needs.deadline) take(bestOf(open, stats, (s) => (share(s, s.deadlineCells) ? s.deadlineCells / s.filled : null), kinds), 'deadline');
  if (needs.task) take(bestOf(open, stats, (s) => (s.filled > 0 && s.length / s.filled >= MIN_TASK_LENGTH ? s.length / s.filled : null), kinds), 'task');
  if (kinds.size === header.kinds.size) return header;
  // A row found by content alone must look like a header: two or more short, distinct cells.
  const texts = new Set(cells.filter((v) => v !== ''));
  if (header.kinds.size === 0 && (texts.size < 2 || [...texts].some((v) => v.length > MAX_HEADER_CELL))) return header;
  return { ...header, kinds, by };
}

function columnStats(rows: readonly string[][], headerRow: number, columns: number[]): Map<number, ColumnStats> {
  const stats = new Map(columns.map((c) => [c, { filled: 0, unitCells: 0, deadlineCells: 0, length: 0 }]));
  for (const row of rows.slice(headerRow + 1, headerRow + 1 + SAMPLE_ROWS)) {
    // A heading row (`一、知识产权保护方面`) is one text across the row, or alone in it: not a column's content.
    if (new Set(row.filter((v) => v !== '')).size < 2) continue;
    for (const c of columns) {
      const text = (row[c] ?? '').trim();
      if (text === '') continue;
      const s = stats.get(c) as ColumnStats;
      s.filled++;
      s.length += text.length;
      if (isUnitList(text)) s.unitCells++;
      if (isDeadline(text)) s.deadlineCells++;
    }
  }
  return stats;
}

function bestOf(columns: number[], stats: Map<number, ColumnStats>, measure: (s: ColumnStats) => number | null, taken: Map<number, ColumnKind>): number | undefined {
  let best: { c: number; m: number } | undefined;
  for (const c of columns) {
    if (taken.has(c)) continue;
    const m = measure(stats.get(c) as ColumnStats);
    if (m !== null && (best === undefined || m > best.m)) best = { c, m };
  }
  return best?.c;
}

/**
 * `国家知识产权局、市场监管总局`, `市财政局（牵头）\n市人社局`, `县政务服务中心牵头，县市场监管局配合`: a cell
 * the unit-cell reader reads whole, every name unit-like.
 */
export function isUnitList(text: string): boolean {
  const cell = readUnitCell(text, 'responsible', null);
  return cell.rejected.length === 0 && cell.deadlines.length === 0 && cell.mentions.length > 0 && cell.mentions.every((m) => UNIT_LIKE.test(m.name));
}

/** `2024年6月底前`, `2024-06-30`, `持续推进`: a cell the deadline grammar reads. */
function isDeadline(text: string): boolean {
  const d = readDeadlineCell(text, 2000);
  return d.clauses.length > 0 && d.clauses.every((k) => k.kind !== 'unknown');
}
