import { isComplete, meetsTarget, rate, statusCategory, taskStatus, warning } from '../../src/domain/summary/rules';
import { summarize, type SummaryInput } from '../../src/domain/summary/summarize';
import { excelSerial } from '../../src/domain/time/isoDate';

const D = excelSerial('2020-12-31', 1900);

describe('预警 (DESIGN §9) at the boundaries', () => {
  it.each([
    ['done on the due date', '已完成', D, D, D + 5, '按时完成'],
    ['done a day late', '已完成', D + 1, D, D + 5, '逾期完成'],
    ['done, date typed as text', '已完成', '2021年1月5日', D, D + 5, '按时完成'],
    ['done, no date', '已完成', null, D, D + 5, '按时完成'],
    ['due = as-of', '推进中', null, D, D, '临期'],
    ['as-of one day past due', '推进中', null, D, D + 1, '逾期'],
    ['D − A = W', '推进中', null, D, D - 15, '临期'],
    ['D − A = W + 1', '推进中', null, D, D - 16, '正常'],
    ['no due date', '受阻', null, null, D + 100, '正常'],
    ['status with a space is not 已完成', ' 已完成', D, D, D + 1, '逾期'],
    ['blank status, past due', null, null, D, D + 1, '逾期'],
  ])('%s → %s', (_label, status, done, due, asOf, expected) => {
    expect(warning(status, done, due, asOf as number, 15)).toBe(expected);
  });
});

describe('task status from counted rows', () => {
  it.each([
    [[], '未填报'],
    [['已完成', '已完成'], '已完成'],
    [['已完成', '受阻'], '受阻'],
    [['未启动', null], '未启动'],
    [[null, '', '完成了'], '未填报'],
    [['已完成', null], '推进中'],
    [['推进中', '未启动'], '推进中'],
  ])('%j → %s', (statuses, expected) => {
    expect(taskStatus(statuses)).toBe(expected);
  });
  it('anything outside the list counts as 未填报', () => {
    expect(statusCategory('完成了')).toBe('unreported');
    expect(statusCategory(1)).toBe('unreported');
  });
});

describe('填报完整 and 达标', () => {
  const full = { measures: '方案', person: '张三', plannedDate: D, outputForm: '工作方案', status: '推进中', doneDate: null };
  it('needs every required column, valid', () => {
    expect(isComplete(full)).toBe(true);
    expect(isComplete({ ...full, measures: '   ' })).toBe(false);
    expect(isComplete({ ...full, measures: '\u3000' })).toBe(true); // Excel TRIM keeps the ideographic space
    expect(isComplete({ ...full, plannedDate: '2020.12.31' })).toBe(false);
    expect(isComplete({ ...full, outputForm: '其它形式' })).toBe(false);
    expect(isComplete({ ...full, status: '已完成' })).toBe(false);
    expect(isComplete({ ...full, status: '已完成', doneDate: D })).toBe(true);
  });
  it('meets the comparator of its target, strict where the notice is strict', () => {
    expect(meetsTarget(40, '>', 40, null)).toBe(false);
    expect(meetsTarget(40, '>=', 40, null)).toBe(true);
    expect(meetsTarget(4000, '<=', 4000, null)).toBe(true);
    expect(meetsTarget(4, 'range', 3, 5)).toBe(true);
    expect(meetsTarget(6, 'range', 3, 5)).toBe(false);
    expect(meetsTarget('8万人', '>=', 8, null)).toBeNull();
  });
  it('a rate over nothing is null ("—"), never a division by zero', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(1, 4)).toBe(0.25);
  });
});

describe('summarize on bad input', () => {
  const input: SummaryInput = {
    tasks: [{ id: '1.1', sectionNo: 1, section: '（一）甲', due: D, leads: ['市财政局'] }],
    sections: [{ no: 1, title: '甲' }],
    units: ['市财政局', '市空单位'],
    rows: [{ taskId: '1.1', unit: '市财政局', role: 'lead', due: D, status: null, doneDate: 'text', measures: null, person: null, plannedDate: '下月', outputForm: null }],
    targets: [],
  };
  it('blank ledgers, text dates and a unit with no rows give rates of null, not errors', () => {
    const r = summarize(input, '2020-12-01', 15);
    expect(r.overall).toMatchObject({ tasks: 1, unreported: 1, completionRate: 0, onTimeRate: null, overdueRate: null, fillRate: 0, targetRate: null });
    expect(r.units.find((u) => u.name === '市空单位')).toMatchObject({ rows: 0, completionRate: null, onTimeRate: null, fillRate: null });
    expect(r.sections).toEqual([{ no: 1, title: '甲', tasks: 1, done: 0, overdue: 0, completionRate: 0 }]);
  });
  it('lists overdue rows with days overdue', () => {
    const r = summarize(input, '2021-01-10', 15);
    expect(r.overdue).toEqual([{ task: '1.1', unit: '市财政局', due: '2020-12-31', days: 10 }]);
  });
});
