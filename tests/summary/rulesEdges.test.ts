import { isComplete, isDate, meetsTarget, notBlank, rate, statusCategory, taskStatus, warning } from '../../src/domain/summary/rules';
import { excelSerial } from '../../src/domain/time/isoDate';

// Edges of DESIGN §9 a clerk would see as a wrong figure in 汇总: a target at its bound counted as
// missed, a task half done shown as not started, a row without 责任人 counted as complete.

const D = excelSerial('2020-12-31', 1900);

describe('是否达标 at the bounds of each comparator', () => {
  it('不低于 40: above passes, below fails', () => {
    expect(meetsTarget(41, '>=', 40, null)).toBe(true);
    expect(meetsTarget(39.9, '>=', 40, null)).toBe(false);
  });
  it('超过 40: above passes', () => expect(meetsTarget(40.1, '>', 40, null)).toBe(true));
  it('不超过 4000: below passes, above fails', () => {
    expect(meetsTarget(3999, '<=', 4000, null)).toBe(true);
    expect(meetsTarget(4001, '<=', 4000, null)).toBe(false);
  });
  it('低于 5: below passes, equal and above fail', () => {
    expect(meetsTarget(4.9, '<', 5, null)).toBe(true);
    expect(meetsTarget(5, '<', 5, null)).toBe(false);
    expect(meetsTarget(6, '<', 5, null)).toBe(false);
  });
  it('3至5家 includes both ends', () => {
    expect(meetsTarget(3, 'range', 3, 5)).toBe(true);
    expect(meetsTarget(5, 'range', 3, 5)).toBe(true);
  });
  it('3至5家: just outside either end fails', () => {
    expect(meetsTarget(2.9, 'range', 3, 5)).toBe(false);
    expect(meetsTarget(5.1, 'range', 3, 5)).toBe(false);
  });
  it('a range without an upper bound is met only at its value', () => {
    expect(meetsTarget(3, 'range', 3, null)).toBe(true);
    expect(meetsTarget(4, 'range', 3, null)).toBe(false);
  });
  it('a value the file stores as no valid number is not judged', () => {
    expect(meetsTarget(Number.NaN, '>=', 1, null)).toBeNull();
    expect(meetsTarget(Number.POSITIVE_INFINITY, '>=', 1, null)).toBeNull();
    expect(meetsTarget(null, '<=', 1, null)).toBeNull();
  });
});

describe('a task\'s status from rows in different states', () => {
  it.each([
    [['已完成', '推进中'], '推进中'],
    [['已完成', '未启动'], '推进中'],
    [['推进中'], '推进中'],
    [['未启动', '未启动'], '未启动'],
    [['已完成', '推进中', '受阻'], '受阻'],
    [['受阻'], '受阻'],
    [['已完成'], '已完成'],
    [[null], '未填报'],
  ])('%j → %s', (statuses, expected) => expect(taskStatus(statuses)).toBe(expected));
  it.each([
    ['已完成', 'done'],
    ['推进中', 'inProgress'],
    ['未启动', 'notStarted'],
    ['受阻', 'blocked'],
    [null, 'unreported'],
  ])('状态 %s is counted as %s', (status, category) => expect(statusCategory(status)).toBe(category));
});

describe('填报完整 with cells Excel reads as blank', () => {
  const full = { measures: '方案', person: '张三', plannedDate: D, outputForm: '工作方案', status: '推进中', doneDate: null };
  it('an empty 责任人 cell is not complete', () => {
    expect(isComplete({ ...full, person: null })).toBe(false);
    expect(isComplete({ ...full, person: undefined })).toBe(false);
    expect(isComplete({ ...full, person: '' })).toBe(false);
  });
  it('a number typed as 具体措施 is text Excel does not trim away', () => {
    expect(notBlank(0)).toBe(true);
    expect(isComplete({ ...full, measures: 1 })).toBe(true);
  });
  it('text with a letter after spaces is not blank', () => {
    expect(notBlank('  a')).toBe(true);
    expect(notBlank('a  ')).toBe(true);
    expect(notBlank('')).toBe(false);
  });
  it('a 计划完成时间 that is no valid number is no date', () => {
    expect(isDate(Number.NaN)).toBe(false);
    expect(isComplete({ ...full, plannedDate: Number.POSITIVE_INFINITY })).toBe(false);
  });
  it('a 状态 outside the list is not complete', () => expect(isComplete({ ...full, status: '完成了' })).toBe(false));
});

describe('预警 without the dates it needs', () => {
  it('done with a 完成日期 but no due date is on time', () => expect(warning('已完成', D + 10, null, D, 15)).toBe('按时完成'));
  it('a due date that is no valid number is no due date', () => expect(warning('推进中', null, Number.NaN, D, 15)).toBe('正常'));
  it('due in W days is 临期, with another window too', () => {
    expect(warning('推进中', null, D, D - 3, 3)).toBe('临期');
    expect(warning('推进中', null, D, D - 4, 3)).toBe('正常');
  });
});

describe('rates', () => {
  it('is the share of the denominator', () => expect(rate(3, 4)).toBe(0.75));
  it('is 0, not null, when nothing of something counted is done', () => expect(rate(0, 5)).toBe(0));
});
