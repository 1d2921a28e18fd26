import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureXlsx, WORKBOOK_MAX_ROWS } from '../../src/adapters/xlsx/workbookLimits';
import { cli } from '../support/captureIo';

/*
 * The limits count what the reader will read (issue #21): every entry JSZip finds by walking the
 * central directory, whatever the end record says, and every entry exceljs loads as a sheet, however
 * it is named. Each hostile file is made here from a small workbook.
 */

let dir = '';
let plain: Buffer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-ziplimits-'));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('任务清单').addRow(['任务编号', '任务内容']);
  plain = Buffer.from(await wb.xlsx.writeBuffer());
});

/** `plain` with one more entry, compressed. */
async function withEntry(name: string, content: string | Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(plain);
  zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The end record rewritten to claim `count` entries: JSZip still reads them all. */
function hideEntries(bytes: Buffer, count: number): Buffer {
  const out = Buffer.from(bytes);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  out.writeUInt16LE(count, eocd + 8);
  out.writeUInt16LE(count, eocd + 10);
  return out;
}

const manyRows = (n: number): string => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${'<row r="1"/>'.repeat(n)}</sheetData></worksheet>`;

describe('zip limits count every entry the reader reads', () => {
  it('rows of a sheet the end record hides are counted, and the file is refused before loading', async () => {
    const entries = Object.keys((await JSZip.loadAsync(plain)).files).length;
    const bytes = hideEntries(await withEntry('xl/worksheets/sheet2.xml', manyRows(WORKBOOK_MAX_ROWS + 1)), entries);
    const file = join(dir, 'hidden.xlsx');
    writeFileSync(file, bytes);
    expect((await measureXlsx(bytes, 1e9, 1e9))?.rows).toBe(WORKBOOK_MAX_ROWS + 2);
    const r = await cli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`超过工作簿的上限 ${WORKBOOK_MAX_ROWS} 行`);
  });

  it('an entry exceljs loads as a sheet under another name (sheet99.xml.bak) counts its rows', async () => {
    const bytes = await withEntry('xl/worksheets/sheet99.xml.bak', manyRows(50));
    expect((await measureXlsx(bytes, 1e9, 1e9))?.rows).toBe(51);
  });

  it('any entry counts toward the uncompressed size (a huge docProps/custom.xml)', async () => {
    const bytes = await withEntry('docProps/custom.xml', Buffer.alloc(3_000_000, 0x20));
    const m = await measureXlsx(bytes, 1_000_000, 1e9);
    expect(m?.xmlBytes).toBeGreaterThan(1_000_000);
    expect(m?.xmlBytes).toBeLessThan(1_000_000 + 2 * 65_536); // inflating stopped at the limit
  });

  it('a zip it cannot follow entry by entry is refused in Chinese, never handed to exceljs', async () => {
    const shifted = Buffer.from(plain); // the end record points past the directory's start, as after bytes were put in front
    const eocd = shifted.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    shifted.writeUInt32LE(shifted.readUInt32LE(eocd + 16) + 7, eocd + 16);
    expect(await measureXlsx(shifted, 1e9, 1e9)).toBeNull();
    const file = join(dir, 'shifted.xlsx');
    writeFileSync(file, shifted);
    const r = await cli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('无法作为 .xlsx 打开：文件已损坏或不完整');
    expect(r.err).not.toMatch(/Corrupted|Invalid|signature/);
  });
});
