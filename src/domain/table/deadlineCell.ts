import type { Deadline, DeadlineClause } from '../notice/types';
import { combineDeadline, parseDeadlineClause } from '../notice/deadline';
import { canonical } from '../text/normalise';

/** Clauses of a 完成时限 cell: `，` `；` and line breaks (`6月底前出台方案\n年底前完成`). */
const CLAUSE_SEPARATOR = /[，；\n]+/;
/** `2020-12-31`, `2020/12/31`, `2020.12.31`: how a date typed into a table looks. */
const NUMERIC_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
/** `2020年12月`, `2020.12`, `12月`: a month with no day reads as its end, as `12月底` does. */
const BARE_MONTH = /^(?:(\d{4})(?:年|[-/.]))?(\d{1,2})月?$/;
/** `=TODAY()`, `+1`, `@x`: a cell whose text would be a formula is no clause to canonicalise (`=TODAY（）`). */
const FORMULA_TEXT = /^[=+@]/;

/**
 * Read a 完成时限 cell into a deadline, each clause as the notice grammar reads it. Dates written
 * with digits only are read as the grammar's `2020年12月31日`; the clause keeps the text as written.
 *
 * @example
 * readDeadlineCell('2020/12/31', null).due      //=> '2020-12-31'
 * readDeadlineCell('2020年12月', null).due      //=> '2020-12-31'
 * readDeadlineCell('年内持续推进', 2020).clauses //=> [{ kind: 'ongoing', due: '2020-12-31', … }]
 */
export function readDeadlineCell(text: string, year: number | null): Deadline {
  const clauses: DeadlineClause[] = [];
  const typed = text.trim();
  // Kept exactly as typed (written back as text, never as a formula); it names no date.
  if (FORMULA_TEXT.test(typed)) return combineDeadline([{ ...parseDeadlineClause(typed, year), text: typed }]);
  for (const raw of canonical(text).split(CLAUSE_SEPARATOR)) {
    const clause = raw.trim().replace(/[。]$/, '');
    if (clause.length > 0) clauses.push({ ...parseDeadlineClause(asGrammar(clause), year), text: clause });
  }
  return combineDeadline(clauses);
}

function asGrammar(clause: string): string {
  const day = NUMERIC_DATE.exec(clause);
  if (day) return `${day[1]}年${Number(day[2])}月${Number(day[3])}日`;
  const month = BARE_MONTH.exec(clause);
  if (month && /[年月.\-/]/.test(clause)) return `${month[1] ? `${month[1]}年` : ''}${Number(month[2])}月底`;
  return clause;
}
