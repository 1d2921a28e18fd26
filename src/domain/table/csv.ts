import type { Grid } from './types';

/** Delimiters a 分工表 saved as text may use: Excel's “CSV（逗号分隔）”, a tab-separated export, a European `;`. */
const DELIMITERS = [',', '\t', ';'] as const;

/**
 * Read CSV text (RFC 4180: quoted fields, `""` inside quotes, line breaks inside quotes) into a
 * grid. The delimiter is the one of `,` tab `;` most frequent outside quotes in the first lines.
 *
 * @example
 * csvGrid('序号,重点任务\n1,"稳就业,保民生"', 'a.csv').rows //=> [['序号', '重点任务'], ['1', '稳就业,保民生']]
 */
export function csvGrid(text: string, name: string): Grid {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = guessDelimiter(body);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (body[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return { name, rows, merges: [] };
}

function guessDelimiter(text: string): string {
  const sample = text.slice(0, 4096).replace(/"[^"]*"/g, '');
  let best: string = DELIMITERS[0];
  let most = -1;
  for (const d of DELIMITERS) {
    const n = sample.split(d).length - 1;
    if (n > most) {
      most = n;
      best = d;
    }
  }
  return best;
}
