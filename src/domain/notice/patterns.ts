/**
 * Line-level patterns of the genre, applied to the canonical text (full-width punctuation,
 * spaces for ideographic spaces). Each names the real lines it was written for.
 */

/** `一、任务分工`, `二、工作要求`, `三、2022年政府工作任务`, `第二部分 重点任务` */
export const TOP_HEADING = /^(?:([一二三四五六七八九十]{1,3})、|第([一二三四五六七八九十]{1,3})部分)\s*(.*)$/;

/** `（八）强化对稳企业的金融支持` */
export const SECTION_HEADING = /^（([一二三四五六七八九十百零〇]{1,4})）\s*(.*)$/;

/** `11．中小微企业…`, `1. …` (half-width repost), `3、…`; not `1.5万人…` */
export const ITEM_START = /^(\d{1,5})\s*[．.、](?!\d)\s*(.*)$/;

/**
 * An item number glued to text that starts with a digit: `11.121人才梯队项目建设…` is item 11.
 * Read so only when 11 is the next number expected (a decimal such as `1.5万人` at a line's start
 * is not an item), and never before a magnitude or percent (`2.5亿元`, `3.5%`).
 */
export const ITEM_GLUED = /^(\d{1,3})\s*[．.、](?=\d+(?![\d.．万亿千百%‰％倍]))(.*)$/;

/** `（1）全年争取专项债券资金5亿元。（…）`: items numbered in brackets, read as items when the notice has no `1．` level. */
export const ITEM_IN_BRACKETS = /^（(\d{1,3})）\s*(.*)$/;

/**
 * A label on a line of its own after a task's paragraph, as district and city notices write them:
 * `牵头单位：区发改局`, `责任单位:立山经济开发区,各街道`, `配合单位：…`, `完成时限：6月底前`.
 */
export const LABEL_LINE = /^(?:牵头|主责|主办|责任|负责|配合|参与|协办|协同|协助)(?:单位|部门|处室|科室)\s*[：:]|^(?:完成时限|完成时间|时间节点|时限要求)\s*[：:]|^(?:牵头|责任|分管)领导\s*[：:]/;

/** Lines after the body that belong to no task: `（此件主动公开）`, `抄送：…`, `附件：…`. */
export const NOT_BODY = /^(（此件|抄送|附件|主送|（联系人|联系人|联系电话|（信息公开)/;

/** The part after these top-level headings is not tasks: `二、工作要求`, `三、组织实施`. */
export const TAIL_HEADING = /工作要求|组织实施|保障措施|有关要求|组织保障|组织领导|附件/;

/** A line that is only a date: the signature block's `2020年8月8日`. */
export const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

/** The same in Chinese numerals: `二〇二〇年八月八日`. */
export const DATE_LINE_CN = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;

/** 文号 on a line of its own: `国发〔2022〕9号`, `津政发〔2020〕16号`. */
export const DOC_NUMBER_LINE = /^([\u4e00-\u9fff]{1,10}[〔［[]\d{4}[〕］\]]\d{1,4}号)$/;

/** The addressee line closing the header: `各区人民政府，市政府各委、办、局：` */
export const ADDRESSEE = /[：:]$/;

/**
 * The notice declares the lead-first convention: `列第一位者为牵头单位`, `排在第一位的部门为牵头部门`,
 * `排名第一的为牵头单位`, `列在首位的为牵头单位`, `第一个单位为牵头单位`, `牵头单位列第一位`.
 */
export const LEAD_FIRST_DECLARATION =
  /(?:列|排)(?:在|名)?(?:第一位?|首位|第一个)的?(?:者|单位|部门)?(?:为|是)牵头(?:单位|部门)?|(?:第一个|首位|第一位)(?:单位|部门)(?:为|是)牵头|牵头(?:单位|部门)(?:列|排)(?:在)?(?:第一位|首位)/;

/** An issuer in a signature: an organisation name without punctuation. */
export const ISSUER_LINE = /^(?:国务院|国务院办公厅|[\u4e00-\u9fff（）]{2,30}(?:政府|办公厅|办公室|委员会|委|局|厅|部))$/;

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * Chinese numerals up to 999.
 * @example chineseNumber('四十四') //=> 44
 * @example chineseNumber('十') //=> 10
 */
export function chineseNumber(text: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch] as number;
    } else {
      return NaN;
    }
  }
  return total + digit;
}

/** `二〇二〇` → 2020: digits read one by one. */
export function chineseDigits(text: string): number {
  let n = 0;
  for (const ch of text) {
    const d = CN_DIGITS[ch];
    if (d === undefined) return NaN;
    n = n * 10 + d;
  }
  return n;
}

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * The inverse of chineseNumber, for labels like `（四十四）`.
 * @example toChineseNumber(44) //=> '四十四' · toChineseNumber(10) //=> '十' · toChineseNumber(105) //=> '一百零五'
 */
export function toChineseNumber(n: number): string {
  if (n < 10) return CN[n] as string;
  if (n < 20) return `十${n % 10 === 0 ? '' : CN[n % 10]}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : CN[n % 10]}`;
  const rest = n % 100;
  return `${CN[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${CN[rest]}` : rest < 20 ? `一${toChineseNumber(rest)}` : toChineseNumber(rest)}`;
}

/** `（八）强化对稳企业的金融支持`: a section as the notice labels it. */
export const sectionLabel = (no: number, title: string): string => `（${toChineseNumber(no)}）${title}`;
