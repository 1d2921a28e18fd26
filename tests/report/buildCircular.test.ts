import { summarize, type SummaryInput, type SummaryRow } from '../../src/domain/summary/summarize';
import { buildCircular } from '../../src/domain/report/buildCircular';
import { circularText } from '../../src/domain/report/circularText';
import { breakLines } from '../../src/workbook/sheets/circularSheet';
import { chineseDate, monthOf, rateText, shorten } from '../../src/domain/report/wording';
import { excelSerial } from '../../src/domain/time/isoDate';

const d = (iso: string): number => excelSerial(iso, 1900);
const row = (taskId: string, unit: string, due: string, status: string | null, doneDate: string | null = null): SummaryRow => ({
  taskId,
  unit,
  role: 'lead',
  due: d(due),
  status,
  doneDate: doneDate === null ? null : d(doneDate),
  measures: '措施',
  person: '张三',
  plannedDate: d(due),
  outputForm: '工作方案',
});

/** Three units: 甲 overdue on two tasks of one date and one of another, 乙 done, 丙 silent. */
const INPUT: SummaryInput = {
  tasks: [
    { id: '1.1', sectionNo: 1, section: '（一）稳就业', due: d('2023-06-30'), leads: ['市甲局'] },
    { id: '1.2', sectionNo: 1, section: '（一）稳就业', due: d('2023-06-30'), leads: ['市甲局'] },
    { id: '2.1', sectionNo: 2, section: '（二）促消费', due: d('2023-09-30'), leads: ['市甲局'] },
    { id: '2.2', sectionNo: 2, section: '（二）促消费', due: d('2023-03-31'), leads: ['市乙局'] },
    { id: '3.1', sectionNo: null, section: '', due: d('2023-12-31'), leads: ['市丙局'] },
  ],
  sections: [
    { no: 1, title: '稳就业' },
    { no: 2, title: '促消费' },
  ],
  units: ['市甲局', '市乙局', '市丙局'],
  rows: [row('1.1', '市甲局', '2023-06-30', '推进中'), row('1.2', '市甲局', '2023-06-30', '受阻'), row('2.1', '市甲局', '2023-09-30', null), row('2.2', '市乙局', '2023-03-31', '已完成', '2023-03-01'), row('3.1', '市丙局', '2023-12-31', null)],
  targets: [],
};
const AS_OF = '2023-11-10';
const report = summarize(INPUT, AS_OF, 15);
const texts = new Map([['1.1', '新增城镇就业12万人以上，城镇调查失业率控制在5.5%以内']]);

describe('the Circular document model', () => {
  const c = buildCircular({ report, input: INPUT, texts, subject: '2023年市政府工作报告' });
  const all = circularText(c).join('\n');

  it('has the genre\'s title, period, addressees, numbered headings and the figures of the summary engine', () => {
    expect(c.title).toBe('关于2023年市政府工作报告重点任务推进情况的通报（2023年11月）');
    expect(c.titleLines).toEqual(['关于2023年市政府工作报告', '重点任务推进情况的通报（2023年11月）']);
    expect(c.addressees).toBe('各责任单位：');
    expect(c.figures).toBe(report.overall);
    expect(c.body.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['一、总体情况', '二、分板块推进情况', '三、逾期任务情况', '四、报送情况', '五、下一步工作要求']);
    // 4 tasks due by 11-10: 2.2 on time; 1.1, 1.2, 2.1 overdue.
    expect(all).toContain('截止日期已到的4项任务中，按时完成1项，按时完成率25.0%（1/4）；逾期未完成3项，逾期率75.0%（3/4）。');
    expect(all).toContain('另有1项任务未归入板块。');
  });

  it('names overdue units with their task ids, grouped by due date, with days', () => {
    expect(all).toContain('（一）市甲局。逾期3项：1.1、1.2（截止2023年6月30日，逾期133天）；2.1（截止2023年9月30日，逾期41天）。');
    expect(all).not.toMatch(/市乙局。逾期/);
    expect(c.attachments[0]?.rows[0]).toEqual(['1', '1.1', '新增城镇就业12万人以上，城镇调查失业率控制在5.5%以内', '市甲局', '2023-06-30', '133']);
  });

  it('without the loop, names the units with every row 未填报 as not reported, and writes no pace section', () => {
    expect(all).toContain('以下1个单位的台账尚未填报任何任务进展（全部为未填报）：市丙局（1项）。');
    expect(all).not.toContain('序时');
  });

  it('with the loop, takes 本期未报送 and 迟报 from 报送记录 and lists targets 慢于序时 as given', () => {
    const looped = buildCircular({
      report,
      input: INPUT,
      texts,
      subject: null,
      reporting: { period: '2023年第4季度', due: '2023-11-25', notReported: ['市丙局', '市乙局'], late: ['市甲局'] },
      behindPace: [{ task: '1.1', name: '城镇新增就业', units: ['市甲局'], progress: 0.62, pace: 0.86 }],
    });
    const text = circularText(looped).join('\n');
    expect(looped.title).toBe('关于重点任务推进情况的通报（2023年第4季度）');
    expect(text).toContain('本期（2023年第4季度）报送截止日为2023年11月25日，未报送的单位2个：市丙局、市乙局。迟报的单位1个：市甲局。');
    expect(text).toContain('五、量化指标序时进度');
    expect(text).toContain('（一）城镇新增就业。任务1.1（市甲局），完成进度62.0%，序时进度86.0%。');
    expect(text).toContain('六、下一步工作要求');
    const none = circularText(buildCircular({ report, input: INPUT, texts, subject: null, behindPace: [] })).join('\n');
    expect(none).toContain('已填报的量化指标均未慢于序时进度。');
  });

  it('says plainly when nothing is overdue and nobody is silent, and the next steps stay a draft', () => {
    const calm = summarize({ ...INPUT, rows: INPUT.rows.map((r) => ({ ...r, status: '已完成', doneDate: r.due })) }, '2023-01-05', 15);
    const text = circularText(buildCircular({ report: calm, input: INPUT, texts, subject: null })).join('\n');
    expect(text).toContain('截至2023年1月5日尚无到期任务，按时完成率和逾期率暂不计算。');
    expect(text).toContain('各单位台账中没有逾期未完成的任务。');
    expect(text).toContain('各单位均已在台账中填报任务进展。');
    expect(text).toContain('没有逾期未完成的任务。');
    const c2 = buildCircular({ report: calm, input: INPUT, texts, subject: null });
    expect(c2.body.filter((b) => b.kind === 'paragraph' && b.draft).every((b) => b.kind === 'paragraph' && /^【请督查室填写：.*】$/.test(b.text))).toBe(true);
  });
});

describe('wording', () => {
  it('writes rates with their fractions, dates as a 公文 does, and cuts long text', () => {
    expect(rateText(0.4, 2, 5)).toBe('40.0%（2/5）');
    expect(rateText(null, 0, 0)).toBe('—（0 项）');
    expect(chineseDate('2020-08-01')).toBe('2020年8月1日');
    expect(monthOf('2020-12-20')).toBe('2020年12月');
    expect(shorten('加大对稳就业、稳企业的支持力度', 6)).toBe('加大对稳就业…');
    expect(shorten('短 文本', 6)).toBe('短文本');
    expect(shorten('𠀀𠀁𠀂', 2)).toBe('𠀀𠀁…');
  });

  it('breaks sheet lines by width, a Chinese character counting two', () => {
    expect(breakLines('一二三四五', 4)).toEqual(['一二', '三四', '五']);
    expect(breakLines('ab一二', 4)).toEqual(['ab一', '二']);
    expect(breakLines('', 10)).toEqual(['']);
  });
});
