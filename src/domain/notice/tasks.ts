import type { Issue, Task } from './types';
import type { ItemBlock } from './itemBlock';
import { assignRoles, readParenthetical, type ParentheticalReading } from './responsibility';
import { isResponsibility, topLevelBrackets } from './brackets';
import { combineDeadline } from './deadline';
import { deadlineInText } from './textDeadline';
import { sentenceTasks } from './sentences';
import { extractTargets } from './targets';


/** A task before its unit names are resolved against the directory. */
export type DraftTask = Omit<Task, 'units'> & { units: Array<{ name: string; role: Task['units'][number]['role'] }> };

/** `目标。`, `主要目标：`, `基本原则。`, `指导思想。`, `总体要求`: a paragraph of goals or principles. */
const GOAL_PARAGRAPH = /^(?:总体|主要|工作|发展|预期)?(?:目标|原则|指导思想|总体要求)[。：:]/;

/** Characters that may separate two tasks and are not text of either. */
const SEPARATORS = /^[\s。；，、]+|[\s；，、]+$/g;

/**
 * Cut an item into tasks: each task is the text closed by one responsibility parenthetical
 * (`…集中财力保障民计民生等重点领域支出。（市财政局牵头，…，12月底前完成）`). Brackets that are
 * not responsibility (`（经营场所）`, `（国发〔2020〕6号）`) stay in the text.
 */
export function cutItem(item: ItemBlock, year: number | null, leadFirst: boolean, issues: Issue[]): DraftTask[] {
  const tasks: DraftTask[] = [];
  let from = 0;
  // Paragraphs of later sections joined to this item, walked once alongside the brackets.
  const joins = item.sectionAt ?? [];
  let join = -1;
  const lines = lineCursor(item);
  for (const span of topLevelBrackets(item.text)) {
    const inner = item.text.slice(span.open + 1, span.closed ? span.close : item.text.length);
    const reading = readParenthetical(inner, year);
    if (!isResponsibility(reading)) continue;
    const line = lines(span.open);
    if (!span.closed) {
      issues.push({ severity: 'warning', code: 'UNCLOSED_BRACKET', message: `第${item.no}项括号未闭合，已按分工括号读取：（${inner.slice(0, 30)}`, line });
    }
    const text = item.raw.slice(from, span.open).replace(SEPARATORS, '');
    const task = draft(item, tasks.length + 1, text, reading, year, leadFirst, line, issues);
    while (join + 1 < joins.length && (joins[join + 1] as { offset: number }).offset <= from) join++;
    const joined = joins[join];
    tasks.push(joined ? { ...task, section: joined.section } : task);
    from = span.closed ? span.close + 1 : item.text.length;
  }
  if (tasks.length === 0) {
    // No bracket assigns work: sentences may (`由X牵头，Y配合，于9月底前完成`), as minutes and 督办 notices write.
    for (const sentence of sentenceTasks(item.text, year)) {
      const text = item.raw.slice(from, sentence.end).replace(SEPARATORS, '');
      tasks.push(draft(item, tasks.length + 1, text, sentence.reading, year, leadFirst, lines(from), issues));
      from = sentence.end;
    }
    const last = tasks[tasks.length - 1];
    const after = item.raw.slice(from).replace(SEPARATORS, '');
    // What follows the last assigning sentence explains it (`各学校要明确专人负责…`): kept in its text, never dropped.
    if (last && after.length > 0) {
      last.text = `${last.text}${after}`;
      from = item.text.length;
    }
  }
  const rest = item.raw.slice(from).replace(SEPARATORS, '');
  if (tasks.length === 0 && GOAL_PARAGRAPH.test(item.text.trimStart())) {
    // `1．目标。到2025年…` with no responsibility: a goal, not a task without units (DESIGN §3).
    issues.push({ severity: 'info', code: 'NOT_A_TASK', message: `第${item.no}项是目标或原则，没有责任单位，未作为任务：${item.text.slice(0, 30)}`, line: lineAt(item, 0) });
    return [];
  }
  if (tasks.length === 0) {
    issues.push({ severity: 'warning', code: 'NO_RESPONSIBILITY', message: `第${item.no}项没有分工括号（牵头/负责单位），作为无责任单位的任务保留`, line: lineAt(item, 0) });
    tasks.push(draft(item, 1, rest, readParenthetical('', year), year, leadFirst, lineAt(item, 0), issues));
  } else if (rest.length > 0) {
    issues.push({ severity: 'warning', code: 'TRAILING_TEXT', message: `第${item.no}项最后一个分工括号之后还有文字，未归入任务：${rest.slice(0, 40)}`, line: lineAt(item, from) });
  }
  return tasks;
}

function draft(
  item: ItemBlock,
  seq: number,
  text: string,
  reading: ParentheticalReading,
  year: number | null,
  leadFirst: boolean,
  line: number,
  issues: Issue[],
): DraftTask {
  const id = `${item.no}.${seq}`;
  for (const clause of reading.deadlines) {
    if (clause.kind === 'unknown') {
      issues.push({ severity: 'warning', code: 'UNKNOWN_DEADLINE', message: `任务 ${id} 的时限无法识别：${clause.text}`, line });
    }
  }
  if (text.length === 0) {
    issues.push({ severity: 'warning', code: 'EMPTY_TASK', message: `任务 ${id} 没有任务内容（两个分工括号相连）`, line });
  }
  return {
    id,
    item: item.no,
    seq,
    section: item.section,
    text,
    units: assignRoles(reading.mentions, leadFirst),
    // `12月底前完成主体工程` in the text is the deadline when the bracket or label lines give none.
    deadline: combineDeadline(reading.deadlines.length > 0 ? reading.deadlines : deadlineInText(text, year)),
    targets: extractTargets(text),
    line,
  };
}

function lineAt(item: ItemBlock, offset: number): number {
  return lineCursor(item)(offset);
}

/** Source line of an offset, for offsets asked in increasing order: one walk over the item's lines (linear in a long item). */
function lineCursor(item: ItemBlock): (offset: number) => number {
  const starts = item.lineStarts;
  let i = 0;
  return (offset) => {
    while (i + 1 < starts.length && (starts[i + 1] as { offset: number }).offset <= offset) i++;
    return starts[i]?.line ?? 0;
  };
}
