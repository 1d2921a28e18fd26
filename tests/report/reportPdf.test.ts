import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../support/captureIo';
import { filledBook } from './fillBook';
import { readPdf, type PdfPage } from '../support/pdf';
import { isA4 } from '../support/printPdf';
import { readWorkbookFile, writePlanFile } from '../../src/adapters/xlsx/files';
import { readSummaryParameters } from '../../src/domain/summary/readSummary';
import { circularOfBook } from '../../src/domain/report/circularOfBook';
import { circularSheet } from '../../src/workbook/sheets/circularSheet';
import type { Circular } from '../../src/domain/report/circular';
import type { SheetPlan } from '../../src/workbook/plan';

const ROOT = join(__dirname, '..', '..');
const AS_OF = '2023-12-10';
const PT_PER_MM = 72 / 25.4;
const A4 = { width: 595.3, height: 841.9 };
/** GB/T 9704 margins in points. */
const MARGIN = { top: 37 * PT_PER_MM, bottom: 35 * PT_PER_MM, left: 28 * PT_PER_MM, right: 26 * PT_PER_MM };

type Word = { x0: number; y0: number; x1: number; y1: number; text: string };

/** `pdftotext -bbox`: each page's words with their boxes (points, origin top left). */
function wordsByPage(pdf: string): Word[][] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return html
    .split('<page ')
    .slice(1)
    .map((page) => [...page.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5] as string })));
}

/** Width of a line in characters: a Chinese character or full-width mark is one, a digit or Latin letter half. */
const chars = (s: string): number => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) < 0x100 ? 0.5 : 1), 0);

describe('the 通报 printed by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-report-pdf-'));
  const docx = join(dir, '通报.docx');
  const sheetBook = join(dir, '通报表.xlsx');
  let pages: Word[][] = [];
  let sheetPages: PdfPage[] = [];
  let circular: Circular;
  let sheet: SheetPlan;

  beforeAll(async () => {
    const book = join(dir, 'city.xlsx');
    await filledBook(join(ROOT, 'tests', 'parser', 'fixtures', 'city-labelled.txt'), book, 7, AS_OF);
    expect((await cli(['report', book, '-o', docx, '--as-of', AS_OF, '--title', '2023年市政府工作报告'])).code).toBe(0);
    // The 通报 sheet as the pane writes it, alone in a workbook so its pages are the whole PDF.
    const data = await readWorkbookFile(book);
    circular = circularOfBook(data, { asOf: AS_OF, warnDays: readSummaryParameters(data).warnDays, subject: '2023年市政府工作报告' });
    sheet = circularSheet(circular);
    await writePlanFile({ sheets: [sheet], names: [] }, sheetBook);
    // One LibreOffice run prints both.
    const profile = mkdtempSync(join(tmpdir(), 'duban-lo-profile-'));
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, docx, sheetBook], { stdio: 'pipe', timeout: 300_000 });
    pages = wordsByPage(join(dir, '通报.pdf'));
    sheetPages = readPdf(readFileSync(join(dir, '通报表.pdf')));
  }, 300_000);

  it('is A4 with every page numbered — N — at the foot, right on odd pages and left on even ones', () => {
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', join(dir, '通报.pdf')], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(sizes.length).toBe(pages.length);
    expect(pages.length).toBeGreaterThanOrEqual(3); // the body, then each attachment on a page of its own
    for (const [w, h] of sizes) expect([Math.abs((w as number) - A4.width) < 1, Math.abs((h as number) - A4.height) < 1]).toEqual([true, true]);
    pages.forEach((words, i) => {
      const foot = words.filter((w) => w.y0 > A4.height - MARGIN.bottom);
      expect(foot.map((w) => w.text).join('')).toBe(`—${i + 1}—`);
      const [left, right] = [Math.min(...foot.map((w) => w.x0)), Math.max(...foot.map((w) => w.x1))];
      // One character (16 pt) in from the 版心's edge.
      if (i % 2 === 0) expect(Math.abs(A4.width - MARGIN.right - 16 - right)).toBeLessThan(2);
      else expect(Math.abs(MARGIN.left + 16 - left)).toBeLessThan(2);
    });
  });

  it('keeps the text inside the GB/T 9704 margins (37/35/28/26 mm), 22 lines of at most 28 characters', () => {
    const pitches: number[] = [];
    for (const words of pages) {
      const body = words.filter((w) => w.y0 < A4.height - MARGIN.bottom);
      for (const w of body) {
        expect(w.x0).toBeGreaterThan(MARGIN.left - 0.5);
        expect(w.y0).toBeGreaterThan(MARGIN.top - 0.5);
        expect(w.y1).toBeLessThan(A4.height - MARGIN.bottom + 0.5);
        // Closing punctuation may hang past the right edge (Word's and LibreOffice's Chinese default), nothing else.
        if (w.x1 > A4.width - MARGIN.right + 0.5) expect([w.text, w.x1 - (A4.width - MARGIN.right)]).toEqual([expect.stringMatching(/[，。、；：）]$/), expect.any(Number)]);
        expect(w.x1).toBeLessThan(A4.width - MARGIN.right + 16.5);
      }
      // Body lines (16 pt text outside tables): their tops, their characters.
      const lines = new Map<number, string>();
      for (const w of body.filter((x) => Math.abs(x.y1 - x.y0 - 20.8) < 1)) lines.set(Math.round(w.y0 * 10) / 10, (lines.get(Math.round(w.y0 * 10) / 10) ?? '') + w.text);
      const tops = [...lines.keys()].sort((a, b) => a - b);
      expect(tops.length).toBeLessThanOrEqual(22);
      for (const text of lines.values()) expect(chars(text.replace(/[，。、；：）]$/, ''))).toBeLessThanOrEqual(28);
      tops.slice(1).forEach((t, i) => pitches.push(t - (tops[i] as number)));
    }
    // Adjacent lines are one pitch apart (the most common gap): 22 of them fill the 225 mm 版心.
    const pitch = pitches.sort((a, b) => a - b)[Math.floor(pitches.length / 2)] as number;
    expect(Math.abs(pitch * 22 - 225 * PT_PER_MM)).toBeLessThan(3);
    // Some line is full: 28 characters of Chinese text (or 27 and a hanging mark).
    expect(Math.max(...pages.flatMap((words) => words.filter((w) => w.text.length > 20).map((w) => chars(w.text))))).toBeGreaterThanOrEqual(20);
  });

  it('prints the title, every paragraph and both attachments', () => {
    const text = pages.map((words) => words.map((w) => w.text).join('')).join('');
    expect(text).toContain('关于2023年市政府工作报告');
    expect(text).toContain(`重点任务推进情况的通报（${circular.period}）`);
    for (const b of circular.body) expect(text).toContain((b.kind === 'heading' ? b.text : `${b.lead ?? ''}${b.text}`).replace(/\s/g, ''));
    expect(text).toContain('附件1逾期任务清单');
    expect(text).toContain('附件2各单位任务推进情况');
  });

  it('the 通报 sheet prints on A4 portrait with no line cut at the page edge', () => {
    expect(sheetPages.length).toBeGreaterThan(1);
    for (const p of sheetPages) expect([isA4(p), p.height > p.width]).toEqual([true, true]);
    const printed = sheetPages.map((p) => p.text).join('').replace(/\s/g, '');
    const cells = sheet.rows.flatMap((r) => r.filter((c): c is { t: 'text'; v: string } => c !== null && c.t === 'text').map((c) => c.v.replace(/\s/g, '')));
    expect(cells.length).toBeGreaterThan(40);
    for (const v of cells) expect(printed).toContain(v);
    // Each attachment starts a page.
    expect(sheetPages.filter((p) => p.text.replace(/\s/g, '').includes('附件')).length).toBeGreaterThanOrEqual(2);
  });
});
