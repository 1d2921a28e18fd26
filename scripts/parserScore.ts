// `npx tsx scripts/parserScore.ts [--json]`: pooled (task, unit, role) precision, recall and F1 of the
// parser over the hand-written fixtures in tests/parser/fixtures (notices, .txt) and tests/table/fixtures
// (task-list tables, .csv), against the assignments typed by hand in tests/parser/expected/<fixture>.tsv
// and tests/table/expected/<fixture>.tsv (one `task<TAB>unit<TAB>role` a line, `#` comments).
// The issues' bar (9, 22): pooled F1 ≥ 0.95 and every file ≥ 0.90, on notices not in this repository.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotice } from '../src/domain/notice/parseNotice';
import type { ParsedNotice } from '../src/domain/notice/types';
import { csvGrid } from '../src/domain/table/csv';
import { readTaskTables } from '../src/domain/table/readTaskTables';

export type NoticeScore = { name: string; expected: number; found: number; correct: number; precision: number; recall: number; f1: number; missed: string[]; extra: string[] };

const TESTS = join(__dirname, '..', 'tests');
/** Where fixtures and expectations live, and how a fixture is read. */
const SOURCES: Array<{ dir: string; ext: string; read: (text: string) => ParsedNotice }> = [
  { dir: join(TESTS, 'parser'), ext: '.txt', read: (text) => parseNotice(text) },
  { dir: join(TESTS, 'table'), ext: '.csv', read: (text) => readTaskTables([csvGrid(text, 'CSV 表格')], { format: 'csv' }).parsed },
];

/** The (task, unit, role) triples a file of expectations lists. */
export function readExpected(text: string): Set<string> {
  return new Set(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0 && !l.startsWith('#'))
      .map((l) => l.split('\t').join(' ')),
  );
}

/** Precision, recall and F1 of found triples against expected ones (empty against empty scores 1). */
export function score(name: string, expected: Set<string>, found: Set<string>): NoticeScore {
  const correct = [...found].filter((t) => expected.has(t)).length;
  const precision = found.size === 0 ? (expected.size === 0 ? 1 : 0) : correct / found.size;
  const recall = expected.size === 0 ? 1 : correct / expected.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { name, expected: expected.size, found: found.size, correct, precision, recall, f1, missed: [...expected].filter((t) => !found.has(t)), extra: [...found].filter((t) => !expected.has(t)) };
}

/** Every fixture with a `.tsv` of expectations, scored; `pooled` sums the counts over all of them. */
export function scoreFixtures(): { notices: NoticeScore[]; pooled: NoticeScore } {
  const notices = SOURCES.flatMap(({ dir, ext, read }) =>
    readdirSync(join(dir, 'expected'))
      .filter((f) => f.endsWith('.tsv'))
      .sort()
      .map((f) => {
        const name = f.replace(/\.tsv$/, '');
        const parsed = read(readFileSync(join(dir, 'fixtures', `${name}${ext}`), 'utf8'));
        const found = new Set(parsed.tasks.flatMap((t) => t.units.map((u) => `${t.id} ${u.name} ${u.role}`)));
        return score(`${name}${ext}`, readExpected(readFileSync(join(dir, 'expected', f), 'utf8')), found);
      }),
  );
  const sum = (k: 'expected' | 'found' | 'correct'): number => notices.reduce((n, s) => n + s[k], 0);
  const precision = sum('correct') / Math.max(1, sum('found'));
  const recall = sum('correct') / Math.max(1, sum('expected'));
  const pooled: NoticeScore = {
    name: 'pooled',
    expected: sum('expected'),
    found: sum('found'),
    correct: sum('correct'),
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    missed: [],
    extra: [],
  };
  return { notices, pooled };
}

if (require.main === module) {
  const { notices, pooled } = scoreFixtures();
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ schema: 'duban.parserScore/1', notices, pooled }, null, 2)}\n`);
  } else {
    const f = (x: number): string => x.toFixed(3);
    for (const s of [...notices, pooled]) {
      process.stdout.write(`${s.name.padEnd(32)} P ${f(s.precision)}  R ${f(s.recall)}  F1 ${f(s.f1)}  (${s.correct}/${s.expected} expected, ${s.found} found)\n`);
      for (const m of s.missed) process.stdout.write(`    missed ${m}\n`);
      for (const e of s.extra) process.stdout.write(`    extra  ${e}\n`);
    }
  }
}
