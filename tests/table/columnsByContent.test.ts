import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTaskTables } from '../../src/domain/table/readTaskTables';
import { csvGrid } from '../../src/domain/table/csv';
import { columnKind, isTaskTable } from '../../src/domain/table/headers';
import { readColumnChoices } from '../../src/domain/table/columnChoices';
import { tableSourceLines } from '../../src/domain/table/overview';
import type { Grid } from '../../src/domain/table/types';
import { digest } from '../support/digest';
import { expectGolden } from '../support/golden';
import { cli } from '../support/captureIo';
import { xlsxBytes } from './support/tableFiles';

const fixture = (name: string): string => join(__dirname, 'fixtures', name);
const readCsv = (name: string) => readTaskTables([csvGrid(readFileSync(fixture(name), 'utf8'), 'CSV 表格')], { format: 'csv' });
const grid = (rows: string[][]): Grid => ({ name: '工作表“清单”', rows, merges: [] });
const unitsOf = (t: { units: Array<{ name: string; role: string }> } | undefined) => t?.units.map((u) => `${u.name}:${u.role}`);

describe('header words beyond the aliases (issue 22)', () => {
  it.each([
    ['改革举措', 'task'],
    ['工作事项', 'task'],
    ['主要举措', 'task'],
    ['重点工作', 'task'],
    ['协商课题', 'task'],
    ['主 要 内 容', 'task'],
    ['主管部门', 'responsible'],
    ['实施主体', 'responsible'],
    ['责任主体', 'responsible'],
    ['承办处室', 'responsible'],
    ['指导部门', 'guide'],
    ['牵头处室', 'lead'],
    ['协同部门', 'support'],
    ['时间', 'deadline'],
    ['完成期限', 'deadline'],
    ['所属方面', 'section'],
  ])('%s is a %s column', (header, kind) => {
    expect(columnKind(header)).toBe(kind);
  });

  it.each(['推广范围', '工作进展情况', '完成情况', '备注', '责任人', '牵头领导', '加强重点任务落实的有关工作要求'])('%s is not read', (header) => {
    expect(columnKind(header)).toBeNull();
  });
});

describe('a State Council 推广清单 (two title rows, spaced and unknown headers, section rows)', () => {
  const table = readCsv('promotion-list.csv');

  it('matches its golden digest (checked by hand against the csv)', () => {
    expectGolden(join(__dirname, 'golden', 'promotion-list.digest.txt'), digest(table.parsed));
  });

  it('reads 改革举措 as the task and 指导部门 as jointly responsible units, says so per column', () => {
    expect(table.parsed.tasks).toHaveLength(12);
    expect(table.parsed.tasks[1]?.text).toBe('商标专用权质押登记“一窗通办”');
    expect(unitsOf(table.parsed.tasks[1])).toEqual(['国家知识产权局:joint', '市场监管总局:joint']);
    expect(tableSourceLines(table.source)).toEqual([
      '输入：分工表（CSV 文件，CSV 表格，表头在第 4 行，任务 12 行）',
      '  列：序号 → 编号；改革举措 → 任务；主要内容 → 未使用；指导部门 → 指导单位；推广范围 → 未使用',
    ]);
  });

  it('section rows inside the table open 板块, their count note dropped; the title is the first title row', () => {
    expect(table.parsed.sections.map((s) => s.title)).toEqual(['知识产权保护方面', '投资贸易便利化方面', '政府管理创新方面']);
    expect(table.parsed.tasks.map((t) => t.section)).toEqual([1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3]);
    expect(table.parsed.notice.title).toBe('国务院关于做好自由贸易试验区第七批改革试点经验复制推广工作的通知（2023年）');
    expect(table.parsed.issues.filter((i) => i.severity !== 'info').map((i) => i.code)).toEqual([]);
  });
});

describe('columns found by their content', () => {
  it('a 分工 column of unit prose and a 推进安排 column of deadlines (county-actions.csv)', () => {
    const table = readCsv('county-actions.csv');
    expectGolden(join(__dirname, 'golden', 'county-actions.digest.txt'), digest(table.parsed));
    expect(tableSourceLines(table.source)[1]).toBe('  列：编号 → 编号；主要举措 → 任务；具体要求 → 未使用；分工 → 责任单位（按内容判断）；推进安排 → 完成时限（按内容判断）');
  });

  it('a header of words we do not know: the longest texts are the task, the unit lists the units', () => {
    const table = readTaskTables(
      [
        grid([
          ['某市2024年民生实事清单'],
          ['号', '实事', '谁来办', '何时'],
          ['1', '新建改建城市公园5个，新增绿道20公里。', '市园林局、各区人民政府', '10月底前'],
          ['2', '改造老旧小区30个，加装电梯100部。', '市住建局', '12月底前'],
          ['3', '新增普惠托位2000个，建成社区嵌入式托育点10个。', '市卫生健康委、市教育局', '12月底前'],
        ]),
      ],
      { format: 'xlsx' },
    );
    expect(table.source.tables[0]?.headerRow).toBe(2);
    expect(table.source.tables[0]?.columns).toEqual([
      { header: '号', as: null },
      { header: '实事', as: 'task', by: 'content' },
      { header: '谁来办', as: 'responsible', by: 'content' },
      { header: '何时', as: 'deadline', by: 'content' },
    ]);
    expect(unitsOf(table.parsed.tasks[0])).toEqual(['市园林局:joint', '各区人民政府:joint']);
    expect(table.parsed.tasks[2]?.deadline.due).toBe('2024-12-31');
  });

  it('a contact table (单位 | 联系人 | 备注) is no 分工表: notes and people are never read by content', () => {
    expect(
      isTaskTable([
        ['单位', '联系人', '备注'],
        ['市财政局', '张三', '负责协调全市财政资金保障工作的具体事项'],
        ['市人社局', '李四', '负责协调全市就业创业政策落实的具体事项'],
      ]),
    ).toBe(false);
  });

  it('a column of short names that are no units is not taken for a unit column', () => {
    const table = readTaskTables(
      [
        grid([
          ['序号', '重点任务', '类型', '牵头单位'],
          ['1', '推进城市更新行动，完成棚户区改造。', '民生', '市住建局'],
          ['2', '推进数字政府建设，完成一网通办。', '改革', '市政务服务办'],
        ]),
      ],
      { format: 'xlsx' },
    );
    expect(table.source.tables[0]?.columns.map((c) => c.as)).toEqual(['id', 'task', 'section', 'lead']);
  });
});

describe('the clerk overrides how a column is read (--columns)', () => {
  it('reads 含义=表头 pairs, either order, and says what is wrong', () => {
    expect(readColumnChoices('任务=改革举措，责任单位=指导部门').choices).toEqual([
      { header: '改革举措', as: 'task' },
      { header: '指导部门', as: 'responsible' },
    ]);
    expect(readColumnChoices('主要内容=任务;推广范围=不用').choices).toEqual([
      { header: '主要内容', as: 'task' },
      { header: '推广范围', as: null },
    ]);
    expect(readColumnChoices('任务').problems).toHaveLength(1);
    expect(readColumnChoices('含义=改革举措').problems[0]).toContain('含义=表头');
  });

  it('a choice wins over the header word; a chosen header not in the table is a warning', () => {
    const rows = readFileSync(fixture('promotion-list.csv'), 'utf8');
    const table = readTaskTables([csvGrid(rows, 'CSV 表格')], { format: 'csv', columns: [{ header: '主要内容', as: 'task' }, { header: '指导部门', as: 'responsible' }, { header: '实施部门', as: 'lead' }] });
    expect(table.parsed.tasks[0]?.text).toBe('建立知识产权侵权纠纷检验鉴定技术支撑体系，明确鉴定机构条件和工作流程，缩短鉴定周期。');
    expect(table.source.tables[0]?.columns.slice(1, 4)).toEqual([
      { header: '改革举措', as: null },
      { header: '主 要 内 容', as: 'task', by: 'user' },
      { header: '指导部门', as: 'responsible', by: 'user' },
    ]);
    expect(table.parsed.issues.find((i) => i.code === 'COLUMN_NOT_FOUND')?.message).toContain('实施部门');
  });

  it('duban parse and build take --columns on an .xlsx; a notice in prose refuses it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-columns-'));
    const book = join(dir, 'list.xlsx');
    writeFileSync(
      book,
      await xlsxBytes([
        {
          name: '清单',
          rows: [
            ['序号', '工作事项', '说明', '实施主体'],
            ['1', '推行企业开办全程网办', '一日办结', '市市场监管局'],
            ['2', '推进水电气网联合报装', '一次申请', '市住建委、市发展改革委'],
          ],
        },
      ]),
    );
    const parsed = await cli(['parse', book, '--columns', '任务=说明,牵头单位=实施主体', '--json']);
    expect(parsed.code).toBe(0);
    const doc = JSON.parse(parsed.out) as { tasks: Array<{ text: string; units: Array<{ name: string; role: string }> }>; input: { tables: Array<{ columns: unknown[] }> } };
    expect(doc.tasks.map((t) => t.text)).toEqual(['一日办结', '一次申请']);
    expect(unitsOf(doc.tasks[1])).toEqual(['市住建委:lead', '市发展改革委:lead']);
    expect(doc.input.tables[0]?.columns).toContainEqual({ header: '实施主体', as: 'lead', by: 'user' });
    const built = await cli(['build', book, '-o', join(dir, 'out.xlsx'), '--columns=任务=说明']);
    expect(built.code).toBe(0);
    const notice = join(dir, 'notice.txt');
    writeFileSync(notice, '1．做好工作。（市财政局牵头）\n2024年1月1日\n');
    const refused = await cli(['parse', notice, '--columns', '任务=说明']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--columns 只用于分工表');
  });
});
