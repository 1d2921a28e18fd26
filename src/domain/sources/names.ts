import { chineseNumber } from '../notice/patterns';

/**
 * The name of the one source of a workbook written before 任务清单 had 事项来源, or of a table
 * without a title: nothing in such a workbook says which notice it came from.
 */
export const DEFAULT_SOURCE = '分工通知';

/** The header of 任务清单's column naming each task's source (DESIGN §13). */
export const SOURCE_HEADER = '事项来源';

/**
 * Words around a notice's subject, dropped for its short title:
 * `天津市人民政府印发关于落实国务院《政府工作报告》重点工作任务分工的通知` → `落实国务院《政府工作报告》重点工作任务分工`.
 */
const TITLE_HEAD = /^.*?关于(?:印发)?/;
const TITLE_TAIL = /的(?:通知|意见|函)$/;

/**
 * A notice's short title: its subject, without the issuer, 关于/印发 and 的通知; DEFAULT_SOURCE for
 * a notice without a title (a task-list table).
 * @example noticeShortTitle('天津市人民政府关于印发稳就业若干措施的通知') //=> '稳就业若干措施'
 */
export function noticeShortTitle(title: string): string {
  const t = title.replace(/\s+/g, '');
  if (t.length === 0) return DEFAULT_SOURCE;
  const subject = t.replace(TITLE_HEAD, '').replace(TITLE_TAIL, '');
  return subject.length > 0 ? subject : t;
}

/**
 * A source's kind, by the word that says it, and the 简称 its ids are prefixed with. Order
 * matters: `常务会议纪要` is a 纪要 before it is a 会议.
 */
const KINDS: ReadonlyArray<[RegExp, string]> = [
  [/批示/, '批示'],
  [/纪要|议定事项|会议/, '纪要'],
  [/方案/, '方案'],
  [/意见/, '意见'],
  [/通知/, '通知'],
];

/** The number of a meeting or document: `第12次`, `第十二次`, `〔2020〕12号`, `12号`. */
const SOURCE_NUMBER = /第([0-9０-９]+|[一二三四五六七八九十百零〇]+)次|〔\d{4}〕\s*(\d+)\s*号|(\d+)号/;

/** Characters an id prefix may not hold: `-` separates it from the source's own id. */
const NOT_IN_SHORT = /[\s\-－—()（）【】〔〕[\]《》<>“”"'，,。；;：:、]/g;

/**
 * The 简称 a later source's ids are prefixed with (`纪要12-3`, `批示-1`): its kind and number,
 * else its first four characters; made unique among `taken` by a count (`批示2`, `纪要12之2`).
 * @example shortName('市政府第12次常务会议纪要', []) //=> '纪要12'
 * @example shortName('领导批示', ['批示']) //=> '批示2'
 */
export function shortName(name: string, taken: readonly string[]): string {
  const kind = KINDS.find(([re]) => re.test(name))?.[1];
  const m = SOURCE_NUMBER.exec(name);
  const raw = m ? (m[1] ?? m[2] ?? m[3] ?? '') : '';
  const no = raw.length === 0 ? '' : /^[0-9０-９]+$/.test(raw) ? String(Number(raw.normalize('NFKC'))) : String(chineseNumber(raw));
  const base = kind !== undefined ? `${kind}${Number.isFinite(Number(no)) ? no : ''}` : [...name.replace(NOT_IN_SHORT, '')].slice(0, 4).join('') || '来源';
  const used = new Set(taken);
  if (!used.has(base)) return base;
  // A count after a trailing digit would read as one number (纪要1 + 2 → 纪要12).
  const joint = /\d$/.test(base) ? '之' : '';
  for (let n = 2; ; n++) if (!used.has(`${base}${joint}${n}`)) return `${base}${joint}${n}`;
}
