import type { Issue, Section } from './types';
import type { Line } from './header';
import { firstResponsibilityBracket } from './brackets';
import { DATE_LINE, ISSUER_LINE, ITEM_START, NOT_BODY, SECTION_HEADING, TAIL_HEADING, TOP_HEADING, chineseNumber } from './patterns';

/** A numbered item `N．…` with its text as written (raw) and canonical (same length, same indices). */
export type ItemBlock = {
  no: number;
  section: number | null;
  /** Position of its section in `sections` (-1 when before any). */
  sectionIndex: number;
  raw: string;
  text: string;
  /** Offsets in `text` where each source line begins, with that line's number. */
  lineStarts: Array<{ offset: number; line: number }>;
};

export type Structure = {
  header: Line[];
  sections: Section[];
  items: ItemBlock[];
};

/**
 * Walk the lines once: top-level headings (`一、`) are recognised and skipped, `（N）` opens a
 * section, `N．` opens an item, other lines continue the open item (a .docx may break a
 * paragraph). Everything after a tail heading such as `二、工作要求` is not tasks.
 */
export function readStructure(lines: Line[], issues: Issue[]): Structure {
  const header: Line[] = [];
  const sections: Section[] = [];
  const items: ItemBlock[] = [];
  const hasNumberedItems = lines.some((l) => ITEM_START.test(l.text.trim()));
  let inBody = false;
  let inTail = false;
  let section: number | null = null;
  let item: ItemBlock | null = null;

  const close = (): void => {
    if (item) items.push(item);
    item = null;
  };
  const open = (no: number, line: Line, lead: number): ItemBlock => {
    const prev = items.length > 0 ? (items[items.length - 1] as ItemBlock).no : 0;
    if (no <= prev) {
      // Numbering restarted (under a new 一、/二、 heading): continue it, so task ids stay unique.
      issues.push({ severity: 'warning', code: 'ITEM_NUMBER_RESTART', message: `事项编号 ${no} 与前面的编号重复（编号重新开始），按 ${prev + 1} 编号，以免任务编号重复`, line: line.no });
      no = prev + 1;
    } else if (no !== prev + 1 && hasNumberedItems) {
      issues.push({ severity: 'warning', code: 'ITEM_NUMBER_GAP', message: `事项编号不连续：${prev} 之后是 ${no}`, line: line.no });
    }
    return { no, section, sectionIndex: sections.length - 1, raw: line.raw.slice(lead).trimEnd(), text: line.text.slice(lead).trimEnd(), lineStarts: [{ offset: 0, line: line.no }] };
  };

  for (const line of lines) {
    const lead = line.text.length - line.text.trimStart().length;
    const t = line.text.trim();
    // Blank lines do not end an item: Word exports often put its parenthetical in a paragraph of its own.
    // In the header they matter: a blank line may split the title.
    if (t.length === 0) {
      if (!inBody) header.push(line);
      continue;
    }

    const top = TOP_HEADING.exec(t);
    if (top) {
      close();
      inBody = true;
      inTail = TAIL_HEADING.test(top[3] as string);
      continue;
    }
    const sec = SECTION_HEADING.exec(t);
    if (sec) {
      inBody = true;
      if (!inTail) {
        close();
        const no = chineseNumber(sec[1] as string);
        const rest = sec[2] as string;
        section = no;
        // The title ends at its full stop or at a responsibility parenthetical; other brackets are title text.
        const bracket = firstResponsibilityBracket(rest);
        const stop = [rest.indexOf('。'), bracket].filter((i) => i >= 0);
        const titleEnd = stop.length > 0 ? Math.min(...stop) : rest.length;
        sections.push({ no, title: rest.slice(0, titleEnd).trim() });
        if (bracket >= 0) {
          if (hasNumberedItems) {
            issues.push({ severity: 'warning', code: 'SECTION_HAS_TASK', message: `板块标题行含有分工括号，未作为任务读取：${t.slice(0, 40)}`, line: line.no });
          } else {
            // Notices without numbered items assign work at section level: the section is the item
            // (its `（一）` is the id, not text).
            item = open(no, line, lead + t.length - rest.length);
          }
        }
        continue;
      }
      if (inTail) continue;
    }
    const num = ITEM_START.exec(t);
    if (num && !inTail) {
      close();
      inBody = true;
      // The number `11．` is the id, not text of the first task.
      item = open(Number(num[1]), line, lead + t.length - (num[2] as string).length);
      continue;
    }
    if (inTail) continue;
    if (!inBody) {
      header.push(line);
      continue;
    }
    const current: ItemBlock | null = item;
    if (current && (DATE_LINE.test(t) || ISSUER_LINE.test(t.replace(/\s+/g, '')) || NOT_BODY.test(t))) {
      // The signature block (`天津市人民政府` / `2020年8月8日`), 抄送 and 附件 lines are never part of a task.
      close();
    } else if (current) {
      current.lineStarts.push({ offset: current.text.length, line: line.no });
      current.raw += line.raw.slice(lead).trimEnd();
      current.text += line.text.slice(lead).trimEnd();
    } else if (firstResponsibilityBracket(t) >= 0) {
      // Text that assigns work but belongs to no numbered item would be lost silently: say so.
      issues.push({ severity: 'warning', code: 'TEXT_OUTSIDE_ITEMS', message: `这一段有分工括号，但不在任何编号事项中，未作为任务读取：${t.slice(0, 40)}`, line: line.no });
    }
  }
  close();
  // Sections after the last one with tasks are the tail (`（一）加强组织领导` under a heading we
  // did not recognise as the tail): they are not 板块 of this division of work.
  const lastUsed = items.length > 0 ? (items[items.length - 1] as ItemBlock).sectionIndex : -1;
  if (items.length > 0 && lastUsed < sections.length - 1) {
    const dropped = sections.splice(lastUsed + 1);
    issues.push({ severity: 'info', code: 'TAIL_SECTIONS', message: `最后 ${dropped.length} 个板块（${dropped.map((s) => s.title).join('、').slice(0, 40)}）之后没有任务，按工作要求等结尾部分处理`, line: 0 });
  }
  return { header, sections, items };
}
