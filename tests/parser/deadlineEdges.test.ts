import { combineDeadline, parseDeadlineClause } from '../../src/domain/notice/deadline';

// Edges of the deadline grammar a clerk would see as a wrong 截止日期 in 任务清单: a date that does
// not exist, a deadline counted from the wrong month, the wrong clause taken as the task's due.

const due = (text: string, year: number | null = 2020) => parseDeadlineClause(text, year).due;
const read = (text: string, year: number | null = 2020) => {
  const c = parseDeadlineClause(text, year);
  return `${c.kind} ${String(c.due)}`;
};

describe('a task with several deadline clauses', () => {
  it('takes the latest date as due whatever order the clauses are written in', () => {
    const d = combineDeadline([parseDeadlineClause('年内持续推进', 2022), parseDeadlineClause('9月底前出台实施方案', 2022), parseDeadlineClause('6月底前启动', 2022)]);
    expect(d.due).toBe('2022-12-31');
    expect(d.milestones).toEqual(['2022-06-30', '2022-09-30']);
  });
  it('lists a date two clauses share once', () => {
    const d = combineDeadline([parseDeadlineClause('6月底前出台相关政策', 2022), parseDeadlineClause('6月30日前完成', 2022), parseDeadlineClause('年底前完成', 2022)]);
    expect(d).toMatchObject({ due: '2022-12-31', milestones: ['2022-06-30'] });
  });
  it('has no due and no milestones when no clause names a date', () => {
    const d = combineDeadline([parseDeadlineClause('长期坚持', 2022), parseDeadlineClause('适时出台相关政策', 2022)]);
    expect(d).toMatchObject({ text: '长期坚持，适时出台相关政策', due: null, milestones: [] });
  });
  it('a single dated clause is the due with no milestone', () => {
    expect(combineDeadline([parseDeadlineClause('9月30日前完成', 2022)])).toMatchObject({ due: '2022-09-30', milestones: [] });
  });
});

describe('dates that do not exist are no due date, never a wrong one', () => {
  it('2月30日 is no date', () => expect(due('2月30日前完成')).toBeNull());
  it('2月29日 exists only in a leap year', () => {
    expect(due('2月29日前完成', 2020)).toBe('2020-02-29');
    expect(due('2月29日前完成', 2021)).toBeNull();
  });
  it('4月31日 is no date, 4月30日 is', () => {
    expect(due('4月31日前完成')).toBeNull();
    expect(due('4月30日前完成')).toBe('2020-04-30');
  });
  it('day 0 is no date, day 1 is', () => {
    expect(due('5月0日前完成')).toBeNull();
    expect(due('5月1日前完成')).toBe('2020-05-01');
  });
  it('month 13 and month 0 are no date, whatever the wording', () => {
    expect(due('13月1日前完成')).toBeNull();
    expect(due('0月10日前完成')).toBeNull();
    expect(due('13月底前完成')).toBeNull();
    expect(due('0月底前完成')).toBeNull();
    expect(due('13月份完成')).toBeNull();
  });
  it('a day without a year (a notice with no date line) is no due date', () => {
    expect(due('9月30日前完成', null)).toBeNull();
    expect(due('6月中旬前完成', null)).toBeNull();
    expect(due('9月下旬', null)).toBeNull();
    expect(due('明年6月底前完成', null)).toBeNull();
  });
  it('a year written in the clause wins over the notice\'s, even without a notice year', () => {
    expect(due('2021年9月30日前完成', null)).toBe('2021-09-30');
    expect(due('2021年9月上旬', 2020)).toBe('2021-09-10');
  });
});

describe('months 10 to 12 are read as two digits', () => {
  it.each([
    ['10月15日前完成', '2020-10-15'],
    ['11月30日前完成', '2020-11-30'],
    ['12月31日前完成', '2020-12-31'],
    ['10月底前完成', '2020-10-31'],
    ['11月中旬', '2020-11-20'],
    ['完成时限：11月', '2020-11-30'],
    ['10月份完成', '2020-10-31'],
  ])('%s → %s', (text, iso) => expect(due(text)).toBe(iso));
});

describe('X月前 means before that month begins', () => {
  it('6月前完成 is the end of May', () => expect(read('6月前完成')).toBe('by 2020-05-31'));
  it('3月以前出台 is a policy due the end of February', () => expect(read('3月以前出台相关政策')).toBe('policy 2020-02-29'));
  it('1月前 is the end of December of the year before', () => expect(due('1月前完成')).toBe('2019-12-31'));
  it('2021年1月之前 is the end of 2020', () => expect(due('2021年1月之前完成')).toBe('2020-12-31'));
  it('1月前 without a year is no due date', () => expect(due('1月前完成', null)).toBeNull());
  it('6月前 without a year is no due date', () => expect(due('6月前完成', null)).toBeNull());
});

describe('other wordings and what kind of deadline they are', () => {
  it.each([
    ['9月30日前出台实施方案', 'policy 2020-09-30'],
    ['6月中旬前出台', 'policy 2020-06-20'],
    ['6月末', 'by 2020-06-30'],
    ['完成时间：6月份', 'by 2020-06-30'],
    ['全年完成', 'by 2020-12-31'],
    ['第四季度完成', 'by 2020-12-31'],
    ['2季度完成', 'by 2020-06-30'],
    ['一季度出台', 'policy 2020-03-31'],
    ['上半年出台相关政策', 'policy 2020-06-30'],
    ['下半年出台', 'policy 2020-12-31'],
    ['年底前出台', 'policy 2020-12-31'],
    ['每月报送', 'monthly 2020-12-31'],
    ['按月调度', 'monthly 2020-12-31'],
    ['普查时点为11月1日', 'point 2020-11-01'],
    ['持续落实', 'ongoing 2020-12-31'],
    ['按季度推进', 'ongoing 2020-12-31'],
    ['每半年', 'ongoing 2020-12-31'],
  ])('%s → %s', (text, expected) => expect(read(text)).toBe(expected));
  it('明年 counts from the notice\'s year', () => {
    expect(due('明年3月底前完成', 2020)).toBe('2021-03-31');
    expect(due('明年上半年完成', 2020)).toBe('2021-06-30');
  });
  it('recurring and monthly work without a year has no due date', () => {
    expect(read('每月报送', null)).toBe('monthly null');
    expect(read('持续推进', null)).toBe('ongoing null');
    expect(read('年底前完成', null)).toBe('by null');
  });
});

describe('January, December and the wordings around a date', () => {
  it('an undated clause does not hide the date of another', () => {
    const d = combineDeadline([parseDeadlineClause('6月底前出台相关政策', 2022), parseDeadlineClause('长期坚持', 2022)]);
    expect(d).toMatchObject({ due: '2022-06-30', milestones: [] });
  });
  it('January is a month like the others', () => {
    expect(due('1月底前完成')).toBe('2020-01-31');
    expect(due('1月15日前完成')).toBe('2020-01-15');
  });
  it('12月前 is the end of November', () => expect(due('12月前完成')).toBe('2020-11-30'));
  it('a census point is read with or without 是/为, on any day', () => {
    expect(read('标准时点2020年11月1日零时')).toBe('point 2020-11-01');
    expect(read('普查时点为2020年11月15日')).toBe('point 2020-11-15');
  });
  it('2022年内 at the end of a clause is the end of 2022', () => expect(read('2022年内')).toBe('by 2022-12-31'));
  it('a label with a space before its colon still gives the month or the year', () => {
    expect(read('完成时限 ：2023年12月')).toBe('by 2023-12-31');
    expect(read('完成时间 ：2021年')).toBe('by 2021-12-31');
  });
  it('全年 alone is the end of the year', () => expect(read('全年')).toBe('by 2020-12-31'));
  it('每季 and 按季 are recurring work through the year', () => {
    expect(read('每季报送')).toBe('ongoing 2020-12-31');
    expect(read('按季报送')).toBe('ongoing 2020-12-31');
  });
});

describe('a month named after other words', () => {
  // A month alone is its last day; words before it may say anything (连续12月 is a duration), so the
  // clause is left unknown, with the warning that asks the office for the date, rather than guessed.
  it.each(['力争6月', '连续12月'])('%s is not read as that month’s last day', (text) => {
    expect(read(text)).toBe('unknown null');
  });
  it('while 6月 alone and 完成时限：6月 are 30 June', () => {
    expect([due('6月'), due('完成时限：6月')]).toEqual(['2020-06-30', '2020-06-30']);
  });
});
