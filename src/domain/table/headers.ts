import type { ColumnKind } from './types';

/**
 * Header aliases (DESIGN §3), as 分工表 of different offices title their columns:
 * `序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限`, `编号 | 工作任务 | 牵头部门 | 配合部门 | 时间节点`.
 */
const ALIASES: Record<ColumnKind, readonly string[]> = {
  id: ['编号', '序号', '任务编号'],
  task: ['任务', '工作任务', '主要任务', '重点任务', '任务内容', '具体任务', '工作内容'],
  lead: ['牵头单位', '牵头部门', '主办单位', '牵头'],
  responsible: ['责任单位', '责任部门', '负责单位', '承办单位'],
  support: ['配合单位', '协办单位', '参与单位', '配合部门', '配合'],
  deadline: ['完成时限', '时间节点', '完成时间', '时限要求'],
  section: ['板块', '领域', '类别'],
};

/** `责任人`, `联系人及电话`, `牵头领导`: columns of people, never of units. */
const PERSON_COLUMN = /(?:责任人|联系人|负责人|领导|电话|手机|签字)/;

/** A header may say a little more than its alias (`牵头单位（部门）`, `完成时限要求`), never much more. */
const HEADER_SLACK = 4;

/** Rows searched for the header: a title row or two, a date line, then the header. */
export const HEADER_SEARCH_ROWS = 10;

/** Header text as compared: no spaces or line breaks, no bracketed note (`牵头单位（盖章）`). */
export function headerKey(text: string): string {
  return text.replace(/\s+/g, '').replace(/[（(][^）)]*[）)]/g, '');
}

/**
 * The kind of column a header names, or null: an exact alias, else the longest alias the
 * header contains when it is no more than a few characters longer.
 *
 * @example
 * columnKind('牵头部门')          //=> 'lead'
 * columnKind('牵头单位（部门）')  //=> 'lead'
 * columnKind('责任人')            //=> null
 */
export function columnKind(text: string): ColumnKind | null {
  const key = headerKey(text);
  if (key.length === 0 || PERSON_COLUMN.test(key)) return null;
  let best: { kind: ColumnKind; length: number } | null = null;
  for (const [kind, aliases] of Object.entries(ALIASES) as Array<[ColumnKind, readonly string[]]>) {
    for (const alias of aliases) {
      if (key === alias) return kind;
      if (key.includes(alias) && key.length <= alias.length + HEADER_SLACK && (best === null || alias.length > best.length)) best = { kind, length: alias.length };
    }
  }
  return best?.kind ?? null;
}

export type HeaderMatch = {
  /** 0-based row of the header in the grid. */
  row: number;
  /** Column index → kind; the first column of each kind wins, later ones of the same kind are not used. */
  kinds: Map<number, ColumnKind>;
  score: number;
};

/**
 * The header row of a table: the row among the first HEADER_SEARCH_ROWS whose cells name the
 * most kinds of column (at least two), a task column counting most. null when no row does.
 */
export function findHeader(rows: readonly string[][]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const kinds = new Map<number, ColumnKind>();
    const seen = new Set<ColumnKind>();
    (rows[r] ?? []).forEach((cell, c) => {
      const kind = columnKind(cell);
      if (kind === null || seen.has(kind)) return;
      seen.add(kind);
      kinds.set(c, kind);
    });
    if (seen.size < 2) continue;
    const score = seen.size + (seen.has('task') ? TASK_WEIGHT : 0);
    if (best === null || score > best.score) best = { row: r, kinds, score };
  }
  return best;
}

/** A header with a task column beats any number of other columns without one. */
const TASK_WEIGHT = 10;

/** Whether a table's header names a task column and a unit column: a 分工表, not any table. */
export function isTaskTable(rows: readonly string[][]): boolean {
  const header = findHeader(rows);
  if (header === null) return false;
  const kinds = new Set(header.kinds.values());
  return kinds.has('task') && (kinds.has('lead') || kinds.has('responsible') || kinds.has('support'));
}
