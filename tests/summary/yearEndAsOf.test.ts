import { yearEndAsOf } from '../../src/domain/summary/yearEndAsOf';
import { isIsoDate } from '../../src/domain/time/isoDate';

describe('the notice year’s end offered as 统计日期 (issue 20)', () => {
  it('offers 12-31 of an earlier year while 统计日期 is =TODAY()', () => {
    expect(yearEndAsOf(2020, null, '2026-12-05')).toBe('2020-12-31');
    expect(yearEndAsOf(2025, null, '2026-01-01')).toBe('2025-12-31');
  });
  it('offers nothing once a date is set', () => expect(yearEndAsOf(2020, '2020-10-31', '2026-12-05')).toBeNull());
  it('offers nothing for a notice of this year or a later one', () => {
    expect(yearEndAsOf(2026, null, '2026-12-05')).toBeNull();
    expect(yearEndAsOf(2027, null, '2026-12-05')).toBeNull();
  });
  it('offers nothing when the year is unknown', () => expect(yearEndAsOf(null, null, '2026-12-05')).toBeNull());
});

describe('isIsoDate', () => {
  it.each([
    ['2020-12-31', true],
    ['2020-02-29', true],
    ['2021-02-29', false],
    ['2020-13-01', false],
    ['2020-1-31', false],
    ['20201231', false],
    ['', false],
  ])('%s → %s', (text, ok) => expect(isIsoDate(text)).toBe(ok));
});
