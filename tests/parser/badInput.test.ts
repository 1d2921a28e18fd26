import { parseNotice } from '../../src/domain/notice/parseNotice';
import { decodeNotice } from '../../src/domain/text/decode';

const codes = (text: string): string[] => parseNotice(text).issues.map((i) => i.code);

describe('bad input never throws and says what is wrong', () => {
  it('an empty file: no tasks, an error issue', () => {
    const p = parseNotice('');
    expect(p.tasks).toEqual([]);
    expect(p.issues.find((i) => i.code === 'NO_TASKS')?.severity).toBe('error');
  });

  it('binary garbage is refused by the decoder as not text', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const decoded = decodeNotice(bytes);
    expect(decoded.text).toBeNull();
    expect(decoded.issues[0]?.code).toBe('NOT_TEXT');
  });

  it('garbage that decodes as text still parses to an issue list', () => {
    expect(() => parseNotice('\u0000\ufffd（（（）））1．（（（（')).not.toThrow();
  });

  it('an unclosed bracket is read as a parenthetical with a warning naming the line', () => {
    const p = parseNotice('（一）板块\n1．做好工作。（市财政局牵头，12月底前完成\n2020年1月1日');
    expect(p.tasks[0]?.units).toEqual([{ name: '市财政局', role: 'lead' }]);
    expect(p.issues.find((i) => i.code === 'UNCLOSED_BRACKET')?.line).toBe(2);
  });

  it('a notice with no sections still yields its tasks', () => {
    const p = parseNotice('1．做好工作。（市财政局牵头，12月底前完成）\n2020年1月1日');
    expect(p.tasks).toHaveLength(1);
    expect(p.tasks[0]?.section).toBeNull();
    expect(codes('1．做好工作。（市财政局牵头，12月底前完成）\n2020年1月1日')).toContain('NO_SECTIONS');
  });

  it('an unknown unit is kept as written, category unknown, with a warning', () => {
    const p = parseNotice('1．做好工作。（市火星开发局牵头，12月底前完成）\n2020年1月1日');
    expect(p.units).toEqual([{ name: '市火星开发局', category: 'unknown', lead: 1, joint: 0, support: 0, each: 0 }]);
    expect(p.issues.find((i) => i.code === 'UNKNOWN_UNIT')?.message).toContain('市火星开发局');
  });

  it('a notice without a year says so and leaves concrete deadlines without dates', () => {
    const p = parseNotice('1．做好工作。（市财政局牵头，12月底前完成）');
    expect(p.tasks[0]?.deadline.due).toBeNull();
    expect(p.issues.map((i) => i.code)).toContain('NO_YEAR');
  });

  it('a gap in item numbers is reported', () => {
    expect(codes('1．甲。（市财政局牵头）\n3．乙。（市财政局牵头）\n2020年1月1日')).toContain('ITEM_NUMBER_GAP');
  });

  it('a 100 MB line without any structure parses without hanging', () => {
    const huge = '（'.repeat(10) + '文'.repeat(50_000_000) + '牵头，';
    const p = parseNotice(huge);
    expect(p.tasks).toEqual([]);
  });
});

describe('titles', () => {
  it('a title split over two lines with a blank between is one title; the notice body is not part of it', () => {
    const p = parseNotice('某市人民政府关于印发\n\n任务分工的通知\n\n\n为做好今年工作，现将任务分工如下。\n1．做好工作。（市财政局牵头）\n2020年1月1日');
    expect(p.notice.title).toBe('某市人民政府关于印发任务分工的通知');
  });
});

describe('section-level notices', () => {
  it('a notice whose tasks are its （一）（二） sections reads each section as an item', () => {
    const p = parseNotice(['某区人民政府办公室关于印发重点工作分工的通知', '（一）推进老旧小区改造（含加装电梯）。（区住房建设局牵头，区财政局配合，年底前完成）', '（二）提升政务服务水平。（区政务服务办负责，持续推进）', '某区人民政府办公室', '2022年3月1日'].join('\n'));
    expect(p.sections.map((s) => `${s.no} ${s.title}`)).toEqual(['1 推进老旧小区改造（含加装电梯）', '2 提升政务服务水平']);
    expect(p.tasks.map((t) => `${t.id} ${t.text} ${t.units.map((u) => `${u.name}:${u.role}`).join(',')} ${t.deadline.due}`)).toEqual([
      '1.1 推进老旧小区改造（含加装电梯）。 区住房建设局:lead,区财政局:support 2022-12-31',
      '2.1 提升政务服务水平。 区政务服务办:joint 2022-12-31',
    ]);
  });
  it('a bracket in a section title is title text when numbered items follow', () => {
    const p = parseNotice(['（一）稳健的货币政策（含金融支持）', '1．做好工作。（市财政局牵头）', '2020年1月1日'].join('\n'));
    expect(p.sections[0]?.title).toBe('稳健的货币政策（含金融支持）');
    expect(p.tasks.map((t) => `${t.id} ${t.text}`)).toEqual(['1.1 做好工作。']);
  });
});

describe('text that assigns work outside any item', () => {
  // DESIGN §3: a paragraph with a responsibility clause is a task wherever it stands. Before the
  // first numbered item it cannot take a number of the notice's own without shifting them: item 0.
  it('is a task (item 0 before the first numbered item), reported with its line', () => {
    const p = parseNotice(['一、重点任务', '（一）稳定经济', '推进重点项目建设。（市发展改革委牵头，年内持续推进）', '1．做好工作。（市财政局牵头）', '2020年1月1日'].join('\n'));
    expect(p.tasks.map((t) => `${t.id} ${t.text} ${t.units.map((u) => u.name).join()}`)).toEqual(['0.1 推进重点项目建设。 市发展改革委', '1.1 做好工作。 市财政局']);
    expect(p.issues.find((i) => i.code === 'UNNUMBERED_TASKS')?.message).toContain('第 3 行');
  });
  it('between numbered items it joins the item before, so the notice\'s numbers do not shift', () => {
    const p = parseNotice(['（一）稳定经济', '1．做好工作。（市财政局牵头）', '（二）扩大开放', '推进开放平台建设。（市商务局负责）', '2．稳住外资。（市商务局牵头）', '2020年1月1日'].join('\n'));
    expect(p.tasks.map((t) => `${t.id} ${t.text}`)).toEqual(['1.1 做好工作。', '1.2 推进开放平台建设。', '2.1 稳住外资。']);
    expect(p.issues.find((i) => i.code === 'UNNUMBERED_JOINED')?.message).toContain('第 4 行');
  });
});

describe('a paragraph whose bracket cannot be read', () => {
  it('is reported with its line, never dropped silently; a citation is not reported', () => {
    const p = parseNotice(['（一）稳定经济', '落实国务院部署（国发〔2020〕6号）。', '推进重点项目建设。（市发展改革委领衔，年底前完成）', '扩大有效投资。（市发展改革委牵头）', '2020年1月1日'].join('\n'));
    expect(p.tasks.map((t) => t.text)).toEqual(['扩大有效投资。']);
    expect(p.issues.filter((i) => i.code === 'UNREAD_PARAGRAPH').map((i) => `${i.line} ${i.message}`)).toEqual(['3 这一段的括号像是分工，但读不出责任单位，未作为任务读取：（市发展改革委领衔，年底前完成）']);
  });
});

describe('the end of the task part', () => {
  it('sections after the last task are the tail even under a heading not named like one', () => {
    const p = parseNotice(['一、重点任务', '（一）稳定经济', '1．做好工作。（市财政局牵头）', '二、推进落实', '（一）压实责任', '各单位要落实责任。', '（二）强化督办', '督查室要跟踪督办。', '2020年1月1日'].join('\n'));
    expect(p.sections.map((s) => s.title)).toEqual(['稳定经济']);
    expect(p.issues.find((i) => i.code === 'TAIL_SECTIONS')?.message).toContain('压实责任');
  });
  it('第二部分 headings are recognised like 二、', () => {
    const p = parseNotice(['第一部分 主要任务', '（一）稳定经济', '1．做好工作。（市财政局牵头）', '第二部分 工作要求', '（一）加强组织领导', '2．各单位要落实责任，这不是任务。', '2020年1月1日'].join('\n'));
    expect(p.tasks.map((t) => t.id)).toEqual(['1.1']);
  });
  // DESIGN §3: the tail is what follows the last task; a bracket under 保障措施 still assigns work.
  it('a responsibility bracket under 保障措施 is a task; the tail section it stands in becomes its 板块', () => {
    const p = parseNotice(['一、重点任务', '（一）稳定经济', '1．做好工作。（市财政局牵头）', '二、保障措施', '（一）加强组织领导。各单位要落实责任。', '（二）强化督查考核。将任务纳入绩效考核。（市政府督查室牵头，各单位配合，年底前完成）', '（三）营造良好氛围。', '2020年1月1日'].join('\n'));
    expect(p.tasks.map((t) => `${t.id} §${t.section} ${t.text} ${t.units.map((u) => `${u.name}:${u.role}`).join()}`)).toEqual([
      '1.1 §1 做好工作。 市财政局:lead',
      '2.1 §2 强化督查考核。将任务纳入绩效考核。 市政府督查室:lead,各单位:support',
    ]);
    expect(p.sections).toEqual([{ no: 1, title: '稳定经济' }, { no: 2, title: '强化督查考核' }]);
  });
});
