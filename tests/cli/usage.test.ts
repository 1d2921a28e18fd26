import { join } from 'node:path';
import { cli } from '../support/captureIo';

const SEED = join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt');

describe('an option given twice or a stray argument is a usage error (exit 2), never silently ignored', () => {
  it.each([
    ['--update twice', ['build', SEED, '-o', '/nonexistent/x.xlsx', '--update', 'a.xlsx', '--update', 'b.xlsx'], '--update 只能给一次'],
    ['-o twice', ['build', SEED, '-o', 'a.xlsx', '-o', 'b.xlsx'], '-o 只能给一次'],
    ['--json twice', ['parse', SEED, '--json', '--json'], '--json 只能给一次'],
    ['a second notice to parse', ['parse', SEED, 'other.txt'], '多余的参数 other.txt'],
    ['a second notice to build', ['build', SEED, 'other.txt', '-o', 'x.xlsx'], '多余的参数 other.txt'],
    ['a second workbook to validate', ['validate', 'a.xlsx', 'b.xlsx'], '多余的参数 b.xlsx'],
    ['a second workbook to summarise', ['summary', 'a.xlsx', 'b.xlsx'], '多余的参数 b.xlsx'],
    ['a second workbook to split', ['split', 'a.xlsx', 'b.xlsx', '-d', 'out'], '多余的参数 b.xlsx'],
    ['-d twice to split', ['split', 'a.xlsx', '-d', 'x', '-d', 'y'], '-d 只能给一次'],
    ['-o twice to merge', ['merge', 'a.xlsx', 'b.xlsx', '-o', 'x.xlsx', '-o', 'y.xlsx'], '-o 只能给一次'],
    ['merge without a returned file', ['merge', 'a.xlsx', '-o', 'x.xlsx'], '用法：duban merge'],
  ])('%s', async (_name, argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('what a clerk reads when a file is missing or an output is taken', () => {
  it.each([
    ['a notice that does not exist', ['parse', '/nonexistent/通知.txt'], '无法读取 /nonexistent/通知.txt：文件不存在（请检查文件名和所在文件夹）'],
    ['a workbook that does not exist', ['validate', '/nonexistent/台账.xlsx'], '文件不存在'],
  ])('%s: one Chinese line, exit 2, no error code', async (_name, argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/ENOENT/);
  });

  it('merge onto an existing file names what to do instead of options merge does not have', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'duban-usage-'));
    const master = join(dir, 'master.xlsx');
    expect((await cli(['build', SEED, '-o', master])).code).toBe(0);
    const taken = join(dir, 'taken.xlsx');
    writeFileSync(taken, 'not a workbook');
    const r = await cli(['merge', master, master, '-o', taken]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('合并结果请写入总表本身');
    expect(r.err).not.toMatch(/--update|--force/);
  });

  it('build lists what reading found wrong (a renumbered id, an unknown unit), as parse would', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'duban-usage-'));
    const csv = join(dir, '分工表.csv');
    writeFileSync(csv, '2020年重点任务分工表\n序号,重点任务,牵头单位,配合单位,完成时限\n1,开展培训。,市人社局,市财政局,12月底前\n1,建设基地。,市火星局,,2020/9/30\n');
    const r = await cli(['build', csv, '-o', join(dir, 'book.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('读取时发现 2 处问题：');
    expect(r.out).toMatch(/编号 1 出现 2 次.*已改为 1\.1、1\.2/);
    expect(r.out).toContain('市火星局（任务 1.2）');
  });
});
