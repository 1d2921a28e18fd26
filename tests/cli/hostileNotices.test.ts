import JSZip from 'jszip';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseNotice } from '../../src/domain/notice/parseNotice';
import { readTaskTables } from '../../src/domain/table/readTaskTables';
import { readDeadlineCell } from '../../src/domain/table/deadlineCell';
import { cli } from '../support/captureIo';

/*
 * Notices and tables built to break the reader (issue #21): a cell or clause of 130 000 unit names
 * (a spread of that many arguments overflows the call stack), a .docx nested 3 000 deep.
 */

const NAMES = 130_000;
const names = Array.from({ length: NAMES }, (_, i) => `单位${i}局`).join('、');

describe('long unit lists', () => {
  it('a table cell of 130 000 unit names is read, not a stack overflow', () => {
    const rows = [
      ['序号', '工作任务', '牵头单位', '配合单位', '时间节点'],
      ['1', '开展培训。', '市人社局', names, '12月底前完成'],
    ];
    const read = readTaskTables([{ name: '工作表“分工表”', rows, merges: [] }], { format: 'csv' });
    expect(read.parsed.tasks).toHaveLength(1);
    expect(read.parsed.tasks[0]?.units.length).toBeGreaterThan(NAMES);
  });

  it('a notice clause of 130 000 unit names is read, not a stack overflow', () => {
    const parsed = parseNotice(`2020年重点任务分工\n一、稳就业\n1.开展培训。（市人社局牵头，${names}配合）`);
    expect(parsed.tasks.length).toBeGreaterThan(0);
  });
});

describe('messages', () => {
  it('=TODAY() typed in 完成时限 stays as typed, in ASCII (no =TODAY（）), and names no date', () => {
    const d = readDeadlineCell('=TODAY()', 2020);
    expect(d.text).toBe('=TODAY()');
    expect(d.clauses.map((c) => [c.text, c.kind])).toEqual([['=TODAY()', 'unknown']]);
    expect(d.due).toBeNull();
  });
});

describe('big but legal work', () => {
  it('a 100 000-row CSV is refused on its row count, before any task is read (exit 2, nothing written)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-bigcsv-'));
    const lines = ['序号,工作任务,牵头单位,配合单位,时间节点'];
    for (let i = 1; i <= 100_000; i++) lines.push(`${i},开展第${i}项工作。,市人社局,市财政局,12月底前完成`);
    writeFileSync(join(dir, 'big.csv'), `${lines.join('\n')}\n`);
    const r = await cli(['build', join(dir, 'big.csv'), '-o', join(dir, 'big.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('的表格有 100001 行，超过生成工作簿的上限 80000 行，未写入任何内容');
    expect(existsSync(join(dir, 'big.xlsx'))).toBe(false);
  });
});

describe('a .docx nested 3 000 deep', () => {
  it('is refused with one Chinese line (exit 2), no English', async () => {
    let body = '<w:p><w:r><w:t>任务</w:t></w:r></w:p>';
    for (let i = 0; i < 3000; i++) body = `<w:tbl><w:tr><w:tc>${body}<w:p/></w:tc></w:tr></w:tbl>`;
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
    zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
    const file = join(mkdtempSync(join(tmpdir(), 'duban-deep-')), 'deep.docx');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    for (const command of ['parse', 'build']) {
      const r = await cli(command === 'parse' ? ['parse', file] : ['build', file, '-o', `${file}.xlsx`]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('嵌套层次过深');
      expect(r.err).not.toMatch(/Maximum|call stack|exceeded/);
    }
  });
});
