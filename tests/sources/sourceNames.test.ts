import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, openXlsx } from '../support/captureIo';

/**
 * A 事项来源 whose name holds `*` (`重点工作*`): 汇总's 分事项来源 row counts its own tasks only. As a
 * COUNTIF criterion the bare name is a pattern and would also count `重点工作2`'s tasks.
 */
const root = join(__dirname, '..', '..');
const SEED = join(root, 'seeds', 'tianjin-2020-task-division.txt');
const MINUTES = join(__dirname, 'fixtures', 'changwu-2020-12.txt');

describe('a source name with a wildcard character', () => {
  it('is counted exactly on 汇总, the rows adding up to the whole', async () => {
    const book = join(mkdtempSync(join(tmpdir(), 'duban-source-names-')), 'book.xlsx');
    expect((await cli(['build', SEED, '-o', book, '--as-of', '2020-10-31', '--source', '重点工作*'])).code).toBe(0);
    const added = await cli(['build', MINUTES, '--update', book, '-o', book, '--source', '重点工作2']);
    expect(added.code).toBeLessThan(2);
    const ws = (await openXlsx(book)).getWorksheet('汇总')!;
    const counts = new Map<string, number>();
    ws.eachRow((row) => {
      const name = row.getCell(1).value;
      if (name === '重点工作*' || name === '重点工作2') counts.set(name, Number((row.getCell(2) as unknown as { result: number }).result));
    });
    expect(counts.get('重点工作*')).toBe(120);
    expect(counts.get('重点工作2')).toBeGreaterThan(0);
    const total = Number((ws.getCell('A7') as unknown as { result: number }).result);
    expect((counts.get('重点工作*') as number) + (counts.get('重点工作2') as number)).toBe(total);
  }, 300_000);
});
