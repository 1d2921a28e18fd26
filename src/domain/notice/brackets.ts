import { readParenthetical, type ParentheticalReading } from './responsibility';

export type Span = { open: number; close: number; closed: boolean };

/** A bracket is a responsibility parenthetical when it names units with a role or is all deadline phrases. */
export function isResponsibility(reading: ParentheticalReading): boolean {
  if (reading.hasRole) return true;
  return reading.deadlines.length > 0 && reading.deadlines.every((d) => d.kind !== 'unknown');
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

/** Where the first responsibility parenthetical of a canonical text opens, or -1. */
export function firstResponsibilityBracket(text: string): number {
  for (const span of topLevelBrackets(text)) {
    const inner = text.slice(span.open + 1, span.closed ? span.close : text.length);
    if (isResponsibility(readParenthetical(inner, null))) return span.open;
  }
  return -1;
}
