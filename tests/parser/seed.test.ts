import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotice } from '../../src/domain/notice/parseNotice';
import { toNoticeDocument } from '../../src/domain/notice/document';
import type { Role } from '../../src/domain/notice/types';
import { digest } from '../support/digest';
import { expectGolden } from '../support/golden';

const root = join(__dirname, '..', '..');
const seed = readFileSync(join(root, 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const parsed = parseNotice(seed);
const golden = (name: string): string => join(__dirname, 'golden', name);

describe('the seed notice (天津 2020)', () => {
  it('reads the metadata from the title and the signature block', () => {
    expect(parsed.notice).toEqual({
      title: '天津市人民政府印发关于落实国务院《政府工作报告》重点工作任务分工的通知',
      issuer: '天津市人民政府',
      date: '2020-08-08',
      year: 2020,
      // 国发〔2020〕6号 is cited in the body: it is not this notice's own 文号.
      docNumber: null,
    });
  });

  it('finds 44 sections, 50 items and 120 tasks, and nothing from 二、工作要求', () => {
    expect(parsed.sections).toHaveLength(44);
    expect(parsed.sections[7]).toEqual({ no: 8, title: '强化对稳企业的金融支持' });
    expect(parsed.sections[43]).toEqual({ no: 44, title: '深化对外交流合作' });
    expect(parsed.itemCount).toBe(50);
    expect(parsed.tasks).toHaveLength(120);
    expect(parsed.tasks.some((t) => t.text.includes('加强组织领导'))).toBe(false);
  });

  it('counts 364 assignments: 74 lead, 265 joint, 22 support, 3 each', () => {
    const counts: Record<Role, number> = { lead: 0, joint: 0, support: 0, each: 0 };
    for (const t of parsed.tasks) for (const u of t.units) counts[u.role]++;
    expect(counts).toEqual({ lead: 74, joint: 265, support: 22, each: 3 });
  });

  it('knows 54 unit names, 市政府各部门 as a group and 有关部门 as a placeholder, all in the directory', () => {
    expect(parsed.units).toHaveLength(54);
    expect(parsed.units.find((u) => u.name === '市政府各部门')?.category).toBe('group');
    expect(parsed.units.find((u) => u.name === '有关部门')?.category).toBe('placeholder');
    expect(parsed.units.find((u) => u.name === '人民银行天津分行')?.category).toBe('central');
    expect(parsed.units.filter((u) => u.category === 'unknown')).toEqual([]);
  });

  it('agrees unit by unit with an independent count (tests/parser/golden/tianjin-2020.units.tsv)', () => {
    const rows = readFileSync(golden('tianjin-2020.units.tsv'), 'utf8').trim().split('\n').slice(1);
    const expected = rows.map((r) => {
      const [name, lead, joint, support, each] = r.split('\t');
      return { name, lead: Number(lead), joint: Number(joint), support: Number(support), each: Number(each) };
    });
    expect(parsed.units.map(({ category: _c, ...u }) => u)).toEqual(expected);
  });

  it('has every deadline kind of the genre', () => {
    const kinds = new Set(parsed.tasks.flatMap((t) => t.deadline.clauses.map((c) => c.kind)));
    expect([...kinds].sort()).toEqual(['by', 'monthly', 'ongoing', 'point', 'policy', 'timely']);
  });

  it('raises no issue on a well-formed notice', () => {
    expect(parsed.issues).toEqual([]);
  });

  it('matches the hand-checked digest of all 120 tasks', () => {
    expectGolden(golden('tianjin-2020.digest.txt'), digest(parsed));
  });

  // The tasks below were typed from the notice by hand, field by field.
  it('reads task 4.2 exactly as DESIGN §3 shows it', () => {
    const task = toNoticeDocument(parsed).tasks.find((t) => t.id === '4.2');
    expect(task).toEqual({
      id: '4.2',
      item: 4,
      seq: 2,
      section: 3,
      text: '落实普惠小微企业信用贷款支持计划、贷款延期支持工具有关政策，引导银行加大信用贷款发放力度，使更多企业获得资金支持。',
      units: [
        { name: '人民银行天津分行', role: 'joint' },
        { name: '天津银保监局', role: 'joint' },
        { name: '市金融局', role: 'joint' },
      ],
      deadline: { text: '年内持续推进', due: '2020-12-31', milestones: [], clauses: [{ text: '年内持续推进', kind: 'ongoing', due: '2020-12-31' }] },
      targets: [],
    });
  });

  it('reads task 5.1 with its target 再就业达到8万人', () => {
    const task = parsed.tasks.find((t) => t.id === '5.1');
    expect(task?.targets).toEqual([
      {
        text: '2020年城镇失业人员再就业达到8万人',
        indicator: '城镇失业人员再就业',
        comparator: '>=',
        value: 8,
        max: null,
        unit: '万人',
        direction: 'level',
        scale: 10000,
        baseUnit: '人',
      },
    ]);
  });

  it('reads task 13.5: two leads, 适时 (timely) and 年内持续推进 (ongoing)', () => {
    const task = parsed.tasks.find((t) => t.id === '13.5');
    expect(task?.units).toEqual([
      { name: '市发展改革委', role: 'lead' },
      { name: '人民银行天津分行', role: 'lead' },
    ]);
    expect(task?.deadline).toEqual({
      text: '适时出台相关政策，年内持续推进',
      due: '2020-12-31',
      milestones: [],
      clauses: [
        { text: '适时出台相关政策', kind: 'timely', due: null },
        { text: '年内持续推进', kind: 'ongoing', due: '2020-12-31' },
      ],
    });
  });

  it('reads 16.2 (逐月调度), 36.1 (8月底前出台相关政策) and 41.4 (普查标准时点)', () => {
    const byId = (id: string) => parsed.tasks.find((t) => t.id === id);
    expect(byId('16.2')?.units).toEqual([
      { name: '市工业和信息化局', role: 'lead' },
      { name: '有关部门', role: 'support' },
    ]);
    expect(byId('16.2')?.deadline.clauses).toEqual([{ text: '逐月调度通报清欠情况', kind: 'monthly', due: '2020-12-31' }]);
    expect(byId('36.1')?.deadline.clauses).toEqual([{ text: '8月底前出台相关政策', kind: 'policy', due: '2020-08-31' }]);
    expect(byId('36.1')?.text).toBe('居民医保人均财政补助标准增加30元。');
    expect(byId('41.4')?.deadline.clauses).toEqual([{ text: '普查标准时点是2020年11月1日零时', kind: 'point', due: '2020-11-01' }]);
  });

  it('keeps brackets that are not responsibility inside the task text', () => {
    expect(parsed.tasks.find((t) => t.id === '13.3')?.text).toContain('市场主体住所（经营场所）登记条件');
    expect(parsed.tasks.find((t) => t.id === '29.3')?.text).toContain('培育农作物种子（种苗）生产基地20个');
    expect(parsed.tasks.find((t) => t.id === '35.4')?.text).toBe('加强新冠肺炎疫情防控，全面落实“四早”（早发现、早诊断、早隔离、早治疗）原则。');
    expect(parsed.tasks.find((t) => t.id === '14.4')?.text).toContain('（津政发〔2020〕16号）');
  });

  it('keeps task ids as text in JSON: 11.8 and 11.10-style ids never become numbers', () => {
    const json = JSON.stringify(toNoticeDocument(parsed));
    expect(json).toContain('"id":"11.8"');
    const ids = parsed.tasks.map((t) => t.id);
    expect(new Set(ids).size).toBe(120);
    expect(ids.every((id) => typeof id === 'string' && /^\d+\.\d+$/.test(id))).toBe(true);
  });
});
