/**
 * @jest-environment jsdom
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { useYearEndAsOf } from '../../src/taskpane/useYearEndAsOf';
import { useHostAction } from '../../src/taskpane/useHostAction';
import type { Progress, SummaryResult, WorkbookState } from '../../src/host/hostTypes';

const TODAY = '2026-12-05';
const book = (asOf: string | null, year: number | null, generated = true): WorkbookState => ({ generated, ledgers: [], sources: [], asOf, year });

/** The hook over a real useHostAction whose host records the dates it was asked to set. */
function setup(initial: WorkbookState, onApply?: () => void) {
  const asked: string[] = [];
  const setAsOf = async (date: string, onProgress: (p: Progress) => void): Promise<SummaryResult> => {
    asked.push(date);
    onProgress({ step: '读取台账…', done: 0, total: 0 });
    return { asOf: date, tasks: 120, done: 0, overdue: 2, dueSoon: 118, completionRate: 0, pending: [] };
  };
  let workbook = initial;
  const hook = renderHook(() => {
    const action = useHostAction(setAsOf);
    return useYearEndAsOf(workbook, action, { today: TODAY, ...(onApply ? { onApply } : {}) });
  });
  return { asked, hook, setWorkbook: (w: WorkbookState) => void ((workbook = w), hook.rerender()) };
}

describe('useYearEndAsOf: 按 2020 年底统计', () => {
  it('offers the notice year’s end while 统计日期 is =TODAY(), and sets it through the host', async () => {
    const applied: string[] = [];
    const { asked, hook, setWorkbook } = setup(book(null, 2020), () => applied.push('cleared'));
    expect(hook.result.current.offer).toEqual({ year: 2020, date: '2020-12-31' });
    act(() => hook.result.current.apply());
    await waitFor(() => expect(hook.result.current.action.state.status).toBe('done'));
    expect(asked).toEqual(['2020-12-31']);
    expect(applied).toEqual(['cleared']);
    expect(hook.result.current.action.state).toMatchObject({ status: 'done', result: { asOf: '2020-12-31', overdue: 2 } });
    // The workbook read again holds the date: nothing more to offer.
    setWorkbook(book('2020-12-31', 2020));
    expect(hook.result.current.offer).toBeNull();
  });

  it('offers nothing once 统计日期 is a date', () => {
    const { hook } = setup(book('2020-10-31', 2020));
    expect(hook.result.current.offer).toBeNull();
  });

  it('offers nothing for a notice of this year, of no known year, or before the workbook is generated', () => {
    expect(setup(book(null, 2026)).hook.result.current.offer).toBeNull();
    expect(setup(book(null, null)).hook.result.current.offer).toBeNull();
    expect(setup(book(null, 2020, false)).hook.result.current.offer).toBeNull();
  });

  it('apply does nothing when there is nothing to offer', () => {
    const { asked, hook } = setup(book('2020-10-31', 2020));
    act(() => hook.result.current.apply());
    expect(asked).toEqual([]);
    expect(hook.result.current.action.state.status).toBe('idle');
  });
});
