import type { CellSpan, Grid } from './types';

/** The tables of an HTML document and the text of the paragraphs before the first one. */
export type HtmlTables = { tables: Grid[]; before: string[] };

/** Tags and text of mammoth's HTML, which is regular: `<table><tr><td colspan="2" rowspan="3"><p>…</p></td>…`. */
const TOKEN = /<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g;
const SPAN = (name: string): RegExp => new RegExp(`${name}="(\\d+)"`);
/** Tags after which a cell's text goes on a new line. */
const BLOCK = new Set(['p', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Read the tables of the HTML mammoth makes of a .docx, in document order, with their merged
 * cells (mammoth writes Word's gridSpan as `colspan` and vMerge as `rowspan`). A table inside a
 * table cell is read as that cell's text. Paragraphs before the first table (a title) come in
 * `before`.
 *
 * @example
 * htmlTables('<p>分工表</p><table><tr><td>序号</td><td>任务</td></tr></table>')
 * //=> { before: ['分工表'], tables: [{ name: '表 1', rows: [['序号', '任务']], merges: [] }] }
 */
export function htmlTables(html: string): HtmlTables {
  const tables: Grid[] = [];
  const before: string[] = [];
  let depth = 0;
  let paragraph = '';
  let table: Builder | null = null;
  for (const m of html.matchAll(TOKEN)) {
    const [, close, rawTag, attrs = '', text] = m;
    if (text !== undefined) {
      const t = decodeEntities(text);
      if (depth === 0) paragraph += t;
      else table?.text(t);
      continue;
    }
    const tag = (rawTag as string).toLowerCase();
    if (tag === 'table') {
      if (close === '') {
        depth++;
        if (depth === 1) table = new Builder();
        else table?.text(' ');
      } else if (depth > 0) {
        depth--;
        if (depth === 0 && table !== null) {
          tables.push({ name: `表 ${tables.length + 1}`, ...table.done() });
          table = null;
        }
      }
    } else if (depth === 1 && table !== null && close === '' && tag === 'tr') {
      table.row();
    } else if (depth === 1 && table !== null && close === '' && (tag === 'td' || tag === 'th')) {
      table.cell(spanOf(attrs, 'rowspan'), spanOf(attrs, 'colspan'));
    } else if (depth > 0 && BLOCK.has(tag) && (close === '/' || tag === 'br')) {
      table?.text('\n');
    } else if (depth === 0 && BLOCK.has(tag) && close === '/') {
      if (tables.length === 0 && paragraph.trim() !== '') before.push(paragraph.trim());
      paragraph = '';
    }
  }
  return { tables, before };
}

function spanOf(attrs: string, name: string): number {
  const n = Number(SPAN(name).exec(attrs)?.[1] ?? 1);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, dec?: string, hex?: string) => {
    if (dec !== undefined) return String.fromCodePoint(Number(dec));
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' } as Record<string, string>)[name] ?? '';
  });
}

/** Places cells in a grid, skipping the places rowspans from above already hold. */
class Builder {
  private rows: string[][] = [];
  private merges: CellSpan[] = [];
  private taken = new Set<string>();
  private at: { r: number; c: number } | null = null;

  row(): void {
    this.rows.push([]);
    this.at = null;
  }

  cell(rowspan: number, colspan: number): void {
    if (this.rows.length === 0) this.row();
    const r = this.rows.length - 1;
    let c = 0;
    while (this.taken.has(`${r},${c}`)) c++;
    for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) this.taken.add(`${r + dr},${c + dc}`);
    if (rowspan > 1 || colspan > 1) this.merges.push({ top: r, left: c, bottom: r + rowspan - 1, right: c + colspan - 1 });
    const row = this.rows[r] as string[];
    while (row.length < c) row.push('');
    row[c] = '';
    this.at = { r, c };
  }

  text(t: string): void {
    if (this.at === null) return;
    const row = this.rows[this.at.r] as string[];
    row[this.at.c] = (row[this.at.c] ?? '') + t;
  }

  done(): { rows: string[][]; merges: CellSpan[] } {
    return { rows: this.rows.map((r) => r.map((v) => v.replace(/\n+$/, '').replace(/^\n+/, ''))), merges: this.merges };
  }
}
