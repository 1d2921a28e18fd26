import type { Line } from './header';
import { firstResponsibilityBracket } from './brackets';
import { assignsBySentence } from './sentences';
import { ITEM_GLUED, ITEM_IN_BRACKETS, ITEM_START, LABEL_LINE, SECTION_HEADING, TAIL_HEADING, TOP_HEADING, chineseNumber } from './patterns';

export type LineKind = {
  kind: 'blank' | 'top' | 'section' | 'item' | 'text';
  /** The heading's or item's own number; 0 for text. */
  no: number;
  /** The text after the number (canonical), or the whole trimmed line. */
  rest: string;
  /** The line (or the heading's text) holds a responsibility parenthetical (or, for a tail item, own-line labels follow); for items, known only under a tail heading. */
  hasBracket: boolean;
  /** Number of the next numbered item after this line that will be read as an item, or null. */
  nextItemNo: number | null;
  /** The line stands under a tail heading (`二、工作要求`, `三、保障措施`). */
  inTail: boolean;
};

/**
 * Classify every line once, before the walk: headings, numbered items (a glued `11.121人才…` only
 * when 11 is the next number), and whether a line assigns work. The walk needs to look ahead at the
 * next numbered item to place paragraphs the notice did not number without shifting its numbers.
 */
export function classifyLines(lines: Line[]): LineKind[] {
  const kinds: LineKind[] = [];
  // `（1）` numbers items only where nothing is numbered `1．`; otherwise it is a sub-point inside an item.
  const bracketItems = !lines.some((l) => ITEM_START.test(l.text.trim()));
  let last = 0;
  let inTail = false;
  for (const line of lines) {
    const t = line.text.trim();
    if (t.length === 0) {
      kinds.push({ kind: 'blank', no: 0, rest: '', hasBracket: false, nextItemNo: null, inTail });
      continue;
    }
    const top = TOP_HEADING.exec(t);
    if (top) {
      const rest = top[3] as string;
      inTail = TAIL_HEADING.test(rest);
      kinds.push({ kind: 'top', no: chineseNumber((top[1] ?? top[2]) as string), rest, hasBracket: assignsWork(rest), nextItemNo: null, inTail });
      continue;
    }
    const sec = SECTION_HEADING.exec(t);
    if (sec) {
      const rest = sec[2] as string;
      kinds.push({ kind: 'section', no: chineseNumber(sec[1] as string), rest, hasBracket: assignsWork(rest), nextItemNo: null, inTail });
      continue;
    }
    const strict = ITEM_START.exec(t);
    const glued = strict ? null : ITEM_GLUED.exec(t);
    const num = strict ?? (glued && Number(glued[1]) === last + 1 ? glued : null) ?? (bracketItems ? ITEM_IN_BRACKETS.exec(t) : null);
    if (num) {
      const rest = num[2] as string;
      // Only a tail item needs to know now (it is a task only with a bracket); a body item is one anyway,
      // and its brackets are read once, when it is cut into tasks.
      const hasBracket = inTail && assignsWork(rest);
      kinds.push({ kind: 'item', no: Number(num[1]), rest, hasBracket, nextItemNo: null, inTail });
      if (!inTail || hasBracket) last = Number(num[1]);
      continue;
    }
    kinds.push({ kind: 'text', no: 0, rest: t, hasBracket: assignsWork(t), nextItemNo: null, inTail });
  }
  // Minutes number their 议定事项 `（一）（二）` under `一、关于…` headings, with nothing numbered `1．`: when
  // every body `（N）` line assigns work itself, those lines are the items and the `一、` headings the 板块
  // (read as 板块, each 事项 would be a 板块 of one task titled by its own text). Without `一、` headings
  // above them, the `（N）` lines stay the 板块, each its own task (a short district notice).
  const body = kinds.filter((k) => k.kind === 'section' && !k.inTail);
  const headings = kinds.some((k) => k.kind === 'top' && !k.inTail && !k.hasBracket);
  if (headings && body.length > 0 && !kinds.some((k) => k.kind === 'item') && body.every((k) => k.hasBracket)) {
    for (const k of body) k.kind = 'item';
  }
  // Look-ahead, filled backwards in one pass (linear): the next numbered item, and whether own-line
  // labels follow a tail item (`1．加强组织领导。` / `牵头单位：区政府办`): then it assigns work.
  let next: number | null = null;
  let labelsNext = false;
  for (let i = kinds.length - 1; i >= 0; i--) {
    const k = kinds[i] as LineKind;
    if (k.kind === 'item' && k.inTail && labelsNext) k.hasBracket = true;
    if (k.kind !== 'blank') labelsNext = k.kind === 'text' && LABEL_LINE.test(k.rest);
    k.nextItemNo = next;
    if (k.kind === 'item' && (!k.inTail || k.hasBracket)) next = k.no;
  }
  return kinds;
}

/** A line that assigns work: a bracket naming units, or a sentence (`由X牵头，Y配合`, `请X会同Y…`) as minutes write it. */
function assignsWork(text: string): boolean {
  return firstResponsibilityBracket(text, true) >= 0 || assignsBySentence(text);
}
