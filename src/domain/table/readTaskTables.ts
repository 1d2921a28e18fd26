import type { DeadlineClause, Issue, ParseOptions, ParsedNotice, Role, Section, Task } from '../notice/types';
import { assignRoles, type UnitMention } from '../notice/responsibility';
import { combineDeadline } from '../notice/deadline';
import { extractTargets } from '../notice/targets';
import { createDirectory, type UnitDirectory } from '../units/directory';
import { fillMerges, isMergedAcross, isMergedCopy } from './fillMerges';
import { UNIT_KINDS, columnKind, findHeader, headerKey, type HeaderMatch } from './headers';
import { readUnitCell, type UnitColumn } from './unitCell';
import { readDeadlineCell } from './deadlineCell';
import { resolveRowUnits } from './resolveUnits';
import { dedupeIssues, unitLoads } from '../notice/parseNotice';
import { uniqueIds } from './taskIds';
import { COLUMN_LABEL, type ColumnChoice, type ColumnKind, type ColumnReading, type Grid, type TableReading, type TableSource } from './types';

export type TableOptions = ParseOptions & {
  format: TableSource['format'];
  /** Read every task table, in order (a Word document's tables), rather than the best-matching one (a workbook's sheets). @default false */
  all?: boolean;
  /** A title found outside the tables (the paragraph above a Word table). */
  title?: string;
  /** The user's reading of columns by header (`--columns 任务=改革举措,责任单位=指导部门`, the pane's picker). */
  columns?: ColumnChoice[];
};

/** A task-list table as input (DESIGN §3): the grids of an .xlsx, a CSV, a .docx's tables or the active sheet. */
export type TableInput = Pick<TableOptions, 'format' | 'all' | 'title' | 'columns'> & { grids: Grid[] };

/**
 * A notice read from tables, and how they were read (the overview and `input` of `duban.notice/1`).
 * `headerWithoutTask` is the header found where no table was read for want of a task column
 * (`序号 | 名称 | 牵头单位`, the names too short to be told by their content): its columns, so the pane's
 * picker can let the clerk say which one holds the task. It is not part of `input`.
 */
export type TableNotice = { parsed: ParsedNotice; source: TableSource; headerWithoutTask?: TableReading };

/** `一、稳就业`, `（三）保市场主体`, `第二部分 …`: a heading row inside a table opens a 板块. */
const HEADING = /^(?:[一二三四五六七八九十百]+[、.．]|（[一二三四五六七八九十百\d]+）|第[一二三四五六七八九十百\d]+(?:部分|章|节))\s*/;
/** An id cell that numbers a heading, not a task: `一`, `（二）`. */
const HEADING_NUMBER = /^(?:[一二三四五六七八九十百]+[、.．]?|（[一二三四五六七八九十百]+）)$/;
/** `附件1`, `附件`: the line above an attachment's title. */
const ATTACHMENT = /^附件\s*\d*[：:]?$/;
/** `2020年重点工作任务分工表`: the year of the table's deadlines, as a notice's date gives it. */
const TITLE_YEAR = /(20\d{2})年/;
/** `（共5项）`, `(10项)`: a count after a heading is not its title. */
const COUNT_NOTE = /[（(]共?\s*\d+\s*项[）)]$/;
/** Longer than a heading row's text: a lone long text outside the task column is reported, not made a 板块. */
const MAX_HEADING = 40;
/** Characters of a rejected unit cell quoted in an issue. */
const QUOTE = 20;

type Candidate = { grid: Grid; rows: string[][]; header: HeaderMatch | null; dataRows: number };

/**
 * Read task-list tables (分工表) into the notice document the prose parser gives (DESIGN §3):
 * the header row by its aliases, unit cells as lists or prose, merged cells filled, 板块 from a
 * column or heading rows. Never throws on user input: what could not be read is in `issues`.
 *
 * @example
 * readTaskTables([{ name: 't', merges: [], rows: [['序号', '重点任务', '牵头单位'], ['1', '稳就业', '市人社局']] }], { format: 'csv' }).parsed.tasks[0]
 * //=> { id: '1', text: '稳就业', units: [{ name: '市人社局', role: 'lead' }], … }
 */
export function readTaskTables(grids: readonly Grid[], options: TableOptions, directory: UnitDirectory = createDirectory()): TableNotice {
  const issues: Issue[] = [];
  const candidates: Candidate[] = grids.map((grid) => {
    const rows = fillMerges(grid);
    const header = findHeader(rows, options.columns);
    return { grid, rows, header, dataRows: header === null ? 0 : rows.slice(header.row + 1).filter((r) => r.some((c) => c !== '')).length };
  });
  const withTask = candidates.filter((c) => c.header !== null && [...c.header.kinds.values()].includes('task'));
  const chosen = options.all === true ? withTask : best(withTask);
  if (chosen.length === 0) issues.push(noTable(candidates));
  // The same header noTable names, offered to the picker.
  const headed = chosen.length === 0 ? candidates.find((c) => c.header !== null) : undefined;
  for (const choice of options.columns ?? []) {
    if (!chosen.some((c) => (c.rows[c.header?.row ?? 0] ?? []).some((h) => headerKey(h) === headerKey(choice.header)))) {
      issues.push({ severity: 'warning', code: 'COLUMN_NOT_FOUND', message: `指定的列“${choice.header}”不在表头中，未使用；表头中的列见“输入”一行`, line: 0 });
    }
  }

  const title = options.title ?? titleAbove(chosen[0]) ?? '';
  const titleYear = TITLE_YEAR.exec(title);
  const year = titleYear ? Number(titleYear[1]) : (options.defaultYear ?? null);
  const sections: Section[] = [];
  const drafts: Draft[] = [];
  const readings: TableReading[] = [];
  for (const c of chosen) {
    const before = drafts.length;
    readRows(c, chosen.length > 1, year, options.leadFirst === true, sections, drafts, issues);
    readings.push(tableReading(c, drafts.length - before));
  }
  const ids = uniqueIds(drafts, issues);
  // The built-in directory's short forms are one city's (天津): they apply when the title says so (DESIGN §4).
  const place = title === '' ? null : title;
  const tasks = drafts.map((d, i) => finish(d, ids[i] as string, i + 1, directory, place, issues));
  if (year === null && tasks.some((t) => t.deadline.clauses.some((k) => k.due === null && k.kind !== 'unknown' && k.kind !== 'timely'))) {
    issues.push({ severity: 'warning', code: 'NO_YEAR', message: '表格未写明年度（标题中没有“2020年”这样的年份），“12月底前”等时限没有具体日期', line: 0 });
  }
  if (tasks.length === 0 && chosen.length > 0) {
    issues.push({ severity: 'error', code: 'NO_TASKS', message: '表格有表头，但表头下没有任务行', line: 0 });
  }
  return {
    parsed: {
      notice: { title, issuer: null, date: null, year, docNumber: null },
      sections,
      itemCount: new Set(tasks.map((t) => t.item)).size,
      tasks,
      // As the prose parser counts them: unknown names are one warning listing them all.
      units: unitLoads(tasks, directory, place, issues),
      issues: dedupeIssues(issues),
    },
    source: { kind: 'table', format: options.format, tables: readings },
    ...(headed === undefined ? {} : { headerWithoutTask: tableReading(headed, 0) }),
  };
}

/** A task row before its id is made unique and its units resolved. */
export type Draft = {
  id: string | null;
  /** The id cell is part of a merged area above (one 序号 over several task rows). */
  idMerged: boolean;
  text: string;
  units: Array<{ name: string; role: Role }>;
  deadlineClauses: DeadlineClause[];
  section: number | null;
  line: number;
  where: string;
};

/** Of several sheets, the one whose header names the most kinds of column, then the one with more rows. */
function best(candidates: Candidate[]): Candidate[] {
  let top: Candidate | undefined;
  for (const c of candidates) {
    if (top === undefined || (c.header?.score ?? 0) > (top.header?.score ?? 0) || ((c.header?.score ?? 0) === (top.header?.score ?? 0) && c.dataRows > top.dataRows)) top = c;
  }
  return top === undefined ? [] : [top];
}

function noTable(candidates: Candidate[]): Issue {
  if (candidates.every((c) => c.rows.every((r) => r.every((v) => v === '')))) {
    return { severity: 'error', code: 'EMPTY_TABLE', message: '表格是空的，没有可读取的内容', line: 0 };
  }
  const headed = candidates.find((c) => c.header !== null);
  if (headed?.header) {
    const named = [...headed.header.kinds.entries()].map(([col, kind]) => `${headed.rows[headed.header?.row ?? 0]?.[col] ?? ''}→${COLUMN_LABEL[kind]}`).join('、');
    return {
      severity: 'error',
      code: 'NO_TASK_COLUMN',
      message: `${headed.grid.name}第 ${rowNo(headed.grid, headed.header.row)} 行像是表头（${named}），但没有任务列：请把任务所在列的表头写成“重点任务”“任务内容”“工作任务”等`,
      line: rowNo(headed.grid, headed.header.row),
    };
  }
  return {
    severity: 'error',
    code: 'NOT_A_TABLE',
    message: '没有找到分工表：前 10 行中没有表头（应有“重点任务”“任务内容”等任务列，和“牵头单位”“责任单位”等单位列）',
    line: 0,
  };
}

const rowNo = (grid: Grid, r: number): number => (grid.firstRow ?? 1) + r;

/**
 * The title row above the header: the first line that is not `附件1` nor the upper row of a
 * two-row header (`序号 | 重点任务 | 责任单位（merged over 牵头 | 配合）| 完成时限`).
 */
function titleAbove(c: Candidate | undefined): string | null {
  if (c === undefined || c.header === null) return null;
  for (const row of c.rows.slice(0, c.header.row)) {
    const text = [...new Set(row.filter((v) => v !== ''))].join(' ');
    const headerLike = new Set(row.map(columnKind).filter((k) => k !== null)).size >= 2;
    if (text !== '' && !ATTACHMENT.test(text) && !headerLike) return text;
  }
  return null;
}

function tableReading(c: Candidate, tasks: number): TableReading {
  const header = c.header as HeaderMatch;
  const cells = c.rows[header.row] ?? [];
  return {
    name: c.grid.name,
    headerRow: rowNo(c.grid, header.row),
    tasks,
    // A column merged across two header cells is listed once.
    columns: cells
      .map((h, col): ColumnReading => {
        const by = header.by.get(col);
        return { header: h, as: header.kinds.get(col) ?? null, ...(by === undefined ? {} : { by }) };
      })
      .filter((col, i) => col.header !== '' && !(col.as === null && col.by === undefined && cells[i - 1] === col.header)),
  };
}

function readRows(c: Candidate, several: boolean, year: number | null, leadFirst: boolean, sections: Section[], drafts: Draft[], issues: Issue[]): void {
  const header = c.header as HeaderMatch;
  const col = (kind: ColumnKind): number | undefined => [...header.kinds].find(([, k]) => k === kind)?.[0];
  const taskCol = col('task') as number;
  const idCol = col('id');
  const deadlineCol = col('deadline');
  const sectionCol = col('section');
  const unitCols = UNIT_KINDS.map((kind) => ({ kind, at: col(kind) })).filter((u): u is { kind: UnitColumn; at: number } => u.at !== undefined);
  if (unitCols.length === 0) {
    issues.push({ severity: 'warning', code: 'NO_UNIT_COLUMN', message: `${c.grid.name}没有“牵头单位”“责任单位”“配合单位”列，任务没有责任单位`, line: rowNo(c.grid, header.row) });
  }
  const headerRow = (c.rows[header.row] ?? []).join('\u0000');
  let section: number | null = sections.length > 0 ? (sections[sections.length - 1] as Section).no : null;
  for (let r = header.row + 1; r < c.rows.length; r++) {
    const cells = c.rows[r] as string[];
    const line = rowNo(c.grid, r);
    const where = `${several ? c.grid.name : ''}第 ${line} 行`;
    // A table continued on a new page repeats its header.
    if (cells.every((v) => v === '') || cells.join('\u0000') === headerRow) continue;
    const text = cells[taskCol] ?? '';
    const heading = headingOf(c.grid, r, cells, taskCol, idCol);
    if (heading !== null) {
      section = openSection(sections, heading);
      continue;
    }
    if (sectionCol !== undefined && cells[sectionCol] !== '') section = openSection(sections, cells[sectionCol] as string);
    if (text === '') {
      issues.push({ severity: 'warning', code: 'EMPTY_TASK', message: `${where}没有任务内容，未读取`, line });
      continue;
    }
    const mentions: UnitMention[] = [];
    const clauses: DeadlineClause[] = [];
    for (const u of unitCols) {
      const cell = readUnitCell(cells[u.at] ?? '', u.kind, year);
      // One by one: a spread of 130 000 names would overflow the call stack.
      for (const m of cell.mentions) mentions.push(m);
      for (const d of cell.deadlines) clauses.push(d);
      for (const part of cell.rejected) {
        const shown = part.length > QUOTE ? `${part.slice(0, QUOTE)}…` : part;
        issues.push({ severity: 'warning', code: 'UNIT_NOT_READ', message: `${where}“${c.rows[header.row]?.[u.at] ?? ''}”中的“${shown}”（${part.length} 字）不是单位名称，未读取`, line });
      }
    }
    const deadline = deadlineCol === undefined ? [] : readDeadlineCell(cells[deadlineCol] ?? '', year).clauses;
    const id = idCol === undefined ? '' : (cells[idCol] ?? '').replace(/[.．、]$/, '');
    drafts.push({
      id: id === '' ? null : id,
      idMerged: idCol !== undefined && isMergedCopy(c.grid, r, idCol),
      text,
      units: assignRoles(mentions, leadFirst),
      deadlineClauses: [...deadline, ...clauses],
      section,
      line,
      where,
    });
  }
}

/**
 * A row holding only a heading: one text merged across the row, a numbered heading alone in the
 * task column (`一、稳就业`), or a heading number in the id column beside a text and nothing else.
 */
function headingOf(grid: Grid, r: number, cells: string[], taskCol: number, idCol: number | undefined): string | null {
  const filled = cells.map((v, i) => ({ v, i })).filter((x) => x.v !== '');
  const values = new Set(filled.map((x) => x.v));
  const text = cells[taskCol] ?? '';
  const only = filled[0];
  // `一、知识产权保护方面（共5项）` alone in the 序号 column (a CSV keeps no merge), or any lone short text
  // outside the task column: a heading row, not a task without text.
  if (values.size === 1 && only !== undefined && (isMergedAcross(grid, r) || (filled.length === 1 && (HEADING.test(only.v) || (only.i !== taskCol && only.v.length <= MAX_HEADING))))) return only.v;
  const idOnly = idCol !== undefined && filled.length === 2 && HEADING_NUMBER.test(cells[idCol] ?? '') && text !== '';
  return idOnly ? text : null;
}

function openSection(sections: Section[], heading: string): number {
  const title = heading.replace(HEADING, '').replace(COUNT_NOTE, '').trim() || heading;
  const existing = sections.find((s) => s.title === title);
  if (existing) return existing.no;
  sections.push({ no: sections.length + 1, title });
  return sections.length;
}

function finish(d: Draft, id: string, ordinal: number, directory: UnitDirectory, place: string | null, issues: Issue[]): Task {
  const numbered = /^(\d+)(?:\.(\d+))?$/.exec(id);
  for (const k of d.deadlineClauses) {
    if (k.kind === 'unknown') issues.push({ severity: 'warning', code: 'UNKNOWN_DEADLINE', message: `任务 ${id}（${d.where}）的时限无法识别：${k.text}`, line: d.line });
  }
  if (d.units.length === 0) {
    issues.push({ severity: 'warning', code: 'NO_RESPONSIBILITY', message: `任务 ${id}（${d.where}）没有读到牵头或责任单位，作为无责任单位的任务保留`, line: d.line });
  }
  return {
    id,
    item: numbered ? Number(numbered[1]) : ordinal,
    seq: numbered?.[2] !== undefined ? Number(numbered[2]) : 1,
    section: d.section,
    text: d.text,
    units: resolveRowUnits(id, d.line, d.units, directory, place, issues),
    deadline: combineDeadline(d.deadlineClauses),
    targets: extractTargets(d.text),
    line: d.line,
  };
}
