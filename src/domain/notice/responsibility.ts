import type { DeadlineClause, Role } from './types';
import { parseDeadlineClause } from './deadline';

/** `牵头单位：X、Y` / `牵头部门：X` — labelled lists, as some provinces write them. */
const LABELLED = /^(牵头|主责|责任|配合|参与|协办|协同|配合责任)(?:单位|部门|处室)\s*[：:]\s*(.+)$/;
/** `市财政局、市金融局牵头`, `X主办`, `X为牵头单位` */
const LEAD = /^(.+?)(?:牵头(?:负责|落实|实施)?|主办|为牵头(?:单位|部门))$/;
/** `牵头领导：张副市长` names a person, not a unit: kept out of the units. */
const PERSON_CLAUSE = /^(?:牵头|分管|责任|联系)?(?:市|省|区|县)?领导\s*[：:]/;
/** `市政府各部门分别负责`, `各区人民政府分别落实` */
const EACH = /^(.+?)分别(?:负责|落实)$/;
/** `市发展改革委、市人社局等按职责分工负责`, `有关部门按职责负责` */
const BY_DUTY = /^(.+?)(?:按照?职责分工负责|按照?职责负责|按照?职能分工负责|按照?职责分工落实|按职责分工负责落实)$/;
/** `市统计局负责`, `X负责落实` */
const JOINT = /^(.+?)(?:共同)?负责(?:落实|实施)?$/;
/** `Y参与`, `Y配合`, `Y协助`, `Y协同` */
const SUPPORT = /^(.+?)(?:参与|配合|协助|协同|协办)$/;
/**
 * A bare list of unit names with no role word, as notices that declare 列第一位者为牵头单位 write
 * them: `（省财政厅、省税务局、省发展改革委，6月底前完成）`. Names must end like an organisation;
 * `（经营场所）`, `（试行）` and `（早发现、早诊断…）` do not.
 */
const UNIT_NAME = /^[\u4e00-\u9fff]{1,24}(?:委员会|委|局|厅|办|办公室|部|部门|署|院|银行|分行|支行|政府|海关|总局|总署|联|会|中心|公司|集团|单位)$/;

/** Unit lists: `A、B`, `A与B`, `A及B`, `A，B` — `和` is not a separator (市工业和信息化局). */
const LIST_SEPARATOR = /[、／/]|(?<=[局委办会行厅部署院府处室心社联馆所站队门位])(?:与|及|以及)/;

/** How a clause names units, before the parenthetical as a whole decides `joint` vs `support`. */
export type ClauseRole = 'lead' | 'each' | 'byDuty' | 'joint' | 'support';

export type UnitMention = { name: string; clauseRole: ClauseRole };

export type ParentheticalReading = {
  mentions: UnitMention[];
  deadlines: DeadlineClause[];
  /** True when at least one clause names units with a role marker. */
  hasRole: boolean;
};

/**
 * Read the inside of a responsibility parenthetical: clauses separated by `，` or `；`.
 *
 * @example
 * readParenthetical('市财政局牵头，市发展改革委、市人社局等按职责分工负责，12月底前完成', 2020)
 * //=> mentions: 市财政局 lead, 市发展改革委 byDuty, 市人社局 byDuty; deadlines: [by 2020-12-31]
 */
export function readParenthetical(inner: string, year: number | null): ParentheticalReading {
  const mentions: UnitMention[] = [];
  const deadlines: DeadlineClause[] = [];
  let hasRole = false;
  for (const raw of inner.split(/[，；]/)) {
    // `由市财政局牵头`: the 由 is grammar, not part of the name.
    const clause = raw.trim().replace(/[。.]$/, '').replace(/^由/, '');
    if (clause.length === 0 || PERSON_CLAUSE.test(clause)) continue;
    const units = readRoleClause(clause);
    if (units) {
      hasRole = true;
      mentions.push(...units);
    } else {
      deadlines.push(parseDeadlineClause(clause, year));
    }
  }
  return { mentions, deadlines, hasRole };
}

function readRoleClause(clause: string): UnitMention[] | null {
  const labelled = LABELLED.exec(clause);
  if (labelled) {
    const label = labelled[1] as string;
    const role: ClauseRole = label === '牵头' || label === '主责' ? 'lead' : label === '责任' ? 'joint' : 'support';
    return names(labelled[2] as string, role);
  }
  const forms: Array<[RegExp, ClauseRole]> = [
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
  const bare = names(clause, 'byDuty');
  if (bare.length > 0 && !/简称/.test(clause) && bare.every((u) => UNIT_NAME.test(u.name))) return bare;
  return null;
}

/** A unit list has no verbs of a deadline and is short per name (guards `持续推进…负责` prose). */
function looksLikeUnitList(list: string): boolean {
  return list.split(LIST_SEPARATOR).every((n) => {
    const name = n.trim();
    return name.length >= 2 && name.length <= 50 && !/[0-9]{1,2}月|年底|持续|完成|推进/.test(name);
  });
}

/** `市发展改革委等部门`, `有关单位等`: the trailing 等(部门|单位) closes the list. */
const LIST_END = /等(?:部门|单位|有关部门|相关部门|有关单位)?$/;

function names(list: string, clauseRole: ClauseRole): UnitMention[] {
  return list
    .replace(LIST_END, '')
    .split(LIST_SEPARATOR)
    .map((n) => n.trim().replace(LIST_END, '').trim())
    .filter((n) => n.length > 0)
    .map((name) => ({ name, clauseRole }));
}

/**
 * Final roles of a parenthetical (DESIGN §3): `byDuty`/`joint` lists are `support` when the
 * parenthetical has a lead, otherwise `joint`. With the 列第一位者为牵头单位 convention, the first
 * unit of a lead-less parenthetical becomes `lead` (and the rest therefore `support`).
 */
export function assignRoles(mentions: UnitMention[], leadFirst: boolean): Array<{ name: string; role: Role }> {
  let hasLead = mentions.some((m) => m.clauseRole === 'lead');
  let promoted = -1;
  if (!hasLead && leadFirst) {
    promoted = mentions.findIndex((m) => m.clauseRole === 'byDuty' || m.clauseRole === 'joint');
    hasLead = promoted >= 0;
  }
  return mentions.map((m, i) => ({ name: m.name, role: i === promoted ? 'lead' : finalRole(m.clauseRole, hasLead) }));
}

function finalRole(clauseRole: ClauseRole, hasLead: boolean): Role {
  switch (clauseRole) {
    case 'lead':
      return 'lead';
    case 'each':
      return 'each';
    case 'support':
      return 'support';
    case 'byDuty':
    case 'joint':
      return hasLead ? 'support' : 'joint';
  }
}
