/**
 * Canonical form for matching: half-width punctuation becomes full-width, character for
 * character, so that an index into the canonical text is also an index into the original.
 * That is how task text is kept exactly as written while the grammar sees one punctuation set.
 *
 * @example
 * canonical('(市财政局牵头,12月底前完成)')
 * //=> '（市财政局牵头，12月底前完成）'
 */
export function canonical(text: string): string {
  // `[责任单位:老街办、区招商服务中心]`, `【牵头单位：X】`: square brackets as some sites render the
  // parenthetical; around digits they stay (`国发[2022]9号` is a 文号, `[1]` a note mark).
  // Round-bracket depth: square brackets read as a parenthetical only outside one, so a unit name
  // written inside a bracket (`（市财政局[试点]牵头）`) keeps its own brackets.
  let depth = 0;
  let squareOpen = false;
  return text.replace(HALF_WIDTH, (ch: string, offset: number) => {
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    else if (SQUARE_OPEN.has(ch)) {
      if (depth > 0 || squareOpen || isDigit(text[offset + 1])) return ch;
      squareOpen = true;
      return '（';
    } else if (SQUARE_CLOSE.has(ch)) {
      if (!squareOpen || isDigit(text[offset - 1])) return ch;
      squareOpen = false;
      return '）';
    }
    return mapChar(ch, text[offset - 1], text[offset + 1]);
  });
}

const HALF_WIDTH = /[(),;:\u3000\u00a0\t０-９【】［］[\]（）]/g;
const SQUARE_OPEN = new Set(['[', '［', '【']);
const SQUARE_CLOSE = new Set([']', '］', '】']);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

function mapChar(ch: string, prev: string | undefined, next: string | undefined): string {
  switch (ch) {
    case '(':
    case '（':
      return '（';
    case ')':
    case '）':
      return '）';
    case ',':
      // 1,000 keeps its comma: thousands separators are not clause separators.
      return isDigit(prev) && isDigit(next) ? ch : '，';
    case ';':
      return '；';
    case ':':
      return isDigit(prev) && isDigit(next) ? ch : '：';
    case '\u3000':
    case '\u00a0':
    case '\t':
      return ' ';
    default:
      // Full-width digits ０-９ (common in Word documents) read as ASCII digits.
      return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
  }
}

/** Lines of a text with CR, CRLF or LF endings; a BOM is dropped. */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/);
}

/** Full-width digits ０-９ become ASCII digits (1:1, index preserving). */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * The first `max` UTF-16 units of a text, one fewer when the cut would split a surrogate pair
 * (an emoji or a rare CJK character stays whole or goes whole).
 *
 * @example cutText('ab😀', 3) //=> 'ab'
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** Characters that take no space: zero-width space/joiners, word joiner, BOM, soft hyphen, Mongolian vowel separator. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad\u180e]/g;
/**
 * Compatibility forms that stand for ordinary characters: full-width letters and digits
 * (`ＡＢＣ１`), Kangxi and CJK radicals (`⼈` U+2F08 for 人, common in text copied from PDFs),
 * CJK compatibility ideographs. Full-width punctuation is left alone: `（）、` are the canonical form.
 */
const COMPATIBILITY = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u2e80-\u2fdf\uf900-\ufaff]|\ud87e[\udc00-\ude1f]/g;
/** CJK ideographs, radicals, CJK punctuation and full-width forms. */
const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'g');

/**
 * One spelling for a unit name as written in a notice or typed in 单位名录: zero-width characters
 * go, full-width letters and digits and other compatibility forms become ordinary ones (NFKC),
 * whitespace between CJK characters goes (`市 财政局`), other runs of whitespace become one space.
 *
 * @example normaliseUnitName('市 财政局\u200b') //=> '市财政局'
 * @example normaliseUnitName('人民银行ＡＢＣ分行') //=> '人民银行ABC分行'
 */
export function normaliseUnitName(name: string): string {
  return name
    .replace(ZERO_WIDTH, '')
    .replace(COMPATIBILITY, (c) => c.normalize('NFKC'))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(SPACE_BETWEEN_CJK, '');
}
