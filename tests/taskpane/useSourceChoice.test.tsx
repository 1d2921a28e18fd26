/**
 * @jest-environment jsdom
 */
import { act, renderHook } from '@testing-library/react';
import { useSourceChoice } from '../../src/taskpane/useSourceChoice';
import type { WorkbookState } from '../../src/host/hostTypes';

const NOTICE = '落实国务院《政府工作报告》重点工作任务分工';
const MEETING_TITLE = '天津市人民政府常务会议纪要第12次';
const book = (sources: string[]): WorkbookState => ({ generated: true, ledgers: [], sources, asOf: null, year: 2020 });

describe('useSourceChoice: 更新已有来源 or 作为新的事项来源添加', () => {
  it('asks nothing of a new workbook, and passes no source', () => {
    const { result } = renderHook(() => useSourceChoice({ generated: false, ledgers: [], sources: [], asOf: null, year: null }, MEETING_TITLE));
    expect(result.current).toMatchObject({ asked: false, source: null, problem: null });
  });

  it('with one source named as the notice is, proposes updating it: the notice applied as before sources, no source passed', () => {
    const { result } = renderHook(() => useSourceChoice(book([NOTICE]), `天津市人民政府关于${NOTICE}的通知`));
    expect(result.current).toMatchObject({ asked: true, kind: 'update', target: NOTICE, source: null, problem: null });
  });

  it('with one source named otherwise, proposes nothing: another document is never assumed to replace it', () => {
    const { result } = renderHook(() => useSourceChoice(book([NOTICE]), MEETING_TITLE, '分工表'));
    expect(result.current).toMatchObject({ asked: true, kind: null, source: null, name: MEETING_TITLE });
    expect(result.current.problem).toBe(`请选择这张分工表是更新已有的事项来源“${NOTICE}”，还是作为新的事项来源添加。`);
    act(() => result.current.setKind('update'));
    expect(result.current).toMatchObject({ kind: 'update', target: NOTICE, source: null, problem: null });
  });

  it('a workbook from before sources (its one source 分工通知) is updated by any notice, as it always was', () => {
    const { result } = renderHook(() => useSourceChoice(book(['分工通知']), MEETING_TITLE));
    expect(result.current).toMatchObject({ kind: 'update', target: '分工通知', source: null, problem: null });
  });

  it('adds a new source under the prefilled name, refuses an empty one and one in use', () => {
    const { result } = renderHook(() => useSourceChoice(book([NOTICE]), MEETING_TITLE));
    expect(result.current.kind).toBeNull();
    act(() => result.current.setKind('add'));
    expect(result.current).toMatchObject({ kind: 'add', source: MEETING_TITLE, problem: null });
    act(() => result.current.setName('  '));
    expect(result.current.source).toBeNull();
    expect(result.current.problem).toContain('请填写新事项来源的名称');
    act(() => result.current.setName(NOTICE));
    expect(result.current.problem).toContain('已是本工作簿的事项来源');
    act(() => result.current.setName('市政府第12次常务会议纪要'));
    expect(result.current).toMatchObject({ source: '市政府第12次常务会议纪要', problem: null });
    // Back to 更新: the only source again, the name typed kept for later.
    act(() => result.current.setKind('update'));
    expect(result.current).toMatchObject({ kind: 'update', target: NOTICE, source: null, name: '市政府第12次常务会议纪要' });
  });

  it('with several sources and none named as the notice, waits for a choice, then passes the one picked', () => {
    const { result } = renderHook(() => useSourceChoice(book([NOTICE, '市政府第12次常务会议纪要']), '天津市人民政府关于印发稳就业若干措施的通知'));
    expect(result.current).toMatchObject({ kind: null, source: null });
    expect(result.current.problem).toContain('工作簿中有 2 个事项来源');
    act(() => result.current.setKind('update'));
    expect(result.current.problem).toContain('工作簿中有 2 个事项来源');
    act(() => result.current.setTarget('市政府第12次常务会议纪要'));
    expect(result.current).toMatchObject({ kind: 'update', source: '市政府第12次常务会议纪要', problem: null });
  });

  it('proposes again when the workbook’s sources change: the source just added is the one the notice now updates', () => {
    let state = book([NOTICE]);
    const { result, rerender } = renderHook(() => useSourceChoice(state, '天津市人民政府关于印发稳就业若干措施的通知'));
    act(() => result.current.setKind('add'));
    expect(result.current.source).toBe('稳就业若干措施');
    state = book([NOTICE, '稳就业若干措施']);
    rerender();
    expect(result.current).toMatchObject({ kind: 'update', target: '稳就业若干措施', source: '稳就业若干措施', problem: null });
  });
});
