import type { DeadlineClause } from './types';
import { parseDeadlineClause } from './deadline';

/**
 * A deadline phrase written in a task's own text, as district notices with `牵头单位：`/`责任单位：` lines
 * do: `新增学位2700个，12月底前完成主体工程`, `10月底前完工`, `6月底前投入运营`, `全年持续推进`. Only a
 * date before which something is done (`…前`), an end of year, or ongoing work: a date that says when
 * something happened or starts (`自2024年1月1日起施行`) and a reporting rhythm (`每月5日前报送`) are not.
 */
const TEXT_DEADLINE =
  /(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|末|[上中下]旬)?(?:前|之前|以前)|(?:\d{4}年)?(?:年底|年末)(?:前|之前)?(?:完成|建成|实现|出台|投入)|(?:\d{4}年)?年内(?:完成|建成|实现|出台)|(?:全年|年内)?持续(?:推进|实施|开展)|长期坚持)/;
/** `每月5日前报送`, `每季度末前`: a rhythm of reports, not the task's deadline. */
const RHYTHM = /每[月周季年]|逐月|按月|每半年/;
/** Clauses of a task's text. */
const CLAUSE = /[，；。]/;

/**
 * The deadline clauses a task's text states, in order; [] when it states none. A task's own text is
 * read only when its responsibility gives no deadline (DESIGN §3).
 *
 * @example
 * deadlineInText('改造老旧小区15个，惠及居民4200户，10月底前完工。', 2024)
 * //=> [{ text: '10月底前完工', kind: 'by', due: '2024-10-31' }]
 * deadlineInText('自2024年3月1日起施行。', 2024) //=> []
 */
export function deadlineInText(text: string, year: number | null): DeadlineClause[] {
  const clauses: DeadlineClause[] = [];
  // A task of a few thousand characters is prose; its clauses are short, so each test is cheap.
  for (const raw of text.split(CLAUSE)) {
    const m = TEXT_DEADLINE.exec(raw);
    if (!m || RHYTHM.test(raw)) continue;
    const phrase = raw.slice(m.index).trim();
    const clause = parseDeadlineClause(phrase, year);
    if (clause.kind !== 'unknown') clauses.push(clause);
  }
  return clauses;
}
