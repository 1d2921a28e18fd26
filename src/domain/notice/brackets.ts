import { readParenthetical, type ParentheticalReading } from './responsibility';

export type Span = { open: number; close: number; closed: boolean };

/**
 * Words a deadline-only parenthetical holds (`（12月底前完成）`, `（年内持续推进）`); a bare date in a bracket
 * (`（2023年）`, `（12月）`) is text, as in `实施方案（2023年）`.
 */
const DEADLINE_WORD = /完成|前|底|末|内|旬|持续|长期|出台|推进|坚持|适时|逐月|每月|季度|时限|时间|节点|时点/;

/** A bracket is a responsibility parenthetical when it names units with a role or is all deadline phrases. */
export function isResponsibility(reading: ParentheticalReading): boolean {
  if (reading.hasRole) return true;
  return reading.deadlines.length > 0 && reading.deadlines.every((d) => d.kind !== 'unknown') && reading.deadlines.some((d) => DEADLINE_WORD.test(d.text));
}

/**
 * Top-level `（…）` spans; an opening bracket never closed runs to the end of the item. One pass
 * over the text (linear however deep the nesting); `steps`, when given, counts the characters looked at.
 */
export function topLevelBrackets(text: string, steps?: { n: number }): Span[] {
  const spans: Span[] = [];
  let depth = 0;
  let open = -1;
  const first = text.indexOf('（');
  if (first < 0) return spans;
  for (let i = first; i < text.length; i++) {
    if (steps) steps.n++;
    const ch = text.charCodeAt(i);
    if (ch === OPEN) {
      if (depth === 0) open = i;
      depth++;
    } else if (ch === CLOSE && depth > 0) {
      depth--;
      if (depth === 0) spans.push({ open, close: i, closed: true });
    }
  }
  if (depth > 0) spans.push({ open, close: text.length, closed: false });
  return spans;
}

const OPEN = '（'.charCodeAt(0);
const CLOSE = '）'.charCodeAt(0);

/**
 * Where the first responsibility parenthetical of a canonical text opens, or -1. With `namingUnits`,
 * only one that names units counts: a paragraph outside the numbered items is a task by its units, not by
 * a date in brackets (`请于3月底前报送（3月31日前）`).
 */
export function firstResponsibilityBracket(text: string, namingUnits = false): number {
  for (const span of topLevelBrackets(text)) {
    const inner = text.slice(span.open + 1, span.closed ? span.close : text.length);
    const reading = readParenthetical(inner, null);
    if (namingUnits ? reading.hasRole : isResponsibility(reading)) return span.open;
  }
  return -1;
}

const CITATION = /〔|［|\[|《|号$/;

/** Words a bracket naming units would hold: `（市财政局领衔）`, `（各街道办理）`. */
const ORGANISATION_WORD = /局|委|办|厅|部|署|院|政府|中心|单位|部门|街道|乡镇/;

/**
 * The first bracket of a text that looks like an assignment the grammar could not read (it names an
 * organisation, or holds a deadline we know), or null: a paragraph holding one is reported, never dropped silently.
 *
 * @example unreadAssignment('推进工作。（市财政局领衔，年底前完成）') //=> '市财政局领衔，年底前完成'
 * @example unreadAssignment('推进工作（试行）。') //=> null
 */
export function unreadAssignment(text: string): string | null {
  for (const span of topLevelBrackets(text)) {
    const inner = text.slice(span.open + 1, span.closed ? span.close : text.length);
    // Citations are not assignments: `（国发〔2020〕6号）`, `（《优化营商环境条例》）`.
    if (inner.length > 120 || CITATION.test(inner)) continue;
    const reading = readParenthetical(inner, null);
    if (ORGANISATION_WORD.test(inner) || reading.deadlines.some((d) => d.kind !== 'unknown')) return inner;
  }
  return null;
}
