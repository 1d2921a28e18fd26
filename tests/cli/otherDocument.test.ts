import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../support/captureIo';

const root = join(__dirname, '..', '..');
const SEED = join(root, 'seeds', 'tianjin-2020-task-division.txt');
const MINUTES = join(__dirname, '..', 'sources', 'fixtures', 'changwu-2020-12.txt');

/**
 * `build OTHER --update BOOK` without `--source` updates the workbook's only source (DESIGN §13): with
 * a different document that moves the notice's tasks out. The preview says so, and how to add the
 * document as a source of its own instead.
 */
describe('build --update with another document as the update of the only source', () => {
  const book = join(mkdtempSync(join(tmpdir(), 'duban-other-')), 'book.xlsx');
  beforeAll(async () => {
    expect((await cli(['build', SEED, '-o', book, '--as-of', '2020-10-15'])).code).toBe(0);
  });

  it('warns on stderr that it would move the 120 tasks out, and names --source', async () => {
    const before = readFileSync(book);
    const r = await cli(['build', MINUTES, '--update', book, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^注意：这次更新会把工作簿中的 120 项任务移出分工，只保留 0 项。如果这是另一份文件（会议议定事项、领导批示、另一张分工表），请改用 --source 新名称 把它作为新的事项来源添加。$/m);
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it('says nothing of the kind for the notice itself, nor for the minutes added as a source', async () => {
    expect((await cli(['build', SEED, '--update', book, '--dry-run'])).err).not.toContain('注意：这次更新');
    expect((await cli(['build', MINUTES, '--update', book, '--dry-run', '--source', '常务会议纪要'])).err).not.toContain('注意：这次更新');
  });
});
