import type { Deadline, DeadlineClause, DeadlineKind } from './types';
import { isoDate, lastDayOfMonth } from '../time/isoDate';

/** `普查标准时点是2020年11月1日零时` — a census point in time. */
const POINT_IN_TIME = /时点[是为]?(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/;
/** `9月30日前完成`, `2021年3月31日前`, `6月30日完成` */
const BY_DAY = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/;
/** `12月底前完成`, `8月底前出台相关政策`, `2021年3月底前`, `6月底`, `6月末` */
const BY_MONTH_END = /(?:(\d{4})年)?(\d{1,2})月(?:底|末)(?:前|之前)?/;
/** `2023年6月完成`, `6月份完成`: within that month. */
const IN_MONTH = /(?:(\d{4})年)?(\d{1,2})月份?(?:完成|出台|实现|建成|启动|上线)/;
/** `6月前完成`: before June, i.e. by the end of May. */
const BEFORE_MONTH = /(?:(\d{4})年)?(\d{1,2})月(?:前|之前|以前)/;
/** `年底前完成`, `年底完成`, `年内完成`, `2021年底前`, `2022年内完成` (not `年内持续推进`) */
const BY_YEAR_END = /(?:(\d{4})年(?:底|末|内(?=完成|出台|建成|实现|前|$))|年底|年末|年内(?:完成|出台|建成|实现))/;
/** `6月中旬前完成`, `2023年9月下旬`: the 10th, the 20th or the month's last day. */
const BY_TEN_DAYS = /(?:(\d{4})年)?(\d{1,2})月(上|中|下)旬/;
/** `完成时限：2023年12月`, `2024年6月`, `12月`: a month named alone is its last day. */
const MONTH_ONLY = /^(?:(?:完成时限|完成时间|时间节点|时限要求)\s*[：:])?(?:(\d{4})年)?(\d{1,2})月份?$/;
/** `完成时限：2023年`, `年内`, `全年完成`: the year's last day. */
const YEAR_ONLY = /^(?:(?:完成时限|完成时间|时间节点|时限要求)\s*[：:])?(?:(\d{4})年|年内|全年(?:完成|实现)?)$/;
/** `每季度`, `按季度推进`, `逐年推进`, `每半年`: recurring work through the year. */
const RECURRING = /每季度?|按季度?|逐季|每半年|逐年/;
/** `上半年`, `下半年`, `一季度`/`第三季度` */
const BY_HALF = /上半年/;
const BY_SECOND_HALF = /下半年/;
const BY_QUARTER = /(?:第)?([一二三四1-4])季度/;
/** `适时出台相关政策` */
const TIMELY = /适时/;
/** `逐月调度通报清欠情况`, `每月报送` */
const MONTHLY = /逐月|每月|按月/;
/** `年内持续推进`, `持续推进`, `长期坚持`, `持续实施`, `持续开展`, `常态化推进`, `长期`, `全年推进`, `年内实施` */
const ONGOING = /持续(?:推进|实施|开展|落实|抓好)|长期|常态化|(?:全年|年内)(?:推进|实施|开展|落实)/;
const NO_DUE_ONGOING = /长期/;
/** `出台相关政策`, `出台实施方案`: a policy deadline when it carries a date. */
const POLICY = /出台/;

const QUARTER_END_MONTH: Record<string, number> = { 一: 3, '1': 3, 二: 6, '2': 6, 三: 9, '3': 9, 四: 12, '4': 12 };

/**
 * Read one deadline clause of a responsibility parenthetical. Y is the notice's year.
 *
 * @example
 * parseDeadlineClause('12月底前完成', 2020)  //=> { kind: 'by', due: '2020-12-31', … }
 * parseDeadlineClause('年内持续推进', 2020)  //=> { kind: 'ongoing', due: '2020-12-31', … }
 */
export function parseDeadlineClause(text: string, year: number | null): DeadlineClause {
  const clause = (kind: DeadlineKind, due: string | null): DeadlineClause => ({ text, kind, due });
  // 明年6月底前: the year after the notice's.
  const base = /明年/.test(text) && year !== null ? year + 1 : year;
  const y = (explicit: string | undefined): number | null => (explicit ? Number(explicit) : base);

  let m = POINT_IN_TIME.exec(text);
  if (m) return clause('point', dayOf(y(m[1]), Number(m[2]), Number(m[3])));
  if (TIMELY.test(text)) return clause('timely', null);
  if (MONTHLY.test(text)) return clause('monthly', dayOf(base, 12, 31));

  const policyOrBy: DeadlineKind = POLICY.test(text) ? 'policy' : 'by';
  m = BY_DAY.exec(text);
  if (m) return clause(policyOrBy, dayOf(y(m[1]), Number(m[2]), Number(m[3])));
  m = BY_TEN_DAYS.exec(text);
  if (m) {
    const yy = y(m[1]);
    const month = Number(m[2]);
    return clause(policyOrBy, m[3] === '下' ? monthEnd(yy, month) : yy === null ? null : dayOf(yy, month, m[3] === '上' ? 10 : 20));
  }
  m = MONTH_ONLY.exec(text);
  if (m) return clause('by', monthEnd(y(m[1]), Number(m[2])));
  m = YEAR_ONLY.exec(text);
  if (m) return clause('by', dayOf(y(m[1]), 12, 31));
  m = BY_MONTH_END.exec(text);
  if (m) return clause(policyOrBy, monthEnd(y(m[1]), Number(m[2])));
  m = BEFORE_MONTH.exec(text);
  if (m) {
    const month = Number(m[2]);
    const yy = y(m[1]);
    return clause(policyOrBy, month === 1 ? monthEnd(yy === null ? null : yy - 1, 12) : monthEnd(yy, month - 1));
  }
  m = IN_MONTH.exec(text);
  if (m) return clause(policyOrBy, monthEnd(y(m[1]), Number(m[2])));
  if (BY_HALF.test(text)) return clause(policyOrBy, monthEnd(base, 6));
  if (BY_SECOND_HALF.test(text)) return clause(policyOrBy, monthEnd(base, 12));
  m = BY_QUARTER.exec(text);
  if (m) return clause(policyOrBy, monthEnd(base, QUARTER_END_MONTH[m[1] as string] ?? 12));
  m = BY_YEAR_END.exec(text);
  if (m) return clause(policyOrBy, dayOf(y(m[1]), 12, 31));

  if (ONGOING.test(text) || RECURRING.test(text)) return clause('ongoing', NO_DUE_ONGOING.test(text) ? null : dayOf(base, 12, 31));
  return clause('unknown', null);
}

/** Combine clauses: due = latest concrete date, milestones = the earlier ones. */
export function combineDeadline(clauses: DeadlineClause[]): Deadline {
  const dates = [...new Set(clauses.map((c) => c.due).filter((d): d is string => d !== null))].sort();
  const due = dates.length > 0 ? (dates[dates.length - 1] as string) : null;
  return {
    text: clauses.map((c) => c.text).join('，'),
    due,
    milestones: dates.slice(0, -1),
    clauses,
  };
}

function monthEnd(year: number | null, month: number): string | null {
  if (year === null || month < 1 || month > 12) return null;
  return isoDate(year, month, lastDayOfMonth(year, month));
}

function dayOf(year: number | null, month: number, day: number): string | null {
  if (year === null || month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return null;
  return isoDate(year, month, day);
}
