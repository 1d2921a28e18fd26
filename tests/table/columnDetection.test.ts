import { columnKind, findHeader, headerKey, isTaskTable, HEADER_SEARCH_ROWS } from '../../src/domain/table/headers';
import { completeByContent, isUnitList } from '../../src/domain/table/columnContent';
import type { ColumnChoice, HeaderMatch } from '../../src/domain/table/types';

// Which column of a 分工表 is 任务, 牵头单位, 完成时限…, edge by edge (issue #26): a header the clerk's
// office writes a little differently, a header row under a title, a column found by what it holds.
// Each reading is written as the overview says it: `表头→kind`, with `(content)` or `(user)` where the
// header did not decide.

/** The header row found (0-based) and how each read column was understood, or null. */
function reading(rows: string[][], choices: ColumnChoice[] = []): { row: number; columns: string[] } | null {
  const h = findHeader(rows, choices);
  return h === null ? null : { row: h.row, columns: readingOf(rows, h) };
}
function readingOf(rows: string[][], h: HeaderMatch): string[] {
  const cells = rows[h.row] ?? [];
  return [...h.kinds].sort(([a], [b]) => a - b).map(([c, kind]) => `${cells[c] ?? ''}→${kind}${h.by.has(c) ? `(${h.by.get(c)})` : ''}`);
}

const TASK_A = '推进城市更新行动，完成老旧小区改造30个';
const TASK_B = '推进数字政府建设，实现政务服务一网通办';
const TASK_C = '新增普惠托位2000个，建成社区嵌入式托育点';

describe('headers written a little differently from the aliases', () => {
  it('spaces, line breaks and a bracketed note are not part of a header', () => {
    expect(headerKey(' 牵头\n单位（盖章）')).toBe('牵头单位');
    expect(headerKey('完成时限(必填)')).toBe('完成时限');
    expect(columnKind('牵头单位(盖章)')).toBe('lead');
    expect(columnKind('责 任\n单 位')).toBe('responsible');
  });
  it('a header that is only a bracketed note, or blank, names nothing', () => {
    expect(columnKind('（说明）')).toBeNull();
    expect(columnKind('   ')).toBeNull();
    expect(columnKind('')).toBeNull();
  });
  it('a header naming a person is never a unit column, even with a unit alias in it', () => {
    expect(columnKind('责任单位负责人')).toBeNull();
    expect(columnKind('牵头单位联系电话')).toBeNull();
  });
  it('the short aliases 牵头 and 配合 are columns of their own', () => {
    expect(columnKind('牵头')).toBe('lead');
    expect(columnKind('配合')).toBe('support');
    expect(columnKind('任务')).toBe('task');
  });
  it('a header up to four characters longer than an alias is that alias; five longer is not', () => {
    expect(columnKind('牵头单位及其职责')).toBe('lead');
    expect(columnKind('完成时限要求')).toBe('deadline');
    expect(columnKind('牵头单位名称及其职责')).toBeNull();
  });
  it('of two aliases in one header the longer decides', () => {
    expect(columnKind('配合牵头单位')).toBe('lead');
    expect(columnKind('任务承办单位')).toBe('responsible');
  });
  it('a header holding a deadline alias and a shorter task alias is the deadline: 任务完成时限', () => {
    expect(columnKind('任务完成时限')).toBe('deadline');
  });
  it('a header holding a 板块 alias and a task word is the 板块: 工作领域', () => {
    expect(columnKind('工作领域')).toBe('section');
  });
  it('of two aliases of the same length the one listed first decides (责任单位 before 配合单位)', () => {
    expect(columnKind('责任单位配合单位')).toBe('responsible');
  });
  it('an alias inside a header wins over a header word that would say otherwise', () => {
    // 时间 is a deadline word, but 工作任务 is an alias.
    expect(columnKind('工作任务时间')).toBe('task');
  });
});

describe('header words beyond the aliases', () => {
  it('a header of eight characters is still read by its words; of nine it is a sentence', () => {
    expect(columnKind('主要改革创新举措')).toBe('task');
    expect(columnKind('主要改革创新的举措')).toBeNull();
  });
  it('a deadline word is read before a report word: 进度安排 is a deadline, 工作进度 is not read', () => {
    expect(columnKind('进度安排')).toBe('deadline');
    expect(columnKind('办结时限')).toBe('deadline');
    expect(columnKind('工作进度')).toBeNull();
  });
  it('a report word is read before a unit word: 单位完成情况 is not a unit column', () => {
    expect(columnKind('单位完成情况')).toBeNull();
    expect(columnKind('部门评价')).toBeNull();
  });
  it('an alias with a report word added is a report column, not the alias: 指导部门完成情况, 牵头单位进展', () => {
    expect(columnKind('指导部门完成情况')).toBeNull();
    expect(columnKind('牵头单位进展')).toBeNull();
    expect(columnKind('责任单位（备注）')).toBe('responsible'); // a bracketed note is no part of the header
    expect(columnKind('牵头单位及部门')).toBe('lead');
    expect(columnKind('完成时限要求')).toBe('deadline');
  });
  it('a unit word gives the role its word says, else responsible', () => {
    expect(columnKind('主责处室')).toBe('lead');
    expect(columnKind('指导处室')).toBe('guide');
    expect(columnKind('协助部门')).toBe('support');
    expect(columnKind('实施机构')).toBe('responsible');
  });
  it('a unit word is read before a task word: 工作部门 is a unit column', () => {
    expect(columnKind('工作部门')).toBe('responsible');
  });
  it('a task word is read before a section word: 工作方面 is the task, 所属方面 the 板块', () => {
    expect(columnKind('工作方面')).toBe('task');
    expect(columnKind('所属方面')).toBe('section');
    expect(columnKind('专项')).toBe('section');
  });
  it('a short header with no word we know is not read', () => {
    expect(columnKind('号')).toBeNull();
    expect(columnKind('谁来办')).toBeNull();
  });
});

describe('finding the header row', () => {
  const body = [
    ['1', TASK_A, '市住建委', '2024年6月底前'],
    ['2', TASK_B, '市政务服务办', '2024年12月底前'],
  ];

  it('under a title and a date line, the row that names the columns', () => {
    expect(reading([['某市2024年重点任务分工'], ['2024年1月'], ['序号', '重点任务', '牵头单位', '完成时限'], ...body])).toEqual({
      row: 2,
      columns: ['序号→id', '重点任务→task', '牵头单位→lead', '完成时限→deadline'],
    });
  });
  it('the header may be on the tenth row, not on the eleventh', () => {
    const titles = (n: number): string[][] => Array.from({ length: n }, (_v, i) => [`标题第${i + 1}行`]);
    expect(HEADER_SEARCH_ROWS).toBe(10);
    expect(reading([...titles(9), ['序号', '重点任务', '牵头单位', '完成时限'], ...body])?.row).toBe(9);
    expect(reading([...titles(10), ['序号', '重点任务', '牵头单位', '完成时限'], ...body])).toBeNull();
  });
  it('a row naming one column is no header', () => {
    expect(reading([['重点任务'], [TASK_A], [TASK_B]])).toBeNull();
  });
  it('of two columns of one kind the first is read, the second left alone', () => {
    expect(reading([['序号', '重点任务', '牵头单位', '牵头部门'], ['1', TASK_A, '市住建委', '市财政局'], ['2', TASK_B, '市政务服务办', '市财政局']])?.columns).toEqual([
      '序号→id',
      '重点任务→task',
      '牵头单位→lead',
    ]);
  });
  it('a row with a task column beats a row naming more columns without one', () => {
    const rows = [['牵头单位', '配合单位', '完成时限'], ['序号', '重点任务', '责任单位'], ['1', TASK_A, '市住建委'], ['2', TASK_B, '市政务服务办']];
    expect(reading(rows)?.row).toBe(1);
  });
  it('of two rows naming as much, the first is the header (a header repeated on a new page is a row)', () => {
    const header = ['序号', '重点任务', '牵头单位', '完成时限'];
    expect(reading([header, ...body, header, ...body])?.row).toBe(0);
  });
  it('a row naming more columns by header wins over one completed by content', () => {
    const rows = [
      ['编号', '事项', '分工', '安排'],
      ['序号', '重点任务', '牵头单位', '完成时限'],
      ['1', TASK_A, '市住建委', '2024年6月底前'],
      ['2', TASK_B, '市政务服务办', '2024年12月底前'],
    ];
    expect(reading(rows)?.row).toBe(1);
  });
  it('one named column completed by content to a task and a unit is a header', () => {
    const rows = [
      ['重点任务', '分工', '推进'],
      [TASK_A, '市住建委、市财政局', '2024年6月底前'],
      [TASK_B, '市政务服务办', '2024年12月底前'],
    ];
    expect(reading(rows)?.columns).toEqual(['重点任务→task', '分工→responsible(content)', '推进→deadline(content)']);
  });
  it('a row naming a task and a deadline is a header, though it names no unit (the table then lacks units)', () => {
    const rows = [
      ['重点任务', '完成时限'],
      [TASK_A, '2024年6月底前'],
      [TASK_B, '2024年12月底前'],
    ];
    expect(reading(rows)).toEqual({ row: 0, columns: ['重点任务→task', '完成时限→deadline'] });
  });
  it('a column found by content tips the balance between two rows that name as many columns', () => {
    // Row 1 repeats the header in other words and names no deadline; row 0's 推进安排 holds deadlines below it.
    const rows = [
      ['重点任务', '牵头单位', '推进安排'],
      ['工作任务', '责任单位', '备注'],
      [TASK_A, '市住建委', '2024年6月底前'],
      [TASK_B, '市政务服务办', '2024年12月底前'],
      [TASK_C, '市卫生健康委', '2024年9月底前'],
    ];
    expect(reading(rows)).toEqual({ row: 0, columns: ['重点任务→task', '牵头单位→lead', '推进安排→deadline(content)'] });
  });
  it('one named column completed by content without any unit column is no header', () => {
    const rows = [
      ['完成时限', '甲', '备考'],
      ['2024年6月底前', TASK_A, '无'],
      ['2024年12月底前', TASK_B, '无'],
    ];
    expect(reading(rows)).toBeNull();
  });
});

describe('the clerk\'s choices', () => {
  const rows = [
    ['序号', '改革举措', '主要内容', '指导部门', '实施部门'],
    ['1', '一窗通办', TASK_A, '国家知识产权局', '市市场监管局'],
    ['2', '联合报装', TASK_B, '市场监管总局', '市住建委'],
  ];

  it('a chosen column takes its kind, and the header word that named another column that kind gives it up', () => {
    expect(reading(rows, [{ header: '主要内容', as: 'task' }])?.columns).toEqual(['序号→id', '主要内容→task(user)', '指导部门→guide', '实施部门→responsible']);
  });
  it('a column chosen as unused is not read by its header', () => {
    expect(reading(rows, [{ header: '实施部门', as: null }])?.columns).toEqual(['序号→id', '改革举措→task', '指导部门→guide']);
  });
  it('a choice is matched by the header as compared: spaces and notes do not matter', () => {
    expect(reading(rows, [{ header: '主 要 内 容（全文）', as: 'task' }])?.columns).toContain('主要内容→task(user)');
  });
  it('a choice for a blank header claims no blank cell', () => {
    const blanks = [
      ['序号', '', '重点任务', '', '牵头单位'],
      ['1', '', TASK_A, '', '市住建委'],
      ['2', '', TASK_B, '', '市政务服务办'],
    ];
    expect(reading(blanks, [{ header: '', as: 'deadline' }])).toEqual(reading(blanks));
    expect(reading(blanks)?.columns).toEqual(['序号→id', '重点任务→task', '牵头单位→lead']);
  });
  it('two columns chosen as one kind: the one further left keeps it, the other is read by nothing', () => {
    expect(reading(rows, [{ header: '实施部门', as: 'lead' }, { header: '指导部门', as: 'lead' }])?.columns).toEqual(['序号→id', '改革举措→task', '指导部门→lead(user)']);
  });
});

describe('is it a 分工表', () => {
  it('a task column and a unit column make one', () => {
    expect(isTaskTable([['重点任务', '配合单位'], [TASK_A, '市财政局']])).toBe(true);
  });
  it('a task and a deadline without any unit do not', () => {
    expect(isTaskTable([['序号', '重点任务', '完成时限'], ['1', TASK_A, '2024年6月底前']])).toBe(false);
  });
  it('units and deadlines without a task do not', () => {
    expect(isTaskTable([['牵头单位', '完成时限'], ['市财政局', '2024年6月底前']])).toBe(false);
  });
  it('no header at all does not', () => {
    expect(isTaskTable([['某市重点任务'], ['正文第一段']])).toBe(false);
  });
});

describe('columns found by their content', () => {
  const complete = (rows: string[][], named: Array<[number, HeaderMatch['kinds'] extends Map<number, infer K> ? K : never]>, row = 0) =>
    readingOf(rows, completeByContent(rows, { row, kinds: new Map(named), by: new Map(), score: 0 }));

  it('a header that names task, unit and deadline is left as it is', () => {
    const rows = [['重点任务', '牵头单位', '完成时限', '分工'], [TASK_A, '市住建委', '6月底前', '市财政局、市人社局']];
    expect(complete(rows, [[0, 'task'], [1, 'lead'], [2, 'deadline']])).toEqual(['重点任务→task', '牵头单位→lead', '完成时限→deadline']);
  });
  it('a unit column is the one whose cells are unit lists in at least 60 % of its filled rows', () => {
    const unitRows = (units: string[]) => units.map((u, i) => [`${i + 1}`, [TASK_A, TASK_B, TASK_C, TASK_A, TASK_B][i] as string, u]);
    const header = ['序号', '重点任务', '分工'];
    // 3 of 5 are unit lists: read; 2 of 5: not.
    expect(complete([header, ...unitRows(['市财政局', '市人社局、市教委', '各区人民政府', '另行通知', '视情况'])], [[0, 'id'], [1, 'task']])).toContain('分工→responsible(content)');
    expect(complete([header, ...unitRows(['市财政局', '市人社局', '待定', '另行通知', '视情况'])], [[0, 'id'], [1, 'task']])).not.toContain('分工→responsible(content)');
  });
  it('of two unit-like columns the one with more unit lists is the unit column', () => {
    const rows = [
      ['重点任务', '甲', '乙'],
      [TASK_A, '市财政局', '市财政局'],
      [TASK_B, '另行通知', '市人社局'],
      [TASK_C, '市教委', '市教委'],
    ];
    expect(complete(rows, [[0, 'task']])).toContain('乙→responsible(content)');
  });
  it('a deadline column is one of dates or X月底前, in at least 60 % of its rows', () => {
    const rows = [
      ['重点任务', '牵头单位', '时'],
      [TASK_A, '市财政局', '2024年6月底前'],
      [TASK_B, '市人社局', '持续推进'],
      [TASK_C, '市教委', '2024-09-30'],
      [TASK_A, '市财政局', '看情况'],
      [TASK_B, '市人社局', '待定'],
    ];
    expect(complete(rows, [[0, 'task'], [1, 'lead']])).toContain('时→deadline(content)');
    const fewer = rows.map((r, i) => (i === 3 ? [r[0], r[1], '再议'] : r)) as string[][];
    expect(complete(fewer, [[0, 'task'], [1, 'lead']])).not.toContain('时→deadline(content)');
  });
  it('the task is the column of the longest texts, at least eight characters on average', () => {
    const rows = [
      ['号', '甲', '乙', '牵头单位'],
      ['1', '城市更新行动', TASK_A, '市住建委'],
      ['2', '数字政府建设', TASK_B, '市政务服务办'],
    ];
    expect(complete(rows, [[3, 'lead']])).toEqual(['乙→task(content)', '牵头单位→lead']);
    const short = [
      ['号', '甲', '牵头单位'],
      ['1', '城市更新行动。', '市住建委'],
      ['2', '数字政府建设。', '市政务服务办'],
    ];
    expect(complete(short, [[2, 'lead']])).toEqual(['牵头单位→lead']);
    const eight = [
      ['号', '甲', '牵头单位'],
      ['1', '城市更新行动推进', '市住建委'],
      ['2', '数字政府建设推进', '市政务服务办'],
    ];
    expect(complete(eight, [[2, 'lead']])).toEqual(['甲→task(content)', '牵头单位→lead']);
  });
  it('a column headed 备注 or 联系人 is never read by its content', () => {
    const rows = [
      ['重点任务', '备注', '联系人'],
      [TASK_A, '市财政局', '市住建委'],
      [TASK_B, '市人社局', '市政务服务办'],
    ];
    expect(complete(rows, [[0, 'task']])).toEqual(['重点任务→task']);
  });
  it('a column the clerk left unused is never read by its content', () => {
    const rows = [
      ['重点任务', '分工'],
      [TASK_A, '市财政局'],
      [TASK_B, '市人社局'],
    ];
    const h = completeByContent(rows, { row: 0, kinds: new Map([[0, 'task']]), by: new Map([[1, 'user']]), score: 0 });
    expect(readingOf(rows, h)).toEqual(['重点任务→task']);
  });
  it('a heading row inside the table (one text across it) is not counted as a column\'s content', () => {
    const rows = [
      ['重点任务', '分工'],
      ['一、城市建设方面', ''],
      ['二、数字政府方面', '二、数字政府方面'],
      [TASK_A, '市财政局'],
      [TASK_B, '市人社局'],
    ];
    expect(complete(rows, [[0, 'task']])).toEqual(['重点任务→task', '分工→responsible(content)']);
  });
  it('only the first 60 rows below the header are looked at', () => {
    const filler = Array.from({ length: 60 }, () => [TASK_A, '另行通知']);
    const rows = [['重点任务', '分工'], ...filler, ...Array.from({ length: 200 }, () => [TASK_B, '市财政局'])];
    expect(complete(rows, [[0, 'task']])).toEqual(['重点任务→task']);
  });
  it('a row found by content alone must look like a header: two distinct short cells', () => {
    const data = [
      [TASK_A, '市财政局'],
      [TASK_B, '市人社局'],
    ];
    expect(complete([['甲', '乙'], ...data], [])).toEqual(['甲→task(content)', '乙→responsible(content)']);
    expect(complete([['某市2024年重点任务分工及责任单位一览表（第一批）', ''], ...data], [])).toEqual([]);
    expect(complete([['同', '同'], ...data], [])).toEqual([]);
    expect(complete([['一二三四五六七八九十一二三四五六', '乙'], ...data], [])).toHaveLength(2);
    expect(complete([['一二三四五六七八九十一二三四五六七', '乙'], ...data], [])).toEqual([]);
  });
});

describe('columns found by their content: what is counted', () => {
  const complete = (rows: string[][], named: Array<[number, 'id' | 'task' | 'lead' | 'deadline']>) =>
    readingOf(rows, completeByContent(rows, { row: 0, kinds: new Map(named), by: new Map(), score: 0 }));

  it('a header naming the task and the deadline still finds its unit column by content', () => {
    const rows = [
      ['重点任务', '分工', '完成时限'],
      [TASK_A, '市住建委、市财政局', '2024年6月底前'],
      [TASK_B, '市政务服务办', '2024年12月底前'],
    ];
    expect(complete(rows, [[0, 'task'], [2, 'deadline']])).toEqual(['重点任务→task', '分工→responsible(content)', '完成时限→deadline']);
  });
  it('a header naming the units and the deadline still finds its task column by content', () => {
    const rows = [
      ['序号', '事', '牵头单位', '完成时限'],
      ['1', TASK_A, '市住建委', '2024年6月底前'],
      ['2', TASK_B, '市政务服务办', '2024年12月底前'],
    ];
    expect(complete(rows, [[0, 'id'], [2, 'lead'], [3, 'deadline']])).toEqual(['序号→id', '事→task(content)', '牵头单位→lead', '完成时限→deadline']);
  });
  it('a header that names its deadline column takes no second one by content', () => {
    const rows = [
      ['重点任务', '完成时限', '分工', '原定时间'],
      [TASK_A, '2024年6月底前', '市住建委', '2024年3月底前'],
      [TASK_B, '2024年12月底前', '市政务服务办', '2024年9月底前'],
    ];
    expect(complete(rows, [[0, 'task'], [1, 'deadline']])).toEqual(['重点任务→task', '完成时限→deadline', '分工→responsible(content)']);
  });
  it('a header naming only the task, its other cells blank, is completed by content', () => {
    const rows = [
      ['重点任务', '', ''],
      [TASK_A, '市住建委', '2024年6月底前'],
      [TASK_B, '市政务服务办', '2024年12月底前'],
    ];
    expect(complete(rows, [[0, 'task']])).toEqual(['重点任务→task', '→responsible(content)', '→deadline(content)']);
  });
  it('the column whose filled cells are most often unit lists wins, however many of its cells are blank', () => {
    const rows = [
      ['序号', '重点任务', '甲', '乙'],
      ['1', TASK_A, '市住建委', '市财政局'],
      ['2', TASK_B, '', '市人社局'],
      ['3', TASK_C, '市卫生健康委', '市教委'],
      ['4', TASK_A, '', '市商务局'],
      ['5', TASK_B, '', '另行通知'],
    ];
    expect(complete(rows, [[0, 'id'], [1, 'task']])).toContain('甲→responsible(content)');
  });
  it('of two columns equally full of unit lists, the one further left is the unit column', () => {
    const rows = [
      ['重点任务', '甲', '乙'],
      [TASK_A, '市住建委', '市财政局'],
      [TASK_B, '市政务服务办', '市人社局'],
    ];
    expect(complete(rows, [[0, 'task']])).toEqual(['重点任务→task', '甲→responsible(content)']);
  });
  it('the column of deadlines most often read wins, however many of its cells are blank', () => {
    const rows = [
      ['重点任务', '牵头单位', '甲', '乙'],
      [TASK_A, '市住建委', '2024年6月底前', '2024年3月底前'],
      [TASK_B, '市政务服务办', '', '2024年9月底前'],
      [TASK_C, '市卫生健康委', '', '持续推进'],
      [TASK_A, '市住建委', '', '另行通知'],
    ];
    expect(complete(rows, [[0, 'task'], [1, 'lead']])).toEqual(['重点任务→task', '牵头单位→lead', '甲→deadline(content)']);
  });
  it('a cell holding a deadline and words the grammar cannot read is no deadline cell', () => {
    const rows = [
      ['重点任务', '牵头单位', '安排'],
      [TASK_A, '市住建委', '2024年6月底前；视情况'],
      [TASK_B, '市政务服务办', '2024年12月底前；视情况'],
    ];
    expect(complete(rows, [[0, 'task'], [1, 'lead']])).toEqual(['重点任务→task', '牵头单位→lead']);
  });
  it('the task is the column of the longest texts on average, however many of its cells are blank', () => {
    const rows = [
      ['序号', '甲', '乙', '牵头单位'],
      ['1', TASK_A, '城市更新行动的推进', '市住建委'],
      ['2', '', '数字政府建设的推进', '市政务服务办'],
      ['3', '', '托育服务体系的建设', '市卫生健康委'],
      ['4', TASK_C, '社区嵌入式服务设施', '市民政局'],
    ];
    expect(complete(rows, [[0, 'id'], [3, 'lead']])).toEqual(['序号→id', '甲→task(content)', '牵头单位→lead']);
  });
  it('a column taken as the unit column is not also taken as the task, though its texts are longer', () => {
    const rows = [
      ['序号', '甲', '乙'],
      ['1', '城市更新行动推进', '国家知识产权局、市场监管总局'],
      ['2', '数字政府建设推进', '市发展改革委、市财政局、市人社局'],
    ];
    expect(complete(rows, [[0, 'id']])).toEqual(['序号→id', '甲→task(content)', '乙→responsible(content)']);
  });
  it('blank cells, cells of spaces and cells a short row never wrote are not counted', () => {
    const rows = [
      ['序号', '重点任务', '分工'],
      ['1', TASK_A, '市住建委'],
      ['2', TASK_B, '市政务服务办'],
      ['3', TASK_C, ''],
      ['4', TASK_A, '  '],
      ['5', TASK_B, ' '],
      ['6', TASK_C],
      ['7', TASK_A],
    ];
    expect(complete(rows, [[0, 'id'], [1, 'task']])).toContain('分工→responsible(content)');
  });
  it('heading rows inside the table, merged across or alone in a column, are not counted', () => {
    const rows = [
      ['重点任务', '分工'],
      ['一、城市建设方面', '一、城市建设方面'],
      ['', '二、数字政府方面'],
      ['', '三、民生保障方面'],
      [TASK_A, '市住建委'],
      [TASK_B, '市政务服务办'],
    ];
    expect(complete(rows, [[0, 'task']])).toEqual(['重点任务→task', '分工→responsible(content)']);
  });
  it('the sixtieth row below the header counts, the sixty-first does not', () => {
    const sixty = [...Array.from({ length: 24 }, () => '另行通知'), ...Array.from({ length: 36 }, () => '市财政局')];
    const rows = [['重点任务', '分工'], ...sixty.map((u) => [TASK_A, u]), ...Array.from({ length: 100 }, () => [TASK_B, '另行通知'])];
    // 36 of the first 60 rows (60 %) are unit lists: read, though most of the table's rows are not.
    expect(complete(rows, [[0, 'task']])).toEqual(['重点任务→task', '分工→responsible(content)']);
  });
});

describe('unit lists', () => {
  it.each(['市财政局', '国家知识产权局、市场监管总局', '市财政局（牵头）、市人社局', '各区人民政府', '有关部门', '人民银行天津分行', '市发展改革委等'])('%s is a list of units', (text) => {
    expect(isUnitList(text)).toBe(true);
  });
  it.each(['各区县', '市财政局（市本级）', '市财政局（滨海新区）、市人社局'])('%s is a list of units too', (text) => {
    expect(isUnitList(text)).toBe(true);
  });
  it.each(['另行通知', '2024年6月底前', '市财政局，2024年6月底前完成', '', '市财政局、张三', '100个社区服务站', '市财政局2024年'])('%s is not', (text) => {
    expect(isUnitList(text)).toBe(false);
  });
  it('a list with an item too long to be a name is not', () => {
    expect(isUnitList(`市财政局、${'城市更新'.repeat(11)}`)).toBe(false);
  });
});
