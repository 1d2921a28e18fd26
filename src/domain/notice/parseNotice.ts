import type { Issue, ParseOptions, ParsedNotice, Role, Task, TaskUnit, UnitCategory, UnitLoad } from './types';
import { canonical, normaliseUnitName, splitLines } from '../text/normalise';
import { readHeader, type Line } from './header';
import { readStructure } from './structure';
import { cutItem, type DraftTask } from './tasks';
import { LEAD_FIRST_DECLARATION } from './patterns';
import { SCOPE_NOTE } from './responsibility';
import { splitUnitList } from './unitList';
import { categoryByForm, createDirectory, type UnitDirectory } from '../units/directory';

/**
 * Read a task-division notice into sections, items, tasks, units with roles, deadlines and
 * targets (DESIGN §3). Never throws on user input: problems are returned in `issues`.
 *
 * @example
 * parseNotice('1．做好就业工作。（市人社局牵头，12月底前完成）', { defaultYear: 2020 }).tasks[0]
 * //=> { id: '1.1', units: [{ name: '市人社局', role: 'lead' }], deadline: { due: '2020-12-31', … }, … }
 */
export function parseNotice(text: string, options: ParseOptions = {}, directory: UnitDirectory = createDirectory()): ParsedNotice {
  const issues: Issue[] = [];
  const lines: Line[] = splitLines(text).map((raw, i) => ({ no: i + 1, raw, text: canonical(raw) }));
  const structure = readStructure(lines, issues);
  const notice = readHeader(structure.header, lines, issues);
  const year = notice.year ?? options.defaultYear ?? null;
  if (notice.year === null) {
    issues.push(
      year === null
        ? { severity: 'warning', code: 'NO_YEAR', message: '无法确定通知年度，“12月底前”等时限没有具体日期', line: 0 }
        : { severity: 'info', code: 'ASSUMED_YEAR', message: `通知未写明年度，按 ${year} 年计算时限`, line: 0 },
    );
  }
  const declared = lines.some((l) => LEAD_FIRST_DECLARATION.test(l.text));
  const leadFirst = declared || options.leadFirst === true;
  if (declared) issues.push({ severity: 'info', code: 'LEAD_FIRST', message: '通知声明“列第一位者为牵头单位”，无牵头标注的任务以第一个单位为牵头', line: 0 });

  const drafts: DraftTask[] = addScopeUnits(
    structure.items.flatMap((item) => cutItem(item, year, leadFirst, issues)),
    scopeNotes(lines),
  );
  // Whose notice it is, for the directory's place-bound short forms (DESIGN §4): the issuer and the title both say.
  const issuer = [notice.issuer, notice.title].filter((x) => x !== null && x !== '').join(' ') || null;
  const tasks = drafts.map((d) => resolveUnits(d, directory, issuer, issues));
  const undated = tasks.filter((t) => t.deadline.clauses.length === 0);
  if (undated.length > 0) {
    // One warning listing them all, as for unknown units: the clerk fills 完成时限 in 任务清单.
    const list = undated.map((t) => t.id);
    issues.push({ severity: 'warning', code: 'NO_DEADLINE', message: `${undated.length} 个任务没有完成时限（括号、标注行和任务文字中都没有），请在任务清单中补充：${list.slice(0, 20).join('、')}${list.length > 20 ? ' 等' : ''}`, line: (undated[0] as Task).line });
  }
  if (structure.sections.length === 0 && tasks.length > 0) {
    issues.push({ severity: 'info', code: 'NO_SECTIONS', message: '通知没有（一）（二）…板块标题，任务不分板块', line: 0 });
  }
  if (tasks.length === 0) {
    issues.push({ severity: 'error', code: 'NO_TASKS', message: '没有读到任何任务：未找到“1．…”编号事项或带牵头/负责单位的分工括号', line: 0 });
  }
  return {
    notice: { ...notice, year },
    sections: structure.sections,
    itemCount: structure.items.length,
    tasks,
    units: unitLoads(tasks, directory, issuer, issues),
    issues: dedupeIssues(issues),
  };
}

const ROLE_STRENGTH: Record<Role, number> = { lead: 3, each: 2, joint: 1, support: 0 };

/**
 * Canonical names from the directory, looked up in one spelling (`市 财政局`, `市财政局\u200b` and
 * full-width letters are one unit, known or not); a unit named twice in one task keeps its strongest role.
 */
function resolveUnits(draft: DraftTask, directory: UnitDirectory, issuer: string | null, issues: Issue[]): Task {
  const units: TaskUnit[] = [];
  for (const u of draft.units) {
    const written = normaliseUnitName(u.name);
    const name = directory.resolve(written, issuer)?.name ?? written;
    const existing = units.find((x) => x.name === name);
    if (existing) {
      issues.push({ severity: 'info', code: 'DUPLICATE_UNIT', message: `任务 ${draft.id} 中 ${name} 出现两次，按 ${ROLE_STRENGTH[existing.role] >= ROLE_STRENGTH[u.role] ? existing.role : u.role} 计`, line: draft.line });
      if (ROLE_STRENGTH[u.role] > ROLE_STRENGTH[existing.role]) existing.role = u.role;
      continue;
    }
    units.push({ name, role: u.role });
  }
  if (draft.units.length > 0 && !units.some((u) => u.role === 'lead' || u.role === 'joint' || u.role === 'each')) {
    issues.push({ severity: 'warning', code: 'NO_ACCOUNTABLE', message: `任务 ${draft.id} 只有配合单位，没有牵头或负责单位`, line: draft.line });
  }
  return { ...draft, units };
}

export function unitLoads(tasks: Task[], directory: UnitDirectory, issuer: string | null, issues: Issue[]): UnitLoad[] {
  const loads = new Map<string, UnitLoad>();
  const unknown: Array<{ name: string; task: Task }> = [];
  for (const task of tasks) {
    for (const u of task.units) {
      let load = loads.get(u.name);
      if (!load) {
        load = { name: u.name, category: categoryOf(u.name, directory, issuer), lead: 0, joint: 0, support: 0, each: 0 };
        loads.set(u.name, load);
        if (load.category === 'unknown') unknown.push({ name: u.name, task });
      }
      load[u.role]++;
    }
  }
  // One warning listing them all (DESIGN §4): one per name buried the real warnings under dozens.
  const first = unknown[0];
  if (first) {
    const list = unknown.map((u) => `${u.name}（任务 ${u.task.id}）`).join('、');
    issues.push({ severity: 'warning', code: 'UNKNOWN_UNIT', message: `${unknown.length} 个单位不在单位名录中，请在单位名录中补充或更正：${list}`, line: first.task.line });
  }
  return [...loads.values()];
}

function categoryOf(name: string, directory: UnitDirectory, issuer: string | null): UnitCategory {
  return directory.resolve(name, issuer)?.category ?? categoryByForm(name) ?? 'unknown';
}

/**
 * Scope notes (`以下均需试点城市政府落实，不再列出`), wherever written: the units they name, from their line on.
 * A note inside a task's own bracket covers that task too — it is written there to cover it and every later one.
 */
function scopeNotes(lines: Line[]): Array<{ line: number; units: string[] }> {
  const notes: Array<{ line: number; units: string[] }> = [];
  for (const line of lines) {
    if (!line.text.includes('以下')) continue;
    for (const clause of line.text.split(/[（），；。]/)) {
      const m = SCOPE_NOTE.exec(clause.trim());
      if (m) notes.push({ line: line.no, units: splitUnitList(m[1] as string) });
    }
  }
  return notes;
}

/** Each scope unit joins every task from its note's line on, `joint` (DESIGN §3), unless the task names it already. */
function addScopeUnits(drafts: DraftTask[], notes: Array<{ line: number; units: string[] }>): DraftTask[] {
  if (notes.length === 0) return drafts;
  // Tasks come in line order: the notes in force grow as we walk (linear, however many notes).
  const inForce = new Set<string>();
  let next = 0;
  return drafts.map((d) => {
    for (; next < notes.length && (notes[next] as { line: number }).line <= d.line; next++) for (const u of (notes[next] as { units: string[] }).units) inForce.add(u);
    const extra = [...inForce].filter((name) => !d.units.some((u) => u.name === name));
    return extra.length === 0 ? d : { ...d, units: [...d.units, ...extra.map((name) => ({ name, role: 'joint' as const }))] };
  });
}

/** The same problem reported twice on one line is one problem. */
export function dedupeIssues(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.code}|${i.line}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
