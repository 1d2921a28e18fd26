import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotice } from '../../src/domain/notice/parseNotice';
import { digest } from '../support/digest';
import { expectGolden } from '../support/golden';
import { readNoticeFile } from '../../src/cli/readNotice';

const fixture = (name: string): string => join(__dirname, 'fixtures', name);
const parseFixture = (name: string) => parseNotice(readFileSync(fixture(name), 'utf8'));

describe('notices of the genre beyond the seed (hand-written fixtures, digests checked by hand)', () => {
  it.each(['state-council-2022', 'lead-first', 'labelled-forms'])('%s matches its golden digest', (name) => {
    expectGolden(join(__dirname, 'golden', `${name}.digest.txt`), digest(parseFixture(`${name}.txt`)));
  });

  it('State Council 意见: three heading levels, 文号, several parentheticals per item, the tail skipped', () => {
    const p = parseFixture('state-council-2022.txt');
    expect(p.notice).toEqual({ title: '国务院关于落实《政府工作报告》重点工作分工的意见', issuer: '国务院', date: '2022-03-25', year: 2022, docNumber: '国发〔2022〕9号' });
    expect(p.tasks.map((t) => t.id)).toEqual(['1.1', '2.1', '2.2', '3.1', '4.1']);
    expect(p.tasks[0]?.section).toBeNull();
    expect(p.tasks[4]?.units).toEqual([
      { name: '科技部', role: 'lead' },
      { name: '国家发展改革委', role: 'lead' },
      { name: '有关部门', role: 'support' },
      { name: '北京市人民政府', role: 'support' },
    ]);
    expect(p.tasks[1]?.deadline.milestones).toEqual(['2022-06-30']);
    expect(p.tasks[1]?.deadline.due).toBe('2022-12-31');
    expect(p.units.find((u) => u.name === '国务院各部门')?.category).toBe('group');
  });

  it('列第一位者为牵头单位: the declared convention makes the first listed unit the lead', () => {
    const p = parseFixture('lead-first.txt');
    expect(p.tasks[0]?.units).toEqual([
      { name: '省财政厅', role: 'lead' },
      { name: '省税务局', role: 'support' },
      { name: '省发展改革委', role: 'support' },
    ]);
    expect(p.issues.some((i) => i.code === 'LEAD_FIRST')).toBe(true);
  });

  it('without the declaration the same list is joint, unless the user option asks for lead-first', () => {
    const text = '1．推进重点项目。（省发展改革委、省财政厅等按职责分工负责，年内持续推进）\n2021年1月1日';
    expect(parseNotice(text).tasks[0]?.units.map((u) => u.role)).toEqual(['joint', 'joint']);
    expect(parseNotice(text, { leadFirst: true }).tasks[0]?.units.map((u) => u.role)).toEqual(['lead', 'support']);
  });

  it('a half-width repost reads the same as the full-width original, text kept as written', () => {
    const full = parseFixture('labelled-forms.txt');
    const half = parseFixture('half-width.txt');
    const strip = (p: typeof full) => p.tasks.map(({ text: _t, targets, ...rest }) => ({ ...rest, targets: targets.map(({ text: _x, ...g }) => g) }));
    expect(strip(half)).toEqual(strip(full));
    expect(half.tasks[0]?.text).toBe('新建改扩建幼儿园20所,新增学位6000个。');
  });

  it.each([
    ['labelled-forms.gb18030.txt', 'GB18030'],
    ['labelled-forms.utf16.txt', 'UTF-16 with BOM and CRLF'],
    ['labelled-forms.docx', 'Word .docx'],
  ])('%s (%s) reads the same tasks as the UTF-8 text', async (name) => {
    const expected = parseFixture('labelled-forms.txt');
    const { text } = await readNoticeFile(fixture(name));
    const actual = parseNotice(text);
    expect(actual.tasks.map(({ line: _l, ...t }) => t)).toEqual(expected.tasks.map(({ line: _l, ...t }) => t));
    expect(actual.notice).toEqual(expected.notice);
  });
});
