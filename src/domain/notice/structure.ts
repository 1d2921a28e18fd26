import type { Issue, Section } from './types';
import type { Line } from './header';
import { firstResponsibilityBracket, unreadAssignment } from './brackets';
import { assignsBySentence } from './sentences';
import { DATE_LINE, ISSUER_LINE, LABEL_LINE, NOT_BODY, TAIL_HEADING } from './patterns';
import { classifyLines, type LineKind } from './lineKinds';
import { Numbering } from './numbering';
import type { ItemBlock } from './itemBlock';

export type Structure = {
  header: Line[];
  sections: Section[];
  items: ItemBlock[];
};

/** A paragraph outside any numbered item, kept until we know whether it assigns work. */
type Pending = { block: ItemBlock; depth: number; hasBracket: boolean; fromHeading: number | null };

/**
 * Walk the lines once. `（N）` opens a section, `N．` an item; other lines continue the open item
 * (a .docx may break a paragraph). A paragraph with a responsibility bracket is a task wherever it
 * stands (DESIGN §3): a heading line that carries one (`三、…（X牵头）`, `（二）…（X负责）`), an
 * unnumbered paragraph under a heading, a paragraph under `保障措施`. Own-line labels after a
 * paragraph (`牵头单位：X` / `责任单位：Y、Z`) become that paragraph's bracket. The tail is what follows
 * the last task: under a tail heading (`二、工作要求`), only paragraphs that assign work are read.
 */
export function readStructure(lines: Line[], issues: Issue[]): Structure {
  const kinds = classifyLines(lines);
  const header: Line[] = [];
  const sections: Section[] = [];
  const items: ItemBlock[] = [];
  // `（一）` headings of the tail (`三、保障措施（一）加强组织领导`) do not make a level of 板块.
  const hasSections = kinds.some((k) => k.kind === 'section' && !k.inTail);
  const numbering = new Numbering(kinds, issues);
  let inBody = false;
  let inTail = false;
  let section: number | null = null;
  let tailSection: Section | null = null;
  let item: ItemBlock | null = null;
  let pending: Pending | null = null;
  let lastHeading: { no: number; line: Line; rest: number } | null = null;

  const useTailSection = (): void => {
    // A tail section (`（一）加强组织领导`, or `二、工作要求` itself) is a 板块 only once a task stands under
    // it, numbered after the body's 板块 so 板块 numbers stay unique.
    if (tailSection) {
      const last = sections[sections.length - 1];
      const no = last && tailSection.no <= last.no ? last.no + 1 : tailSection.no;
      sections.push({ no, title: tailSection.title });
      section = no;
      tailSection = null;
    }
  };
  /**
   * A 板块 number that stays unique: numbering that restarts (`二、…（一）`) continues after the last one,
   * unless no task has been read yet — then the 板块 before were the cover letter's points
   * (`一、各责任单位要高度重视…`), and the notice's own 板块 start here.
   */
  const sectionNo = (no: number): number => {
    const last = sections[sections.length - 1];
    if (!last || no > last.no) return no;
    if (items.length === 0 && item === null && pending === null) {
      sections.length = 0;
      return no;
    }
    return last.no + 1;
  };
  const newBlock = (no: number, line: Line, from: number): ItemBlock => ({
    no,
    section,
    sectionIndex: sections.length - 1,
    raw: line.raw.slice(from).trimEnd(),
    text: line.text.slice(from).trimEnd(),
    lineStarts: [{ offset: 0, line: line.no }],
  });
  const close = (): void => {
    if (item) items.push(flushLabels(item));
    item = null;
  };
  const settle = (): void => {
    // A pending paragraph without a responsibility bracket is prose (an intro, a requirement): not a task.
    const p: Pending | null = pending;
    pending = null;
    if (!p) return;
    if (!p.hasBracket) {
      const unread = p.block.text.includes('（') ? unreadAssignment(p.block.text) : null;
      if (unread !== null) {
        issues.push({ severity: 'warning', code: 'UNREAD_PARAGRAPH', message: `这一段的括号像是分工，但读不出责任单位，未作为任务读取：（${unread.slice(0, 40)}）`, line: p.block.lineStarts[0]?.line ?? 0 });
      }
      return;
    }
    flushLabels(p.block);
    if (!namesUnits(p.block.text)) {
      // `目标。全年地区生产总值增长6%左右。` + `责任领导：张三`: labels that name no unit (a leader, a date) do not
      // make a paragraph of goals or principles a task (DESIGN §3); said, so nothing vanishes unseen.
      issues.push({ severity: 'info', code: 'NOT_A_TASK', message: `这一段的标注没有责任单位，按目标或说明处理，未作为任务：${p.block.text.slice(0, 30)}`, line: p.block.lineStarts[0]?.line ?? 0 });
      return;
    }
    if (inTail) useTailSection();
    p.block.section = section;
    p.block.sectionIndex = sections.length - 1;
    const placed = numbering.unnumbered(p.block, items, p.fromHeading);
    if (placed) items.push(p.block);
  };
  const append = (block: ItemBlock, line: Line, lead: number): void => {
    flushLabels(block);
    block.lineStarts.push({ offset: block.text.length, line: line.no });
    block.raw += line.raw.slice(lead).trimEnd();
    block.text += line.text.slice(lead).trimEnd();
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const info = kinds[i] as LineKind;
    const lead = line.text.length - line.text.trimStart().length;
    const t = line.text.trim();
    // Blank lines do not end an item: Word exports often put its parenthetical in a paragraph of its own.
    // In the header they matter: a blank line may split the title.
    if (info.kind === 'blank') {
      if (!inBody) header.push(line);
      continue;
    }
    if (info.kind === 'top') {
      close();
      settle();
      inBody = true;
      inTail = TAIL_HEADING.test(info.rest);
      lastHeading = null;
      if (inTail) {
        // Tasks under `二、工作要求` stand in no body 板块: the heading is theirs until a `（一）` follows.
        tailSection = { no: info.no, title: titleOf(info.rest) };
        section = null;
      }
      if (info.hasBracket) {
        // `三、强化财政金融支持。（财政部、人民银行牵头）`: a measure numbered at the top level.
        if (inTail) useTailSection();
        pending = { block: newBlock(info.no, line, lead + t.length - info.rest.length), depth: 0, hasBracket: true, fromHeading: info.no };
        settle();
      } else if (!hasSections && !inTail) {
        // Without a （一） level, `一、…` headings are the 板块.
        section = sectionNo(info.no);
        sections.push({ no: section, title: titleOf(info.rest) });
        lastHeading = { no: info.no, line, rest: lead + t.length - info.rest.length };
      } else {
        // Items right under `二、…` stand in none of the `（一）` 板块 of the heading before it.
        if (!inTail) section = null;
        lastHeading = { no: info.no, line, rest: lead + t.length - info.rest.length };
      }
      continue;
    }
    if (info.kind === 'section') {
      close();
      settle();
      inBody = true;
      const no = inTail ? info.no : sectionNo(info.no);
      const title = titleOf(info.rest);
      if (inTail) {
        tailSection = { no: info.no, title };
      } else {
        section = no;
        sections.push({ no, title });
      }
      lastHeading = { no: info.no, line, rest: lead + t.length - info.rest.length };
      if (info.hasBracket) {
        // `（三）强化督查考核。…（市政府督查室负责）`: the heading's paragraph is a task; its `（三）` is the id
        // when the notice has no numbered items, its title ends at the full stop.
        if (inTail) useTailSection();
        pending = { block: newBlock(info.no, line, lead + t.length - info.rest.length), depth: 0, hasBracket: true, fromHeading: info.no };
        settle();
      }
      continue;
    }
    if (info.kind === 'item' && (!inTail || info.hasBracket)) {
      close();
      settle();
      inBody = true;
      lastHeading = null;
      if (inTail) useTailSection();
      // The number `11．` is the id, not text of the first task.
      item = newBlock(numbering.numbered(info.no, line.no), line, lead + t.length - info.rest.length);
      continue;
    }
    if (info.kind === 'item') {
      // A numbered requirement in the tail (`1．各单位要…`) without a responsibility bracket is not a task.
      close();
      settle();
      lastHeading = null;
      continue;
    }
    if (!inBody) {
      if (!info.hasBracket) {
        header.push(line);
        continue;
      }
      inBody = true;
    }
    if (DATE_LINE.test(t) || ISSUER_LINE.test(t.replace(/\s+/g, '')) || NOT_BODY.test(t)) {
      // The signature block (`天津市人民政府` / `2020年8月8日`), 抄送 and 附件 lines are never part of a task.
      close();
      settle();
      lastHeading = null;
      continue;
    }
    if (LABEL_LINE.test(t)) {
      const target = labelTarget();
      if (target) {
        addLabel(target, line, lead);
      } else {
        issues.push({ severity: 'warning', code: 'LABEL_WITHOUT_TASK', message: `这一行的分工标注前面没有任务段落，未读取：${t.slice(0, 40)}`, line: line.no });
      }
      continue;
    }
    lastHeading = null;
    if (item) {
      append(item, line, lead);
      continue;
    }
    // A finished paragraph ends the pending one: one with its bracket closed is a task; one without a
    // bracket that ends its sentence is prose (`各地要因地制宜出台支持措施。`). A line broken mid-sentence continues.
    if (pending && pending.depth === 0 && (pending.hasBracket || endsSentence(pending.block.text))) settle();
    if (pending) {
      append(pending.block, line, lead);
    } else {
      pending = { block: newBlock(NaN, line, lead), depth: 0, hasBracket: false, fromHeading: null };
    }
    pending.depth = bracketDepth(pending.depth, t);
    pending.hasBracket ||= info.hasBracket;
  }
  close();
  settle();
  // Sections after the last one with tasks are the tail (`（一）加强组织领导` under a heading we
  // did not recognise as the tail): they are not 板块 of this division of work.
  const lastUsed = items.reduce((m, it) => Math.max(m, it.sectionIndex, ...(it.sectionAt ?? []).map((s) => s.sectionIndex)), -1);
  if (items.length > 0 && lastUsed < sections.length - 1) {
    const dropped = sections.splice(lastUsed + 1);
    issues.push({ severity: 'info', code: 'TAIL_SECTIONS', message: `最后 ${dropped.length} 个板块（${dropped.map((s) => s.title).join('、').slice(0, 40)}）之后没有任务，按工作要求等结尾部分处理`, line: 0 });
  }
  numbering.report();
  return { header, sections, items };

  /** Own-line labels attach to the paragraph they follow: the open item, the pending paragraph, or a heading that is the task. */
  function labelTarget(): ItemBlock | null {
    if (item) return item;
    if (pending) {
      pending.hasBracket = true;
      return pending.block;
    }
    if (lastHeading) {
      // `（一）地区生产总值增长7%以上` / `责任单位：区发展和改革局`: the heading is the task.
      const heading = lastHeading;
      if (inTail) useTailSection();
      pending = { block: newBlock(heading.no, heading.line, heading.rest), depth: 0, hasBracket: true, fromHeading: heading.no };
      lastHeading = null;
      return pending.block;
    }
    return null;
  }
}

/**
 * Own-line labels become one bracket closing the paragraph: `牵头单位：X` + `责任单位：Y、Z` reads as
 * `（牵头单位：X；责任单位：Y、Z）`. They are collected and written once (linear however many lines), raw and
 * canonical text growing by the same characters, so indices stay shared.
 */
function addLabel(block: ItemBlock, line: Line, lead: number): void {
  const label = { raw: line.raw.slice(lead).trim(), text: line.text.slice(lead).trim(), line: line.no };
  (block.labels ??= []).push(label);
}

function flushLabels(block: ItemBlock): ItemBlock {
  const labels = block.labels;
  if (!labels) return block;
  block.lineStarts.push({ offset: block.text.length, line: (labels[0] as { line: number }).line });
  block.raw += `（${labels.map((l) => l.raw).join('；')}）`;
  block.text += `（${labels.map((l) => l.text).join('；')}）`;
  delete block.labels;
  return block;
}

/** A paragraph outside the numbered items is a task by the units its responsibility names, in a bracket or a sentence (DESIGN §3). */
const namesUnits = (text: string): boolean => firstResponsibilityBracket(text, true) >= 0 || assignsBySentence(text);

/** A paragraph that ends its sentence or a closed bracket: `。`, `！`, `？`, `：`, `；`, `）` (its last character only: no scan of a long text). */
const endsSentence = (text: string): boolean => text.length > 0 && '。！？：；）'.includes(text.charAt(text.length - 1));

/** A heading's title ends at its full stop or at a responsibility parenthetical; other brackets are title text. */
function titleOf(rest: string): string {
  const bracket = firstResponsibilityBracket(rest);
  const stop = [rest.indexOf('。'), bracket].filter((i) => i >= 0);
  return rest.slice(0, stop.length > 0 ? Math.min(...stop) : rest.length).trim();
}

/** Open-bracket depth after a line, so a paragraph whose bracket spans lines stays one paragraph. */
function bracketDepth(depth: number, text: string): number {
  let d = depth;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0xff08) d++;
    else if (ch === 0xff09 && d > 0) d--;
  }
  return d;
}
