import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellSpan } from '../../../src/domain/table/types';

/** A table written by hand in a test: rows of cell text, merged areas with their text in the top-left cell. */
export type TableRows = { rows: string[][]; merges?: CellSpan[] };

/** A minimal .docx: the paragraphs, then each table (merges as Word writes them: gridSpan, vMerge). */
export async function docxBytes(paragraphs: string[], tables: TableRows[], between: string[] = []): Promise<Buffer> {
  const body = [
    ...paragraphs.map(paragraph),
    ...tables.flatMap((t, i) => [...(i > 0 ? between.map(paragraph) : []), tableXml(t)]),
  ].join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraph = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;

function tableXml(t: TableRows): string {
  const merges = t.merges ?? [];
  const width = Math.max(...t.rows.map((r) => r.length));
  const rows = t.rows.map((row, r) => {
    const cells: string[] = [];
    for (let c = 0; c < width; ) {
      const m = merges.find((x) => r >= x.top && r <= x.bottom && c === x.left);
      const span = m ? m.right - m.left + 1 : 1;
      const props = [span > 1 ? `<w:gridSpan w:val="${span}"/>` : '', m && m.bottom > m.top ? (r === m.top ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : ''].join('');
      const text = m && r > m.top ? '' : (row[c] ?? '');
      cells.push(`<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${text.split('\n').map(paragraph).join('')}</w:tc>`);
      c += span;
    }
    return `<w:tr>${cells.join('')}</w:tr>`;
  });
  return `<w:tbl><w:tblGrid>${'<w:gridCol w:w="1500"/>'.repeat(width)}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

/** An .xlsx with these sheets (merges applied as Excel stores them). */
export async function xlsxBytes(sheets: Array<{ name: string } & TableRows>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) => row.forEach((v, c) => v !== '' && (ws.getCell(r + 1, c + 1).value = v)));
    for (const m of s.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV text as Excel writes it: fields with `,` `"` or line breaks quoted, CRLF line ends. */
export function csvText(rows: string[][]): string {
  return rows.map((r) => r.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n') + '\r\n';
}
