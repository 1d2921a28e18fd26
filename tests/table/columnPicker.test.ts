import { readTaskTables } from '../../src/domain/table/readTaskTables';
import { PICKER_WORDS, chooseColumn, pickerWord, readColumnChoices } from '../../src/domain/table/columnChoices';
import { columnPicks } from '../../src/domain/table/overview';
import type { ColumnChoice, Grid } from '../../src/domain/table/types';

// The pane's column picker (issue 22): the same choices `--columns` makes, chosen one column at a time.

/** The lead column is named; the second unit column's header (协同方) is no word Duban knows. */
const PARTNER: Grid = {
  name: '工作表“分工表”',
  merges: [],
  rows: [
    ['2020年重点任务分工表', '', '', '', ''],
    ['序号', '重点任务', '牵头部门', '协同方', '完成时限'],
    ['1', '开展职业技能培训。', '市人社局', '市财政局、市教委', '12月底前'],
    ['2', '支持高校毕业生就业。', '市教委', '市人社局', '9月底前'],
    ['3', '建设创业孵化基地。', '市科技局', '市财政局、市商务局', '10月底前'],
  ],
};

const read = (grid: Grid, columns?: ColumnChoice[]) => readTaskTables([grid], { format: 'sheet', ...(columns ? { columns } : {}) });
const unitNames = (grid: Grid, columns?: ColumnChoice[]) => read(grid, columns).parsed.units.map((u) => u.name).sort();

describe('the picker offers what --columns accepts', () => {
  it('every word but 不用 is a kind label, in the overview order, and each reads back as --columns reads it', () => {
    expect(PICKER_WORDS).toEqual(['编号', '任务', '牵头单位', '责任单位', '配合单位', '指导单位', '完成时限', '板块', '不用']);
    const text = PICKER_WORDS.map((w, i) => `${w}=列${i}`).join(',');
    const { choices, problems } = readColumnChoices(text);
    expect(problems).toEqual([]);
    expect(choices.map((c) => pickerWord(c.as))).toEqual(PICKER_WORDS);
  });
});

describe('chooseColumn', () => {
  it('adds a choice', () => {
    expect(chooseColumn([], '协同方', '配合单位')).toEqual([{ header: '协同方', as: 'support' }]);
  });

  it('a second choice for the same column replaces the first, spaces in the header not counting', () => {
    expect(chooseColumn([{ header: '协同 方', as: 'support' }], '协同方', '牵头单位')).toEqual([{ header: '协同方', as: 'lead' }]);
  });

  it('a kind moves: the column chosen as it before goes back to the automatic reading', () => {
    const before: ColumnChoice[] = [{ header: '改革举措', as: 'task' }, { header: '备注', as: null }];
    expect(chooseColumn(before, '主要内容', '任务')).toEqual([{ header: '备注', as: null }, { header: '主要内容', as: 'task' }]);
  });

  it('several columns may be left unread', () => {
    expect(chooseColumn([{ header: '备注', as: null }], '推广范围', '不用')).toEqual([{ header: '备注', as: null }, { header: '推广范围', as: null }]);
  });

  it('a word that is no meaning changes nothing', () => {
    const before: ColumnChoice[] = [{ header: '备注', as: null }];
    expect(chooseColumn(before, '协同方', '负责人')).toEqual(before);
  });
});

describe('columnPicks: the columns as the picker shows them', () => {
  it('names each column in its label and says which were not read by their header', () => {
    expect(columnPicks([{ header: '协同\n方', as: null }, { header: '分工', as: 'responsible', by: 'content' }, { header: '改革举措', as: 'task', by: 'user' }])).toEqual([
      { header: '协同\n方', label: '“协同方”列作为', word: '不用', basis: null },
      { header: '分工', label: '“分工”列作为', word: '责任单位', basis: '按内容判断' },
      { header: '改革举措', label: '“改革举措”列作为', word: '任务', basis: '按指定' },
    ]);
  });
});

describe('a choice made in the picker, read back', () => {
  it('a unit column with an unknown header is unread until the clerk names it', () => {
    const auto = read(PARTNER);
    expect(columnPicks(auto.source.tables[0]?.columns ?? []).map((c) => c.word)).toEqual(['编号', '任务', '牵头单位', '不用', '完成时限']);
    expect(unitNames(PARTNER)).toEqual(['市人社局', '市教委', '市科技局']);

    const chosen = chooseColumn([], '协同方', '配合单位');
    const picked = read(PARTNER, chosen);
    expect(picked.source.tables[0]?.columns[3]).toEqual({ header: '协同方', as: 'support', by: 'user' });
    expect(unitNames(PARTNER, chosen)).toEqual(['市人社局', '市商务局', '市教委', '市科技局', '市财政局'].sort());
    expect(picked.parsed.tasks[0]?.units).toEqual([
      { name: '市人社局', role: 'lead' },
      { name: '市财政局', role: 'support' },
      { name: '市教委', role: 'support' },
    ]);
    expect(picked.parsed.issues.map((i) => i.code)).not.toContain('COLUMN_NOT_FOUND');
  });

  it('where no column is the task, the header found is offered, and naming the task column reads the tasks', () => {
    // Task names too short to be told by their length: no task column by header or content.
    const short: Grid = { name: '工作表“清单”', merges: [], rows: [['序号', '名称', '牵头单位'], ['1', '稳就业', '市人社局'], ['2', '保民生', '市民政局']] };
    const auto = read(short);
    expect(auto.parsed.tasks).toHaveLength(0);
    expect(auto.source.tables).toEqual([]);
    expect(auto.headerWithoutTask).toEqual({ name: '工作表“清单”', headerRow: 1, tasks: 0, columns: [{ header: '序号', as: 'id' }, { header: '名称', as: null }, { header: '牵头单位', as: 'lead' }] });

    const picked = read(short, chooseColumn([], '名称', '任务'));
    expect(picked.parsed.tasks.map((t) => [t.id, t.text])).toEqual([['1', '稳就业'], ['2', '保民生']]);
    expect(picked.headerWithoutTask).toBeUndefined();
  });

  it('a table read as it is has no headerWithoutTask', () => {
    expect(read(PARTNER).headerWithoutTask).toBeUndefined();
  });
});
