import { assignRoles, readParenthetical } from '../../src/domain/notice/responsibility';
import { combineDeadline, parseDeadlineClause } from '../../src/domain/notice/deadline';
import { extractTargets } from '../../src/domain/notice/targets';
import { canonical } from '../../src/domain/text/normalise';
import { parseNotice } from '../../src/domain/notice/parseNotice';
import { createDirectory } from '../../src/domain/units/directory';

/** Roles of a parenthetical as `name:role` strings, for compact expectations. */
const roles = (inner: string, leadFirst = false): string[] =>
  assignRoles(readParenthetical(inner, 2020).mentions, leadFirst).map((u) => `${u.name}:${u.role}`);

describe('responsibility clauses (DESIGN §3)', () => {
  it('A、B牵头 → both lead', () => {
    expect(roles('人民银行天津分行、市金融局牵头，年内持续推进')).toEqual(['人民银行天津分行:lead', '市金融局:lead']);
  });
  it('C、D等按职责分工负责 → joint without a lead', () => {
    expect(roles('市人社局、市财政局等按职责分工负责，年内持续推进')).toEqual(['市人社局:joint', '市财政局:joint']);
  });
  it('C、D按职责分工负责 → support with a lead', () => {
    expect(roles('市财政局牵头，市发展改革委、市税务局按职责分工负责，12月底前完成')).toEqual([
      '市财政局:lead',
      '市发展改革委:support',
      '市税务局:support',
    ]);
  });
  it('E分别负责 → each', () => {
    expect(roles('市政府各部门分别负责，年内持续推进')).toEqual(['市政府各部门:each']);
  });
  it('X负责 → joint', () => {
    expect(roles('市教育局负责，年内持续推进')).toEqual(['市教育局:joint']);
  });
  it('X牵头，Y参与 / Y配合 → support', () => {
    expect(roles('市卫生健康委牵头，市财政局参与')).toEqual(['市卫生健康委:lead', '市财政局:support']);
    expect(roles('市市场监管局牵头，市农业农村局配合')).toEqual(['市市场监管局:lead', '市农业农村局:support']);
  });
  it('牵头单位：X，配合单位：Y (labelled lists, full- or half-width colon)', () => {
    expect(roles('牵头单位：市教育局，配合单位：市财政局、市住房城乡建设局')).toEqual([
      '市教育局:lead',
      '市财政局:support',
      '市住房城乡建设局:support',
    ]);
    expect(roles(canonical('牵头部门:市教育局,责任单位:市财政局'))).toEqual(['市教育局:lead', '市财政局:support']);
  });
  it('X与Y等按职责分工负责 splits on 与 but not on the 和 inside 市工业和信息化局', () => {
    expect(roles('有关部门与北京市人民政府等按职责分工负责')).toEqual(['有关部门:joint', '北京市人民政府:joint']);
    expect(roles('市工业和信息化局、市文化和旅游局等按职责分工负责')).toEqual(['市工业和信息化局:joint', '市文化和旅游局:joint']);
  });
  it('lead-first convention: the first of a lead-less list leads, the rest support', () => {
    expect(roles('省财政厅、省税务局，6月底前完成', true)).toEqual(['省财政厅:lead', '省税务局:support']);
    expect(roles('省财政厅、省税务局，6月底前完成', false)).toEqual(['省财政厅:joint', '省税务局:joint']);
  });
  it('brackets that are text, not responsibility, name no units', () => {
    for (const inner of ['经营场所', '种苗', '国发〔2020〕6号', '早发现、早诊断、早隔离、早治疗', '试行', '居']) {
      const reading = readParenthetical(inner, 2020);
      expect({ inner, hasRole: reading.hasRole, units: reading.mentions }).toEqual({ inner, hasRole: false, units: [] });
    }
  });
});

describe('deadline clauses (DESIGN §3 table)', () => {
  it.each([
    ['12月底前完成', 'by', '2020-12-31'],
    ['年底前完成', 'by', '2020-12-31'],
    ['年底完成', 'by', '2020-12-31'],
    ['9月30日前完成', 'by', '2020-09-30'],
    ['2月底前完成', 'by', '2020-02-29'],
    ['8月底前出台相关政策', 'policy', '2020-08-31'],
    ['年内持续推进', 'ongoing', '2020-12-31'],
    ['持续推进', 'ongoing', '2020-12-31'],
    ['长期坚持', 'ongoing', null],
    ['逐月调度通报清欠情况', 'monthly', '2020-12-31'],
    ['普查标准时点是2020年11月1日零时', 'point', '2020-11-01'],
    ['适时出台相关政策', 'timely', null],
    ['2021年3月底前完成', 'by', '2021-03-31'],
    ['上半年完成', 'by', '2020-06-30'],
    ['三季度完成', 'by', '2020-09-30'],
    ['某某时候完成', 'unknown', null],
  ])('%s → %s %s', (text, kind, due) => {
    expect(parseDeadlineClause(text, 2020)).toEqual({ text, kind, due });
  });
  it('without a year, concrete phrases have no due date', () => {
    expect(parseDeadlineClause('12月底前完成', null).due).toBeNull();
  });
  it('the task due is the latest concrete date; earlier ones are milestones', () => {
    const d = combineDeadline([parseDeadlineClause('6月底前出台相关政策', 2022), parseDeadlineClause('年内持续推进', 2022)]);
    expect(d).toEqual({
      text: '6月底前出台相关政策，年内持续推进',
      due: '2022-12-31',
      milestones: ['2022-06-30'],
      clauses: [
        { text: '6月底前出台相关政策', kind: 'policy', due: '2022-06-30' },
        { text: '年内持续推进', kind: 'ongoing', due: '2022-12-31' },
      ],
    });
  });
});

describe('targets (DESIGN §3 Targets)', () => {
  const one = (text: string) => {
    const t = extractTargets(text);
    expect(t).toHaveLength(1);
    return t[0]!;
  };
  it('达到 → >=, 万 kept in the unit and normalised by scale', () => {
    expect(one('2020年城镇失业人员再就业达到8万人。')).toMatchObject({ indicator: '城镇失业人员再就业', comparator: '>=', value: 8, unit: '万人', scale: 10000, baseUnit: '人' });
  });
  it('超过 / 高于 are strict', () => {
    expect(one('贷款增速高于40%。').comparator).toBe('>');
    expect(one('就业率均超过70%。').comparator).toBe('>');
  });
  it('不低于 / 不少于 / 以上 → >=', () => {
    expect(one('优惠力度不低于50个基点。')).toMatchObject({ comparator: '>=', value: 50, unit: '个基点' });
    expect(one('整治修复岸线不少于4公里。')).toMatchObject({ comparator: '>=', value: 4, unit: '公里' });
    expect(one('实现职业技能培训30万人次以上。')).toMatchObject({ comparator: '>=', value: 30, unit: '万人次' });
  });
  it('控制在…以下 / 不超过 / 以内 → <=', () => {
    expect(one('煤炭消费总量控制在4000万吨以下。')).toMatchObject({ indicator: '煤炭消费总量', comparator: '<=', value: 4000, unit: '万吨' });
    expect(one('失业率不超过5.5%。').comparator).toBe('<=');
    expect(one('失业率控制在5.5%以内。').comparator).toBe('<=');
  });
  it('下降…以上 → a decrease of at least', () => {
    expect(one('能耗同比下降0.6%以上。')).toMatchObject({ comparator: '>=', value: 0.6, unit: '%', direction: 'decrease' });
  });
  it('3至5家 → range', () => {
    expect(one('培育3至5家国家级供应商。')).toMatchObject({ comparator: 'range', value: 3, max: 5, unit: '家' });
  });
  it('a bare count → >=', () => {
    expect(one('开展49个老旧小区改造。')).toMatchObject({ indicator: '开展老旧小区改造', comparator: '>=', value: 49, unit: '个' });
  });
  it('dates, durations and codes are not targets', () => {
    expect(extractTargets('中小微企业贷款延期还本付息政策延长至2021年3月底。')).toEqual([]);
    expect(extractTargets('免收3个月房租，确保PM2.5浓度持续降低，聚焦5G，持续完善“1+16+N”信用信息系统。')).toEqual([]);
    expect(extractTargets('2020年7月1日起，办好第十三届洽谈会。')).toEqual([]);
  });
});

describe('unit directory (DESIGN §4)', () => {
  const dir = createDirectory();
  it('resolves short forms, full names and the city prefix to one canonical name', () => {
    expect(dir.resolve('市发改委')?.name).toBe('市发展改革委');
    expect(dir.resolve('天津市发展和改革委员会')?.name).toBe('市发展改革委');
    expect(dir.resolve('市人力资源和社会保障局')?.name).toBe('市人社局');
    expect(dir.resolve('天津市财政局')?.name).toBe('市财政局');
    expect(dir.resolve('市不存在局')).toBeNull();
  });
  it('a workbook directory wins over the built-in one', () => {
    const custom = createDirectory([{ name: '市财政局', fullName: '天津市财政局', aliases: ['财政'], category: 'other', order: 0 }]);
    expect(custom.resolve('财政')?.category).toBe('other');
  });
  it('aliases in a 天津 notice are counted under the canonical name', () => {
    const p = parseNotice('天津市人民政府关于做好工作的通知\n1．做好工作。（市发改委牵头，天津市财政局等按职责分工负责，年内持续推进）\n2020年1月1日');
    expect(p.tasks[0]?.units).toEqual([
      { name: '市发展改革委', role: 'lead' },
      { name: '市财政局', role: 'support' },
    ]);
  });
});

describe('more forms of the genre', () => {
  it.each([
    ['明年6月底前完成', 'by', '2021-06-30'],
    ['2021年6月完成', 'by', '2021-06-30'],
    ['9月份出台', 'policy', '2020-09-30'],
    ['年内出台相关政策', 'policy', '2020-12-31'],
    ['完成时限：2020年12月底前', 'by', '2020-12-31'],
  ])('%s → %s %s', (text, kind, due) => {
    expect(parseDeadlineClause(text, 2020)).toEqual({ text, kind, due });
  });

  it('责任单位：…，完成时限：… reads units and the deadline', () => {
    expect(roles('责任单位：省发展改革委、省财政厅，完成时限：2020年12月底前')).toEqual(['省发展改革委:joint', '省财政厅:joint']);
  });

  it('省直有关部门 and 市有关单位 are placeholders; 各地区各部门 and 国务院各有关部门 are groups', () => {
    const p = parseNotice('1．做好工作。（省发展改革委牵头，省直有关部门、市有关单位、各地区各部门、国务院各有关部门按职责分工负责，年内持续推进）\n2020年1月1日');
    expect(p.units.map((u) => `${u.name}:${u.category}`)).toEqual([
      '省发展改革委:unknown',
      '省直有关部门:placeholder',
      '市有关单位:placeholder',
      '各地区各部门:group',
      '国务院各有关部门:group',
    ]);
  });

  it('item numbering that restarts under a new heading is continued, so ids stay unique', () => {
    const p = parseNotice(['一、总体要求', '1．甲。（市财政局牵头）', '2．乙。（市财政局牵头）', '二、重点任务', '1．丙。（市财政局牵头）', '2020年1月1日'].join('\n'));
    expect(p.tasks.map((t) => t.id)).toEqual(['1.1', '2.1', '3.1']);
    expect(p.tasks[2]?.text).toBe('丙。');
    expect(p.issues.find((i) => i.code === 'ITEM_NUMBER_RESTART')?.line).toBe(5);
  });
});

describe('layout variants of the same notice', () => {
  it('a parenthetical in a paragraph of its own, after a blank line, still closes the task', () => {
    const p = parseNotice('1．做好工作。\n\n（市财政局牵头，12月底前完成）\n\n2．另一项。（市商务局牵头）\n\n天津市人民政府\n2020年1月1日\n');
    expect(p.tasks.map((t) => `${t.id} ${t.text} ${t.units.map((u) => u.name).join()}`)).toEqual(['1.1 做好工作。 市财政局', '2.1 另一项。 市商务局']);
    expect(p.issues.map((i) => i.code)).not.toContain('TRAILING_TEXT');
  });
  it('full-width item numbers and digits read like ASCII ones; the task text keeps them', () => {
    const p = parseNotice('１．新建学校１０所。（市教委牵头，１２月底前完成）\n２０２０年１月１日');
    expect(p.tasks[0]).toMatchObject({ id: '1.1', text: '新建学校１０所。', deadline: { due: '2020-12-31' } });
    expect(p.tasks[0]?.targets[0]).toMatchObject({ value: 10, unit: '所' });
  });
  it('抄送 and 附件 lines after the last item are not part of it', () => {
    const p = parseNotice('1．做好工作。（市财政局牵头）\n抄送：市委各部门。\n2020年1月1日');
    expect(p.tasks[0]?.text).toBe('做好工作。');
    expect(p.issues.map((i) => i.code)).not.toContain('TRAILING_TEXT');
  });
});

describe('wordings seen in provincial and city notices', () => {
  it.each([
    ['2021年底前完成', 'by', '2021-12-31'],
    ['2022年内完成', 'by', '2022-12-31'],
    ['6月30日完成', 'by', '2020-06-30'],
    ['下半年完成', 'by', '2020-12-31'],
    ['持续开展', 'ongoing', '2020-12-31'],
    ['长期', 'ongoing', null],
    ['常态化开展', 'ongoing', '2020-12-31'],
    ['年内持续推进', 'ongoing', '2020-12-31'],
  ])('%s → %s %s', (text, kind, due) => {
    expect(parseDeadlineClause(text, 2020)).toEqual({ text, kind, due });
  });
  it('由X牵头, X主办, X为牵头单位 are leads; 协办 supports', () => {
    expect(roles('由市财政局牵头，市商务局配合')).toEqual(['市财政局:lead', '市商务局:support']);
    expect(roles('市财政局主办，市商务局协办')).toEqual(['市财政局:lead', '市商务局:support']);
    expect(roles('市财政局为牵头单位，市商务局等按职责分工负责')).toEqual(['市财政局:lead', '市商务局:support']);
  });
  it('X等部门 ends the list; a 牵头领导 clause names a person and is left out', () => {
    expect(roles('市发展改革委、市财政局等部门按职责分工负责')).toEqual(['市发展改革委:joint', '市财政局:joint']);
    expect(roles('牵头领导：张副市长，牵头单位：市财政局')).toEqual(['市财政局:lead']);
  });
});

describe('the lead-first declaration in its usual wordings', () => {
  it.each(['列第一位者为牵头单位', '排在第一位的部门为牵头部门', '列第一位的为牵头单位', '排名第一的为牵头单位', '列在首位的为牵头单位', '第一个单位为牵头单位', '牵头单位列第一位', '各项任务中排在第一位的是牵头部门'])('%s', (declaration) => {
    const p = parseNotice(`说明：${declaration}，其他单位按职责分工负责。\n1．推进重点项目。（省发展改革委、省财政厅，年内持续推进）\n2021年1月1日`);
    expect(p.tasks[0]?.units.map((u) => u.role)).toEqual(['lead', 'support']);
  });
  it('without a declaration nothing is promoted', () => {
    const p = parseNotice('说明：各单位按职责分工负责。\n1．推进重点项目。（省发展改革委、省财政厅，年内持续推进）\n2021年1月1日');
    expect(p.tasks[0]?.units.map((u) => u.role)).toEqual(['joint', 'joint']);
  });
});

describe('forms of issue 9 (DESIGN §3 "Real notices vary far beyond the seed")', () => {
  it('declarations inside the first bracket are rules, never units or deadlines', () => {
    const r = readParenthetical('国家发展改革委、财政部负责。列第一位者为牵头单位，下同', 2019);
    expect(r.mentions.map((m) => m.name)).toEqual(['国家发展改革委', '财政部']);
    expect(r.deadlines).toEqual([]);
    expect(r.declarations).toEqual(['列第一位者为牵头单位', '下同']);
    expect(r.declaresLeadFirst).toBe(true);
    expect(readParenthetical('市场监管总局、公安部。除标注“分别牵头”外，列第一位为牵头或汇总单位', 2019).declarations).toEqual(['除标注“分别牵头”外', '列第一位为牵头或汇总单位']);
    expect(roles('国家发展改革委、财政部负责。列第一位者为牵头单位，下同', true)).toEqual(['国家发展改革委:lead', '财政部:support']);
  });
  it('a scope note is read as a rule naming its unit', () => {
    const r = readParenthetical('财政部牵头；以下均需试点城市人民政府落实，不再列出', 2019);
    expect(r.scope).toEqual(['试点城市人民政府']);
    expect(r.mentions.map((m) => `${m.name}:${m.clauseRole}`)).toEqual(['财政部:lead']);
    expect(r.deadlines).toEqual([]);
  });
  it('labels: 负责部门, 牵头单位…；配合单位…, a continued list after a label, labels separated by spaces only', () => {
    expect(roles('负责部门：市人力资源和社会保障局')).toEqual(['市人力资源和社会保障局:joint']);
    expect(roles('牵头单位：市住房城乡建设局；配合单位：市财政局、市自然资源和规划局')).toEqual(['市住房城乡建设局:lead', '市财政局:support', '市自然资源和规划局:support']);
    expect(roles('牵头单位：市人社局，配合单位：市财政局，各区、县级市')).toEqual(['市人社局:lead', '市财政局:support', '各区、县级市:support']);
    expect(roles('责任单位：立山经济开发区，全区经济运行各专班')).toEqual(['立山经济开发区:joint', '全区经济运行各专班:joint']);
    expect(roles('牵头单位：区商务局  责任单位：区大数据中心')).toEqual(['区商务局:lead', '区大数据中心:support']);
    expect(readParenthetical('牵头单位：市人社局，配合单位：市财政局，各区、县级市', 2020).deadlines).toEqual([]);
  });
  it('lists: 等和各…, 等有关部门, 等有关部门和单位, 各区、县级市, 各市（州）', () => {
    expect(roles('国家发展改革委、工业和信息化部等和各有关省级人民政府负责')).toEqual(['国家发展改革委:joint', '工业和信息化部:joint', '各有关省级人民政府:joint']);
    expect(roles('市财政局、市商务局等有关部门按职责分工负责')).toEqual(['市财政局:joint', '市商务局:joint', '有关部门:joint']);
    expect(roles('省住房城乡建设厅等有关部门和单位负责')).toEqual(['省住房城乡建设厅:joint', '有关部门和单位:joint']);
    expect(roles('各区、县级市负责')).toEqual(['各区、县级市:joint']);
    expect(roles('各市（州）人民政府负责')).toEqual(['各市（州）人民政府:joint']);
    expect(roles('区教育和体育局、市文化和旅游局负责')).toEqual(['区教育和体育局:joint', '市文化和旅游局:joint']);
    expect(roles('各县（市、区）人民政府负责，年底前完成')).toEqual(['各县（市、区）人民政府:joint']);
    expect(roles('市发展改革委、市财政局等10个部门按职责分工负责')).toEqual(['市发展改革委:joint', '市财政局:joint']);
    expect(roles('责任单位：市发展改革委（牵头）、市财政局、市商务局')).toEqual(['市发展改革委:lead', '市财政局:support', '市商务局:support']);
    expect(roles('市商务局牵头，各市、县（区）人民政府负责')).toEqual(['市商务局:lead', '各市、县（区）人民政府:support']);
    expect(roles('外交部、商务部等按职责分工负责；国务院港澳办、国务院台办负责港澳台有关工作')).toEqual(['外交部:joint', '商务部:joint', '国务院港澳办:joint', '国务院台办:joint']);
  });
  it('role words: 会同, 分别牵头, 指导, 主责, 协同, 参加, 配合落实, 具体负责, 负责落实', () => {
    expect(roles('国家发展改革委会同有关部门负责')).toEqual(['国家发展改革委:lead', '有关部门:joint']);
    expect(roles('教育部、人力资源社会保障部分别牵头，财政部等按职责分工负责')).toEqual(['教育部:each', '人力资源社会保障部:each', '财政部:support']);
    expect(roles('国家发展改革委指导，各省级人民政府负责')).toEqual(['国家发展改革委:joint', '各省级人民政府:joint']);
    expect(roles('市教育局主责，市财政局协同')).toEqual(['市教育局:lead', '市财政局:support']);
    expect(roles('市教育局牵头，市财政局参加，市民政局配合落实')).toEqual(['市教育局:lead', '市财政局:support', '市民政局:support']);
    expect(roles('市民政局具体负责')).toEqual(['市民政局:joint']);
    expect(roles('市民政局负责落实')).toEqual(['市民政局:joint']);
  });
  it('brackets that qualify the text or guide nothing stay text', () => {
    for (const inner of ['含市直部门', '包括各区政府', '加强指导', '以下简称市发展改革委', '2023—2025年']) {
      expect({ inner, hasRole: readParenthetical(inner, 2020).hasRole }).toEqual({ inner, hasRole: false });
    }
  });
});

describe('deadline wordings of district and city notices (issue 9)', () => {
  it.each([
    ['完成时限：2023年12月', 'by', '2023-12-31'],
    ['2021年6月', 'by', '2021-06-30'],
    ['12月', 'by', '2020-12-31'],
    ['完成时限：2021年', 'by', '2021-12-31'],
    ['年内', 'by', '2020-12-31'],
    ['6月中旬前完成', 'by', '2020-06-20'],
    ['9月上旬', 'by', '2020-09-10'],
    ['9月下旬', 'by', '2020-09-30'],
    ['每季度', 'ongoing', '2020-12-31'],
    ['逐年推进', 'ongoing', '2020-12-31'],
  ])('%s → %s %s', (text, kind, due) => {
    expect(parseDeadlineClause(text, 2020)).toEqual({ text, kind, due });
  });
  it('a bare date in a bracket is text, not a deadline-only parenthetical', () => {
    const p = parseNotice('1．制定实施方案（2023年），推进落实。（市发展改革委牵头，12月）\n2023年1月1日');
    expect(p.tasks.map((t) => `${t.id} ${t.text} ${t.deadline.due}`)).toEqual(['1.1 制定实施方案（2023年），推进落实。 2023-12-31']);
  });
});
