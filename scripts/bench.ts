// `npm run bench [-- --json] [-- --only <suite>]` (the suites are the keys of SUITES below): workloads next to a baseline measured in the same
// run, never as timing assertions in tests (the machines are shared and noisy).
import { parseBenchmarks } from './bench/parseBench';
import { buildBenchmarks } from './bench/buildBench';
import { summaryBenchmarks } from './bench/summaryBench';
import { validateBenchmarks } from './bench/validateBench';
import { paneBenchmarks } from './bench/paneBench';
import { recalcBenchmarks } from './bench/recalcBench';
import { mergeBenchmarks } from './bench/mergeBench';
import { updateBenchmarks } from './bench/updateBench';
import { tableBenchmarks } from './bench/tableBench';
import { paperBenchmarks } from './bench/paperBench';
import { openBenchmarks } from './bench/openBench';
import { reportBenchmarks } from './bench/reportBench';
import type { BenchRow } from './bench/measure';

const SUITES: Record<string, () => Promise<BenchRow[]>> = {
  parse: parseBenchmarks,
  build: buildBenchmarks,
  summary: summaryBenchmarks,
  validate: validateBenchmarks,
  pane: paneBenchmarks,
  recalc: recalcBenchmarks,
  merge: mergeBenchmarks,
  update: updateBenchmarks,
  table: tableBenchmarks,
  paper: paperBenchmarks,
  open: openBenchmarks,
  report: reportBenchmarks,
};

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
  const results: BenchRow[] = [];
  for (const [name, suite] of Object.entries(SUITES)) {
    if (only && only !== name) continue;
    if (!json) process.stderr.write(`running ${name}…\n`);
    results.push(...(await suite()));
  }
  if (json) {
    process.stdout.write(`${JSON.stringify({ schema: 'duban.bench/1', results }, null, 2)}\n`);
    return;
  }
  const keys = ['name', 'ms', 'baselineMs', 'ratio', ...new Set(results.flatMap((r) => Object.keys(r).filter((k) => !['name', 'ms', 'baselineMs', 'ratio'].includes(k))))];
  const table = [keys, ...results.map((r) => keys.map((k) => (r[k] === undefined ? '' : String(r[k]))))];
  const widths = keys.map((_, i) => Math.max(...table.map((row) => (row[i] as string).length)));
  for (const row of table) process.stdout.write(`${row.map((c, i) => c.padEnd(widths[i] as number)).join('  ')}\n`);
}

void main();
