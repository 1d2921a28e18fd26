import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotice } from '../../src/domain/notice/parseNotice';
import { deadlineInText } from '../../src/domain/notice/textDeadline';
import { sentenceTasks } from '../../src/domain/notice/sentences';
import { digest } from '../support/digest';
import { expectGolden } from '../support/golden';

const parseFixture = (name: string) => parseNotice(readFileSync(join(__dirname, 'fixtures', `${name}.txt`), 'utf8'));
const unitsOf = (t: { units: Array<{ name: string; role: string }> } | undefined) => t?.units.map((u) => `${u.name}:${u.role}`);

describe('issue 22: label lines, deadlines in the text, sentences and minutes (fixtures, digests checked by hand)', () => {
  it.each(['district-label-lines', 'minutes-2024'])('%s matches its golden digest', (name) => {
    expectGolden(join(__dirname, 'golden', `${name}.digest.txt`), digest(parseFixture(name)));
  });

  it('a declaration appended in brackets to a label line is a rule, not two units; 分别牵头 on a label line is each', () => {
    const p = parseFixture('district-label-lines');
    expect(unitsOf(p.tasks[0])).toEqual(['区教育局:lead', '区发改局:support', '区住建局:support']);
    expect(unitsOf(p.tasks[2])).toEqual(['区卫健局:each', '区教育局:each']);
    expect(p.issues.some((i) => i.code === 'LEAD_FIRST')).toBe(true);
  });

  it('deadlines written in the item text are read; a task with none is named in one warning', () => {
    const p = parseFixture('district-label-lines');
    expect(p.tasks.map((t) => t.deadline.due)).toEqual(['2024-12-31', '2024-10-31', '2024-12-31', '2024-06-30', null, '2024-09-30']);
    expect(p.issues.filter((i) => i.code === 'NO_DEADLINE').map((i) => i.message)).toEqual(['1 个任务没有完成时限（括号、标注行和任务文字中都没有），请在任务清单中补充：5.1']);
  });

  it('a goal paragraph (目标。) is no task, whether followed by a 责任领导 line or numbered', () => {
    expect(parseFixture('district-label-lines').tasks.map((t) => t.id)).toEqual(['1.1', '2.1', '3.1', '4.1', '5.1', '6.1']);
    const numbered = parseNotice('1．目标。全年地区生产总值增长6%左右。\n2．新建学校3所，年底前完成。（区教育局负责）\n2024年1月1日');
    expect(numbered.tasks.map((t) => t.id)).toEqual(['2.1']);
    expect(numbered.issues.some((i) => i.code === 'NOT_A_TASK')).toBe(true);
  });

  it('minutes: each 议定事项 is a task read from its sentences; the meeting date and the attendance are not', () => {
    const p = parseFixture('minutes-2024');
    expect(p.tasks.map((t) => t.id)).toEqual(['1.1', '2.1', '3.1', '4.1', '5.1']);
    expect(unitsOf(p.tasks[1])).toEqual(['市住建委:lead', '市规划资源局:joint']);
    expect(p.tasks[1]?.deadline.due).toBe('2024-10-15');
    // The sentence after the assignment explains it: kept in the task's text, not a task of its own.
    expect(p.tasks[2]?.text).toContain('各学校要明确专人负责');
    expect(p.tasks[2]?.units).toHaveLength(3);
  });
});

describe('minutes that number their 议定事项 （一）（二） under 一、关于… headings', () => {
  const p = parseFixture('minutes-numbered-2021');

  it('reads the headings as 板块 and every （N） as a task, the last one too (由X按程序印发实施)', () => {
    expect(p.sections.map((s) => `${s.no} ${s.title}`)).toEqual(['1 关于优化营商环境工作', '2 关于城市更新工作']);
    expect(p.tasks.map((t) => `${t.id} ${t.section} ${unitsOf(t)?.join(',')}`)).toEqual([
      '1.1 1 市发展改革委:lead,市财政局:support,市商务局:support',
      '2.1 1 市市场监管委:lead,市政务服务办:joint',
      '3.1 2 市住房城乡建设委:joint,市规划资源局:support,市财政局:support',
      '4.1 2 市住房城乡建设委:joint',
    ]);
    expect(p.tasks.map((t) => t.deadline.due)).toEqual(['2021-06-30', '2021-05-15', '2021-09-30', null]);
  });

  it('says once that the numbering restarts, and the report of the meeting is no task', () => {
    expect(p.issues.filter((i) => i.code === 'ITEM_NUMBER_RESTART')).toHaveLength(1);
    expect(p.tasks.some((t) => t.text.includes('会议听取了'))).toBe(false);
  });
});

describe('sentences instead of brackets', () => {
  it.each([
    ['由市发展改革委牵头，市财政局、市商务局配合，于9月底前完成。', ['市发展改革委:lead', '市财政局:support', '市商务局:support'], '2024-09-30'],
    ['请市住建委会同市规划资源局抓紧研究，10月15日前报市政府。', ['市住建委:lead', '市规划资源局:co'], '2024-10-15'],
    ['请市应急局牵头研究制定方案，年底前完成。', ['市应急局:lead'], '2024-12-31'],
    ['市统计局负责，年底前完成。', ['市统计局:joint'], '2024-12-31'],
  ])('%s', (text, units, due) => {
    const [task] = sentenceTasks(text, 2024);
    expect(task?.reading.mentions.map((m) => `${m.name}:${m.clauseRole}`)).toEqual(units);
    expect(task?.reading.deadlines[0]?.due).toBe(due);
  });

  it.each([
    '请各单位于3月底前报送工作方案。',
    '任务牵头单位和协同单位要立足大局，协同配合，形成合力。',
    '各项任务中排在第一位的部门为牵头部门，其他部门按职责分工负责。',
    '各学校要明确专人负责，每月5日前报送进展。',
    '2024年3月12日，市长主持召开常务会议。',
  ])('%s assigns no work', (text) => {
    expect(sentenceTasks(text, 2024)).toEqual([]);
  });
});

describe('deadlines in a task text', () => {
  it.each([
    ['新增学位2700个，12月底前完成主体工程。', '2024-12-31'],
    ['改造老旧小区15个，10月底前完工。', '2024-10-31'],
    ['开展免费健康体检，全年持续推进。', '2024-12-31'],
    ['新建养老服务综合体2个，6月底前投入运营。', '2024-06-30'],
  ])('%s', (text, due) => {
    expect(deadlineInText(text, 2024).map((c) => c.due)).toEqual([due]);
  });

  it.each(['自2024年3月1日起施行。', '每月5日前报送工作进展。', '新建公交线路3条。'])('%s states no deadline', (text) => {
    expect(deadlineInText(text, 2024)).toEqual([]);
  });

  it('a bracket deadline wins over one in the text', () => {
    const p = parseNotice('1．10月底前完成改造。（区住建局负责，12月底前完成）\n2024年1月1日');
    expect(p.tasks[0]?.deadline.due).toBe('2024-12-31');
    expect(p.tasks[0]?.deadline.milestones).toEqual([]);
  });
});
