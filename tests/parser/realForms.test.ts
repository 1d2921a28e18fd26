import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotice } from '../../src/domain/notice/parseNotice';
import type { ParsedNotice } from '../../src/domain/notice/types';
import { digest } from '../support/digest';
import { expectGolden } from '../support/golden';
import { scoreFixtures } from '../../scripts/parserScore';

// DESIGN §3 "Real notices vary far beyond the seed" (issue 9): one hand-written fixture per family of
// forms, each with a digest checked by hand and the (task, unit, role) triples typed by hand in
// tests/parser/expected/<fixture>.tsv.
const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const parse = (name: string): ParsedNotice => parseNotice(fixture(name));
const roles = (p: ParsedNotice, id: string): string[] => p.tasks.find((t) => t.id === id)?.units.map((u) => `${u.name}:${u.role}`) ?? [];
const FIXTURES = ['sc-lead-first-2019', 'office-measures-web', 'district-own-line-labels', 'city-labelled', 'unnumbered-paragraphs', 'section-labels', 'web-square-brackets', 'sc-2018-mixed', 'city-2024-masthead', 'county-half-width'];

describe('notices of the forms real offices receive (issue 9)', () => {
  it.each(FIXTURES)('%s matches its golden digest', (name) => {
    expectGolden(join(__dirname, 'golden', `${name}.digest.txt`), digest(parse(`${name}.txt`)));
  });

  it.each(['sc-lead-first-2019', 'office-measures-web', 'city-labelled'])('%s: the half-width repost reads the same tasks, text kept as written', (name) => {
    const full = parse(`${name}.txt`);
    const half = parse(`${name}.half.txt`);
    const strip = (p: ParsedNotice) => p.tasks.map(({ text: _t, targets, ...rest }) => ({ ...rest, targets: targets.map(({ text: _x, ...g }) => g) }));
    expect(strip(half)).toEqual(strip(full));
    expect(half.tasks[0]?.text).toContain(',');
  });

  it('every fixture with expectations gives exactly the hand-typed (task, unit, role) triples', () => {
    const { notices } = scoreFixtures();
    expect(notices.length).toBeGreaterThanOrEqual(FIXTURES.length);
    expect(notices.filter((s) => s.f1 < 1).map((s) => ({ name: s.name, missed: s.missed, extra: s.extra }))).toEqual([]);
  });
});

describe('structure', () => {
  it('measures numbered 一、…六、 with no （一） level are the items', () => {
    const p = parse('office-measures-web.txt');
    expect(p.tasks.map((t) => t.id)).toEqual(['1.1', '2.1', '3.1', '4.1', '5.1', '6.1']);
    expect(p.tasks[1]?.text).toBe('推进工程建设项目审批制度改革，审批时间压减至120个工作日以内。');
  });

  it('a responsibility bracket under 组织实施 / 保障措施 is a task, the bracket-less requirements are not', () => {
    const p = parse('district-own-line-labels.txt');
    expect(p.tasks.at(-1)).toMatchObject({ id: '7.1', text: '强化督查考核。区政府督查室对各项任务实行清单化管理，按季度通报进展情况。' });
    expect(p.tasks.some((t) => t.text.includes('加强组织领导'))).toBe(false);
  });

  it('unnumbered paragraphs each closed by a bracket are one item each; a prose paragraph is not a task; a paragraph broken over lines is one', () => {
    const p = parse('unnumbered-paragraphs.txt');
    expect(p.tasks.map((t) => `${t.id} §${t.section}`)).toEqual(['1.1 §1', '2.1 §1', '3.1 §2', '4.1 §2', '5.1 §3']);
    expect(p.tasks[1]?.text).toBe('支持刚性和改善性住房需求，落实首套住房贷款利率政策。');
    expect(p.tasks.some((t) => t.text.includes('因地制宜'))).toBe(false);
    expect(p.issues.find((i) => i.code === 'UNNUMBERED_TASKS')?.message).toContain('第 9、10、13、14、16 行');
  });

  it('an item number glued to its text (4.121所…) is item 4 and later ids do not shift', () => {
    const p = parse('city-labelled.txt');
    expect(p.tasks.find((t) => t.id === '4.1')?.text).toBe('121所乡镇卫生院完成标准化建设。');
    expect(p.tasks.find((t) => t.id === '5.1')?.text).toBe('开展全民健身活动。');
    expect(p.issues.map((i) => i.code)).not.toContain('ITEM_NUMBER_GAP');
  });

  it('the cover letter\'s own 一、二、三、 points are not 板块 of the division of work', () => {
    const p = parseNotice(['某区人民政府办公室关于印发责任分解方案的通知', '各街道办事处，区政府各部门：', '一、各责任单位要高度重视，切实加强领导。', '二、各责任单位要按季度报送进展情况。', '某区人民政府办公室', '2023年1月3日', '一、主要预期目标', '1.地区生产总值增长7%以上。', '责任单位：区发展和改革局', '二、重点任务', '2.加快建设产业园。', '牵头单位：区招商服务中心'].join('\n'));
    expect(p.sections).toEqual([{ no: 1, title: '主要预期目标' }, { no: 2, title: '重点任务' }]);
    expect(p.tasks.map((t) => `${t.id} §${t.section}`)).toEqual(['1.1 §1', '2.1 §2']);
  });

  it('items numbered (1)(2)… are items when the notice has no 1. level, their number is not text', () => {
    const p = parse('county-half-width.txt');
    expect(p.tasks.map((t) => `${t.id} ${t.text}`)).toEqual(['1.1 全年争取专项债券资金5亿元。', '2.1 开工建设重点项目30个。', '3.1 举办汽车家电促销活动。', '4.1 城镇新增就业2000人。']);
    const nested = parseNotice(['1．做好就业工作。', '（1）稳岗。（市人社局负责）', '（2）扩岗。（市人社局负责）', '2020年1月1日'].join('\n'));
    expect(nested.tasks.map((t) => `${t.id} ${t.text}`)).toEqual(['1.1 做好就业工作。（1）稳岗。', '1.2 （2）扩岗。']);
  });

  it('outside numbered items a paragraph is a task by the units it names, not by a date in brackets', () => {
    const p = parseNotice(['某区人民政府办公室关于印发分工方案的通知', '各街道办事处：', '请各单位于3月底前报送工作方案（3月31日前）。', '一、重点任务', '1．做好工作。（区财政局牵头）', '二、工作要求', '1．各单位按季度报送进展（每季度末前）。', '2023年1月1日'].join('\n'));
    expect(p.tasks.map((t) => `${t.id} ${t.text}`)).toEqual(['1.1 做好工作。']);
    expect(p.notice.title).toBe('某区人民政府办公室关于印发分工方案的通知');
  });

  it('a decimal at a line start is not a glued item number', () => {
    const p = parseNotice(['1．做好就业工作，', '1.5万人次培训任务按季度分解。（市人社局负责）', '2．做好社保工作。（市人社局负责）', '2020年1月1日'].join('\n'));
    expect(p.tasks.map((t) => `${t.id} ${t.text}`)).toEqual(['1.1 做好就业工作，1.5万人次培训任务按季度分解。', '2.1 做好社保工作。']);
  });
});

describe('labels, declarations, lists and role words', () => {
  it('own-line 牵头单位 / 责任单位 / 完成时限 lines attach to the paragraph before them, not to its text', () => {
    const p = parse('district-own-line-labels.txt');
    expect(p.tasks[2]).toMatchObject({ text: '全年实施重点项目80个，完成投资120亿元。', deadline: { due: '2023-12-31' } });
    expect(roles(p, '1.1')).toEqual(['区发改局:lead', '区统计局:support', '各街道办事处:support']);
  });

  it('under a tail heading, a numbered paragraph followed by its labels is a task; one without is not', () => {
    const p = parseNotice(['一、重点任务', '1．做好工作。', '牵头单位：区财政局', '二、保障措施', '1．加强组织领导。', '2．强化督查考核。', '牵头单位：区政府办', '配合单位：区政府督查室', '2023年1月1日'].join('\n'));
    expect(p.tasks.map((t) => `${t.id} ${t.text} ${t.units.map((u) => `${u.name}:${u.role}`).join()}`)).toEqual(['1.1 做好工作。 区财政局:lead', '2.1 强化督查考核。 区政府办:lead,区政府督查室:support']);
  });

  it('a label line with no paragraph before it is reported with its line', () => {
    const p = parseNotice(['一、重点任务', '1．做好工作。（区财政局牵头）', '某区人民政府', '2023年1月1日', '牵头单位：区财政局'].join('\n'));
    expect(p.tasks).toHaveLength(1);
    expect(p.issues.find((i) => i.code === 'LABEL_WITHOUT_TASK')?.line).toBe(5);
  });

  it('a （一） heading followed by its labels is the task', () => {
    const p = parse('section-labels.txt');
    expect(p.tasks.map((t) => `${t.id} ${t.text}`)).toEqual(['1.1 地区生产总值增长7%以上', '2.1 规上工业增加值增长10%以上', '3.1 加快建设临空产业园，年内引进项目15个', '4.1 推进城乡供水一体化']);
  });

  it('列第一位者为牵头单位，下同 is a rule, neither a unit nor a deadline', () => {
    const p = parse('sc-lead-first-2019.txt');
    expect(roles(p, '1.1')).toEqual(['国家发展改革委:lead', '人力资源社会保障部:support', '统计局:support']);
    expect(p.tasks[0]?.deadline.clauses).toEqual([]);
    expect(p.issues.map((i) => i.code)).not.toContain('UNKNOWN_DEADLINE');
  });

  it('除标注“分别牵头”外，列第一位为牵头或汇总单位 and a scope note are rules; the note adds its unit to every later task', () => {
    const p = parse('office-measures-web.txt');
    expect(roles(p, '1.1')).toEqual(['市场监管总局:lead', '公安部:support', '税务总局:support', '试点城市人民政府:joint']);
    expect(p.tasks.every((t) => t.units.some((u) => u.name === '试点城市人民政府' && u.role === 'joint'))).toBe(true);
    expect(p.units.map((u) => u.name)).not.toContain('除标注“分别牵头”外');
  });

  it('a scope note applies from its line on, not to the tasks before it', () => {
    const p = parseNotice(['1．甲。（市财政局牵头）', '2．乙。（市商务局牵头。以下均需各区人民政府落实，不再列出）', '3．丙。（市教委牵头）', '2020年1月1日'].join('\n'));
    expect(p.tasks.map((t) => t.units.map((u) => `${u.name}:${u.role}`).join())).toEqual(['市财政局:lead', '市商务局:lead,各区人民政府:joint', '市教委:lead,各区人民政府:joint']);
  });

  it('会同, 分别牵头, 指导, 等和各…, 等有关部门, 各区、县级市', () => {
    const p = parse('sc-lead-first-2019.txt');
    expect(roles(p, '2.1')).toEqual(['财政部:lead', '税务总局:lead', '有关部门:joint']);
    expect(roles(p, '3.1')).toEqual(['财政部:lead', '国家发展改革委:support', '各有关省级人民政府:support']);
    expect(roles(p, '4.1')).toEqual(['市场监管总局:each', '自然资源部:each', '公安部:support', '税务总局:support']);
    expect(roles(p, '5.1')).toEqual(['国务院办公厅:joint', '各省级人民政府:joint']);
    expect(roles(p, '6.1')).toEqual(['科技部:lead', '教育部:support', '中科院:support', '有关部门:support']);
    const city = parse('city-labelled.txt');
    expect(roles(city, '1.1')).toEqual(['市人力资源和社会保障局:lead', '市财政局:support', '各区、县级市:support']);
    expect(city.tasks[0]?.deadline.clauses).toEqual([]);
  });
});

describe('unit directory scope (DESIGN §4)', () => {
  it('another city keeps its own names; the built-in 天津 short forms are not forced on it', () => {
    const p = parse('city-labelled.txt');
    const names = p.units.map((u) => u.name);
    expect(names).toEqual(expect.arrayContaining(['市人力资源和社会保障局', '市城管委']));
    expect(names).not.toContain('市人社局');
    expect(names).not.toContain('市城市管理委');
  });

  it('a 天津 notice reads the short forms as the directory unit; one naming no place keeps its own names', () => {
    const text = '1．做好工作。（市人力资源和社会保障局牵头，市城管委配合）';
    expect(parseNotice(`天津市人民政府关于印发测试分工的通知\n${text}\n天津市人民政府\n2020年1月1日`).tasks[0]?.units.map((u) => u.name)).toEqual(['市人社局', '市城市管理委']);
    // Issue 22: a Lishui notice read without its issuer turned 市发改委 into 天津's 市发展改革委.
    expect(parseNotice(`${text}\n2020年1月1日`).tasks[0]?.units.map((u) => u.name)).toEqual(['市人力资源和社会保障局', '市城管委']);
    expect(parseNotice('1．做好工作。（市发改委牵头）\n2020年1月1日').tasks[0]?.units.map((u) => u.name)).toEqual(['市发改委']);
    // A name the directory holds as written is still its unit (and known), whoever issued the notice.
    expect(parseNotice('1．做好工作。（市发展改革委牵头）\n2020年1月1日').units[0]?.category).toBe('municipal');
    expect(parseNotice(`某市人民政府关于印发测试分工的通知\n${text}\n某市人民政府\n2020年1月1日`).tasks[0]?.units.map((u) => u.name)).toEqual(['市人力资源和社会保障局', '市城管委']);
  });

  it('State Council departments are central and raise no unknown-unit warning; the real unknowns are one warning', () => {
    const p = parse('sc-lead-first-2019.txt');
    expect(p.units.filter((u) => u.category === 'unknown')).toEqual([]);
    expect(p.units.find((u) => u.name === '人力资源社会保障部')?.category).toBe('central');
    const city = parse('city-labelled.txt');
    const unknown = city.issues.filter((i) => i.code === 'UNKNOWN_UNIT');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]?.message).toContain('市人力资源和社会保障局（任务 1.1）');
    expect(unknown[0]?.message).toContain('市城管委（任务 2.3）');
  });
});

describe('titles of web copies and masthead documents', () => {
  it('breadcrumbs, 当前位置 and 索引号 lines are not the title', () => {
    expect(parse('office-measures-web.txt').notice.title).toBe('国务院办公厅关于印发城市营商环境创新试点重点任务分工方案的通知');
  });
  it('the masthead 某某区人民政府文件 is not the title', () => {
    expect(parse('district-own-line-labels.txt').notice).toMatchObject({ title: '某某区人民政府关于印发2023年区政府重点工作任务分工方案的通知', docNumber: '某政发〔2023〕4号' });
  });
  it('a site name above the page furniture is not part of the title', () => {
    const p = parseNotice(['某某区人民政府', '首页 > 政务公开 > 政府文件', '某某区人民政府关于印发重点工作分工的通知', '', '1．做好工作。（区财政局牵头）', '2023年1月1日'].join('\n'));
    expect(p.notice.title).toBe('某某区人民政府关于印发重点工作分工的通知');
  });
});

describe('brackets as web copies render them', () => {
  it('[责任单位:…] and 【牵头单位：…　配合单位：…】 are responsibility brackets; 国发[2022]9号 stays text', () => {
    const p = parse('web-square-brackets.txt');
    expect(roles(p, '1.1')).toEqual(['区临空办:joint', '区招商服务中心:joint', '区城投公司:joint']);
    expect(roles(p, '2.1')).toEqual(['区住建局:lead', '区自然资源分局:support', '区城投公司:support']);
    expect(p.tasks[0]?.text).toBe('依托机场运营优势，引进跨境电商龙头企业入驻，年内实现一期核心区运营。');
    const q = parseNotice('1．落实国发[2022]9号文件。（市财政局牵头）\n2022年1月1日');
    expect(q.tasks[0]?.text).toBe('落实国发[2022]9号文件。');
  });
  it('a task under 二、工作要求 with no （一） below it stands in a 板块 of that name', () => {
    const p = parse('web-square-brackets.txt');
    expect(p.tasks.at(-1)).toMatchObject({ id: '5.1', section: 3 });
    expect(p.sections.at(-1)).toEqual({ no: 3, title: '工作要求' });
  });
});
