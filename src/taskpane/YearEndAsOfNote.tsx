import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { SummaryResult } from '../host/hostTypes';
import type { YearEndAsOf } from './useYearEndAsOf';
import { ActionStatus } from './ActionStatus';

/**
 * The notice is of an earlier year and 统计日期 is today: said once, with the one button that
 * counts as of the notice year's end instead, and what that gave.
 */
export function YearEndAsOfNote({ yearEnd, running }: { yearEnd: YearEndAsOf; running: boolean }) {
  const { offer } = yearEnd;
  return (
    <>
      {offer && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            通知是 {offer.year} 年的，统计日期仍是今天（=TODAY()），当年到期的任务都算作逾期，催办单也按今天开列。按通知当年统计，可把统计日期设为 {offer.date}。
          </MessageBarBody>
          <MessageBarActions>
            <Button disabledFocusable={running} onClick={yearEnd.apply}>
              按 {offer.year} 年底统计
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <ActionStatus label="设置统计日期" state={yearEnd.action.state} success={asOfMessage} />
    </>
  );
}

/** The figures as of the date set: what changed is why the clerk clicked. */
export function asOfMessage(r: SummaryResult): string {
  return `统计日期已设为 ${r.asOf}（汇总!B1），汇总已按此刷新：任务 ${r.tasks} 项，已完成 ${r.done} 项，逾期 ${r.overdue} 项，临期 ${r.dueSoon} 项。`;
}
