import type { Issue } from './types';
import type { ItemBlock } from './itemBlock';
import type { LineKind } from './lineKinds';

/**
 * Item numbers: numbered items keep the notice's own numbers (a restart is continued so ids stay
 * unique); a paragraph that assigns work without a number takes the next free number, or — when a
 * numbered item further on would then collide — joins the item before it (item 0 when there is none),
 * so that the notice's own numbers never shift.
 */
export class Numbering {
  private last = 0;
  /** What a restarted numbering adds to the notice's own numbers (0 until one restarts). */
  private restartOffset = 0;
  private readonly placed: Array<{ line: number; no: number; joined: boolean }> = [];
  private readonly hasNumbered: boolean;

  constructor(
    private readonly kinds: LineKind[],
    private readonly issues: Issue[],
  ) {
    this.hasNumbered = kinds.some((k) => k.kind === 'item');
  }

  numbered(own: number, line: number): number {
    const prev = this.last;
    let no = own + this.restartOffset;
    if (no <= prev) {
      // Numbering restarted (under a new 一、/二、 heading, as minutes number （一）（二） per heading): continue
      // it, so task ids stay unique; the numbers after it in the same run follow without a word each.
      this.issues.push({ severity: 'warning', code: 'ITEM_NUMBER_RESTART', message: `事项编号 ${own} 与前面的编号重复（编号重新开始），按 ${prev + 1} 编号，以免任务编号重复`, line });
      this.restartOffset = prev + 1 - own;
      no = prev + 1;
    } else if (no !== prev + 1 && this.hasNumbered) {
      this.issues.push({ severity: 'warning', code: 'ITEM_NUMBER_GAP', message: `事项编号不连续：${prev} 之后是 ${no}`, line });
    }
    this.last = no;
    return no;
  }

  /** Give an unnumbered block its number; false when it joined the previous item instead. */
  unnumbered(block: ItemBlock, items: ItemBlock[], headingNo: number | null): boolean {
    const line = block.lineStarts[0]?.line ?? 0;
    const next = this.kinds[line - 1]?.nextItemNo ?? null;
    let no = headingNo !== null && headingNo > this.last ? headingNo : this.last + 1;
    if (next !== null && no >= next) {
      const prev = items[items.length - 1];
      if (prev) {
        prev.lineStarts.push(...block.lineStarts.map((s) => ({ offset: s.offset + prev.text.length, line: s.line })));
        (prev.sectionAt ??= []).push({ offset: prev.text.length, section: block.section, sectionIndex: block.sectionIndex });
        prev.raw += block.raw;
        prev.text += block.text;
        this.placed.push({ line, no: prev.no, joined: true });
        return false;
      }
      no = 0;
    }
    block.no = no;
    this.last = Math.max(this.last, no);
    this.placed.push({ line, no, joined: false });
    return true;
  }

  /** One issue for the paragraphs the notice did not number, with their lines: the ids are ours, not the notice's. */
  report(): void {
    const numbered = this.placed.filter((p) => !p.joined && this.kinds[p.line - 1]?.kind !== 'top' && this.kinds[p.line - 1]?.kind !== 'section');
    if (numbered.length > 0) {
      this.issues.push({ severity: 'info', code: 'UNNUMBERED_TASKS', message: `${numbered.length} 段没有编号的分工段落按顺序编为第 ${numbered.map((p) => p.no).join('、').slice(0, 60)} 项（第 ${numbered.map((p) => p.line).join('、').slice(0, 80)} 行）`, line: numbered[0]?.line ?? 0 });
    }
    const joined = this.placed.filter((p) => p.joined);
    if (joined.length > 0) {
      this.issues.push({ severity: 'warning', code: 'UNNUMBERED_JOINED', message: `${joined.length} 段没有编号的分工段落位于编号事项之间，并入前一事项（第 ${joined.map((p) => p.line).join('、').slice(0, 80)} 行）`, line: joined[0]?.line ?? 0 });
    }
  }
}
