import ExcelJS from 'exceljs';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, ftruncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_MAX_ROWS, NOTICE_TEXT_MAX_BYTES } from '../../src/cli/limits';
import { measureXlsx, WORKBOOK_MAX_BYTES, workbookOverLimit } from '../../src/adapters/xlsx/workbookLimits';
import { topLevelBrackets } from '../../src/domain/notice/brackets';
import { parseNotice } from '../../src/domain/notice/parseNotice';
import { cli } from '../support/captureIo';

const SEED = join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt');
const dir = mkdtempSync(join(tmpdir(), 'duban-limits-'));


/** A file of `size` bytes that costs no disk (sparse). */
function sparseFile(name: string, size: number): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
  return path;
}

/** An .xlsx with one sheet of `rows` small rows. */
async function bookOfRows(rows: number, cell: (i: number) => string = (i) => String(i)): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务清单');
  for (let i = 0; i < rows; i++) ws.addRow([cell(i)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('notice files are read only up to the limit', () => {
  (existsSync('/dev/zero') ? it : it.skip)('/dev/zero is refused once past the limit, not read to its end', async () => {
    const r = await cli(['parse', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual(['duban parse: /dev/zero 不是普通文件，读到 20 MB 仍未结束，超过文本通知文件的上限 20 MB（20971520 字节），未读取']);
  });

  it('a text notice one byte over the limit is refused with its size and the limit', async () => {
    const file = sparseFile('over.txt', NOTICE_TEXT_MAX_BYTES + 1);
    const r = await cli(['parse', file]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`duban parse: ${file} 大小 20 MB（20971521 字节），超过文本通知文件的上限 20 MB（20971520 字节），未读取\n`);
  });

  it('build refuses the same file before writing anything', async () => {
    const file = sparseFile('over-build.txt', NOTICE_TEXT_MAX_BYTES + 1);
    const out = join(dir, 'over-build.xlsx');
    const r = await cli(['build', file, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('超过文本通知文件的上限 20 MB');
    expect(existsSync(out)).toBe(false);
  });

  it('a notice under the limit is read as before', async () => {
    const r = await cli(['parse', SEED, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).tasks).toHaveLength(120);
  });
});

describe('a build larger than the workbook limit is refused with a message', () => {
  it(`more than ${BUILD_MAX_ROWS} rows: exit 2, nothing written`, async () => {
    const seed = readFileSync(SEED, 'utf8').split('\n');
    const start = seed.findIndex((l) => l.trim() === '一、任务分工');
    const end = seed.findIndex((l) => l.trim() === '二、工作要求');
    const body = seed.slice(start + 1, end);
    const copies: string[] = [];
    // The seed makes about 1 200 rows; 70 copies are past the limit.
    for (let k = 0; k < 70; k++) copies.push(...body.map((l) => l.replace(/^(\s*)(\d+)．/, (_m, sp: string, n: string) => `${sp}${Number(n) + 50 * k}．`)));
    const file = join(dir, 'big-notice.txt');
    writeFileSync(file, [...seed.slice(0, start + 1), ...copies, ...seed.slice(end)].join('\n'));
    const out = join(dir, 'big.xlsx');
    const r = await cli(['build', file, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`生成的工作簿有 \\d+ 行（任务 \\d+ 项），超过上限 ${BUILD_MAX_ROWS} 行，未写入任何内容`));
    expect(existsSync(out)).toBe(false);
  });
});

describe('workbooks past the limits are refused before exceljs loads them', () => {
  (existsSync('/dev/zero') ? it : it.skip)('a device is not a workbook', async () => {
    for (const command of ['validate', 'summary']) {
      const r = await cli([command, '/dev/zero']);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`duban ${command}: /dev/zero 不是普通文件，不是 .xlsx 工作簿\n`);
    }
  });

  it('a file over the size limit is refused from its size alone', async () => {
    const file = sparseFile('huge.xlsx', WORKBOOK_MAX_BYTES + 1);
    const r = await cli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`duban validate: ${file} 大小 50 MB，超过工作簿的上限 50 MB，未读取\n`);
    const u = await cli(['build', SEED, '-o', join(dir, 'u.xlsx'), '--update', file]);
    expect(u.code).toBe(2);
    expect(u.err).toContain('超过工作簿的上限 50 MB');
  });

  it('rows are counted in the zip, without loading it', async () => {
    const bytes = await bookOfRows(11);
    expect(await measureXlsx(bytes, 1e9, 1e9)).toEqual({ xmlBytes: expect.any(Number), rows: 11, wordyProtection: [] });
    expect(await workbookOverLimit('book.xlsx', bytes, { xmlBytes: 1e9, rows: 11 })).toBeNull();
    expect(await workbookOverLimit('book.xlsx', bytes, { xmlBytes: 1e9, rows: 10 })).toBe('book.xlsx 的工作表共有超过 10 行，超过工作簿的上限 10 行，未读取');
  });

  it('uncompressed sheet XML past the limit is refused, inflating no further than the limit', async () => {
    const bytes = await bookOfRows(200, (i) => `${'很'.repeat(2000)}${i}`);
    const measure = await measureXlsx(bytes, 100_000, 1e9);
    expect(measure?.xmlBytes).toBeGreaterThan(100_000);
    expect(measure?.xmlBytes).toBeLessThan(100_000 + 2 * 65_536);
    expect(await workbookOverLimit('book.xlsx', bytes, { xmlBytes: 100_000, rows: 1e9 })).toBe('book.xlsx 的内容解压后超过 98 KB，超过工作簿的上限，未读取');
  });

  it('a workbook within the limits opens as before (the seed build validates)', async () => {
    const out = join(dir, 'seed.xlsx');
    expect((await cli(['build', SEED, '-o', out, '--as-of', '2020-12-01'])).code).toBe(0);
    expect(await measureXlsx(readFileSync(out), 1e9, 1e9)).toEqual({ xmlBytes: expect.any(Number), rows: expect.any(Number), wordyProtection: [] });
    expect([0, 1]).toContain((await cli(['validate', out])).code);
  });

  it('not a zip: null, left to the usual message', async () => {
    expect(await measureXlsx(Buffer.from('PK not really a zip'), 1e9, 1e9)).toBeNull();
  });
});

describe('nested brackets are scanned in one pass', () => {
  it('100 000 nested brackets: one span, each character looked at once', () => {
    const n = 100_000;
    const text = `做好就业工作。${'（'.repeat(n)}市人社局牵头${'）'.repeat(n)}`;
    const steps = { n: 0 };
    expect(topLevelBrackets(text, steps)).toEqual([{ open: 7, close: text.length - 1, closed: true }]);
    expect(steps.n).toBeLessThanOrEqual(text.length);
  });

  it('100 000 unclosed brackets run to the end of the item, in one pass', () => {
    const text = `做好就业工作${'（'.repeat(100_000)}`;
    const steps = { n: 0 };
    expect(topLevelBrackets(text, steps)).toEqual([{ open: 6, close: text.length, closed: false }]);
    expect(steps.n).toBeLessThanOrEqual(text.length);
  });

  it('the parser reads a deeply nested item without failing', () => {
    const n = 100_000;
    const notice = `一、任务分工\n1．做好就业工作。${'（'.repeat(n)}市人社局牵头${'）'.repeat(n)}\n`;
    expect(parseNotice(notice, { defaultYear: 2020 }).tasks.length).toBeGreaterThan(0);
  });

  it('sibling and nested spans are as before', () => {
    expect(topLevelBrackets('a（b（c）d）e（f）g（h')).toEqual([
      { open: 1, close: 7, closed: true },
      { open: 9, close: 11, closed: true },
      { open: 13, close: 15, closed: false },
    ]);
    expect(topLevelBrackets('）a（b））（c')).toEqual([
      { open: 2, close: 4, closed: true },
      { open: 6, close: 8, closed: false },
    ]);
  });
});
