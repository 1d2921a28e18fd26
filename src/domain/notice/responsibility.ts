import type { DeadlineClause, Role } from './types';
import { parseDeadlineClause } from './deadline';
import { LEAD_FIRST_DECLARATION } from './patterns';
import { splitUnitList } from './unitList';

/**
 * `牵头单位：X、Y` / `牵头部门：X` / `负责部门：X` / `配合单位：…` — labelled lists, as provinces and
 * cities write them, in brackets or on lines of their own.
 */
const LABELLED = /^(牵头|主责|主办|责任|负责|配合|参与|协办|协同|协助|配合责任)(?:单位|部门|处室|科室)\s*[：:]\s*(.*)$/;
/** `完成时限：2023年6月底前`, `时间节点：…` — a deadline label: closes the list of the label before it. */
const DEADLINE_LABEL = /^(?:完成时限|完成时间|时间节点|时限要求|时限)\s*[：:]/;
/** `市财政局、市金融局牵头`, `X主办`, `X主责`, `X为牵头单位` */
const LEAD = /^(.+?)(?:牵头(?:负责|落实|实施)?|主办|主责|为牵头(?:单位|部门))$/;
/** `教育部、人力资源社会保障部分别牵头` — each of them leads its own part (DESIGN: each, as leads). */
const EACH_LEAD = /^(.+?)分别牵头(?:负责|落实)?$/;
/** `X会同Y负责`, `国家发展改革委会同有关部门负责`: X leads, Y is jointly responsible. */
const CO = /^(.+?)会同(.+?)(?:共同)?(?:负责|落实|推进|实施)?$/;
/** `国家发展改革委、财政部指导` — guidance is joint responsibility (DESIGN §3). */
const GUIDE = /^(.+?)(?:负责)?指导$/;
/** `国务院扶贫办负责脱贫攻坚方面工作`, `X牵头港澳台有关工作`: a unit for a named part of the task. */
const PART = /^(.+?)(负责|牵头)[^，；。]{1,24}工作$/;
/** `牵头领导：张副市长` names a person, not a unit: kept out of the units. */
const PERSON_CLAUSE = /^(?:牵头|分管|责任|联系)?(?:市|省|区|县)?领导\s*[：:]/;
/** `市政府各部门分别负责`, `各区人民政府分别落实` */
const EACH = /^(.+?)分别(?:负责|落实)$/;
/** `市发展改革委、市人社局等按职责分工负责`, `有关部门按职责负责` */
const BY_DUTY = /^(.+?)(?:按照?职责分工负责|按照?职责负责|按照?职能分工负责|按照?职责分工落实|按职责分工负责落实)$/;
/** `市统计局负责`, `X负责落实`, `X具体负责`, `X等和各有关省级人民政府负责`, `X为责任单位` */
const JOINT = /^(.+?)(?:(?:共同|具体)?负责(?:落实|实施)?|为责任(?:单位|部门))$/;
/** `Y参与`, `Y参加`, `Y配合`, `Y配合落实`, `Y协助`, `Y协同`, `Y为配合单位` */
const SUPPORT = /^(.+?)(?:(?:参与|参加|配合|协助|协同|协办)(?:落实|实施|推进)?|为配合(?:单位|部门))$/;
/** `（含市直部门）`, `（包括各区政府）`: a bracket that qualifies the text, never a list of responsible units. */
const QUALIFIER = /^(?:含|包括|包含|不含|如|即|指|除)/;
/**
 * A bare list of unit names with no role word, as notices that declare 列第一位者为牵头单位 write
 * them: `（省财政厅、省税务局、省发展改革委，6月底前完成）`. Names must end like an organisation;
 * `（经营场所）`, `（试行）` and `（早发现、早诊断…）` do not. A `各…` group (`各区、县级市`) is a name too.
 */
const UNIT_NAME = /^(?:[\u4e00-\u9fff]{1,24}(?:委员会|委|局|厅|办|办公室|部|部门|署|院|银行|分行|支行|政府|海关|总局|总署|联|会|中心|公司|集团|单位)|各[\u4e00-\u9fff（）、]{1,12})$/;

/**
 * Rules for the notice written inside a bracket, never units or deadlines (DESIGN §3 declarations):
 * `列第一位者为牵头单位`, `排在第一位的部门为牵头部门`, `除标注“分别牵头”外`, `列第一位为牵头或汇总单位`,
 * `下同`, `不再列出`.
 */
const DECLARATION = new RegExp(
  [
    LEAD_FIRST_DECLARATION.source,
    '^(?:以下|下|后|全文)同$',
    '^除(?:标注|注明|标明|另有标注)?.{0,10}外$',
    '^不再(?:一一)?(?:列出|列明|重复)$',
    '牵头或汇总单位',
  ].join('|'),
);
/** `以下均需试点城市政府落实`, `以下均由各省级人民政府负责落实`: a scope note (DESIGN §3). */
export const SCOPE_NOTE = /^以下(?:各项|任务|各项任务)?均?(?:需|须|由|需由|须由)(.+?)(?:负责)?落实$/;

/** How a clause names units, before the parenthetical as a whole decides `joint` vs `support`. */
export type ClauseRole = 'lead' | 'each' | 'eachLead' | 'byDuty' | 'joint' | 'support' | 'co';

export type UnitMention = { name: string; clauseRole: ClauseRole };

export type ParentheticalReading = {
  mentions: UnitMention[];
  deadlines: DeadlineClause[];
  /** True when at least one clause names units with a role marker. */
  hasRole: boolean;
  /** Clauses read as rules of the notice (`列第一位者为牵头单位`, `下同`), in order. Optional so readings built elsewhere stay valid. */
  declarations?: string[];
  /** True when a declaration switches the lead-first convention on. */
  declaresLeadFirst?: boolean;
  /** Units a scope note adds to this and every later task (`以下均需试点城市政府落实`). */
  scope?: string[];
};

/** `牵头单位：市商务局  责任单位：市财政局`: labels on one line separated only by (ideographic) spaces. */
const SPACE_BEFORE_LABEL = /\s+(?=(?:牵头|主责|主办|责任|负责|配合|参与|协办|协同|协助)(?:单位|部门|处室|科室)\s*[：:]|(?:完成时限|完成时间|时间节点|时限要求)\s*[：:])/g;

/** Clause separators: `，`, `；`, and `。` between a unit clause and a declaration. */
const CLAUSE_SEPARATOR = /[，；。]/;

/**
 * Read the inside of a responsibility parenthetical: clauses separated by `，`, `；` or `。`. A clause
 * after a label that names no role of its own continues that label's list
 * (`配合单位：市财政局，各区、县级市`).
 *
 * @example
 * readParenthetical('市财政局牵头，市发展改革委、市人社局等按职责分工负责，12月底前完成', 2020)
 * //=> mentions: 市财政局 lead, 市发展改革委 byDuty, 市人社局 byDuty; deadlines: [by 2020-12-31]
 * @example
 * readParenthetical('国家发展改革委、财政部负责。列第一位者为牵头单位，下同', 2019)
 * //=> mentions: 国家发展改革委 joint, 财政部 joint; declarations: [列第一位者为牵头单位, 下同]; declaresLeadFirst
 */
export function readParenthetical(inner: string, year: number | null): Required<ParentheticalReading> {
  const reading: Required<ParentheticalReading> = { mentions: [], deadlines: [], hasRole: false, declarations: [], declaresLeadFirst: false, scope: [] };
  let label: ClauseRole | null = null;
  for (const raw of liftDeclarations(inner.replace(SPACE_BEFORE_LABEL, '；')).split(CLAUSE_SEPARATOR)) {
    // `由市财政局牵头`: the 由 is grammar, not part of the name.
    const clause = raw.trim().replace(/[.]$/, '').replace(/^由/, '');
    if (clause.length === 0 || PERSON_CLAUSE.test(clause)) continue;
    const scope = SCOPE_NOTE.exec(clause);
    if (scope || DECLARATION.test(clause)) {
      reading.declarations.push(clause);
      if (LEAD_FIRST_DECLARATION.test(clause)) reading.declaresLeadFirst = true;
      // One by one here and below: a spread of a clause's 100 000 names would overflow the call stack.
      if (scope) for (const u of splitUnitList(scope[1] as string)) reading.scope.push(u);
      continue;
    }
    if (DEADLINE_LABEL.test(clause)) label = null;
    const labelled = LABELLED.exec(clause);
    if (labelled) label = labelRole(labelled[1] as string);
    const units = readRoleClause(clause);
    if (units) {
      reading.hasRole = true;
      for (const u of units) reading.mentions.push(u);
      if (!labelled) label = null;
      continue;
    }
    const deadline = parseDeadlineClause(clause, year);
    if (deadline.kind === 'unknown' && label !== null && looksLikeUnitList(clause)) {
      for (const u of names(clause, label)) reading.mentions.push(u);
    } else {
      reading.deadlines.push(deadline);
    }
  }
  return reading;
}

/** A bracket nested in a responsibility: `责任单位：A、B（除标注“分别牵头”外，列第一位为牵头或汇总单位，下同）`. */
const NESTED_BRACKET = /（([^（）]*)）/g;

/**
 * Declarations appended in brackets to a label line read as if they stood in the bracket itself
 * (DESIGN §3): the nested bracket becomes clauses of its own, so its `，` no longer cuts a unit's name
 * in two. Other nested brackets (`市财政局（牵头）`, `各县（市、区）`, `（含市直部门）`) stay as written.
 */
function liftDeclarations(inner: string): string {
  if (!inner.includes('（')) return inner;
  return inner.replace(NESTED_BRACKET, (whole, content: string) =>
    content.split(CLAUSE_SEPARATOR).some((c) => DECLARATION.test(c.trim()) || SCOPE_NOTE.test(c.trim())) ? `；${content}；` : whole,
  );
}

function labelRole(label: string): ClauseRole {
  if (label === '牵头' || label === '主责' || label === '主办') return 'lead';
  if (label === '责任' || label === '负责') return 'joint';
  return 'support';
}

/**
 * Longer than any list of units a bracket names (the longest in the genre run to a few hundred
 * characters): such a clause is prose, and the role patterns' lazy groups would backtrack through
 * megabytes of it (a 100 MB line without punctuation overflowed the stack).
 */
const MAX_ROLE_CLAUSE = 2_000;

function readRoleClause(clause: string): UnitMention[] | null {
  if (clause.length > MAX_ROLE_CLAUSE) return null;
  const labelled = LABELLED.exec(clause);
  if (labelled) {
    // `责任单位：A、B分别牵头`, `责任单位：A牵头，…`: a role word after the list says more than the label.
    const list = labelled[2] as string;
    const own = ROLE_TAIL.test(list) ? readRoleClause(list) : null;
    return own ?? names(list, labelRole(labelled[1] as string));
  }
  const co = CO.exec(clause);
  if (co && allUnitNames(co[1] as string) && looksLikeUnitList(co[2] as string)) {
    return [...names(co[1] as string, 'lead'), ...names(co[2] as string, 'co')];
  }
  const forms: Array<[RegExp, ClauseRole]> = [
    [EACH_LEAD, 'eachLead'],
    [EACH, 'each'],
    [LEAD, 'lead'],
    [BY_DUTY, 'byDuty'],
    [JOINT, 'joint'],
    [SUPPORT, 'support'],
  ];
  for (const [pattern, role] of forms) {
    const m = pattern.exec(clause);
    if (m && looksLikeUnitList(m[1] as string)) return names(m[1] as string, role);
  }
  // `国务院港澳办、国务院台办负责港澳台有关工作`: units responsible for a named part of the task.
  const part = PART.exec(clause);
  if (part && allUnitNames(part[1] as string)) return names(part[1] as string, part[2] === '牵头' ? 'lead' : 'joint');
  // `（加强指导）` is text: a guiding unit must be named like an organisation.
  const guide = GUIDE.exec(clause);
  if (guide && allUnitNames(guide[1] as string)) return names(guide[1] as string, 'co');
  const bare = names(clause, 'byDuty');
  if (bare.length > 0 && !/简称/.test(clause) && !QUALIFIER.test(clause) && bare.every((u) => UNIT_NAME.test(u.name))) return bare;
  return null;
}

/** A labelled list that ends in a role word of its own: `A、B分别牵头`, `A牵头`, `B配合`, `C会同D负责`. */
const ROLE_TAIL = /(?:分别(?:牵头|负责|落实)|牵头|配合|参与|协助|协同|负责)$/;

function allUnitNames(list: string): boolean {
  const parts = splitUnitList(list);
  return parts.length > 0 && parts.every((n) => UNIT_NAME.test(n));
}

/** A unit list has no verbs of a deadline and is short per name (guards `持续推进…负责` prose). */
function looksLikeUnitList(list: string): boolean {
  const parts = splitUnitList(list);
  return (
    parts.length > 0 &&
    parts.every((name) => name.length >= 2 && name.length <= 50 && !/[0-9]{1,2}月|年底|持续|完成|推进|[：:“”"]/.test(name))
  );
}

/** `责任单位：市发展改革委（牵头）、市财政局`: a role marked in brackets after one name of a list. */
const INLINE_ROLE = /（(牵头|主责|负责|配合)(?:单位|部门)?）$/;

function names(list: string, clauseRole: ClauseRole): UnitMention[] {
  return splitUnitList(list).map((written) => {
    const inline = INLINE_ROLE.exec(written);
    if (!inline) return { name: written, clauseRole };
    const marked = inline[1] === '牵头' || inline[1] === '主责' ? 'lead' : inline[1] === '配合' ? 'support' : 'joint';
    return { name: written.slice(0, inline.index).trim(), clauseRole: marked };
  });
}

/**
 * Final roles of a parenthetical (DESIGN §3): `byDuty`/`joint` lists are `support` when the
 * parenthetical has a lead, otherwise `joint`. With the 列第一位者为牵头单位 convention, the first
 * unit of a lead-less parenthetical becomes `lead` (and the rest therefore `support`).
 */
export function assignRoles(mentions: UnitMention[], leadFirst: boolean): Array<{ name: string; role: Role }> {
  let hasLead = mentions.some((m) => m.clauseRole === 'lead' || m.clauseRole === 'eachLead');
  let promoted = -1;
  if (!hasLead && leadFirst) {
    // Only a list that opens the parenthetical: in `（X指导，Y负责）` nobody is listed first as a plain list.
    const first = mentions[0];
    promoted = first && (first.clauseRole === 'byDuty' || first.clauseRole === 'joint') ? 0 : -1;
    hasLead = promoted >= 0;
  }
  return mentions.map((m, i) => ({ name: m.name, role: i === promoted ? 'lead' : finalRole(m.clauseRole, hasLead) }));
}

function finalRole(clauseRole: ClauseRole, hasLead: boolean): Role {
  switch (clauseRole) {
    case 'lead':
      return 'lead';
    case 'each':
    case 'eachLead':
      return 'each';
    case 'co':
      return 'joint';
    case 'support':
      return 'support';
    case 'byDuty':
    case 'joint':
      return hasLead ? 'support' : 'joint';
  }
}
