/**
 * GB/T 9704-2012 (党政机关公文格式) in Word's units. Lengths in twips (1/20 pt), font sizes in
 * half-points, as the `docx` package takes them.
 */

const MM = 1440 / 25.4;
export const mm = (x: number): number => Math.round(x * MM);

/** A4, portrait. */
export const PAGE = { width: 11906, height: 16838 } as const;

/** 天头 37 mm, 订口 (left) 28 mm; 版心 156 × 225 mm, so bottom 35 mm and right 26 mm. */
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } as const;

/** The page number sits about 7 mm under the 版心 (its baseline 28 mm above the bottom edge). */
export const FOOTER_DISTANCE = mm(21);

/** Width of the 版心: 156 mm. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** 3号 (16 pt) body text; 2号 (22 pt) title; 4号 (14 pt) page numbers; 小四 (12 pt) in attachment tables. */
export const SIZE = { body: 32, title: 44, pageNumber: 28, table: 24 } as const;

/** 22 lines of 28 characters: the line pitch that puts 22 lines in the 225 mm 版心. */
export const LINE_PITCH = Math.floor(mm(225) / 22);
export const CHARS_PER_LINE = 28;

/**
 * Spacing taken from each 16 pt character (in twips, negative) so 28 fit the 156 mm line:
 * 28 × (16 − 0.25) pt = 441 pt ≤ 442.2 pt. Set on the runs rather than as a character grid
 * (`w:docGrid linesAndChars`), which LibreOffice lays out at about 17 characters a line.
 */
export const CHAR_SPACING = -Math.ceil(((SIZE.body / 2) * CHARS_PER_LINE * 20 - TEXT_WIDTH) / CHARS_PER_LINE);

/** One character of 16 pt text, for indents (首行缩进二字, 空一字). */
export const CHAR = (SIZE.body / 2) * 20;

/**
 * The fonts the standard names. They are on the office's Windows machines (and WPS), not on
 * Linux: the document names them and a viewer without them substitutes a CJK face. Latin text
 * and figures are set in Times New Roman, as Word does for 公文 templates.
 */
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;
