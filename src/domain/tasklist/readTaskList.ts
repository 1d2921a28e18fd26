import type { ParsedNotice, Role, Section, Severity, Task, TaskUnit } from '../notice/types';
import { cellText, type SheetData, type SheetValue } from '../grid/sheetData';
import type { UnitDirectory } from '../units/directory';
import { categoryByForm } from '../units/directory';
import { unitLoads } from '../notice/parseNotice';
import { extractTargets } from '../notice/targets';
import { SECTION_HEADING, chineseNumber } from '../notice/patterns';
import type { DateSystem } from '../time/isoDate';
import { address, columnLetter } from '../grid/a1';
import { readUnitCell } from './unitCells';
import { readDeadlineCells, type ShownDeadline } from './deadlineCells';
import { closestUnitName } from './closestName';
import { DEFAULT_SOURCE, SOURCE_HEADER } from '../sources/names';
import { settleSourceIds } from '../sources/settle';

/** 任务清单's columns the office edits; the others (时限类型, 指标数, 任务状态, 预警, 灯) are derived and rewritten. */
const READ = {
  id: '任务编号',
  section: '板块',
  item: '事项',
  text: '任务内容',
  lead: '牵头单位',
  joint: '负责单位',
  support: '配合单位',
  deadline: '完成时限',
  due: '截止日期',
  source: SOURCE_HEADER,
} as const;
const DERIVED: ReadonlySet<string> = new Set(['时限类型', '指标数', '任务状态', '预警', '灯']);
type Column = keyof typeof READ;

/** The role of a plain name in each unit column. */
const UNIT_COLUMNS: Array<[Column, Role]> = [
  ['lead', 'lead'],
  ['joint', 'joint'],
  ['support', 'support'],
];

/** A problem in 任务清单, where it is: rule code, severity, cell (`E7`), task id, a Chinese message. */
export type TaskListFinding = { code: string; severity: Severity; sheet: string; cell: string; task: string; message: string };

export type TaskListReading = {
  notice: ParsedNotice;
  findings: TaskListFinding[];
  /** Headers of columns with values that are no 任务清单 column: a rebuild would lose them. */
  unknownColumns: Array<{ header: string; column: string; filled: number }>;
};

export type TaskListOptions = {
  directory: UnitDirectory;
  /** The notice's year (汇总's 年度): what `12月底前` means. */
  year: number | null;
  dateSystem: DateSystem;
  /** 完成时限 and 截止日期 as the last generation wrote them, by task id: which of the two the office changed. */
  shown?: ReadonlyMap<string, ShownDeadline>;
};

/** Header rows looked at: the generated sheet has it first; an office may put a title above. */
const HEADER_SEARCH_ROWS = 5;
/** A unit named twice in one task keeps its strongest role, as in a notice. */
const ROLE_STRENGTH: Record<Role, number> = { lead: 3, each: 2, joint: 1, support: 0 };

/**
 * Read the workbook's own 任务清单 — the office's master once the workbook exists (DESIGN §3, §5) —
 * into the same notice document a notice gives, with findings: an unknown unit name (the
 * closest directory name suggested), a task with no unit, a duplicated or missing 任务编号, an
 * unreadable 完成时限 or 截止日期. A duplicated id is an error: the second row is left out.
 */
export function readTaskList(sheet: SheetData, options: TaskListOptions): TaskListReading {
  const findings: TaskListFinding[] = [];
  const find = (severity: Severity, code: string, r: number, c: number, task: string, message: string): void => {
    findings.push({ code, severity, sheet: sheet.name, cell: address(r, c), task, message });
  };
  const empty: ParsedNotice = { notice: { title: '', issuer: null, date: null, year: options.year, docNumber: null }, sections: [], itemCount: 0, tasks: [], units: [], issues: [] };
  const located = locateTaskList(sheet);
  if (located === null) {
    find('error', 'TASKLIST_HEADER_MISSING', 0, 0, '', `工作表“${sheet.name}”的前 ${HEADER_SEARCH_ROWS} 行中没有“任务编号”和“任务内容”列名，无法读取任务`);
    return { notice: empty, findings, unknownColumns: [] };
  }
  const { headerRow, header, at, get } = located;
  const unknownColumns = header.flatMap((h, c) => {
    if (h.length === 0 || Object.values(at).includes(c) || DERIVED.has(h)) return [];
    const filled = sheet.rows.slice(headerRow + 1).filter((row) => cellText(row[c]).length > 0).length;
    return filled > 0 ? [{ header: h, column: columnLetter(c), filled }] : [];
  });

  // Numbers already used further down, so a new 板块 never takes one.
  const labelsAhead = sheet.rows.slice(headerRow + 1).flatMap((row) => {
    const m = SECTION_HEADING.exec(cellText(get(row, 'section')));
    const no = m ? chineseNumber(m[1] as string) : NaN;
    return Number.isFinite(no) ? [no] : [];
  });

  const sections: Section[] = [];
  const sectionOf = (label: string): number | null => {
    if (label.length === 0) return null;
    const m = SECTION_HEADING.exec(label);
    const no = m ? chineseNumber(m[1] as string) : NaN;
    const title = m && Number.isFinite(no) ? (m[2] as string).trim() : label;
    const known = sections.find((s) => (Number.isFinite(no) ? s.no === no : s.title === title));
    if (known) return known.no;
    // A 板块 typed without its （N） gets the next number, so it reads as a section in 汇总.
    const next = Number.isFinite(no) ? no : largest([...sections.map((s) => s.no), ...labelsAhead]) + 1;
    sections.push({ no: next, title });
    return next;
  };
  const rows = taskRows(sheet, located);
  // A row without 任务编号 gets the next item number after every 事项 and id prefix in the sheet.
  let nextItem = largest(rows.flatMap(({ row }) => [itemOf('', get(row, 'item')) ?? 0, itemOf(cellText(get(row, 'id')), null) ?? 0])) + 1;
  const tasks: Task[] = [];
  const seenAt = new Map<string, number>();
  const generated = new Set<string>();
  // A row with 事项来源 left blank belongs to the first source named (the workbook's notice).
  const firstSource = firstSourceOf(rows, located);
  for (const { row, r } of rows) {
    let id = cellText(get(row, 'id'));
    if (id.length === 0) {
      id = String(nextItem++);
      generated.add(id);
      find('warning', 'TASK_ID_MISSING', r, Math.max(0, at.id), id, `第 ${r + 1} 行的任务没有任务编号，已编为 ${id}`);
    }
    const first = seenAt.get(id);
    if (first !== undefined) {
      find('error', 'TASK_ID_DUPLICATE', r, Math.max(0, at.id), id, `任务编号 ${id} 在第 ${first + 1} 行和第 ${r + 1} 行重复出现；每项任务的编号必须唯一，请改正后再更新分工`);
      continue;
    }
    seenAt.set(id, r);
    const text = cellText(get(row, 'text'));
    if (text.length === 0) find('warning', 'TASK_NO_TEXT', r, Math.max(0, at.text), id, `任务 ${id} 没有任务内容`);
    const units: TaskUnit[] = [];
    for (const [key, role] of UNIT_COLUMNS) {
      for (const u of readUnitCell(cellText(get(row, key)), role)) {
        const entry = options.directory.resolve(u.name);
        const name = entry?.name ?? u.name;
        if (!entry && categoryByForm(name) === null) {
          const guess = closestUnitName(name, options.directory.entries);
          find('warning', 'UNKNOWN_UNIT', r, at[key], id, `任务 ${id} 的单位“${name}”不在单位名录中${guess ? `，是否应为“${guess}”？` : '；'}请改正，或在单位名录中补充该单位`);
        }
        const same = units.find((x) => x.name === name);
        if (!same) units.push({ name, role: u.role });
        else if (ROLE_STRENGTH[u.role] > ROLE_STRENGTH[same.role]) same.role = u.role;
      }
    }
    if (units.length === 0) find('warning', 'TASK_NO_UNIT', r, Math.max(0, at.lead), id, `任务 ${id} 没有填写牵头、负责或配合单位，不会生成台账行`);
    const { deadline, problems } = readDeadlineCells(cellText(get(row, 'deadline')), get(row, 'due'), options.year, options.dateSystem, options.shown?.get(id));
    for (const p of problems) find('warning', p.code, r, Math.max(0, p.code === 'DEADLINE_UNREADABLE' ? at.deadline : at.due), id, `任务 ${id} 的${p.message}`);
    const item = itemOf(id, get(row, 'item')) ?? nextItem++;
    tasks.push({
      id,
      item,
      seq: seqOf(id),
      section: sectionOf(cellText(get(row, 'section'))),
      text,
      units,
      deadline,
      targets: extractTargets(text),
      line: r + 1,
      ...(firstSource === null ? {} : { source: cellText(get(row, 'source')) || firstSource }),
    });
  }
  const settled = settleSourceIds(tasks, generated);
  for (const m of settled.renamed) {
    const t = settled.tasks.find((x) => x.id === m.to) as Task;
    find('info', 'TASK_ID_PREFIXED', t.line - 1, Math.max(0, at.id), m.to, `任务 ${m.from} 属于事项来源“${m.source}”，编号改为 ${m.to}（后加入的来源，编号带来源简称）`);
  }
  tasks.splice(0, tasks.length, ...settled.tasks);
  const scratch: ParsedNotice['issues'] = []; // unknown names are findings above, with the cell and a suggestion
  const notice: ParsedNotice = { ...empty, sections: [...sections].sort((a, b) => a.no - b.no), itemCount: new Set(tasks.map((t) => t.item)).size, tasks, units: unitLoads(tasks, options.directory, null, scratch), issues: findings.map((f) => ({ severity: f.severity, code: f.code, message: f.message, line: Number(/\d+$/.exec(f.cell)?.[0] ?? 0) })) };
  return { notice, findings, unknownColumns };
}

/** Where 任务清单's header is, and the column of each field it reads (-1 for a column it lacks). */
export type TaskListColumns = { headerRow: number; header: string[]; at: Record<Column, number>; get(row: readonly SheetValue[], key: Column): SheetValue };

/** 任务清单's header (任务编号 and 任务内容) in its first rows and its columns; null when there is none. */
export function locateTaskList(sheet: SheetData): TaskListColumns | null {
  const headerRow = sheet.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => row.some((v) => cellText(v) === READ.id) && row.some((v) => cellText(v) === READ.text));
  if (headerRow < 0) return null;
  const header = (sheet.rows[headerRow] ?? []).map((v) => cellText(v).replace(/[\s*＊]/g, ''));
  const at = Object.fromEntries(Object.entries(READ).map(([k, h]) => [k, header.indexOf(h)])) as Record<Column, number>;
  return { headerRow, header, at, get: (row, key) => (at[key] < 0 ? null : (row[at[key]] ?? null)) };
}

/** The rows below the header holding a task: anything in a column the office edits. */
export function taskRows(sheet: SheetData, { headerRow, get }: TaskListColumns): Array<{ row: SheetValue[]; r: number }> {
  return sheet.rows.map((row, r) => ({ row, r })).filter(({ row, r }) => r > headerRow && (Object.keys(READ) as Column[]).some((k) => cellText(get(row, k)).length > 0));
}

/**
 * The source of a row whose 事项来源 is blank: the first one named (the workbook's notice), else
 * DEFAULT_SOURCE; null when 任务清单 has no 事项来源 column (a workbook from before it).
 */
export function firstSourceOf(rows: ReadonlyArray<{ row: SheetValue[] }>, { at, get }: TaskListColumns): string | null {
  return at.source < 0 ? null : (rows.map(({ row }) => cellText(get(row, 'source'))).find((s) => s.length > 0) ?? DEFAULT_SOURCE);
}

/** The largest of many numbers, 0 for none (Math.max(...xs) fails past ~100 000 arguments). */
const largest = (xs: readonly number[]): number => xs.reduce((a, b) => Math.max(a, b), 0);

/** 事项 of a row: the 事项 cell, else the number before the first dot of its id (`11.3` → 11). */
function itemOf(id: string, cell: SheetValue): number | null {
  if (typeof cell === 'number' && Number.isInteger(cell) && cell > 0) return cell;
  const n = Number(/^(\d+)/.exec(cellText(cell))?.[1] ?? /^(\d+)/.exec(id)?.[1]);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** The part of an id after its item (`11.3` → 3); 1 for an id without one. */
function seqOf(id: string): number {
  const n = Number(/^\d+[.．](\d+)/.exec(id)?.[1]);
  return Number.isInteger(n) && n > 0 ? n : 1;
}
