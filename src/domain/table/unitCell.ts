import type { DeadlineClause } from '../notice/types';
import { readParenthetical, type ClauseRole, type UnitMention } from '../notice/responsibility';
import { parseDeadlineClause } from '../notice/deadline';
import { canonical } from '../text/normalise';

/** The unit columns of a table, each giving the role of a plain list in its cells. */
export type UnitColumn = 'lead' | 'responsible' | 'support' | 'guide';

/**
 * A plain list in a 责任单位 column reads like `X、Y等按职责分工负责`: `support` when the row has a
 * lead, otherwise `joint` (DESIGN §3); 牵头单位 lists lead, 配合单位 lists support, 指导部门 lists are
 * jointly responsible (`X指导` is `joint` in the clause grammar).
 */
const COLUMN_ROLE: Record<UnitColumn, ClauseRole> = { lead: 'lead', responsible: 'byDuty', support: 'support', guide: 'co' };

/** Clauses of a cell: `，` `；` (half-width ones are made full-width first) and line breaks. */
const CLAUSE_SEPARATOR = /[，；\n]+/;
/** Names of a plain list: `、` `／` `/` (DESIGN §3). */
const NAME_SEPARATOR = /[、／/]+/;
/** A clause that says its role in words is prose for the clause grammar: `X牵头`, `Y、Z配合`, `牵头单位：X`. */
const ROLE_WORDS = /牵头|主办|主责|负责|配合|参与|协助|协同|协办|分别|落实|[：:]/;
/** `市财政局（牵头）`: a role after a name in a list, as many tables write the lead. */
const MARKED_NAME = /^(.+?)（(牵头|主办|主责|负责|配合|协办)）$/;
const MARK_IN_LIST = /（(?:牵头|主办|主责|负责|配合|协办)）/;
const MARK_ROLE: Record<string, ClauseRole> = { 牵头: 'lead', 主办: 'lead', 主责: 'lead', 负责: 'joint', 配合: 'support', 协办: 'support' };
/** `市发展改革委等`, `有关部门等单位`: the closing 等 is not part of the name. */
const LIST_END = /等(?:部门|单位)?$/;
/** Longer than any unit's name (`中国人民银行天津分行营业管理部` is 15): a sentence, not a name. */
export const MAX_UNIT_NAME = 40;

export type UnitCellReading = {
  mentions: UnitMention[];
  /** Deadline phrases written in the unit cell (`市财政局牵头，年底前完成`). */
  deadlines: DeadlineClause[];
  /** Parts of the cell that are no unit name, kept for an issue. */
  rejected: string[];
};

/**
 * Read a unit cell: a list (`市财政局、市人社局`, one per line) taking the column's role, or prose
 * read by the clause grammar (`市财政局牵头，市发展改革委、市人社局配合`).
 *
 * @example
 * readUnitCell('市财政局牵头，市人社局配合', 'responsible', 2020).mentions
 * //=> [{ name: '市财政局', clauseRole: 'lead' }, { name: '市人社局', clauseRole: 'support' }]
 * readUnitCell('市财政局\n市人社局', 'lead', 2020).mentions
 * //=> [{ name: '市财政局', clauseRole: 'lead' }, { name: '市人社局', clauseRole: 'lead' }]
 */
export function readUnitCell(text: string, column: UnitColumn, year: number | null): UnitCellReading {
  const reading: UnitCellReading = { mentions: [], deadlines: [], rejected: [] };
  for (const raw of canonical(text).split(CLAUSE_SEPARATOR)) {
    const clause = raw.trim().replace(/[。.]$/, '');
    if (clause.length === 0) continue;
    const deadline = parseDeadlineClause(clause, year);
    if (deadline.kind !== 'unknown') {
      reading.deadlines.push(deadline);
    } else if (ROLE_WORDS.test(clause) && !MARK_IN_LIST.test(clause)) {
      readProse(clause, reading);
    } else {
      readList(clause, COLUMN_ROLE[column], reading);
    }
  }
  return reading;
}

function readProse(clause: string, reading: UnitCellReading): void {
  const prose = readParenthetical(clause, null);
  const named = prose.mentions.filter((m) => m.name.length <= MAX_UNIT_NAME);
  if (!prose.hasRole || named.length === 0) {
    reading.rejected.push(clause);
    return;
  }
  // One by one: a spread of a cell's 130 000 names would overflow the call stack.
  for (const m of named) reading.mentions.push(m);
  for (const m of prose.mentions) if (m.name.length > MAX_UNIT_NAME) reading.rejected.push(m.name);
}

function readList(clause: string, role: ClauseRole, reading: UnitCellReading): void {
  for (const part of clause.split(NAME_SEPARATOR)) {
    const item = part.trim().replace(LIST_END, '').trim();
    if (item.length === 0) continue;
    const marked = MARKED_NAME.exec(item);
    const name = marked ? (marked[1] as string).trim() : item;
    if (name.length > MAX_UNIT_NAME) reading.rejected.push(name);
    else reading.mentions.push({ name, clauseRole: marked ? (MARK_ROLE[marked[2] as string] ?? role) : role });
  }
}
