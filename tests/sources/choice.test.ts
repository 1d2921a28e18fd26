import { defaultSourceChoice, newSourceName, sourceOption } from '../../src/domain/sources/choice';
import { taskListSources } from '../../src/domain/tasklist/taskListSources';
import { readTaskList } from '../../src/domain/tasklist/readTaskList';
import { sourcesOf } from '../../src/domain/sources/bySource';
import { createDirectory } from '../../src/domain/units/directory';
import type { SheetData, SheetValue } from '../../src/domain/grid/sheetData';

const NOTICE = '落实国务院《政府工作报告》重点工作任务分工';
const MEETING = '市政府第12次常务会议纪要';

describe('which source a notice is (the pane’s question, DESIGN §13)', () => {
  it('updating the only source passes no name, as build --update without --source', () => {
    expect(sourceOption({ kind: 'update', name: NOTICE }, [NOTICE])).toEqual({ source: null, problem: null });
  });
  it('nothing chosen is a problem with one source too, worded for what is applied', () => {
    expect(sourceOption(null, [NOTICE])).toEqual({ source: null, problem: `请选择这份通知是更新已有的事项来源“${NOTICE}”，还是作为新的事项来源添加。` });
    expect(sourceOption(null, [NOTICE, MEETING], '分工表').problem).toBe('工作簿中有 2 个事项来源：请选择这张分工表更新的是哪一个，或作为新的事项来源添加。');
    expect(sourceOption({ kind: 'add', name: MEETING }, [NOTICE, MEETING], '分工表').problem).toBe(`“${MEETING}”已是本工作簿的事项来源：要用这张分工表替换它的任务，请选择“更新已有来源”；作为新来源添加，请换一个名称。`);
  });
  it('updating one of several passes its name', () => {
    expect(sourceOption({ kind: 'update', name: MEETING }, [NOTICE, MEETING])).toEqual({ source: MEETING, problem: null });
  });
  it('nothing chosen among several is a problem that says so', () => {
    expect(sourceOption(null, [NOTICE, MEETING])).toEqual({ source: null, problem: expect.stringContaining('工作簿中有 2 个事项来源') });
  });
  it('a source the workbook does not have cannot be updated', () => {
    expect(sourceOption({ kind: 'update', name: '领导批示' }, [NOTICE, MEETING]).problem).toContain('工作簿中没有事项来源“领导批示”');
  });
  it('a new source is named, trimmed', () => {
    expect(sourceOption({ kind: 'add', name: `  ${MEETING} ` }, [NOTICE])).toEqual({ source: MEETING, problem: null });
  });
  it('a new source with an empty name is refused', () => {
    expect(sourceOption({ kind: 'add', name: '  ' }, [NOTICE])).toEqual({ source: null, problem: expect.stringContaining('请填写新事项来源的名称') });
  });
  it('a new source under a name already used is refused', () => {
    expect(sourceOption({ kind: 'add', name: MEETING }, [NOTICE, MEETING])).toEqual({ source: null, problem: expect.stringContaining(`“${MEETING}”已是本工作簿的事项来源`) });
  });
  it('a workbook without tasks asks nothing', () => {
    expect(sourceOption({ kind: 'add', name: '' }, [])).toEqual({ source: null, problem: null });
  });

  it('proposes the source named as the notice is, or the only one when nothing tells them apart, else nothing', () => {
    expect(defaultSourceChoice([NOTICE], `天津市人民政府关于${NOTICE}的通知`)).toEqual({ kind: 'update', name: NOTICE });
    expect(defaultSourceChoice([NOTICE], '天津市人民政府常务会议纪要')).toBeNull();
    expect(defaultSourceChoice([NOTICE], '')).toEqual({ kind: 'update', name: NOTICE });
    expect(defaultSourceChoice(['分工通知'], '天津市人民政府常务会议纪要')).toEqual({ kind: 'update', name: '分工通知' });
    // With several sources an untitled input, or one named otherwise, is never assumed to update the first.
    expect(defaultSourceChoice([NOTICE, MEETING], '')).toBeNull();
    expect(defaultSourceChoice(['分工通知', MEETING], '天津市人民政府关于印发稳就业若干措施的通知')).toBeNull();
    expect(defaultSourceChoice([NOTICE, '稳就业若干措施'], '天津市人民政府关于印发稳就业若干措施的通知')).toEqual({ kind: 'update', name: '稳就业若干措施' });
    expect(defaultSourceChoice([NOTICE, MEETING], '天津市人民政府常务会议纪要')).toBeNull();
    expect(defaultSourceChoice([], '')).toBeNull();
  });
  it('offers a new source under the notice’s short title, or no name for a notice without one', () => {
    expect(newSourceName('天津市人民政府关于印发稳就业若干措施的通知')).toBe('稳就业若干措施');
    expect(newSourceName('  ')).toBe('');
  });
});

const sheet = (rows: SheetValue[][]): SheetData => ({ name: '任务清单', rows });
const HEADER = ['任务编号', '任务内容', '牵头单位', '完成时限', '事项来源'];

describe('the sources 任务清单 holds, read without reading its tasks', () => {
  const cases: Array<[string, SheetData, string[]]> = [
    ['two sources in order of first appearance', sheet([HEADER, ['1.1', '甲', '市财政局', '', NOTICE], ['纪要12-1.1', '乙', '市财政局', '', MEETING], ['1.2', '丙', '市财政局', '', NOTICE]]), [NOTICE, MEETING]],
    ['a blank 事项来源 is the first source named', sheet([HEADER, ['1.1', '甲', '市财政局', '', null], ['批示-1', '乙', '市财政局', '', '领导批示'], ['1.2', '丙', '市财政局', '', NOTICE]]), ['领导批示', NOTICE]],
    ['a 任务清单 from before 事项来源 is one source, 分工通知', sheet([HEADER.slice(0, 4), ['1.1', '甲', '市财政局', '']]), ['分工通知']],
    ['every 事项来源 blank is 分工通知', sheet([HEADER, ['1.1', '甲', '市财政局', '', null]]), ['分工通知']],
    ['a header and no task: no source', sheet([HEADER]), []],
    ['no header: no source', sheet([['标题'], ['1.1', '甲']]), []],
  ];
  it.each(cases)('%s', (_label, data, expected) => {
    expect(taskListSources(data)).toEqual(expected);
    // The same sources readTaskList gives the tasks (what placeSource goes by).
    if (expected.length > 0) expect(sourcesOf(readTaskList(data, { directory: createDirectory([]), year: 2020, dateSystem: 1900 }).notice.tasks)).toEqual(expected);
  });
  it('no 任务清单: no source', () => expect(taskListSources(undefined)).toEqual([]));
});
