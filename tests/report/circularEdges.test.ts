import { summarize, type SummaryInput, type SummaryRow, type SummaryTarget } from '../../src/domain/summary/summarize';
import { buildCircular, type CircularSource } from '../../src/domain/report/buildCircular';
import { rateParts } from '../../src/domain/report/fractions';
import { circularText } from '../../src/domain/report/circularText';
import type { Circular, CircularBlock } from '../../src/domain/report/circular';
import { excelSerial } from '../../src/domain/time/isoDate';

// Edges of the 通报 a clerk would notice (issue #26): a sentence missing or said when it should not
// be, a figure or fraction wrong, units named in the wrong order, an attachment without its columns.

const d = (iso: string): number => excelSerial(iso, 1900);
const row = (taskId: string, unit: string, due: string | null, status: string | null, doneDate: string | null = null, filled = true): SummaryRow => ({
  taskId,
  unit,
  role: 'lead',
  due: due === null ? null : d(due),
  status,
  doneDate: doneDate === null ? null : d(doneDate),
  measures: filled ? '措施' : null,
  person: filled ? '张三' : null,
  plannedDate: filled && due !== null ? d(due) : null,
  outputForm: filled ? '工作方案' : null,
});
const target = (taskId: string, name: string, value: number | null, goal: number): SummaryTarget => ({ comparator: '>=', goal, max: null, value, taskId, name });

/**
 * Four ledger units, 市丁局 with no rows. 1.1 (市乙局) and 2.1 (市甲局) are overdue, and so is 4.1 of
 * a unit with no ledger; 2.2 is done early; 3.1 has nothing filled in (市丙局 is silent).
 */
const INPUT: SummaryInput = {
  tasks: [
    { id: '1.1', sectionNo: 1, section: '（一）稳就业', due: d('2023-06-30'), leads: ['市乙局'] },
    { id: '2.1', sectionNo: 2, section: '（二）促消费', due: d('2023-03-31'), leads: ['市甲局'] },
    { id: '2.2', sectionNo: 2, section: '（二）促消费', due: d('2023-12-31'), leads: ['市甲局'] },
    { id: '3.1', sectionNo: null, section: '', due: d('2023-12-31'), leads: ['市丙局'] },
    { id: '4.1', sectionNo: null, section: '', due: d('2023-09-30'), leads: ['区外单位'] },
  ],
  sections: [
    { no: 1, title: '稳就业' },
    { no: 2, title: '促消费' },
  ],
  units: ['市甲局', '市乙局', '市丙局', '市丁局'],
  rows: [
    row('1.1', '市乙局', '2023-06-30', '推进中'),
    row('2.1', '市甲局', '2023-03-31', '受阻'),
    row('2.2', '市甲局', '2023-12-31', '已完成', '2023-05-01'),
    row('3.1', '市丙局', '2023-12-31', null, null, false),
    row('4.1', '区外单位', '2023-09-30', '推进中'),
  ],
  targets: [target('1.1', '城镇新增就业', 12, 10), target('2.1', '社会消费品零售总额增速', 3, 5), target('2.2', '新增网点', null, 20)],
};
const AS_OF = '2023-11-10';
const REPORT = summarize(INPUT, AS_OF, 15);
const TEXTS = new Map([
  ['1.1', '新增城镇就业12万人以上，城镇调查失业率控制在5.5%以内，确保零就业家庭动态清零，稳住就业基本盘'],
  ['2.1', '促进消费回补'],
]);
const source = (over: Partial<CircularSource> = {}): CircularSource => ({ report: REPORT, input: INPUT, texts: TEXTS, subject: '2023年市政府工作报告', ...over });
const textOf = (c: Circular): string => circularText(c).join('\n');
const paragraphs = (c: Circular): string[] => c.body.filter((b) => b.kind === 'paragraph').map((b) => `${b.lead ?? ''}${b.text}`);
const headings = (c: Circular): string[] => c.body.filter((b) => b.kind === 'heading').map((b) => b.text);
/** The paragraphs under a heading, up to the next heading. */
function under(c: Circular, heading: string): string[] {
  const at = c.body.findIndex((b) => b.kind === 'heading' && b.text.endsWith(heading));
  const out: string[] = [];
  for (const b of c.body.slice(at + 1)) {
    if (b.kind === 'heading') break;
    out.push(`${b.lead ?? ''}${b.text}`);
  }
  return out;
}

describe('the opening, title and signature', () => {
  const c = buildCircular(source());

  it('the opening sentence names the notice and the as-of date', () => {
    expect(paragraphs(c)[0]).toBe('现将2023年市政府工作报告确定的重点任务截至2023年11月10日的推进情况通报如下。');
  });
  it('without a notice the opening sentence names only the date', () => {
    expect(paragraphs(buildCircular(source({ subject: null })))[0]).toBe('现将截至2023年11月10日的重点任务推进情况通报如下。');
  });
  it('the title breaks after the notice\'s name; without a name it is one line', () => {
    expect(c.titleLines).toEqual(['关于2023年市政府工作报告', '重点任务推进情况的通报（2023年11月）']);
    expect(buildCircular(source({ subject: null })).titleLines).toEqual(['关于重点任务推进情况的通报（2023年11月）']);
  });
  it('the addressees can be given', () => {
    expect(buildCircular(source({ addressees: '各区人民政府，市政府各委、办、局：' })).addressees).toBe('各区人民政府，市政府各委、办、局：');
  });
  it('lists both attachments under the body, and signs with a placeholder issuer and the as-of date', () => {
    expect(c.attachmentList).toEqual(['逾期任务清单', '各单位任务推进情况']);
    expect(c.signature).toEqual({ issuer: '【发文机关署名】', date: '2023年11月10日' });
    expect(c.asOf).toBe(AS_OF);
    expect(c.period).toBe('2023年11月');
  });
  it('headings are headings and everything else is a paragraph (Word sets them in different fonts)', () => {
    const kinds = c.body.map((b: CircularBlock) => b.kind);
    expect(kinds.filter((k) => k === 'heading')).toHaveLength(headings(c).length);
    expect(c.body.every((b) => (b.kind === 'heading') === /^[一二三四五六七八九十]+、/.test(b.text))).toBe(true);
    expect(kinds.every((k) => k === 'heading' || k === 'paragraph')).toBe(true);
  });
});

describe('总体情况', () => {
  const c = buildCircular(source());

  it('gives the task counts by status with the completion rate and its fraction, and the rates of tasks due', () => {
    expect(under(c, '总体情况')[0]).toBe(
      '截至2023年11月10日，纳入督办的重点任务共5项。其中，已完成1项，完成率20.0%（1/5）；推进中2项，未启动0项，受阻1项，未填报1项。' +
        '截止日期已到的3项任务中，按时完成0项，按时完成率0.0%（0/3）；逾期未完成3项，逾期率100.0%（3/3）。',
    );
  });
  it('says how finished tasks split into on time and late, what is due soon, how complete the ledgers are, and how the filled targets fare', () => {
    expect(under(c, '总体情况')[1]).toBe(
      '已完成的任务中，按时完成1项，逾期完成0项；另有0项任务将在15天内到期（临期）。' + '各单位台账共5行，填报完整4行，填报率80.0%（4/5）。' + '已填报完成值的量化指标2项，达标1项，达标率50.0%（1/2）。',
    );
  });
  it('with no 完成值 filled in, says nothing of targets', () => {
    const input = { ...INPUT, targets: INPUT.targets.map((t) => ({ ...t, value: null })) };
    const text = textOf(buildCircular(source({ input, report: summarize(input, AS_OF, 15) })));
    expect(text).not.toContain('量化指标');
    expect(text).toContain('填报率80.0%（4/5）。');
  });
  it('with exactly one target filled in, gives its rate', () => {
    const input = { ...INPUT, targets: [target('1.1', '城镇新增就业', 9, 10)] };
    expect(textOf(buildCircular(source({ input, report: summarize(input, AS_OF, 15) })))).toContain('已填报完成值的量化指标1项，达标0项，达标率0.0%（0/1）。');
  });
});

describe('分板块推进情况', () => {
  const c = buildCircular(source());

  it('one paragraph per 板块 with its figures, and the tasks outside any 板块 counted', () => {
    expect(under(c, '分板块推进情况')).toEqual(['（一）稳就业。任务1项，已完成0项，完成率0.0%（0/1），逾期1项。', '（二）促消费。任务2项，已完成1项，完成率50.0%（1/2），逾期1项。', '另有2项任务未归入板块。']);
  });
  it('when every task is in a 板块 there is no 另有 line', () => {
    const input = { ...INPUT, tasks: INPUT.tasks.slice(0, 3), rows: INPUT.rows.slice(0, 3) };
    const c2 = buildCircular(source({ input, report: summarize(input, AS_OF, 15) }));
    expect(under(c2, '分板块推进情况')).toHaveLength(2);
    expect(textOf(c2)).not.toContain('未归入板块');
  });
  it('a notice without 板块 has no such section, and the headings after it move up', () => {
    const input = { ...INPUT, sections: [], tasks: INPUT.tasks.map((t) => ({ ...t, sectionNo: null, section: '' })) };
    const c2 = buildCircular(source({ input, report: summarize(input, AS_OF, 15) }));
    expect(headings(c2)).toEqual(['一、总体情况', '二、逾期任务情况', '三、报送情况', '四、下一步工作要求']);
    expect(circularText(c2).filter((l) => l.includes('undefined'))).toEqual([]);
  });
});

describe('逾期任务情况', () => {
  const c = buildCircular(source());

  it('counts the units and rows, then names the units in ledger order (not task order), a unit without a ledger last', () => {
    expect(under(c, '逾期任务情况')).toEqual([
      '截至2023年11月10日，3个单位的台账有逾期未完成的任务，共3行（按单位台账计，详见附件1）：',
      '（一）市甲局。逾期1项：2.1（截止2023年3月31日，逾期224天）。',
      '（二）市乙局。逾期1项：1.1（截止2023年6月30日，逾期133天）。',
      '（三）区外单位。逾期1项：4.1（截止2023年9月30日，逾期41天）。',
    ]);
  });
  it('a unit without a ledger stays last whichever task comes first', () => {
    const input = { ...INPUT, tasks: [INPUT.tasks[4], ...INPUT.tasks.slice(0, 4)] as SummaryInput['tasks'] };
    const lines = under(buildCircular(source({ input, report: summarize(input, AS_OF, 15) })), '逾期任务情况');
    expect(lines.slice(1).map((l) => l.replace(/。.*/, ''))).toEqual(['（一）市甲局', '（二）市乙局', '（三）区外单位']);
  });
});

describe('报送情况', () => {
  it('without 报送记录, names units whose every row is 未填报, never a unit with no rows', () => {
    const c = buildCircular(source());
    expect(under(c, '报送情况')).toEqual(['截至2023年11月10日，以下1个单位的台账尚未填报任何任务进展（全部为未填报）：市丙局（1项）。']);
  });
  it('with 报送记录 and everyone reported on time, says so in one sentence', () => {
    const c = buildCircular(source({ reporting: { period: '2023年11月', due: '2023-11-05', notReported: [], late: [] } }));
    expect(under(c, '报送情况')).toEqual(['本期（2023年11月）各单位均已报送。']);
  });
  it('with 报送记录, names the units that did not report, and no 迟报 sentence when nobody was late', () => {
    const c = buildCircular(source({ reporting: { period: '2023年11月', due: '2023-11-05', notReported: ['市丙局'], late: [] } }));
    expect(under(c, '报送情况')).toEqual(['本期（2023年11月）报送截止日为2023年11月5日，未报送的单位1个：市丙局。']);
  });
  it('with 报送记录, everyone reported but one late: the late one is named', () => {
    const c = buildCircular(source({ reporting: { period: '2023年11月', due: '2023-11-05', notReported: [], late: ['市乙局'] } }));
    expect(under(c, '报送情况')).toEqual(['本期（2023年11月）各单位均已报送。迟报的单位1个：市乙局。']);
  });
});

describe('量化指标序时进度', () => {
  it('names each target behind the calendar; a target without units has no brackets', () => {
    const c = buildCircular(source({ behindPace: [{ task: '2.1', name: '社会消费品零售总额增速', units: [], progress: 0.6, pace: 0.861 }] }));
    expect(under(c, '量化指标序时进度')).toEqual(['以下1项量化指标的完成进度慢于序时进度：', '（一）社会消费品零售总额增速。任务2.1，完成进度60.0%，序时进度86.1%。']);
  });
  it('without the loop\'s figures there is no pace section at all', () => {
    expect(headings(buildCircular(source({ behindPace: null })))).not.toContain('五、量化指标序时进度');
    expect(headings(buildCircular(source()))).toEqual(['一、总体情况', '二、分板块推进情况', '三、逾期任务情况', '四、报送情况', '五、下一步工作要求']);
  });
});

describe('every block is a heading or a paragraph (what the Word writer, the sheet and --json expect)', () => {
  const kinds = (c: Circular): string[] => [...new Set(c.body.map((b) => b.kind))].sort();
  it('when nothing is overdue, everyone reported and no target is behind', () => {
    const calm = summarize(INPUT, '2023-01-05', 15);
    expect(kinds(buildCircular(source({ report: calm, reporting: { period: '2023年1月', due: '2023-01-05', notReported: [], late: [] }, behindPace: [] })))).toEqual(['heading', 'paragraph']);
  });
  it('when units are late and targets behind', () => {
    const c = buildCircular(source({ reporting: { period: '2023年11月', due: '2023-11-05', notReported: ['市丙局'], late: ['市乙局'] }, behindPace: [{ task: '1.1', name: '城镇新增就业', units: ['市乙局'], progress: 0.5, pace: 0.86 }] }));
    expect(kinds(c)).toEqual(['heading', 'paragraph']);
  });
});

describe('下一步工作要求', () => {
  it('three numbered draft paragraphs for the office to write', () => {
    const c = buildCircular(source());
    const steps = c.body.slice(c.body.findIndex((b) => b.kind === 'heading' && b.text.endsWith('下一步工作要求')) + 1);
    expect(steps).toEqual([
      { kind: 'paragraph', draft: true, lead: '（一）', text: '【请督查室填写：对逾期任务责任单位的督办要求，例如限期办结、说明原因。】' },
      { kind: 'paragraph', draft: true, lead: '（二）', text: '【请督查室填写：对未报送、填报不完整单位的要求。】' },
      { kind: 'paragraph', draft: true, lead: '（三）', text: '【请督查室填写：下一期报送时间和报送方式。】' },
    ]);
  });
  it('no other paragraph is a draft', () => {
    const c = buildCircular(source());
    expect(c.body.filter((b) => b.kind === 'paragraph' && b.draft)).toHaveLength(3);
  });
});

describe('附件', () => {
  const c = buildCircular(source());
  const [overdue, units] = c.attachments;

  it('附件1 lists the overdue rows with their columns, task text cut at 40 characters, and no note', () => {
    expect(overdue?.title).toBe('逾期任务清单');
    expect(overdue?.header).toEqual(['序号', '任务编号', '任务内容', '责任单位', '截止日期', '逾期天数']);
    expect(overdue?.rows).toEqual([
      ['1', '1.1', '新增城镇就业12万人以上，城镇调查失业率控制在5.5%以内，确保零就业家庭动态清…', '市乙局', '2023-06-30', '133'],
      ['2', '2.1', '促进消费回补', '市甲局', '2023-03-31', '224'],
      ['3', '4.1', '', '区外单位', '2023-09-30', '41'],
    ]);
    expect(overdue?.note).toBeUndefined();
  });
  it('附件1 with nothing overdue says so in a note', () => {
    const calm = summarize(INPUT, '2023-01-05', 15);
    const t = buildCircular(source({ report: calm })).attachments[0];
    expect(t?.rows).toEqual([]);
    expect(t?.note).toBe('截至2023年1月5日没有逾期未完成的任务。');
  });
  it('附件2 has one row per ledger unit; a unit with no rows has no completion rate', () => {
    expect(units?.title).toBe('各单位任务推进情况');
    expect(units?.header).toEqual(['单位', '台账任务', '已完成', '推进中', '未启动', '受阻', '未填报', '逾期', '临期', '完成率']);
    expect(units?.rows).toEqual([
      ['市甲局', '2', '1', '0', '0', '1', '0', '1', '0', '50.0%'],
      ['市乙局', '1', '0', '1', '0', '0', '0', '1', '0', '0.0%'],
      ['市丙局', '1', '0', '0', '0', '0', '1', '0', '0', '0.0%'],
      ['市丁局', '0', '0', '0', '0', '0', '0', '0', '0', '—'],
    ]);
  });
  it('each attachment gives every column a positive width', () => {
    for (const t of c.attachments) {
      expect(t.widths).toHaveLength(t.header.length);
      expect(t.widths.every((w) => w > 0)).toBe(true);
    }
  });
});

describe('the fractions behind the rates', () => {
  it('a task due on the as-of date is due; one due the day after is not; one without a date never is', () => {
    const input: SummaryInput = {
      ...INPUT,
      tasks: [
        { id: 'a', sectionNo: null, section: '', due: d('2023-11-10'), leads: ['市甲局'] },
        { id: 'b', sectionNo: null, section: '', due: d('2023-11-11'), leads: ['市甲局'] },
        { id: 'c', sectionNo: null, section: '', due: null, leads: ['市甲局'] },
      ],
      rows: [row('a', '市甲局', '2023-11-10', '已完成', '2023-11-01'), row('b', '市甲局', '2023-11-11', '已完成', '2023-11-01'), row('c', '市甲局', null, '推进中')],
      targets: [],
    };
    expect(rateParts(summarize(input, AS_OF, 15), input)).toEqual({ tasksDue: 1, onTimeDue: 1, rows: 3, completeRows: 2, filledTargets: 0, metTargets: 0 });
  });
  it('counts only rows filled in completely, and only targets with a number that meet their goal', () => {
    expect(rateParts(REPORT, INPUT)).toEqual({ tasksDue: 3, onTimeDue: 0, rows: 5, completeRows: 4, filledTargets: 2, metTargets: 1 });
  });
  it('a 1904 workbook compares its own serials with the as-of date', () => {
    const s = (iso: string): number => excelSerial(iso, 1904);
    const input: SummaryInput = {
      ...INPUT,
      dateSystem: 1904,
      tasks: [
        { id: 'a', sectionNo: null, section: '', due: s('2023-11-10'), leads: ['市甲局'] },
        { id: 'b', sectionNo: null, section: '', due: s('2023-12-31'), leads: ['市甲局'] },
      ],
      rows: [],
      targets: [],
    };
    expect(rateParts(summarize(input, AS_OF, 15), input).tasksDue).toBe(1);
  });
});
