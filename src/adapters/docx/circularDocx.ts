import { AlignmentType, BorderStyle, Document, DocumentGridType, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType, type IRunOptions } from 'docx';
import type { Circular, CircularBlock, CircularTable } from '../../domain/report/circular';
import { attachmentLines } from '../../domain/report/circularText';
import { CHAR, CHAR_SPACING, FONT, FOOTER_DISTANCE, LINE_PITCH, MARGIN, PAGE, SIZE, TEXT_WIDTH, mm } from './gbt9704';

/** A run in one of the standard's faces; Latin letters and figures in Times New Roman. */
const run = (text: string, face: string, size: number = SIZE.body, extra: Partial<IRunOptions> = {}): TextRun =>
  new TextRun({ text, size, font: { ascii: FONT.latin, hAnsi: FONT.latin, eastAsia: face }, ...(size === SIZE.body ? { characterSpacing: CHAR_SPACING } : {}), ...extra });

/** Body paragraphs: exact line pitch (22 lines a page), first line indented two characters. */
const BODY_SPACING = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

const bodyParagraph = (children: TextRun[], indent = true): Paragraph =>
  new Paragraph({ children, spacing: BODY_SPACING, alignment: AlignmentType.JUSTIFIED, ...(indent ? { indent: { firstLine: 2 * CHAR } } : {}) });

const blank = (): Paragraph => new Paragraph({ children: [], spacing: BODY_SPACING });

function block(b: CircularBlock): Paragraph {
  if (b.kind === 'heading') return bodyParagraph([run(b.text, FONT.heading1)]);
  const lead = b.lead ? [run(b.lead, FONT.heading2)] : [];
  return bodyParagraph([...lead, run(b.text, FONT.body)]);
}

/** The title: 2号 小标宋, centred, on two lines' pitch so a long one wraps evenly. */
const title = (lines: readonly string[]): Paragraph =>
  new Paragraph({
    children: lines.map((line, i) => run(line, FONT.title, SIZE.title, i > 0 ? { break: 1 } : {})),
    alignment: AlignmentType.CENTER,
    spacing: { line: 600, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  });

/** `— N —` in 4号 半角宋体: right on odd pages, left on even ones, one character in from the edge. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const face = { ascii: FONT.pageNumber, hAnsi: FONT.pageNumber, eastAsia: FONT.pageNumber };
  const indent = side === 'odd' ? { right: CHAR } : { left: CHAR };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.pageNumber, font: face })],
      }),
    ],
  });
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
// Exact, so table lines do not snap to the 22-line grid (a row would take a body line per text line).
const TABLE_SPACING = { line: 340, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** Numbers, rates and dates are centred in their column; names and task text read from the left. */
const FIGURE = /^[\d.%—-]+$/;

function cell(text: string, width: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
    children: [new Paragraph({ alignment: header || FIGURE.test(text) ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: TABLE_SPACING, children: [run(text, header ? FONT.heading1 : FONT.body, SIZE.table)] })],
  });
}

/** An attachment: `附件N` in 黑体 at the top left of a new page, its title, then the table (its header repeated on every page). */
function attachment(t: CircularTable, n: number): Array<Paragraph | Table> {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: t.header.map((h, i) => cell(h, widths[i] as number, true)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, widths[i] as number, false)) })),
    ],
  });
  return [
    new Paragraph({ pageBreakBefore: true, spacing: BODY_SPACING, children: [run(`附件${n}`, FONT.heading1)] }),
    blank(),
    title([t.title]),
    blank(),
    table,
    ...(t.note ? [bodyParagraph([run(t.note, FONT.body)])] : []),
  ];
}

/**
 * The 通报 as a Word document laid out as GB/T 9704: A4, margins 37/35/28/26 mm, 22 lines of 28
 * characters, title 小标宋 22 pt centred, body 仿宋 16 pt, headings 黑体 and 楷体, page numbers
 * `— N —`, attachments each on a new page.
 */
export async function circularDocx(c: Circular): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [
    blank(),
    title(c.titleLines),
    blank(),
    bodyParagraph([run(c.addressees, FONT.body)], false),
    ...c.body.map(block),
    blank(),
    ...attachmentLines(c).map((line) => bodyParagraph([run(line, FONT.body)])),
    blank(),
    blank(),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR }, spacing: BODY_SPACING, children: [run(c.signature.issuer, FONT.body)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR }, spacing: BODY_SPACING, children: [run(c.signature.date, FONT.body)] }),
    ...c.attachments.flatMap((t, i) => attachment(t, i + 1)),
  ];
  const doc = new Document({
    title: c.title,
    creator: 'Duban 督办',
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { size: SIZE.body, font: { ascii: FONT.latin, hAnsi: FONT.latin, eastAsia: FONT.body } }, paragraph: { spacing: BODY_SPACING } } } },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...MARGIN, header: mm(15), footer: FOOTER_DISTANCE } },
          // No document grid: body paragraphs keep 22 lines a page by their exact line pitch, and a
          // grid would make LibreOffice snap every line of the attachment tables to that pitch too.
          grid: { type: DocumentGridType.DEFAULT, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
