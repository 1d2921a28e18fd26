import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, openXlsx } from '../support/captureIo';
import { csvText, docxBytes, xlsxBytes } from './support/tableFiles';

const dir = mkdtempSync(join(tmpdir(), 'duban-table-cli-'));
const fixture = (name: string) => join(__dirname, 'fixtures', name);
const unitsOf = (t: { units: Array<{ name: string; role: string }> }) => t.units.map((u) => `${u.name}:${u.role}`);

/** The 就业 table of fixtures/jobs.utf8.csv, read by hand. */
const JOBS = [
  ['1', '开展职业技能提升行动，全年培训30万人次。', ['市人社局:lead', '市财政局:support', '市教委:support'], '2020-12-31'],
  ['2', '落实援企稳岗政策，返还失业保险费。', ['市人社局:lead', '市财政局:support', '市税务局:support'], '2020-12-31'],
  ['3', '支持高校毕业生就业创业。', ['市教委:lead', '市人社局:lead', '市发展改革委:support'], '2020-09-30'],
];

describe('duban parse reads task-list tables', () => {
  it.each(['jobs.gb18030.csv', 'jobs.utf8.csv'])('%s', async (name) => {
    const run = await cli(['parse', fixture(name), '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.out);
    expect(Object.keys(doc)).toEqual(['schema', 'notice', 'sections', 'tasks', 'units', 'issues', 'input']);
    expect(doc.notice.title).toBe('2020年稳就业重点任务分工表');
    expect(doc.tasks.map((t: { id: string; text: string; deadline: { due: string } } & Parameters<typeof unitsOf>[0]) => [t.id, t.text, unitsOf(t), t.deadline.due])).toEqual(JOBS);
    expect(doc.tasks[1].deadline.milestones).toEqual(['2020-06-30']);
    expect(doc.tasks[0].targets.map((x: { value: number; unit: string }) => `${x.value}${x.unit}`)).toEqual(['30万人次']);
    expect(doc.issues.map((i: { code: string }) => i.code)).toEqual(name.includes('gb18030') ? ['ENCODING_GB18030'] : []);
  });

  it('the overview says which input was read and how each column was understood', async () => {
    const run = await cli(['parse', fixture('jobs.gb18030.csv')]);
    expect(run.out.split('\n').slice(0, 3)).toEqual([
      '输入：分工表（CSV 文件，CSV 表格，表头在第 2 行，任务 3 行）',
      '  列：序号 → 编号；工作任务 → 任务；牵头单位 → 牵头单位；配合单位 → 配合单位；时间节点 → 完成时限',
      '通知：2020年稳就业重点任务分工表',
    ]);
    expect(run.out).toContain('任务 3 · 单位 5 · 分工 9（牵头 4，负责 0，配合 5，分别负责 0）');
  });

  it('an .xlsx: title row, columns in an unusual order, the best of several sheets', async () => {
    const file = join(dir, 'order.xlsx');
    writeFileSync(
      file,
      await xlsxBytes([
        { name: 'Sheet1', rows: [['填表说明：牵头单位请于每月5日前报送进展']] },
        {
          name: '分工',
          rows: [
            ['', '天津市2020年营商环境重点任务分工', '', '', ''],
            ['完成时限', '责任部门', '重点任务', '牵头部门', '序号'],
            ['2020年12月', '市财政局、市税务局', '压减企业开办时间。', '市市场监管委', '1.1'],
            ['持续推进', '', '推行“一网通办”。', '市政务服务办', '1.10'],
          ],
          merges: [{ top: 0, left: 1, bottom: 0, right: 4 }],
        },
      ]),
    );
    const run = await cli(['parse', file]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('输入：分工表（Excel 工作簿，工作表“分工”，表头在第 2 行，任务 2 行）');
    expect(run.out).toContain('  列：完成时限 → 完成时限；责任部门 → 责任单位；重点任务 → 任务；牵头部门 → 牵头单位；序号 → 编号');
    const doc = JSON.parse((await cli(['parse', file, '--json'])).out);
    expect(doc.tasks.map((t: { id: string; deadline: { due: string } } & Parameters<typeof unitsOf>[0]) => [t.id, unitsOf(t), t.deadline.due])).toEqual([
      ['1.1', ['市市场监管委:lead', '市财政局:support', '市税务局:support'], '2020-12-31'],
      ['1.10', ['市政务服务办:lead'], '2020-12-31'],
    ]);
  });

  it('a .docx with two tables and merged cells (板块 down, a heading across)', async () => {
    const file = join(dir, 'two.docx');
    const header = ['板块', '序号', '重点任务', '牵头单位', '责任单位'];
    writeFileSync(
      file,
      await docxBytes(
        ['2020年民生实事分工表'],
        [
          {
            rows: [header, ['教育', '1', '新建幼儿园20所。', '市教委', '各区人民政府'], ['', '2', '改造中小学校舍。', '市教委', '市财政局、市住房城乡建设委']],
            merges: [{ top: 1, left: 0, bottom: 2, right: 0 }],
          },
          {
            rows: [header, ['医疗卫生', '', '', '', ''], ['', '3', '建设社区卫生服务中心。', '', '市卫生健康委牵头，各区人民政府负责']],
            merges: [{ top: 1, left: 0, bottom: 1, right: 4 }],
          },
        ],
        ['表2 续'],
      ),
    );
    const doc = JSON.parse((await cli(['parse', file, '--json'])).out);
    expect(doc.notice.title).toBe('2020年民生实事分工表');
    expect(doc.sections).toEqual([
      { no: 1, title: '教育' },
      { no: 2, title: '医疗卫生' },
    ]);
    expect(doc.tasks.map((t: { id: string; section: number } & Parameters<typeof unitsOf>[0]) => [t.id, t.section, unitsOf(t)])).toEqual([
      ['1', 1, ['市教委:lead', '各区人民政府:support']],
      ['2', 1, ['市教委:lead', '市财政局:support', '市住房城乡建设委:support']],
      ['3', 2, ['市卫生健康委:lead', '各区人民政府:support']],
    ]);
    expect(doc.input).toMatchObject({ kind: 'table', format: 'docx', tables: [{ name: '表 1', tasks: 2 }, { name: '表 2', tasks: 1 }] });
  });

  it('a .docx in prose is still read as a notice; a .txt holding a CSV table is read as a table', async () => {
    const prose = join(dir, 'prose.docx');
    writeFileSync(prose, await docxBytes(['1．做好就业工作。（市人社局牵头，12月底前完成）', '天津市人民政府', '2020年8月8日'], [{ rows: [['指标', '目标值'], ['就业', '30万人']] }]));
    const a = await cli(['parse', prose]);
    expect(a.out.split('\n')[0]).toBe('输入：通知正文（Word 文件）');
    expect(a.out).toContain('任务 1 ·');
    const txt = join(dir, 'table.txt');
    writeFileSync(txt, csvText([['序号', '重点任务', '牵头单位'], ['1', '甲', '市教委']]));
    expect((await cli(['parse', txt])).out.split('\n')[0]).toBe('输入：分工表（CSV 文件，CSV 表格，表头在第 1 行，任务 1 行）');
  });
});

describe('bad tables: a clear message, exit 2 only when nothing can be read', () => {
  it.each([
    ['empty.csv', () => '', '表格是空的'],
    ['header-only.csv', () => csvText([['序号', '重点任务', '牵头单位']]), '表头下没有任务行'],
    ['no-task.csv', () => csvText([['序号', '牵头单位', '完成时限'], ['1', '市教委', '年底前']]), '没有任务列'],
    ['prose.csv', () => '关于做好就业工作的通知\n各区人民政府：\n', '没有找到分工表'],
  ])('%s', async (name, content, reason) => {
    const file = join(dir, name);
    writeFileSync(file, content());
    for (const argv of [['parse', file], ['build', file, '-o', join(dir, `${name}.xlsx`)]]) {
      const run = await cli(argv);
      expect(run.code).toBe(2);
      expect(run.out).toBe('');
      expect(run.err.trim().split('\n')).toHaveLength(1);
      expect(run.err).toContain(reason);
    }
    expect(() => statSync(join(dir, `${name}.xlsx`))).toThrow();
  });

  it('an .xlsx whose sheets are no table, and an empty .xlsx', async () => {
    const notTable = join(dir, 'letter.xlsx');
    writeFileSync(notTable, await xlsxBytes([{ name: '通知', rows: [['关于做好就业工作的通知'], ['各区人民政府：'], ['现将有关事项通知如下。']] }]));
    const empty = join(dir, 'empty.xlsx');
    writeFileSync(empty, await xlsxBytes([{ name: 'Sheet1', rows: [] }]));
    expect(await cli(['parse', notTable])).toEqual({ code: 2, out: '', err: `duban parse: ${notTable}：没有找到分工表：前 10 行中没有表头（应有“重点任务”“任务内容”等任务列，和“牵头单位”“责任单位”等单位列），未读取任何任务\n` });
    expect(await cli(['parse', empty])).toEqual({ code: 2, out: '', err: `duban parse: ${empty}：表格是空的，没有可读取的内容，未读取任何任务\n` });
  });

  it('an old .xls (or a password-protected file) says what to do', async () => {
    const file = join(dir, 'old.xls');
    writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    expect(await cli(['parse', file])).toEqual({ code: 2, out: '', err: `duban parse: ${file} 是旧版 Office 文件（.xls / .doc）或设有打开密码，无法读取：请在 Excel 或 Word 中去掉密码并另存为 .xlsx / .docx\n` });
  });

  it('a unit cell of 5 000 characters: read, with a warning (exit 0)', async () => {
    const file = join(dir, 'long.csv');
    writeFileSync(file, csvText([['序号', '重点任务', '责任单位'], ['1', '甲', '推'.repeat(5000)], ['2', '乙', '市教委']]));
    const run = await cli(['parse', file]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`[警告] UNIT_NOT_READ 第2行：第 2 行“责任单位”中的“${'推'.repeat(20)}…”（5000 字）不是单位名称，未读取`);
  });
});

describe('duban build from a table', () => {
  it('writes the workbook from an .xlsx table and leaves the table file as it was', async () => {
    const table = join(dir, 'division.xlsx');
    writeFileSync(table, await xlsxBytes([{ name: '分工表', rows: [['2020年分工表'], ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'], ['1', '甲', '市人社局', '市财政局、市教委', '12月底前'], ['2', '乙', '市教委', '', '9月底前']] }]));
    const before = readFileSync(table);
    const out = join(dir, 'book.xlsx');
    const run = await cli(['build', table, '-o', out, '--as-of', '2020-10-01']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('输入：分工表（Excel 工作簿，工作表“分工表”，表头在第 2 行，任务 2 行）');
    expect(run.out).toContain('任务 2 项，单位台账 3 张');
    expect(readFileSync(table).equals(before)).toBe(true);
    const wb = await openXlsx(out);
    const ledger = wb.getWorksheet('台账-市教委');
    expect(ledger?.getColumn(1).values.slice(2)).toEqual(['1', '2']);
  });
});
