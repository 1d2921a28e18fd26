import { readTaskTables, type TableOptions } from '../../src/domain/table/readTaskTables';
import type { Grid } from '../../src/domain/table/types';
import { columnKind } from '../../src/domain/table/headers';
import { readUnitCell } from '../../src/domain/table/unitCell';
import { readDeadlineCell } from '../../src/domain/table/deadlineCell';
import { tableSourceLines } from '../../src/domain/table/overview';

const grid = (rows: string[][], merges: Grid['merges'] = [], name = '工作表“分工表”'): Grid => ({ name, rows, merges });
const read = (grids: Grid[], options: Partial<TableOptions> = {}) => readTaskTables(grids, { format: 'xlsx', ...options });
const codes = (issues: Array<{ code: string }>) => issues.map((i) => i.code);

describe('header aliases', () => {
  it.each([
    ['序号', 'id'],
    ['任务编号', 'id'],
    ['重点任务', 'task'],
    ['具体任务', 'task'],
    ['牵头部门', 'lead'],
    ['牵头单位（部门）', 'lead'],
    ['主办单位', 'lead'],
    ['承办单位', 'responsible'],
    ['协办单位', 'support'],
    ['时间节点', 'deadline'],
    ['完成 时限', 'deadline'],
    ['领域', 'section'],
  ])('%s is a %s column', (header, kind) => {
    expect(columnKind(header)).toBe(kind);
  });

  it.each(['责任人', '牵头领导', '联系人及电话', '备注', '加强重点任务落实的有关工作要求'])('%s is no column of a 分工表', (header) => {
    expect(columnKind(header)).toBeNull();
  });
});

describe('unit cells', () => {
  it.each([
    ['市财政局、市人社局', ['市财政局', '市人社局']],
    ['市财政局，市人社局', ['市财政局', '市人社局']],
    ['市财政局,市人社局', ['市财政局', '市人社局']],
    ['市财政局；市人社局', ['市财政局', '市人社局']],
    ['市财政局;市人社局', ['市财政局', '市人社局']],
    ['市财政局／市人社局', ['市财政局', '市人社局']],
    ['市财政局/市人社局', ['市财政局', '市人社局']],
    ['市财政局\n市人社局', ['市财政局', '市人社局']],
    ['市财政局\r\n市人社局等', ['市财政局', '市人社局']],
  ])('a list %j takes the column role', (cell, names) => {
    expect(readUnitCell(cell, 'lead', 2020).mentions).toEqual(names.map((name) => ({ name, clauseRole: 'lead' })));
  });

  it('prose is read by the clause grammar', () => {
    expect(readUnitCell('市商务局牵头，天津海关、市税务局配合', 'responsible', 2020).mentions).toEqual([
      { name: '市商务局', clauseRole: 'lead' },
      { name: '天津海关', clauseRole: 'support' },
      { name: '市税务局', clauseRole: 'support' },
    ]);
  });

  it('a role after a name in a list: 市财政局（牵头）', () => {
    expect(readUnitCell('市财政局(牵头)、市人社局', 'responsible', 2020).mentions).toEqual([
      { name: '市财政局', clauseRole: 'lead' },
      { name: '市人社局', clauseRole: 'byDuty' },
    ]);
  });

  it('a deadline written in a unit cell is a deadline', () => {
    const cell = readUnitCell('市财政局牵头，年底前完成', 'responsible', 2020);
    expect(cell.mentions).toEqual([{ name: '市财政局', clauseRole: 'lead' }]);
    expect(cell.deadlines.map((d) => d.due)).toEqual(['2020-12-31']);
  });

  it('a 5 000-character cell is no unit name', () => {
    const cell = readUnitCell('推'.repeat(5000), 'responsible', 2020);
    expect(cell.mentions).toEqual([]);
    expect(cell.rejected).toHaveLength(1);
  });
});

describe('deadline cells', () => {
  it.each([
    ['2020/12/31', '2020-12-31'],
    ['2020-9-30', '2020-09-30'],
    ['2020.6.30', '2020-06-30'],
    ['2020年12月', '2020-12-31'],
    ['2021年3月底前', '2021-03-31'],
    ['12月底前完成', '2020-12-31'],
    ['2020年10月31日', '2020-10-31'],
  ])('%s is due %s', (text, due) => {
    expect(readDeadlineCell(text, 2020).due).toBe(due);
  });

  it('several clauses on lines: the latest is due, the earlier a milestone', () => {
    const d = readDeadlineCell('6月底前出台方案\n年底前完成', 2020);
    expect([d.due, d.milestones, d.clauses.map((c) => c.text)]).toEqual(['2020-12-31', ['2020-06-30'], ['6月底前出台方案', '年底前完成']]);
  });
});

describe('readTaskTables', () => {
  it('finds the header under a title row, in any column order, and says how each column was read', () => {
    const { parsed, source } = read([
      grid([
        ['附件2'],
        ['2021年稳就业工作任务分工表'],
        ['完成时限', '配合部门', '工作任务', '备注', '牵头部门', '编号'],
        ['2021年6月底前', '市财政局', '开展职业技能培训。', '', '市人社局', '11.10'],
        ['持续推进', '', '稳定外贸企业就业。', '重点', '市商务局、天津海关', '11.2'],
      ]),
    ]);
    expect(parsed.notice).toEqual({ title: '2021年稳就业工作任务分工表', issuer: null, date: null, year: 2021, docNumber: null });
    expect(parsed.tasks.map((t) => [t.id, t.item, t.seq, t.text, t.units, t.deadline.due])).toEqual([
      ['11.10', 11, 10, '开展职业技能培训。', [{ name: '市人社局', role: 'lead' }, { name: '市财政局', role: 'support' }], '2021-06-30'],
      ['11.2', 11, 2, '稳定外贸企业就业。', [{ name: '市商务局', role: 'lead' }, { name: '天津海关', role: 'lead' }], '2021-12-31'],
    ]);
    expect(parsed.tasks.map((t) => t.line)).toEqual([4, 5]);
    expect(source.tables).toEqual([
      {
        name: '工作表“分工表”',
        headerRow: 3,
        tasks: 2,
        columns: [
          { header: '完成时限', as: 'deadline' },
          { header: '配合部门', as: 'support' },
          { header: '工作任务', as: 'task' },
          { header: '备注', as: null },
          { header: '牵头部门', as: 'lead' },
          { header: '编号', as: 'id' },
        ],
      },
    ]);
    expect(tableSourceLines(source)).toEqual([
      '输入：分工表（Excel 工作簿，工作表“分工表”，表头在第 3 行，任务 2 行）',
      '  列：完成时限 → 完成时限；配合部门 → 配合单位；工作任务 → 任务；备注 → 未使用；牵头部门 → 牵头单位；编号 → 编号',
    ]);
  });

  it('a 责任单位 list is 负责 without a lead and 配合 with one; --lead-first makes its first unit lead', () => {
    const rows = [
      ['序号', '重点任务', '牵头单位', '责任单位'],
      ['1', '甲', '', '市教委、市科技局'],
      ['2', '乙', '市财政局', '市教委、市科技局'],
    ];
    const roles = (leadFirst: boolean) => read([grid(rows)], { leadFirst }).parsed.tasks.map((t) => t.units.map((u) => `${u.name}:${u.role}`));
    expect(roles(false)).toEqual([['市教委:joint', '市科技局:joint'], ['市财政局:lead', '市教委:support', '市科技局:support']]);
    expect(roles(true)).toEqual([['市教委:lead', '市科技局:support'], ['市财政局:lead', '市教委:support', '市科技局:support']]);
  });

  it('板块 from heading rows inside the table (merged across, or a numbered heading alone)', () => {
    const { parsed } = read([
      grid(
        [
          ['序号', '重点任务', '牵头单位', '完成时限'],
          ['一、稳就业', '', '', ''],
          ['1', '甲', '市人社局', '年底前'],
          ['', '（二）保市场主体', '', ''],
          ['2', '乙', '市市场监管委', '年底前'],
          ['三', '稳外贸', '', ''],
          ['3', '丙', '市商务局', '年底前'],
        ],
        [{ top: 1, left: 0, bottom: 1, right: 3 }],
      ),
    ]);
    expect(parsed.sections).toEqual([
      { no: 1, title: '稳就业' },
      { no: 2, title: '保市场主体' },
      { no: 3, title: '稳外贸' },
    ]);
    expect(parsed.tasks.map((t) => [t.id, t.section])).toEqual([
      ['1', 1],
      ['2', 2],
      ['3', 3],
    ]);
  });

  it('merged cells fill down: a 板块 column and a 牵头单位 over several rows; ids from a merged 序号 become 3.1, 3.2', () => {
    const { parsed } = read([
      grid(
        [
          ['领域', '序号', '主要任务', '牵头单位', '配合单位'],
          ['稳就业', '3', '甲', '市人社局', '市财政局'],
          ['', '', '乙', '', '市教委'],
          ['保民生', '4', '丙', '市民政局', ''],
        ],
        [
          { top: 1, left: 0, bottom: 2, right: 0 },
          { top: 1, left: 1, bottom: 2, right: 1 },
          { top: 1, left: 3, bottom: 2, right: 3 },
        ],
      ),
    ]);
    expect(parsed.tasks.map((t) => [t.id, t.item, t.seq, t.section, t.units.map((u) => `${u.name}:${u.role}`)])).toEqual([
      ['3.1', 3, 1, 1, ['市人社局:lead', '市财政局:support']],
      ['3.2', 3, 2, 1, ['市人社局:lead', '市教委:support']],
      ['4', 4, 1, 2, ['市民政局:lead']],
    ]);
    expect(parsed.sections.map((s) => s.title)).toEqual(['稳就业', '保民生']);
    expect(codes(parsed.issues)).not.toContain('DUPLICATE_ID');
  });

  it('a two-row header: 责任单位 merged over 牵头 | 配合, the other headers merged down', () => {
    const { parsed, source } = read([
      grid(
        [
          ['2020年分工方案'],
          ['序号', '重点任务', '责任单位', '', '完成时限'],
          ['', '', '牵头', '配合', ''],
          ['1', '甲', '市教委', '市财政局', '年底前'],
        ],
        [
          { top: 1, left: 0, bottom: 2, right: 0 },
          { top: 1, left: 1, bottom: 2, right: 1 },
          { top: 1, left: 2, bottom: 1, right: 3 },
          { top: 1, left: 4, bottom: 2, right: 4 },
        ],
      ),
    ]);
    expect(parsed.notice.title).toBe('2020年分工方案');
    expect(source.tables[0]?.headerRow).toBe(3);
    expect(parsed.tasks.map((t) => [t.id, t.units.map((u) => `${u.name}:${u.role}`), t.deadline.due])).toEqual([['1', ['市教委:lead', '市财政局:support'], '2020-12-31']]);
  });

  it('without an id column ids are the rows in order; a repeated id is a warning', () => {
    expect(read([grid([['重点任务', '责任单位'], ['甲', '市教委'], ['乙', '市教委']])]).parsed.tasks.map((t) => t.id)).toEqual(['1', '2']);
    const dup = read([grid([['序号', '重点任务', '责任单位'], ['1', '甲', '市教委'], ['1', '乙', '市教委']])]).parsed;
    expect(dup.tasks.map((t) => t.id)).toEqual(['1.1', '1.2']);
    expect(dup.issues.find((i) => i.code === 'DUPLICATE_ID')?.message).toBe('编号 1 出现 2 次（第 2 行、第 3 行），已改为 1.1、1.2');
    const taken = read([grid([['序号', '重点任务', '责任单位'], ['1', '甲', '市教委'], ['1', '乙', '市教委'], ['1.1', '丙', '市教委']])]).parsed;
    expect(taken.tasks.map((t) => t.id)).toEqual(['1.1-2', '1.2', '1.1']);
  });

  it('of several sheets the best-matching header wins', () => {
    const { parsed, source } = read([
      grid([['说明'], ['本表由督查室整理，序号、任务见下一张表']], [], '工作表“说明”'),
      grid([['序号', '任务'], ['1', '未分工']], [], '工作表“草稿”'),
      grid([['序号', '重点任务', '牵头单位', '完成时限'], ['1', '甲', '市教委', '年底前']], [], '工作表“分工”'),
    ]);
    expect(source.tables.map((t) => t.name)).toEqual(['工作表“分工”']);
    expect(parsed.tasks.map((t) => t.text)).toEqual(['甲']);
  });

  it('several tables (a Word document) are read in order, ids and 板块 running on', () => {
    const { parsed, source } = read(
      [
        grid([['板块', '重点任务', '牵头单位'], ['稳就业', '甲', '市人社局']], [], '表 1'),
        grid([['板块', '重点任务', '牵头单位'], ['保民生', '乙', '市民政局'], ['重点任务', '', '']], [], '表 2'),
      ],
      { format: 'docx', all: true },
    );
    expect(parsed.tasks.map((t) => [t.id, t.text, t.section])).toEqual([
      ['1', '甲', 1],
      ['2', '乙', 2],
    ]);
    expect(source.tables.map((t) => t.tasks)).toEqual([1, 1]);
  });

  it('a header repeated inside the table (a new page) is not a task', () => {
    const rows = [['序号', '重点任务', '牵头单位'], ['1', '甲', '市教委'], ['序号', '重点任务', '牵头单位'], ['2', '乙', '市教委']];
    expect(read([grid(rows)]).parsed.tasks.map((t) => t.id)).toEqual(['1', '2']);
  });

  describe('bad input: a Chinese message, problems as issues', () => {
    it('an empty table', () => {
      const { parsed } = read([grid([]), grid([['', ''], ['']])]);
      expect(parsed.tasks).toEqual([]);
      expect(parsed.issues.map((i) => [i.severity, i.code, i.message])).toEqual([['error', 'EMPTY_TABLE', '表格是空的，没有可读取的内容']]);
    });

    it('a header and no rows', () => {
      const { parsed } = read([grid([['序号', '重点任务', '牵头单位'], ['', '', '']])]);
      expect(parsed.tasks).toEqual([]);
      expect(parsed.issues.map((i) => i.message)).toEqual(['表格有表头，但表头下没有任务行']);
    });

    it('a table with no task column', () => {
      const { parsed } = read([grid([['分工表'], ['序号', '牵头单位', '完成时限'], ['1', '市教委', '年底前']])]);
      expect(parsed.tasks).toEqual([]);
      expect(parsed.issues[0]?.code).toBe('NO_TASK_COLUMN');
      expect(parsed.issues[0]?.message).toBe('工作表“分工表”第 2 行像是表头（序号→编号、牵头单位→牵头单位、完成时限→完成时限），但没有任务列：请把任务所在列的表头写成“重点任务”“任务内容”“工作任务”等');
    });

    it('a sheet that is not a table', () => {
      const { parsed } = read([grid([['关于做好2020年就业工作的通知'], ['各区人民政府，市政府各委、办、局：'], ['为做好就业工作，现通知如下。']])]);
      expect(parsed.tasks).toEqual([]);
      expect(codes(parsed.issues)).toEqual(['NOT_A_TABLE']);
      expect(parsed.issues[0]?.message).toContain('没有找到分工表');
    });

    it('a unit cell of 5 000 characters: the task is kept, the cell named in a warning', () => {
      const { parsed } = read([grid([['序号', '重点任务', '责任单位'], ['1', '甲', '推'.repeat(5000)], ['2', '乙', '市教委']])]);
      expect(parsed.tasks.map((t) => [t.id, t.units.length])).toEqual([
        ['1', 0],
        ['2', 1],
      ]);
      const warning = parsed.issues.find((i) => i.code === 'UNIT_NOT_READ');
      expect(warning).toEqual({ severity: 'warning', code: 'UNIT_NOT_READ', message: `第 2 行“责任单位”中的“${'推'.repeat(20)}…”（5000 字）不是单位名称，未读取`, line: 2 });
      expect(codes(parsed.issues)).toContain('NO_RESPONSIBILITY');
    });

    it('a row without task text, an unreadable deadline and an unknown unit are warnings', () => {
      const { parsed } = read([grid([['重点任务', '牵头单位', '完成时限'], ['', '市教委', '年底前'], ['甲', '市火星局', '尽快']])], { defaultYear: 2020 });
      expect(parsed.tasks.map((t) => t.text)).toEqual(['甲']);
      expect(codes(parsed.issues).sort()).toEqual(['EMPTY_TASK', 'UNKNOWN_DEADLINE', 'UNKNOWN_UNIT']);
    });

    it('no year in the title: a warning, and the year given by the caller is used', () => {
      const rows = [['重点任务', '牵头单位', '完成时限'], ['甲', '市教委', '年底前']];
      expect(read([grid(rows)]).parsed.issues.map((i) => i.code)).toEqual(['NO_YEAR']);
      expect(read([grid(rows)], { defaultYear: 2022 }).parsed.tasks[0]?.deadline.due).toBe('2022-12-31');
    });
  });
});
