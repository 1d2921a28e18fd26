import { readParenthetical, type ParentheticalReading } from './responsibility';

export type Span = { open: number; close: number; closed: boolean };

/** A bracket is a responsibility parenthetical when it names units with a role or is all deadline phrases. */
export function isResponsibility(reading: ParentheticalReading): boolean {
  if (reading.hasRole) return true;
  return reading.deadlines.length > 0 && reading.deadlines.every((d) => d.kind !== 'unknown');
}

/** Top-level `（…）` spans; an opening bracket never closed runs to the end of the item. */
export function topLevelBrackets(text: string): Span[] {
  const spans: Span[] = [];
  let depth = 0;
  let open = -1;
  for (let i = text.indexOf('（'); i >= 0 && i < text.length; ) {
    const ch = text[i];
    if (ch === '（') {
      if (depth === 0) open = i;
      depth++;
    } else if (ch === '）' && depth > 0) {
      depth--;
      if (depth === 0) spans.push({ open, close: i, closed: true });
    }
    i = nextBracket(text, i + 1);
  }
  if (depth > 0) spans.push({ open, close: text.length, closed: false });
  return spans;
}

function nextBracket(text: string, from: number): number {
  const a = text.indexOf('（', from);
  const b = text.indexOf('）', from);
  if (a < 0) return b;
  if (b < 0) return a;
  return Math.min(a, b);
}


/** Where the first responsibility parenthetical of a canonical text opens, or -1. */
export function firstResponsibilityBracket(text: string): number {
  for (const span of topLevelBrackets(text)) {
    const inner = text.slice(span.open + 1, span.closed ? span.close : text.length);
    if (isResponsibility(readParenthetical(inner, null))) return span.open;
  }
  return -1;
}
