import type { ColumnChoice, ColumnKind, HeaderMatch } from './types';
import { completeByContent } from './columnContent';
import { PERSON_COLUMN, REPORT_WORD } from './headerWords';

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
  guide: ['指导单位', '指导部门'],
  deadline: ['完成时限', '时间节点', '完成时间', '时限要求'],
  section: ['板块', '领域', '类别'],
};


/** A header may say a little more than its alias (`牵头单位（部门）`, `完成时限要求`), never much more. */
const HEADER_SLACK = 4;

/** Rows searched for the header: a title row or two, a date line, then the header. */
export const HEADER_SEARCH_ROWS = 10;

/** Header text as compared: no spaces or line breaks, no bracketed note (`牵头单位（盖章）`). */
export function headerKey(text: string): string {
  return text.replace(/\s+/g, '').replace(/[（(][^）)]*[）)]/g, '');
}

/**
 * Header words beyond the aliases (DESIGN §3): offices name columns freely (`改革举措`, `工作事项`, `主管部门`,
 * `实施主体`, `指导部门`, `承办处室`, `协商课题`, `时间`). A short header holding one of these words says what
 * its column holds; a long one is a sentence, not a header.
 */
const WORD_HEADER_MAX = 8;
/** `时间`, `完成期限`, `时间安排`, `进度安排`, `办结时限`: deadlines. */
const DEADLINE_WORD = /时限|时间|期限|节点|日期|进度安排|时序/;
/** `主管部门`, `实施主体`, `责任主体`, `承办处室`, `牵头科室`: units. */
const UNIT_WORD = /部门|单位|主体|处室|科室|机构|责任方|承担方/;
/** The role a unit header's word gives its plain lists: `牵头部门` lead, `指导部门` guide, `配合部门` support, else responsible. */
const UNIT_ROLE_WORDS: ReadonlyArray<[RegExp, ColumnKind]> = [
  [/牵头|主办|主责/, 'lead'],
  [/指导/, 'guide'],
  [/配合|协办|参与|协助|协同|支持/, 'support'],
];
/** `改革举措`, `主要举措`, `工作事项`, `重点工作`, `协商课题`, `主要内容`: the task. */
const TASK_WORD = /任务|举措|措施|事项|工作|内容|课题|项目|要点|目标/;
/** `方面`, `分类`, `专项`: the 板块. */
const SECTION_WORD = /板块|领域|类别|方面|分类|类型|专项/;

/**
 * The kind of column a header names, or null: an exact alias, else the longest alias the header
 * contains when it is no more than a few characters longer, else a word of the genre in a short header.
 *
 * @example
 * columnKind('牵头部门')          //=> 'lead'
 * columnKind('牵头单位（部门）')  //=> 'lead'
 * columnKind('指导部门')          //=> 'guide'
 * columnKind('改革举措')          //=> 'task'
 * columnKind('责任人')            //=> null
 */
export function columnKind(text: string): ColumnKind | null {
  const key = headerKey(text);
  if (key.length === 0 || PERSON_COLUMN.test(key)) return null;
  let best: { kind: ColumnKind; length: number } | null = null;
  for (const [kind, aliases] of Object.entries(ALIASES) as Array<[ColumnKind, readonly string[]]>) {
    for (const alias of aliases) {
      if (key === alias) return kind;
      if (!key.includes(alias) || key.length > alias.length + HEADER_SLACK || (best !== null && alias.length <= best.length)) continue;
      // What a header adds to its alias may make it a report column: `指导部门完成情况`, `牵头单位进展`.
      if (REPORT_WORD.test(key.replace(alias, ''))) continue;
      best = { kind, length: alias.length };
    }
  }
  return best?.kind ?? kindByWord(key);
}

function kindByWord(key: string): ColumnKind | null {
  if (key.length > WORD_HEADER_MAX) return null;
  if (DEADLINE_WORD.test(key)) return 'deadline';
  if (REPORT_WORD.test(key)) return null;
  if (UNIT_WORD.test(key)) return UNIT_ROLE_WORDS.find(([word]) => word.test(key))?.[1] ?? 'responsible';
  if (TASK_WORD.test(key)) return 'task';
  if (SECTION_WORD.test(key)) return 'section';
  return null;
}

export type { HeaderMatch };

/**
 * The header row of a table: the row among the first HEADER_SEARCH_ROWS whose cells name the
 * most kinds of column (at least two), a task column counting most. The user's choices
 * (`任务=改革举措`) name their columns first. Where no header names a task or a unit column, the
 * cells below do (see columnContent). null when no row does.
 */
export function findHeader(rows: readonly string[][], choices: readonly ColumnChoice[] = []): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const chosen = new Map(choices.map((c) => [headerKey(c.header), c.as]));
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const kinds = new Map<number, ColumnKind>();
    const by = new Map<number, 'content' | 'user'>();
    const seen = new Set<ColumnKind>();
    const cells = rows[r] ?? [];
    // The user's choices first, so a header word never takes the kind the user gave another column.
    cells.forEach((cell, c) => {
      const key = headerKey(cell);
      if (key === '' || !chosen.has(key)) return;
      by.set(c, 'user');
      const kind = chosen.get(key) ?? null;
      if (kind === null || seen.has(kind)) return;
      seen.add(kind);
      kinds.set(c, kind);
    });
    cells.forEach((cell, c) => {
      if (by.has(c)) return;
      const kind = columnKind(cell);
      if (kind === null || seen.has(kind)) return;
      seen.add(kind);
      kinds.set(c, kind);
    });
    const header = completeByContent(rows, { row: r, kinds, by, score: 0 });
    const named = new Set(header.kinds.values());
    if (named.size < 2 || (seen.size < 2 && !(named.has('task') && [...named].some(isUnitKind)))) continue;
    // Content may complete a header, never outweigh one that names its columns.
    const score = seen.size + (named.has('task') ? TASK_WEIGHT : 0) + (named.size - seen.size) * CONTENT_WEIGHT;
    if (best === null || score > best.score) best = { ...header, score };
  }
  return best;
}

/** A column found by its content counts less than one named by its header. */
const CONTENT_WEIGHT = 0.5;

/** Columns that hold units, each giving its role to a plain list. */
export const UNIT_KINDS = ['lead', 'responsible', 'support', 'guide'] as const;
export const isUnitKind = (kind: ColumnKind): boolean => (UNIT_KINDS as readonly ColumnKind[]).includes(kind);

/** A header with a task column beats any number of other columns without one. */
const TASK_WEIGHT = 10;

/** Whether a table's header names a task column and a unit column: a 分工表, not any table. */
export function isTaskTable(rows: readonly string[][]): boolean {
  const header = findHeader(rows);
  if (header === null) return false;
  const kinds = new Set(header.kinds.values());
  return kinds.has('task') && [...kinds].some(isUnitKind);
}
