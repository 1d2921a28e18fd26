import JSZip from 'jszip';
import { planToXlsx, readXlsx } from '../../src/adapters/xlsx/xlsxBytes';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';

/**
 * 回收 in the pane reads returned files with readXlsx: the same limits as the CLI (counted while
 * inflating, whatever the zip's headers say) and one Chinese reason, never JSZip's English.
 */
describe('readXlsx, as the pane reads a returned file', () => {
  it('refuses a small file whose sheet inflates to 250 000 rows, before exceljs reads it', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${'<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(250_000)}</sheetData></worksheet>`);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(1_000_000);
    await expect(readXlsx(bytes)).rejects.toThrow(/这个文件 的工作表共有超过 200000 行，超过工作簿的上限/);
  });

  it('says a cut or damaged file is damaged, in Chinese', async () => {
    const good = await planToXlsx(prepareWorkbook({ noticeText: '1．推进一项工作。（市财政局负责，12月底前完成）\n2020年1月1日', previous: null, asOf: '2020-06-30' }).plan);
    await expect(readXlsx(good.subarray(0, Math.floor(good.length / 2)))).rejects.toThrow('无法作为 .xlsx 打开：文件已损坏或不完整');
    const scrambled = new Uint8Array(good);
    scrambled.fill(0x41, 200, 4000);
    // JSZip's own words ("Corrupted zip", "invalid stored block") never reach the clerk.
    await expect(readXlsx(scrambled)).rejects.toThrow(/^无法作为 \.xlsx 打开：文件/);
    await expect(readXlsx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]))).rejects.toThrow('旧版 .xls');
  });

  it('still reads a good file', async () => {
    const good = await planToXlsx(prepareWorkbook({ noticeText: '1．推进一项工作。（市财政局负责，12月底前完成）\n2020年1月1日', previous: null, asOf: '2020-06-30' }).plan);
    const book = await readXlsx(good);
    expect(book.sheets.map((s) => s.name)).toContain('台账-市财政局');
  });
});
