import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotice } from '../../src/domain/notice/parseNotice';
import { compare, type BenchRow } from './measure';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');

/** The seed's items repeated `times` times with item numbers continuing, as one long notice. */
export function scaledNotice(times: number): string {
  const lines = SEED.split('\n');
  const bodyStart = lines.findIndex((l) => l.trim() === '一、任务分工');
  const tailStart = lines.findIndex((l) => l.trim() === '二、工作要求');
  const head = lines.slice(0, bodyStart + 1);
  const body = lines.slice(bodyStart + 1, tailStart);
  const out = [...head];
  for (let k = 0; k < times; k++) {
    for (const line of body) out.push(line.replace(/^(\s*)(\d+)．/, (_m, sp: string, n: string) => `${sp}${Number(n) + 50 * k}．`));
  }
  out.push(...lines.slice(tailStart));
  return out.join('\n');
}

/** The baseline: one regex pass over the same text, finding every bracket. */
const ONE_REGEX_PASS = /（[^（）]*）/g;

export async function parseBenchmarks(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [label, times, runs] of [['seed', 1, 21], ['seed ×10', 10, 7], ['seed ×100', 100, 3]] as const) {
    const text = scaledNotice(times);
    let tasks = 0;
    const row = await compare(
      `parse ${label}`,
      () => {
        tasks = parseNotice(text).tasks.length;
      },
      () => text.match(ONE_REGEX_PASS)?.length ?? 0,
      runs,
      { chars: text.length, tasks: 0 },
    );
    row.tasks = tasks;
    row.msPerMChar = Math.round((row.ms / text.length) * 1e6 * 100) / 100;
    rows.push(row);
  }
  // 100 000 nested brackets (issue 12: the scan was quadratic, 54 s): parse time against one regex pass over the same text.
  for (const [label, inner] of [['nested ×100 000', 'closed'], ['unclosed ×100 000', 'open']] as const) {
    const n = 100_000;
    const text = `一、任务分工\n1．做好就业工作。${'（'.repeat(n)}市人社局牵头${inner === 'closed' ? '）'.repeat(n) : ''}\n`;
    const row = await compare(`parse ${label}`, () => parseNotice(text, { defaultYear: 2020 }), () => text.match(ONE_REGEX_PASS)?.length ?? 0, 5, { chars: text.length });
    row.msPerMChar = Math.round((row.ms / text.length) * 1e6 * 100) / 100;
    rows.push(row);
  }
  // Issue 9's forms at scale: unnumbered paragraphs each closed by a bracket (every one a task, joined
  // between numbered items or numbered in order), and own-line labels. ms per million characters must
  // stay flat from ×10 000 to ×100 000.
  for (const n of [10_000, 100_000]) {
    for (const [label, text] of [
      [`paragraphs ×${n}`, unnumberedNotice(n, false)],
      [`joined paragraphs ×${n}`, unnumberedNotice(n, true)],
      [`label lines ×${n}`, `（一）测试\n1．做好就业工作。\n${'牵头单位：市人社局\n'.repeat(n)}2020年1月1日\n`],
    ] as const) {
      let tasks = 0;
      const row = await compare(`parse ${label}`, () => (tasks = parseNotice(text).tasks.length), () => text.match(ONE_REGEX_PASS)?.length ?? 0, 3, { chars: text.length, tasks: 0 });
      row.tasks = tasks;
      row.msPerMChar = Math.round((row.ms / text.length) * 1e6 * 100) / 100;
      rows.push(row);
    }
  }
  return rows;
}

/** `n` unnumbered paragraphs under （一）; with `between`, a numbered item follows, so they join item 1. */
function unnumberedNotice(n: number, between: boolean): string {
  const head = between ? '（一）稳定经济\n1．做好工作。（市财政局牵头）\n（二）扩大开放\n' : '（一）稳定经济\n';
  const body = Array.from({ length: n }, (_, i) => `推进第${i}项工作。（市商务局牵头，市财政局配合，12月底前完成）\n`).join('');
  return `${head}${body}${between ? '2．稳住外资。（市商务局牵头）\n' : ''}2020年1月1日\n`;
}
