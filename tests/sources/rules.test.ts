import type { ParsedNotice, Task } from '../../src/domain/notice/types';
import { noticeShortTitle, shortName } from '../../src/domain/sources/names';
import { prefixIds, shortOfIds } from '../../src/domain/sources/ids';
import { joinSource, severalSourcesMessage, sourcesOf, tasksOfSource } from '../../src/domain/sources/bySource';
import { settleSourceIds } from '../../src/domain/sources/settle';

const task = (id: string, source?: string, section: number | null = null): Task => ({
  id,
  item: Number.parseInt(id, 10) || 1,
  seq: 1,
  section,
  text: `任务${id}`,
  units: [{ name: '市财政局', role: 'lead' }],
  deadline: { text: '', due: null, milestones: [], clauses: [] },
  targets: [],
  line: 1,
  ...(source === undefined ? {} : { source }),
});
const notice = (tasks: Task[], title = '', sections: ParsedNotice['sections'] = []): ParsedNotice => ({
  notice: { title, issuer: null, date: null, year: 2020, docNumber: null },
  sections,
  itemCount: tasks.length,
  tasks,
  units: [{ name: '市财政局', category: 'municipal', lead: tasks.length, joint: 0, support: 0, each: 0 }],
  issues: [],
});

describe('source names', () => {
  it.each([
    ['天津市人民政府印发关于落实国务院《政府工作报告》重点工作任务分工的通知', '落实国务院《政府工作报告》重点工作任务分工'],
    ['天津市人民政府关于印发稳就业若干措施的通知', '稳就业若干措施'],
    ['市政府常务会议纪要', '市政府常务会议纪要'],
    ['', '分工通知'],
  ])('short title of %s', (title, short) => expect(noticeShortTitle(title)).toBe(short));

  it.each([
    ['市政府第12次常务会议纪要', [], '纪要12'],
    ['市政府第十二次常务会议纪要', [], '纪要12'],
    ['领导批示', [], '批示'],
    ['市长批示（3月5日）', ['批示'], '批示2'],
    ['第1次专题会议纪要', ['纪要1'], '纪要1之2'],
    ['稳就业若干措施', [], '稳就业若'],
  ])('简称 of %s', (name, taken, short) => expect(shortName(name, taken as string[])).toBe(short));
});

describe('ids of later sources', () => {
  it('prefixes every id once, numbers blank ones within the source, never takes another source’s id', () => {
    const { tasks, renamed } = prefixIds([task('3'), task('批示-2'), task('51')], '批示', new Set(['51']), new Set(['批示-1']));
    expect(tasks.map((t) => t.id)).toEqual(['批示-3', '批示-2', '批示-4']);
    expect(renamed).toEqual([{ from: '3', to: '批示-3' }, { from: '51', to: '批示-4' }]);
  });

  it('reads the 简称 its ids carry, none for mixed or bare ids', () => {
    expect(shortOfIds(['纪要12-1.1', '纪要12-2.1'])).toBe('纪要12');
    expect(shortOfIds(['1.1', '纪要12-2.1'])).toBeNull();
  });

  it('settles a row typed with a new 事项来源, leaving the first source alone', () => {
    const { tasks } = settleSourceIds([task('1-1', 'A'), task('纪要12-1.1', 'B'), task('纪要12-2.1', 'B'), task('9', 'B'), task('51', '领导批示')], new Set(['51']));
    expect(tasks.map((t) => t.id)).toEqual(['1-1', '纪要12-1.1', '纪要12-2.1', '纪要12-9', '批示-1']);
  });
});

describe('joining a source', () => {
  const current = notice([task('1.1', 'A', 1), task('纪要1-1.1', 'B', 2), task('2.1', 'A', 1)], '', [
    { no: 1, title: 'a' },
    { no: 2, title: 'b' },
  ]);

  it('adds a new source at the end, prefixed, its 板块 after the others', () => {
    const { notice: n, added, short } = joinSource(current, '领导批示', notice([task('1', undefined, 1)], '', [{ no: 1, title: 'c' }]));
    expect([added, short]).toEqual([true, '批示']);
    expect(n.tasks.map((t) => [t.id, t.source, t.section])).toEqual([
      ['1.1', 'A', 1],
      ['2.1', 'A', 1],
      ['纪要1-1.1', 'B', 2],
      ['批示-1', '领导批示', 3],
    ]);
    expect(sourcesOf(n.tasks)).toEqual(['A', 'B', '领导批示']);
    expect(tasksOfSource(n.tasks, 'B').map((t) => t.id)).toEqual(['纪要1-1.1']);
  });

  it('replaces one source only, keeping its 简称; an empty update removes it', () => {
    const replaced = joinSource(current, 'B', notice([task('1.1'), task('2.1')]));
    expect(replaced.notice.tasks.map((t) => t.id)).toEqual(['1.1', '2.1', '纪要1-1.1', '纪要1-2.1']);
    expect(joinSource(current, 'B', notice([])).notice.tasks.map((t) => t.id)).toEqual(['1.1', '2.1']);
    // The first source keeps the notice's own ids.
    expect(joinSource(current, 'A', notice([task('1.1'), task('3.1')])).notice.tasks.map((t) => t.id)).toEqual(['1.1', '3.1', '纪要1-1.1']);
  });

  it('names every source when one must be chosen', () => {
    expect(severalSourcesMessage(['A', 'B'])).toContain('工作簿中有 2 个事项来源：A、B');
  });
});
