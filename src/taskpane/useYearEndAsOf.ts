import { useCallback } from 'react';
import type { SummaryResult, WorkbookState } from '../host/hostTypes';
import type { HostAction } from './useHostAction';
import { yearEndAsOf } from '../domain/summary/yearEndAsOf';
import { localIsoDate } from '../domain/time/isoDate';

export type YearEndAsOf = {
  /** The notice's year and its last day, offered as 统计日期; null when there is nothing to offer. */
  offer: { year: number; date: string } | null;
  /** Set 统计日期 to the offered day (汇总 rebuilt for it); the workbook is looked at again after. */
  apply(): void;
  /** The last setting of 统计日期: its figures, or why it failed. */
  action: HostAction<[string], SummaryResult>;
};

/**
 * 按 2020 年底统计 (issue 20): a workbook of an earlier year's notice counted as of today has almost
 * every task 逾期 (115 of the seed's 120). While 汇总's 统计日期 is still =TODAY() and the notice is
 * of an earlier year, the notice year's 12-31 is offered, one click through the host. The rule is
 * the domain's (yearEndAsOf, as the CLI's hint); `today` is read here, where a clock may be read.
 */
export function useYearEndAsOf(
  workbook: WorkbookState | null,
  action: HostAction<[string], SummaryResult>,
  options: {
    /** Called as the date is set: what the pane shows as of the old date (刷新汇总's figures) is cleared. */
    onApply?: () => void;
    /** Today, `YYYY-MM-DD`. @default the local date now */
    today?: string;
  } = {},
): YearEndAsOf {
  const { onApply, today = localIsoDate(new Date()) } = options;
  const date = workbook?.generated ? yearEndAsOf(workbook.year, workbook.asOf, today) : null;
  const year = workbook?.year ?? null;
  // While it is being set the offer stands back; once set, the workbook read again has a date.
  const offer = date !== null && year !== null && action.state.status !== 'running' ? { year, date } : null;
  const { run } = action;
  const apply = useCallback(() => {
    if (date === null) return;
    onApply?.();
    void run(date);
  }, [date, run, onApply]);
  return { offer, apply, action };
}
