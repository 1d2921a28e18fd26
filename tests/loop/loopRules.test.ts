import { effectiveDue, effectiveStatus, isPendingExtension, isPendingReview, loopWarning } from '../../src/domain/loop/rowState';
import { isBehindPace, timePace, yearEndOf } from '../../src/domain/loop/pace';
import { excelSerial } from '../../src/domain/time/isoDate';

/** The loop's row rules (DESIGN §12), each at its edges: what the workbook formulas also compute. */
const D = (iso: string): number => excelSerial(iso, 1900);
const due = D('2020-12-31');

describe('a row\'s extension', () => {
  it('is pending while 申请延期至 is filled and 延期批复 is blank', () => {
    expect(isPendingExtension({ status: '', doneDate: null, due, extensionAsked: D('2021-03-31') })).toBe(true);
    expect(isPendingExtension({ status: '', doneDate: null, due, extensionAsked: D('2021-03-31'), extensionReply: '不同意' })).toBe(false);
    expect(isPendingExtension({ status: '', doneDate: null, due, extensionAsked: '' })).toBe(false);
    expect(isPendingExtension({ status: '', doneDate: null, due })).toBe(false);
    expect(isPendingExtension({ status: '', doneDate: null, due, extensionAsked: null })).toBe(false);
    expect(isPendingExtension({ status: '', doneDate: null, due, extensionAsked: D('2021-03-31'), extensionReply: null })).toBe(true);
  });

  it('moves the due date only when 同意: to 批准时限, else to 申请延期至; never when 不同意', () => {
    const asked = { status: '', doneDate: null, due, extensionAsked: D('2021-03-31') };
    expect(effectiveDue(asked)).toBe(due);
    expect(effectiveDue({ ...asked, extensionReply: '不同意', extensionGranted: D('2021-02-28') })).toBe(due);
    expect(effectiveDue({ ...asked, extensionReply: '同意' })).toBe(D('2021-03-31'));
    expect(effectiveDue({ ...asked, extensionReply: '同意', extensionGranted: D('2021-02-28') })).toBe(D('2021-02-28'));
    expect(effectiveDue({ ...asked, extensionReply: '同意', extensionGranted: '待定', extensionAsked: '下月' })).toBe(due);
    expect(effectiveDue({ status: '', doneDate: null, due: '年内' })).toBeNull();
  });
});

describe('a row\'s review', () => {
  const done = { status: '已完成', doneDate: D('2020-11-30'), due };
  it('awaits review only when review is required, the row is 已完成 and not yet 通过 or 退回', () => {
    expect(isPendingReview(done, true)).toBe(true);
    expect(isPendingReview(done, false)).toBe(false);
    expect(isPendingReview({ ...done, review: '通过' }, true)).toBe(false);
    expect(isPendingReview({ ...done, review: '退回' }, true)).toBe(false);
    expect(isPendingReview({ ...done, status: '推进中' }, true)).toBe(false);
  });

  it('counts a returned or unreviewed row as 推进中, else as the unit typed', () => {
    expect(effectiveStatus({ ...done, review: '退回' }, false)).toBe('推进中');
    expect(effectiveStatus(done, true)).toBe('推进中');
    expect(effectiveStatus(done, false)).toBe('已完成');
    expect(effectiveStatus({ ...done, review: '通过' }, true)).toBe('已完成');
    expect(effectiveStatus({ ...done, status: '受阻' }, true)).toBe('受阻');
  });

  it('warns 退回重办 before 待审核, and otherwise against the effective due date', () => {
    const asOf = D('2021-01-15');
    expect(loopWarning({ ...done, review: '退回' }, asOf, 15, true)).toBe('退回重办');
    expect(loopWarning(done, asOf, 15, true)).toBe('待审核');
    expect(loopWarning(done, asOf, 15, false)).toBe('按时完成');
    const open = { status: '推进中', doneDate: null, due, extensionAsked: D('2021-03-31') };
    expect(loopWarning(open, asOf, 15, false)).toBe('逾期');
    expect(loopWarning({ ...open, extensionReply: '同意' }, asOf, 15, false)).toBe('正常');
    expect(loopWarning({ ...open, extensionReply: '同意' }, D('2021-03-20'), 15, false)).toBe('临期');
  });
});

describe('序时进度', () => {
  it('is the share of the year elapsed, within 0 and 1', () => {
    expect(timePace(D('2020-07-01'), 2020, 1900)).toBeCloseTo(183 / 366, 12);
    expect(timePace(D('2020-12-31'), 2020, 1900)).toBe(1);
    expect(timePace(D('2021-02-01'), 2020, 1900)).toBe(1);
    expect(timePace(D('2019-12-31'), 2020, 1900)).toBe(0);
    expect(timePace(excelSerial('2021-07-02', 1904), 2021, 1904)).toBeCloseTo(183 / 365, 12);
  });

  it('is behind only below pace minus the tolerance, for a progress that is a number', () => {
    expect(isBehindPace(0.4, 0.5, 5)).toBe(true);
    expect(isBehindPace(0.45, 0.5, 5)).toBe(false);
    expect(isBehindPace(0.449, 0.5, 5)).toBe(true);
    expect(isBehindPace(0.4, 0.5, 0)).toBe(true);
    expect(isBehindPace(0.5, 0.5, 0)).toBe(false);
    expect(isBehindPace('40%', 0.5, 5)).toBe(false);
    expect(isBehindPace(Number.NaN, 0.5, 5)).toBe(false);
    expect(isBehindPace(null, 0.5, 5)).toBe(false);
    expect(isBehindPace(-Infinity, 0.5, 5)).toBe(false);
  });

  it('applies to a year-end target only', () => {
    expect(yearEndOf('2020-12-31')).toBe(2020);
    expect(yearEndOf('2020-06-30')).toBeNull();
    expect(yearEndOf(null)).toBeNull();
  });
});
