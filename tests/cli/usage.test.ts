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
