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
  return text.replace(HALF_WIDTH, (ch: string, offset: number) => mapChar(ch, text[offset - 1], text[offset + 1]));
}

const HALF_WIDTH = /[(),;:\u3000\u00a0\t０-９]/g;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

function mapChar(ch: string, prev: string | undefined, next: string | undefined): string {
  switch (ch) {
    case '(':
      return '（';
    case ')':
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
