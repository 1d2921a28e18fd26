/** Vocabulary of a parsed notice (DESIGN §2–§3). Plain data, serialisable as `duban.notice/1`. */

export type Severity = 'error' | 'warning' | 'info';

/** A problem in user input: data, never an exception (STYLE §3). `line` is 1-based; 0 = whole file. */
export type Issue = {
  severity: Severity;
  code: string;
  message: string;
  line: number;
};

export type Role = 'lead' | 'joint' | 'support' | 'each';

export type UnitCategory = 'municipal' | 'central' | 'group' | 'placeholder' | 'other' | 'unknown';

export type DeadlineKind = 'by' | 'policy' | 'ongoing' | 'monthly' | 'point' | 'timely' | 'unknown';

export type DeadlineClause = {
  text: string;
  kind: DeadlineKind;
  /** ISO date, or null when the clause names no concrete date. */
  due: string | null;
};

export type Deadline = {
  /** The clauses as written, joined by `，`. */
  text: string;
  /** The latest concrete due among the clauses. */
  due: string | null;
  /** The earlier concrete dates, ascending. */
  milestones: string[];
  clauses: DeadlineClause[];
};

/** `>=` 不低于/达到/以上 · `>` 超过/高于 · `<=` 以下/不超过 · `<` 低于 · `range` 3至5家 */
export type Comparator = '>=' | '>' | '<=' | '<' | 'range';

export type Target = {
  /** The clause of the task text the quantity was read from. */
  text: string;
  indicator: string;
  comparator: Comparator;
  value: number;
  /** Upper bound of a range (`3至5家` → value 3, max 5); null otherwise. */
  max: number | null;
  /** Display unit as written, magnitude included: `万人`, `亿元`, `%`. */
  unit: string;
  /** `decrease` when the quantity is a reduction (`下降0.6%以上`). */
  direction: 'increase' | 'decrease' | 'level';
  /** Multiplier of 万/亿 etc. kept in `unit`: value × scale is in `baseUnit`. */
  scale: number;
  baseUnit: string;
};

export type TaskUnit = { name: string; role: Role };

export type Task = {
  /** `"<item>.<seq>"`, always text: `"11.10"` is not `11.1`. */
  id: string;
  item: number;
  seq: number;
  section: number | null;
  text: string;
  units: TaskUnit[];
  deadline: Deadline;
  targets: Target[];
  line: number;
  /**
   * 事项来源 (DESIGN §13): the notice, meeting or instruction the task comes from, when the
   * workbook tracks several; absent for a notice just parsed.
   */
  source?: string;
};

export type Section = { no: number; title: string };

export type NoticeMeta = {
  title: string;
  issuer: string | null;
  date: string | null;
  year: number | null;
  docNumber: string | null;
};

export type UnitLoad = {
  name: string;
  category: UnitCategory;
  lead: number;
  joint: number;
  support: number;
  each: number;
};

export type ParsedNotice = {
  notice: NoticeMeta;
  sections: Section[];
  /** Number of numbered items `N．` found. */
  itemCount: number;
  tasks: Task[];
  units: UnitLoad[];
  issues: Issue[];
};

export type ParseOptions = {
  /** Treat the first unit of a lead-less list as lead even when the notice does not declare it. @default false */
  leadFirst?: boolean;
  /** Year to assume when the notice names none. @default null (an issue is raised) */
  defaultYear?: number | null;
};
